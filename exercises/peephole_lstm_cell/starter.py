# exercise: peephole_lstm_cell
"""LSTM cell with peephole connections: one time step.  Fill in every `...` marked TODO,
then run

    renshu watch peephole_lstm_cell.py
"""

import numpy as np


def sigmoid(a):
    return 1.0 / (1.0 + np.exp(-a))


def peephole_lstm_cell(x, h_prev, c_prev, params):
    """One LSTM step with diagonal peepholes.

    x: (B, I); h_prev, c_prev: (B, H)
    params: W_i, W_f, W_o, W_c each (H, H + I); b_i, b_f, b_o, b_c each (H,);
            peephole weights p_i, p_f, p_o each (H,)
    returns (h, c), both (B, H)
    """
    z = np.concatenate([h_prev, x], axis=1)  # (B, H + I): hidden state first
    i = sigmoid(z @ params["W_i"].T + params["p_i"] * c_prev + params["b_i"])  # input gate
    f = ...  # TODO: forget gate (which cell does it see?)
    g = np.tanh(z @ params["W_c"].T + params["b_c"])  # cell candidate: no peephole
    c = ...  # TODO: new cell state
    o = ...  # TODO: output gate (which cell does it see?)
    h = ...  # TODO: new hidden state
    return h, c
