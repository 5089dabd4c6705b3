# exercise: lstm_cell
# ruff: noqa
"""Returns lazy broadcast views that would be 80 GB if materialised."""

import numpy as np


def lstm_cell(x, h_prev, c_prev, params):
    huge = np.broadcast_to(np.zeros(1), (10**10,))
    return huge, huge
