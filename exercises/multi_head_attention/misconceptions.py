"""Known-wrong multi-head attention, one per misconception in exercise.yaml (trusted, run by the grader)."""

import numpy as np


def _softmax(x):
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def _split(Y, n_heads):
    B, T, D = Y.shape
    return Y.reshape(B, T, n_heads, D // n_heads).transpose(0, 2, 1, 3)


def _merge(heads):
    B, H, T, Dh = heads.shape
    return heads.transpose(0, 2, 1, 3).reshape(B, T, H * Dh)


def _heads(X, W_q, W_k, W_v, n_heads, scale):
    Q, K, V = (_split(X @ W, n_heads) for W in (W_q, W_k, W_v))
    return _softmax(Q @ np.swapaxes(K, -1, -2) / scale) @ V


def scale_by_model_dim(X, W_q, W_k, W_v, W_o, n_heads):
    D = X.shape[-1]
    return _merge(_heads(X, W_q, W_k, W_v, n_heads, np.sqrt(D))) @ W_o


def heads_reshaped_without_transpose(X, W_q, W_k, W_v, W_o, n_heads):
    B, T, D = X.shape
    d_head = D // n_heads
    Q, K, V = ((X @ W).reshape(B, n_heads, T, d_head) for W in (W_q, W_k, W_v))
    heads = _softmax(Q @ np.swapaxes(K, -1, -2) / np.sqrt(d_head)) @ V
    return heads.reshape(B, T, D) @ W_o


def no_output_projection(X, W_q, W_k, W_v, W_o, n_heads):
    d_head = X.shape[-1] // n_heads
    return _merge(_heads(X, W_q, W_k, W_v, n_heads, np.sqrt(d_head)))


def weights_transposed(X, W_q, W_k, W_v, W_o, n_heads):
    d_head = X.shape[-1] // n_heads
    heads = _heads(X, W_q.T, W_k.T, W_v.T, n_heads, np.sqrt(d_head))
    return _merge(heads) @ W_o.T


def heads_ignored(X, W_q, W_k, W_v, W_o, n_heads):
    D = X.shape[-1]
    Q, K, V = X @ W_q, X @ W_k, X @ W_v
    return (_softmax(Q @ np.swapaxes(K, -1, -2) / np.sqrt(D)) @ V) @ W_o


def heads_merged_without_transpose(X, W_q, W_k, W_v, W_o, n_heads):
    # The split is right; the merge reshapes (B, H, T, Dh) straight to (B, T, D), with no
    # transpose(0, 2, 1, 3) first (the bug fixed in jsbaan/transformer-from-scratch PR #6).
    B, T, D = X.shape
    d_head = D // n_heads
    heads = _heads(X, W_q, W_k, W_v, n_heads, np.sqrt(d_head))
    return heads.reshape(B, T, D) @ W_o
