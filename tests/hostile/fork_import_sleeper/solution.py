# exercise: lstm_cell
# ruff: noqa
"""Forks at import; the child closes its channel copies and sleeps forever. Wrong answer."""

import os
import time

import numpy as np

if os.fork() == 0:
    try:
        os.setpgid(0, 0)  # leave the sandbox's process group too
    except OSError:
        pass
    for fd in range(3, 64):
        try:
            os.close(fd)
        except OSError:
            pass
    while True:
        time.sleep(1000)


def lstm_cell(x, h_prev, c_prev, params):
    return np.zeros_like(h_prev), np.zeros_like(c_prev)
