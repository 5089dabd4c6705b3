# exercise: lstm_cell
# ruff: noqa
"""A generator function: calling it returns a generator object."""

import numpy as np


def lstm_cell(x, h_prev, c_prev, params):
    yield np.zeros_like(h_prev)
    yield np.zeros_like(c_prev)
