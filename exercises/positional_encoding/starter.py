# exercise: positional_encoding
"""Sinusoidal positional encoding.  Fill in every `...` marked TODO, then run

    renshu watch positional_encoding.py
"""

import numpy as np


def positional_encoding(max_len, d_model):
    """Interleaved sinusoidal positional encoding.

    max_len, d_model: positive ints
    returns PE: (max_len, d_model) float64; even columns sin, odd columns cos
    """
    pos = np.arange(max_len, dtype=np.float64)[:, None]  # (max_len, 1): pos = 0..max_len-1
    two_k = ...  # TODO: (1, d_model), the even index 2k shared by columns 2k and 2k+1
    angle = ...  # TODO: (max_len, d_model), pos / 10000^(2k / d_model)
    pe = np.empty((max_len, d_model), dtype=np.float64)
    pe[:, 0::2] = ...  # TODO: even columns
    pe[:, 1::2] = ...  # TODO: odd columns
    return pe
