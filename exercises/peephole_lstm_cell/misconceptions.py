"""Known-wrong peephole LSTM cells, one per misconception in exercise.yaml (trusted)."""

import numpy as np


def _sigmoid(a):
    return 1.0 / (1.0 + np.exp(-a))


def _pre(z, params, gate):
    return z @ params[f"W_{gate}"].T + params[f"b_{gate}"]


def peepholes_missing(x, h_prev, c_prev, params):
    z = np.concatenate([h_prev, x], axis=1)
    i = _sigmoid(_pre(z, params, "i"))
    f = _sigmoid(_pre(z, params, "f"))
    c = f * c_prev + i * np.tanh(_pre(z, params, "c"))
    o = _sigmoid(_pre(z, params, "o"))
    return o * np.tanh(c), c


def output_peeks_previous_cell(x, h_prev, c_prev, params):
    z = np.concatenate([h_prev, x], axis=1)
    i = _sigmoid(_pre(z, params, "i") + params["p_i"] * c_prev)
    f = _sigmoid(_pre(z, params, "f") + params["p_f"] * c_prev)
    o = _sigmoid(_pre(z, params, "o") + params["p_o"] * c_prev)
    c = f * c_prev + i * np.tanh(_pre(z, params, "c"))
    return o * np.tanh(c), c


def forget_gate_without_peephole(x, h_prev, c_prev, params):
    z = np.concatenate([h_prev, x], axis=1)
    i = _sigmoid(_pre(z, params, "i") + params["p_i"] * c_prev)
    f = _sigmoid(_pre(z, params, "f"))
    c = f * c_prev + i * np.tanh(_pre(z, params, "c"))
    o = _sigmoid(_pre(z, params, "o") + params["p_o"] * c)
    return o * np.tanh(c), c


def peephole_after_sigmoid(x, h_prev, c_prev, params):
    z = np.concatenate([h_prev, x], axis=1)
    i = _sigmoid(_pre(z, params, "i")) + params["p_i"] * c_prev
    f = _sigmoid(_pre(z, params, "f")) + params["p_f"] * c_prev
    c = f * c_prev + i * np.tanh(_pre(z, params, "c"))
    o = _sigmoid(_pre(z, params, "o")) + params["p_o"] * c
    return o * np.tanh(c), c


def peeks_hidden_state(x, h_prev, c_prev, params):
    z = np.concatenate([h_prev, x], axis=1)
    i = _sigmoid(_pre(z, params, "i") + params["p_i"] * h_prev)
    f = _sigmoid(_pre(z, params, "f") + params["p_f"] * h_prev)
    c = f * c_prev + i * np.tanh(_pre(z, params, "c"))
    o = _sigmoid(_pre(z, params, "o") + params["p_o"] * h_prev)
    return o * np.tanh(c), c


def tf_forget_bias(x, h_prev, c_prev, params):
    # TensorFlow's LSTMCell(use_peepholes=True): sigmoid(f + forget_bias + w_f_diag * c_prev),
    # forget_bias=1.0 by default.
    forget_bias = 1.0
    z = np.concatenate([h_prev, x], axis=1)
    i = _sigmoid(_pre(z, params, "i") + params["p_i"] * c_prev)
    f = _sigmoid(_pre(z, params, "f") + forget_bias + params["p_f"] * c_prev)
    c = f * c_prev + i * np.tanh(_pre(z, params, "c"))
    o = _sigmoid(_pre(z, params, "o") + params["p_o"] * c)
    return o * np.tanh(c), c


def tf_gate_order(x, h_prev, c_prev, params):
    # TensorFlow's LSTMCell with peepholes, on the named weights stacked in the listed order:
    # i, j, f, o = split(lstm_matrix, 4), j being the new input (the candidate).
    z = np.concatenate([h_prev, x], axis=1)
    W = np.concatenate([params["W_i"], params["W_f"], params["W_o"], params["W_c"]], axis=0)
    b = np.concatenate([params["b_i"], params["b_f"], params["b_o"], params["b_c"]])
    lstm_matrix = z @ W.T + b
    i, j, f, o = np.split(lstm_matrix, 4, axis=1)
    c = _sigmoid(f + params["p_f"] * c_prev) * c_prev + _sigmoid(
        i + params["p_i"] * c_prev
    ) * np.tanh(j)
    m = _sigmoid(o + params["p_o"] * c) * np.tanh(c)
    return m, c
