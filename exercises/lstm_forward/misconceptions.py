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


def cell_starts_at_zero(xs, h0, c0, params):
    # cs231n lstm_forward(x, h0, Wx, Wh, b): "the initial cell state is set to zero".
    prev_h, prev_c = h0, np.zeros_like(h0)
    hs = []
    for t in range(xs.shape[1]):
        prev_h, prev_c = _cell(xs[:, t], prev_h, prev_c, params)
        hs.append(prev_h)
    return np.stack(hs, axis=1), prev_c


def states_start_at_zero(xs, h0, c0, params):
    # ゼロから作るDeep Learning 2, TimeLSTM with stateful=False: self.h = self.c = zeros.
    N, T, _ = xs.shape
    H = h0.shape[1]
    h = np.zeros((N, H))
    c = np.zeros((N, H))
    hs = np.empty((N, T, H))
    for t in range(T):
        h, c = _cell(xs[:, t, :], h, c, params)
        hs[:, t, :] = h
    return hs, c


def pytorch_gate_order(xs, h0, c0, params):
    # The named weights stacked in the listed order, split as nn.LSTM's (W_ii|W_if|W_ig|W_io).
    W = np.concatenate([params["W_i"], params["W_f"], params["W_o"], params["W_c"]], axis=0)
    b = np.concatenate([params["b_i"], params["b_f"], params["b_o"], params["b_c"]])
    h, c = h0, c0
    hs = []
    for t in range(xs.shape[1]):
        gates = np.concatenate([h, xs[:, t]], axis=1) @ W.T + b
        i, f, g, o = np.split(gates, 4, axis=1)
        c = _sigmoid(f) * c + _sigmoid(i) * np.tanh(g)
        h = _sigmoid(o) * np.tanh(c)
        hs.append(h)
    return np.stack(hs, axis=1), c
