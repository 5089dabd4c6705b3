# exercise: lstm_cell
# ruff: noqa
"""A non-daemon thread that never ends (Python would wait for it at exit). Wrong answer."""

import threading
import time

import numpy as np


def _forever():
    while True:
        time.sleep(0.05)


threading.Thread(target=_forever, daemon=False).start()


def lstm_cell(x, h_prev, c_prev, params):
    return np.zeros_like(h_prev), np.zeros_like(c_prev)
