# exercise: lstm_cell
# ruff: noqa
"""time.sleep(1000) while being imported."""

import time

import numpy as np

time.sleep(1000)


def lstm_cell(x, h_prev, c_prev, params):
    return np.zeros_like(h_prev), np.zeros_like(c_prev)
