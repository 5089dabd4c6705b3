# exercise: lstm_cell
# ruff: noqa
"""Returns the right answer for the first batch row only, as a (1, H) row that would broadcast."""

import numpy as np


def _sigmoid(a):
    return 1.0 / (1.0 + np.exp(-a))


def lstm_cell(x, h_prev, c_prev, params):
    x, h_prev, c_prev = x[:1], h_prev[:1], c_prev[:1]
    z = np.concatenate([h_prev, x], axis=1)
    i = _sigmoid(z @ params["W_i"].T + params["b_i"])
    f = _sigmoid(z @ params["W_f"].T + params["b_f"])
    o = _sigmoid(z @ params["W_o"].T + params["b_o"])
    g = np.tanh(z @ params["W_c"].T + params["b_c"])
    c = f * c_prev + i * g
    return o * np.tanh(c), c
