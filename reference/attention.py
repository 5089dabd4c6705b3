"""Softmax and attention (Vaswani et al., 2017, "Attention Is All You Need", section 3.2).

Batch first. Projection weights follow the paper, ``Q = X W^Q`` with ``W^Q`` of shape
(d_model, d_model), so they are applied as ``X @ W_q`` (not ``W_q.T``).
"""

# NumPy's stubs type ufunc results (np.exp, np.maximum, ...) as Any.
# mypy: no-warn-return-any

import numpy as np

from .activations import softmax


def scaled_dot_product_attention(
    Q: np.ndarray, K: np.ndarray, V: np.ndarray, mask: np.ndarray | None
) -> tuple[np.ndarray, np.ndarray]:
    """``softmax(Q Kᵀ / √d_k) V`` with an optional boolean mask (True = may attend).

    Q (B, Tq, Dk); K (B, Tk, Dk); V (B, Tk, Dv); mask (B, Tq, Tk) bool or None
    (more leading axes, such as heads, act as further batch axes).
    Masked scores are replaced by -1e9 before the softmax, so a fully masked row
    gets uniform weights. Returns ``(output, weights)``: (B, Tq, Dv) and (B, Tq, Tk).
    """
    d_k = Q.shape[-1]
    scores = Q @ np.swapaxes(K, -1, -2) / d_k**0.5  # a Python float keeps float32 inputs float32
    if mask is not None:
        scores = np.where(mask, scores, -1e9)
    weights = softmax(scores)
    output = weights @ V
    return output, weights


def multi_head_attention(
    X: np.ndarray,
    W_q: np.ndarray,
    W_k: np.ndarray,
    W_v: np.ndarray,
    W_o: np.ndarray,
    n_heads: int,
) -> np.ndarray:
    """Multi-head self-attention without biases or mask.

    X (B, T, D) with D = n_heads * Dh; W_q, W_k, W_v, W_o (D, D), applied as ``X @ W``.
    Head h uses columns ``h*Dh:(h+1)*Dh`` of the projections and scales by √Dh; the
    heads' outputs are concatenated in head order and projected by ``W_o``.
    Returns (B, T, D).
    """
    B, T, D = X.shape
    d_head = D // n_heads
    # Named queries, keys, values rather than Q, K, V, the parameters of
    # scaled_dot_product_attention: the divergence tracer records the locals of both frames.
    queries = X @ W_q
    keys = X @ W_k
    values = X @ W_v
    # (B, T, D) -> (B, n_heads, T, Dh), inline: a helper's parameter would be one more
    # traced copy of each projection.
    by_head = (B, T, n_heads, d_head)
    heads, _ = scaled_dot_product_attention(
        queries.reshape(by_head).transpose(0, 2, 1, 3),
        keys.reshape(by_head).transpose(0, 2, 1, 3),
        values.reshape(by_head).transpose(0, 2, 1, 3),
        None,
    )
    concat = heads.transpose(0, 2, 1, 3).reshape(B, T, D)
    out = concat @ W_o
    return out
