# exercise: rnn_forward
"""Simple (Elman) RNN forward pass with the three weights W_in, W, W_out.  Fill in every
`...` marked TODO, then run

    renshu watch rnn_forward.py
"""

import numpy as np


def rnn_forward(xs, h0, W_in, W, W_out, b, c):
    """Run the RNN over the whole sequence; weights are applied on the right.

    xs: (B, T, I); h0: (B, H); W_in: (I, H); W: (H, H); W_out: (H, O); b: (H,); c: (O,)
    h_t = tanh(x_t W_in + h_{t-1} W + b), y_t = h_t W_out + c  (linear output)
    returns (hs, ys): hs (B, T, H) with hs[:, t] = h_t, ys (B, T, O) with ys[:, t] = y_t
    """
    B, T, _ = xs.shape
    H = h0.shape[1]
    hs = np.empty((B, T, H))
    h = ...  # TODO: the state before the first step
    for t in range(T):
        x_t = xs[:, t]  # (B, I)
        h = ...  # TODO: the new state from x_t and the previous state
        hs[:, t] = h
    ys = ...  # TODO: the outputs of every step, (B, T, O)
    return hs, ys
