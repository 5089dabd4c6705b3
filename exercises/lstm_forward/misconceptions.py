"""Known-wrong LSTM forward passes, one per misconception in exercise.yaml (trusted)."""

import numpy as np


def _sigmoid(a):
    return 1.0 / (1.0 + np.exp(-a))


def _cell(x, h_prev, c_prev, params):
    z = np.concatenate([h_prev, x], axis=1)
    i = _sigmoid(z @ params["W_i"].T + params["b_i"])
    f = _sigmoid(z @ params["W_f"].T + params["b_f"])
    o = _sigmoid(z @ params["W_o"].T + params["b_o"])
    g = np.tanh(z @ params["W_c"].T + params["b_c"])
    c = f * c_prev + i * g
    return o * np.tanh(c), c


def state_not_carried(xs, h0, c0, params):
    hs = []
    for t in range(xs.shape[1]):
        h, c = _cell(xs[:, t], h0, c0, params)
        hs.append(h)
    return np.stack(hs, axis=1), c


def cell_reset_each_step(xs, h0, c0, params):
    h = h0
    hs = []
    for t in range(xs.shape[1]):
        h, c_new = _cell(xs[:, t], h, c0, params)
        hs.append(h)
    return np.stack(hs, axis=1), c_new


def hidden_not_carried(xs, h0, c0, params):
    c = c0
    hs = []
    for t in range(xs.shape[1]):
        h, c = _cell(xs[:, t], h0, c, params)
        hs.append(h)
    return np.stack(hs, axis=1), c


def time_major_output(xs, h0, c0, params):
    h, c = h0, c0
    hs = []
    for t in range(xs.shape[1]):
        h, c = _cell(xs[:, t], h, c, params)
        hs.append(h)
    return np.stack(hs), c


def returns_hidden_as_cell(xs, h0, c0, params):
    h, c = h0, c0
    hs = []
    for t in range(xs.shape[1]):
        h, c = _cell(xs[:, t], h, c, params)
        hs.append(h)
    return np.stack(hs, axis=1), h


def returns_initial_cell(xs, h0, c0, params):
    h, c_prev = h0, c0
    hs = []
    for t in range(xs.shape[1]):
        h, c_prev = _cell(xs[:, t], h, c_prev, params)
        hs.append(h)
    return np.stack(hs, axis=1), c0
