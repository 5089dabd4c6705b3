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


def pytorch_gate_order(x, h_prev, c_prev, params):
    # The named weights stacked in the order the contract lists them, then split the way
    # PyTorch's nn.LSTM lays out weight_ih_l0 and bias_ih_l0: (W_ii | W_if | W_ig | W_io).
    z = np.concatenate([h_prev, x], axis=1)
    W = np.concatenate([params["W_i"], params["W_f"], params["W_o"], params["W_c"]], axis=0)
    b = np.concatenate([params["b_i"], params["b_f"], params["b_o"], params["b_c"]])
    gates = z @ W.T + b
    i, f, g, o = np.split(gates, 4, axis=1)
    i, f, g, o = _sigmoid(i), _sigmoid(f), np.tanh(g), _sigmoid(o)
    c = f * c_prev + i * g
    return o * np.tanh(c), c


def zero_dl2_gate_order(x, h_prev, c_prev, params):
    # The LSTM layer of ゼロから作るDeep Learning 2 (common/time_layers.py) on weights packed
    # from the named ones in the listed order: A = x Wx + h Wh + b, sliced f, g, i, o.
    H = h_prev.shape[1]
    names = ["i", "f", "o", "c"]
    Wx = np.concatenate([params[f"W_{k}"][:, H:] for k in names], axis=0).T  # (I, 4H)
    Wh = np.concatenate([params[f"W_{k}"][:, :H] for k in names], axis=0).T  # (H, 4H)
    b = np.concatenate([params[f"b_{k}"] for k in names])
    A = np.dot(x, Wx) + np.dot(h_prev, Wh) + b
    f = _sigmoid(A[:, :H])
    g = np.tanh(A[:, H : 2 * H])
    i = _sigmoid(A[:, 2 * H : 3 * H])
    o = _sigmoid(A[:, 3 * H :])
    c_next = f * c_prev + g * i
    h_next = o * np.tanh(c_next)
    return h_next, c_next


def tf_forget_bias(x, h_prev, c_prev, params):
    # TensorFlow's BasicLSTMCell / LSTMCell: sigmoid(f + forget_bias), forget_bias=1.0 by default.
    forget_bias = 1.0
    i, _f, o, g_pre = _gates(x, h_prev, params)
    z = np.concatenate([h_prev, x], axis=1)
    f = _sigmoid(z @ params["W_f"].T + params["b_f"] + forget_bias)
    c = f * c_prev + i * np.tanh(g_pre)
    return o * np.tanh(c), c
