# exercise: lstm_cell
# ruff: noqa
"""async def: calling it returns a coroutine, not the answer."""

import numpy as np


async def lstm_cell(x, h_prev, c_prev, params):
    return np.zeros_like(h_prev), np.zeros_like(c_prev)
