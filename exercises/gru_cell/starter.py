# exercise: gru_cell
"""GRU cell: one time step.  Fill in every `...` marked TODO, then run

    renshu watch gru_cell.py
"""

import numpy as np


def sigmoid(a):
    return 1.0 / (1.0 + np.exp(-a))


def gru_cell(x, h_prev, params):
    """One GRU step.

    x: (B, I); h_prev: (B, H)
    params: W_r, W_z, W_h each (H, H + I); b_r, b_z, b_h each (H,)
    returns h: (B, H)
    """
    zx = np.concatenate([h_prev, x], axis=1)  # (B, H + I): hidden state first
    r = sigmoid(zx @ params["W_r"].T + params["b_r"])  # reset gate
    z = ...  # TODO: update gate
    h_cand = ...  # TODO: candidate state (where does the reset gate r go?)
    h = ...  # TODO: mix h_prev and h_cand with the update gate
    return h
