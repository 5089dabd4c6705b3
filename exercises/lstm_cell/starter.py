# exercise: lstm_cell
"""LSTM cell: one time step.  Fill in every `...` marked TODO, then run

    renshu watch lstm_cell.py
"""

import numpy as np


def sigmoid(a):
    return 1.0 / (1.0 + np.exp(-a))


def lstm_cell(x, h_prev, c_prev, params):
    """One LSTM step.

    x: (B, I); h_prev, c_prev: (B, H)
    params: W_i, W_f, W_o, W_c each (H, H + I); b_i, b_f, b_o, b_c each (H,)
    returns (h, c), both (B, H)
    """
    z = np.concatenate([h_prev, x], axis=1)  # (B, H + I): hidden state first
    i = sigmoid(z @ params["W_i"].T + params["b_i"])  # input gate
    f = ...  # TODO: forget gate
    o = ...  # TODO: output gate
    g = ...  # TODO: cell candidate (which activation?)
    c = ...  # TODO: new cell state
    h = ...  # TODO: new hidden state
    return h, c
