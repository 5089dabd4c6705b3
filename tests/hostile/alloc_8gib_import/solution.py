# exercise: lstm_cell
# ruff: noqa
"""Allocates (and touches) 8 GiB while being imported."""

import numpy as np

BIG = np.ones(8 * 2**30 // 8)


def lstm_cell(x, h_prev, c_prev, params):
    return np.zeros_like(h_prev), np.zeros_like(c_prev)
