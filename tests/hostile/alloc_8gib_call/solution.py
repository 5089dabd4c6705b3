# exercise: lstm_cell
# ruff: noqa
"""Allocates (and touches) 8 GiB in the call."""

import numpy as np


def lstm_cell(x, h_prev, c_prev, params):
    big = np.ones(8 * 2**30 // 8)
    return big[:1] * h_prev, c_prev
