"""Sinusoidal positional encoding (Vaswani et al., 2017)."""

import numpy as np


def positional_encoding(max_len: int, d_model: int) -> np.ndarray:
    """Interleaved sinusoidal positional encoding, float64 (max_len, d_model).

    ``PE[pos, 2k] = sin(pos / 10000^(2k/d_model))`` and
    ``PE[pos, 2k+1] = cos(pos / 10000^(2k/d_model))``; with odd ``d_model`` the
    last column is a sine.
    """
    pos = np.arange(max_len, dtype=np.float64)[:, None]
    # 2k for columns 2k and 2k+1 and its power stay unnamed: as locals they would be more
    # values of the traced angle's shape (2k = 0 equals pos, angle and PE when d_model = 1).
    angle = pos / np.power(10000.0, (np.arange(d_model) // 2 * 2).astype(np.float64) / d_model)
    # Built in one expression, not filled in place: the divergence tracer records ``pe``
    # when it is bound.
    pe = np.where(np.arange(d_model) % 2 == 0, np.sin(angle), np.cos(angle))
    return pe
