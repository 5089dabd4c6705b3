# exercise: layer_norm
"""Layer normalisation.  Fill in every `...` marked TODO, then run

    renshu watch layer_norm.py
"""

import numpy as np


def layer_norm(x, gamma, beta):
    """Normalise each row over its features, then scale and shift.

    x: (B, D); gamma, beta: (D,)
    returns (B, D) = gamma * (x - mean) / sqrt(var + 1e-5) + beta, per row
    """
    eps = 1e-5
    mean = ...  # TODO: (B, 1), the mean of each row
    var = ...  # TODO: (B, 1), the population variance of each row (divide by D)
    x_hat = ...  # TODO: normalised x
    return ...  # TODO: scale and shift
