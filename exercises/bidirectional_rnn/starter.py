# exercise: bidirectional_rnn
"""Bidirectional RNN: forward and backward states, concatenated.  Fill in every `...`
marked TODO, then run

    renshu watch bidirectional_rnn.py
"""

import numpy as np


def rnn_step(x_t, h_prev, W, U):
    """One simple RNN step without bias. x_t: (B, I); h_prev: (B, H); returns (B, H)."""
    return np.tanh(x_t @ W.T + h_prev @ U.T)


def rnn_pass(xs, W, U):
    """Run rnn_step over t = 0..T-1. xs: (B, T, I); W: (H, I); U: (H, H); returns (B, T, H)."""
    B, T, _ = xs.shape
    H = W.shape[0]
    h = ...  # TODO: the initial state h_{-1}, shape (B, H)
    hs = np.empty((B, T, H))
    for t in range(T):
        h = rnn_step(xs[:, t], h, W, U)
        hs[:, t] = h
    return hs


def bidirectional_rnn(xs, W_f, U_f, W_b, U_b, V):
    """Bidirectional simple RNN with a linear output.

    xs: (B, T, I); W_f, W_b: (H, I); U_f, U_b: (H, H); V: (O, 2H)
    returns ys: (B, T, O)
    """
    hs_f = rnn_pass(xs, W_f, U_f)  # (B, T, H)
    hs_b = ...  # TODO: backward pass, so that hs_b[:, t] belongs to time step t
    hs = ...  # TODO: (B, T, 2H), forward first
    return hs @ V.T
