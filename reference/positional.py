"""Sinusoidal positional encoding (Vaswani et al., 2017)."""

import numpy as np


def positional_encoding(max_len: int, d_model: int) -> np.ndarray:
    """Interleaved sinusoidal positional encoding, float64 (max_len, d_model).

    ``PE[pos, 2k] = sin(pos / 10000^(2k/d_model))`` and
    ``PE[pos, 2k+1] = cos(pos / 10000^(2k/d_model))``; with odd ``d_model`` the
    last column is a sine.
    """
    pos = np.arange(max_len, dtype=np.float64)[:, None]
    two_k = (np.arange(d_model) // 2 * 2).astype(np.float64)[None, :]
    angle = pos / np.power(10000.0, two_k / d_model)
    pe = np.empty((max_len, d_model), dtype=np.float64)
    pe[:, 0::2] = np.sin(angle[:, 0::2])
    pe[:, 1::2] = np.cos(angle[:, 1::2])
    return pe
