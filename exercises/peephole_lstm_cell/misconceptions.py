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
