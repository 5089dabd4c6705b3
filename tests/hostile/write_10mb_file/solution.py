# exercise: lstm_cell
# ruff: noqa
"""Writes a 10 MB file in its working directory (RLIMIT_FSIZE is 1 MiB). Wrong answer."""

import numpy as np

with open("big.bin", "wb") as f:
    for _ in range(10):
        f.write(b"\0" * (1 << 20))
        f.flush()


def lstm_cell(x, h_prev, c_prev, params):
    return np.zeros_like(h_prev), np.zeros_like(c_prev)
