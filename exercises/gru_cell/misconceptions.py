"""Known-wrong GRU cells, one per misconception in exercise.yaml (trusted, run by the grader)."""

import numpy as np


def _sigmoid(a):
    return 1.0 / (1.0 + np.exp(-a))


def _gates(x, h_prev, params, order="hx"):
    zx = np.concatenate([h_prev, x] if order == "hx" else [x, h_prev], axis=1)
    r = _sigmoid(zx @ params["W_r"].T + params["b_r"])
    z = _sigmoid(zx @ params["W_z"].T + params["b_z"])
    return r, z


def _candidate_pre(x, h_prev, params, r, order="hx"):
    parts = [r * h_prev, x] if order == "hx" else [x, r * h_prev]
    return np.concatenate(parts, axis=1) @ params["W_h"].T + params["b_h"]


def reset_after_product(x, h_prev, params):
    r, z = _gates(x, h_prev, params)
    H = h_prev.shape[1]
    W_hh, W_hx = params["W_h"][:, :H], params["W_h"][:, H:]
    h_cand = np.tanh(x @ W_hx.T + r * (h_prev @ W_hh.T) + params["b_h"])
    return (1.0 - z) * h_prev + z * h_cand


def reset_not_applied(x, h_prev, params):
    _r, z = _gates(x, h_prev, params)
    h_cand = np.tanh(np.concatenate([h_prev, x], axis=1) @ params["W_h"].T + params["b_h"])
    return (1.0 - z) * h_prev + z * h_cand


def state_mix_reversed(x, h_prev, params):
    r, z = _gates(x, h_prev, params)
    h_cand = np.tanh(_candidate_pre(x, h_prev, params, r))
    return z * h_prev + (1.0 - z) * h_cand


def gates_swapped(x, h_prev, params):
    z, r = _gates(x, h_prev, params)
    h_cand = np.tanh(_candidate_pre(x, h_prev, params, r))
    return (1.0 - z) * h_prev + z * h_cand


def candidate_sigmoid(x, h_prev, params):
    r, z = _gates(x, h_prev, params)
    h_cand = _sigmoid(_candidate_pre(x, h_prev, params, r))
    return (1.0 - z) * h_prev + z * h_cand


def concat_input_first(x, h_prev, params):
    r, z = _gates(x, h_prev, params, order="xh")
    h_cand = np.tanh(_candidate_pre(x, h_prev, params, r, order="xh"))
    return (1.0 - z) * h_prev + z * h_cand


def pytorch_gru(x, h_prev, params):
    # torch.nn.GRU: n = tanh(W_in x + b_in + r * (W_hn h)), h' = (1 - z) * n + z * h.
    r, z = _gates(x, h_prev, params)
    H = h_prev.shape[1]
    W_hn, W_in = params["W_h"][:, :H], params["W_h"][:, H:]
    n = np.tanh(x @ W_in.T + params["b_h"] + r * (h_prev @ W_hn.T))
    return (1.0 - z) * n + z * h_prev


def tf_gru_cell(x, h_prev, params):
    # tf.compat.v1.nn.rnn_cell.GRUCell: gates on concat([inputs, state]), candidate on
    # concat([inputs, r * state]), new_h = u * state + (1 - u) * c.
    r, u = _gates(x, h_prev, params, order="xh")
    c = np.tanh(_candidate_pre(x, h_prev, params, r, order="xh"))
    return u * h_prev + (1.0 - u) * c
