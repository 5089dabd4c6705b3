# exercise: lstm_forward
"""LSTM forward pass over a sequence.  Fill in every `...` marked TODO, then run

    renshu watch lstm_forward.py
"""

import numpy as np


def sigmoid(a):
    return 1.0 / (1.0 + np.exp(-a))


def lstm_cell(x, h_prev, c_prev, params):
    """One LSTM step: the contract of the lstm_cell exercise. x: (B, I); h_prev, c_prev: (B, H).

    Returns (h, c). Paste the body of your passing lstm_cell solution here
    (renshu grade lstm_cell.py must pass first; `renshu solution lstm_cell` shows it after).
    """
    h, c = ..., ...  # TODO: your lstm_cell from the lstm_cell exercise
    return h, c


def lstm_forward(xs, h0, c0, params):
    """Run lstm_cell over t = 0..T-1.

    xs: (B, T, I); h0, c0: (B, H); params: as for lstm_cell
    returns (hs, c_T): hs (B, T, H) with hs[:, t] the h of step t; c_T (B, H)
    """
    T = xs.shape[1]
    h, c = ...  # TODO: the state before the first step
    hs = []
    for t in range(T):
        ...  # TODO: one step on the input of time t, carrying the state
        hs.append(h)
    hs = ...  # TODO: stack into (B, T, H), time on axis 1
    return hs, c
