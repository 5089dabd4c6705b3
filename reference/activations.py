"""Element-wise activation functions."""

# NumPy's stubs type ufunc results (np.exp, np.maximum, ...) as Any.
# mypy: no-warn-return-any

import numpy as np


def sigmoid(a: np.ndarray) -> np.ndarray:
    """Logistic sigmoid ``1 / (1 + exp(-a))``, any shape, without overflow warnings.

    For large negative ``a`` the naive form computes ``exp(+big)``; the two
    branches below are algebraically equal and each exponentiates a
    non-positive number only.
    """
    a = np.asarray(a)
    if a.dtype.kind != "f":
        a = a.astype(np.float64)  # ints and bools; float32 stays float32
    e = np.exp(-np.abs(a))
    return np.where(a >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def softmax(x: np.ndarray) -> np.ndarray:
    """Softmax over the last axis, shifted by each row's maximum so ``exp`` cannot overflow.

    Any shape (..., K). Returns the same shape: every row non-negative and summing to 1.
    """
    exp_scores = np.exp(x - np.max(x, axis=-1, keepdims=True))
    # Named for the divergence report (exercise softmax). The sums have no trailing axis of 1,
    # so they never share a caller's traced shape (with one key the attention weights are all
    # 1, like these sums). The result stays unnamed: a name would be a second, correct copy
    # of a caller's traced weights or probabilities.
    exp_sum = np.sum(exp_scores, axis=-1)
    return exp_scores / exp_sum[..., None]


def log_softmax(scores: np.ndarray) -> np.ndarray:
    """``log softmax`` over the last axis via log-sum-exp: finite even where softmax underflows."""
    shifted = scores - np.max(scores, axis=-1, keepdims=True)
    return shifted - np.log(np.sum(np.exp(shifted), axis=-1, keepdims=True))
