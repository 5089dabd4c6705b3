"""Transformer building blocks: layer normalisation (Ba, Kiros and Hinton, 2016)."""

# NumPy's stubs type ufunc results (np.exp, np.maximum, ...) as Any.
# mypy: no-warn-return-any

import numpy as np


def layer_norm(x: np.ndarray, gamma: np.ndarray, beta: np.ndarray) -> np.ndarray:
    """Normalise each row over its features (last axis), then scale and shift.

    x (B, D); gamma, beta (D,). With the row mean μ and population variance σ²
    (ddof=0), returns (B, D) = ``gamma * (x - μ) / sqrt(σ² + 1e-5) + beta``.
    """
    mean = np.mean(x, axis=-1, keepdims=True)
    var = np.mean((x - mean) ** 2, axis=-1, keepdims=True)
    x_hat = (x - mean) / np.sqrt(var + 1e-5)
    y = gamma * x_hat + beta
    return y
