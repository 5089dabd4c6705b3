# exercise: multi_head_attention
"""Multi-head self-attention.  Fill in every `...` marked TODO, then run

    renshu watch multi_head_attention.py
"""

import numpy as np


def softmax(x):
    """Softmax over the last axis, shifted by each row's maximum."""
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def multi_head_attention(X, W_q, W_k, W_v, W_o, n_heads):
    """Multi-head self-attention, no biases, no mask.

    X: (B, T, D) with D = n_heads * Dh
    W_q, W_k, W_v, W_o: (D, D), applied as X @ W
    returns (B, T, D)
    """
    B, T, D = X.shape
    d_head = D // n_heads

    def split_heads(Y):
        """(B, T, D) -> (B, n_heads, T, d_head); head h takes columns h*d_head:(h+1)*d_head."""
        return ...  # TODO: reshape the last axis into (n_heads, d_head), then move the head axis

    Q = split_heads(X @ W_q)
    K = split_heads(X @ W_k)
    V = split_heads(X @ W_v)
    scores = ...  # TODO: (B, n_heads, T, T), scaled for one head
    heads = softmax(scores) @ V  # (B, n_heads, T, d_head)
    concat = ...  # TODO: back to (B, T, D), head 0's columns first
    return ...  # TODO: output projection
