"""Element-wise activation functions."""

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
