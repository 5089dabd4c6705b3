# exercise: rnn_bptt
"""BPTT for a simple RNN: the gradients of W_in, W and W_out.  Fill in every `...`
marked TODO, then run

    renshu watch rnn_bptt.py
"""

import numpy as np


def rnn_bptt(xs, h0, W_in, W, W_out, b, dys):
    """Gradients of L = sum(dys * ys) for the RNN of rnn_forward (weights applied on the right).

    xs: (B, T, I); h0: (B, H); W_in: (I, H); W: (H, H); W_out: (H, O); b: (H,)
    dys: (B, T, O) = dL/dys
    a_t = x_t W_in + h_{t-1} W + b, h_t = tanh(a_t), y_t = h_t W_out + c
    returns (dW_in, dW, dW_out), shaped (I, H), (H, H), (H, O); summed over batch and time
    """
    B, T, _ = xs.shape
    H = h0.shape[1]
    # Forward pass, keeping every state.
    hs = np.empty((B, T, H))
    h = h0
    for t in range(T):
        h = np.tanh(xs[:, t] @ W_in + h @ W + b)
        hs[:, t] = h

    dW_in = np.zeros_like(W_in)
    dW = np.zeros_like(W)
    dW_out = np.zeros_like(W_out)
    da_next = np.zeros_like(h0)  # dL/da_{t+1}: nothing comes back after the last step
    for t in reversed(range(T)):
        h_t = hs[:, t]
        h_prev = hs[:, t - 1] if t > 0 else h0
        dW_out += ...  # TODO: this step's contribution to dL/dW_out
        dh = ...  # TODO: dL/dh_t, from the output y_t and from the next step
        da = ...  # TODO: dL/da_t, through tanh
        dW_in += ...  # TODO
        dW += ...  # TODO
        da_next = da
    return dW_in, dW, dW_out
