# exercise: lstm_cell
# ruff: noqa
"""input() while being imported: waits for a terminal that is not there."""

import numpy as np

answer = input("press enter to pass: ")


def lstm_cell(x, h_prev, c_prev, params):
    return np.zeros_like(h_prev), np.zeros_like(c_prev)
