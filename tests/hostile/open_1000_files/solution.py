# exercise: lstm_cell
# ruff: noqa
"""Opens as many of 1000 files as it can and keeps them open, then answers wrongly."""

import os

import numpy as np

HELD = []
for n in range(1000):
    try:
        HELD.append(open(os.devnull, "rb"))
    except OSError:
        break


def lstm_cell(x, h_prev, c_prev, params):
    for _ in range(100):
        try:
            HELD.append(open(os.devnull, "rb"))
        except OSError:
            break
    return np.zeros_like(h_prev), np.zeros_like(c_prev)
