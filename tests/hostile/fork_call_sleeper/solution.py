# exercise: lstm_cell
# ruff: noqa
"""Forks in the first few calls; each child sleeps forever. Wrong answer."""

import os
import time

import numpy as np

_forks = [0]


def lstm_cell(x, h_prev, c_prev, params):
    if _forks[0] < 5:
        _forks[0] += 1
        if os.fork() == 0:
            while True:
                time.sleep(1000)
    return np.zeros_like(h_prev), np.zeros_like(c_prev)
