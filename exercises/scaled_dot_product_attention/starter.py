# exercise: scaled_dot_product_attention
"""Scaled dot-product attention with a mask.  Fill in every `...` marked TODO, then run

    renshu watch scaled_dot_product_attention.py
"""

import numpy as np


def softmax(x):
    """Softmax over the last axis, shifted by each row's maximum."""
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def scaled_dot_product_attention(Q, K, V, mask):
    """softmax(Q Kᵀ / √Dk) V.

    Q: (B, Tq, Dk); K: (B, Tk, Dk); V: (B, Tk, Dv)
    mask: (B, Tq, Tk) bool, True = may attend; or None (no mask)
    Masked scores are replaced by -1e9 before the softmax.
    returns (output, weights): (B, Tq, Dv) and (B, Tq, Tk)
    """
    d_k = Q.shape[-1]
    scores = ...  # TODO: (B, Tq, Tk) dot products of every query with every key, scaled
    if mask is not None:
        scores = ...  # TODO: replace the scores where mask is False by -1e9
    weights = ...  # TODO: softmax over the keys
    output = ...  # TODO: weighted average of the values
    return output, weights
