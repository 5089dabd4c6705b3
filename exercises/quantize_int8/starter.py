# exercise: quantize_int8
"""Asymmetric int8 quantisation and the round trip back.  Fill in every `...`
marked TODO, then run

    renshu watch quantize_int8.py
"""

import numpy as np


def quantize_int8(x):
    """Per-tensor asymmetric (affine) int8 quantisation of x.

    x: float array of any shape
    [lo, hi] = [min(min(x), 0), max(max(x), 0)]; scale = (hi - lo) / 255
    zero_point = round(-128 - lo / scale)
    q = clip(round(x / scale) + zero_point, -128, 127), int8, shape of x
    x_hat = scale * (q - zero_point), shape of x
    compute x / scale as x * 255 / (hi - lo); round half to even (np.round)
    all zeros: scale 1.0, zero_point -128, q all -128, x_hat all 0
    returns (q, scale, zero_point, x_hat)
    """
    lo = ...  # TODO: the low end of the range (it must include 0)
    hi = ...  # TODO: the high end of the range (it must include 0)
    span = hi - lo
    if span == 0:
        return np.full(x.shape, -128, dtype=np.int8), 1.0, -128, np.zeros_like(x)
    scale = span / 255
    zero_point = int(np.round(-128 - lo * 255 / span))
    q = ...  # TODO: round, shift by the zero point, clip to the int8 range
    x_hat = ...  # TODO: back to real values (beware of int8 overflow)
    return q.astype(np.int8), float(scale), zero_point, x_hat
