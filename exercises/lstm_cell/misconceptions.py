"""Known-wrong LSTM cells, one per misconception in exercise.yaml (trusted, run by the grader)."""

import numpy as np


def _sigmoid(a):
    return 1.0 / (1.0 + np.exp(-a))


def _gates(x, h_prev, params, order="hx"):
    z = np.concatenate([h_prev, x] if order == "hx" else [x, h_prev], axis=1)
    i = _sigmoid(z @ params["W_i"].T + params["b_i"])
    f = _sigmoid(z @ params["W_f"].T + params["b_f"])
    o = _sigmoid(z @ params["W_o"].T + params["b_o"])
    g_pre = z @ params["W_c"].T + params["b_c"]
    return i, f, o, g_pre


def forget_gate_missing(x, h_prev, c_prev, params):
    i, _f, o, g_pre = _gates(x, h_prev, params)
    c = c_prev + i * np.tanh(g_pre)
    return o * np.tanh(c), c


def hidden_without_tanh(x, h_prev, c_prev, params):
    i, f, o, g_pre = _gates(x, h_prev, params)
    c = f * c_prev + i * np.tanh(g_pre)
    return o * c, c


def candidate_sigmoid(x, h_prev, c_prev, params):
    i, f, o, g_pre = _gates(x, h_prev, params)
    c = f * c_prev + i * _sigmoid(g_pre)
    return o * np.tanh(c), c


def concat_input_first(x, h_prev, c_prev, params):
    i, f, o, g_pre = _gates(x, h_prev, params, order="xh")
    c = f * c_prev + i * np.tanh(g_pre)
    return o * np.tanh(c), c


def gates_swapped(x, h_prev, c_prev, params):
    i, f, o, g_pre = _gates(x, h_prev, params)
    c = i * c_prev + f * np.tanh(g_pre)
    return o * np.tanh(c), c


def hidden_from_previous_cell(x, h_prev, c_prev, params):
    i, f, o, g_pre = _gates(x, h_prev, params)
    c = f * c_prev + i * np.tanh(g_pre)
    return o * np.tanh(c_prev), c
