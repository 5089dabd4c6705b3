"""Known-wrong BPTT implementations, one per misconception in exercise.yaml (trusted)."""

import numpy as np


def _states(xs, h0, W_in, W, b):
    B, T, _ = xs.shape
    hs = np.empty((B, T, h0.shape[1]))
    h = h0
    for t in range(T):
        h = np.tanh(xs[:, t] @ W_in + h @ W + b)
        hs[:, t] = h
    return hs


def _bptt(
    xs,
    h0,
    W_in,
    W,
    W_out,
    b,
    dys,
    *,
    carry=True,
    dtanh=lambda h: 1.0 - h**2,
    dw_current=False,
    out_last_only=False,
    carry_dh=False,
    w_back=lambda W: W.T,
):
    hs = _states(xs, h0, W_in, W, b)
    T = xs.shape[1]
    dW_in, dW, dW_out = np.zeros_like(W_in), np.zeros_like(W), np.zeros_like(W_out)
    back = np.zeros_like(h0)  # what the next step sends back (da, or dh when carry_dh)
    for t in reversed(range(T)):
        h_prev = hs[:, t - 1] if t > 0 else h0
        if not out_last_only or t == T - 1:
            dW_out += hs[:, t].T @ dys[:, t]
        dh = dys[:, t] @ W_out.T
        if carry:
            dh = dh + back @ w_back(W)
        da = dh * dtanh(hs[:, t])
        dW_in += xs[:, t].T @ da
        dW += (hs[:, t] if dw_current else h_prev).T @ da
        back = dh if carry_dh else da
    return dW_in, dW, dW_out


def truncated_one_step(xs, h0, W_in, W, W_out, b, dys):
    return _bptt(xs, h0, W_in, W, W_out, b, dys, carry=False)


def output_weight_last_step_only(xs, h0, W_in, W, W_out, b, dys):
    return _bptt(xs, h0, W_in, W, W_out, b, dys, out_last_only=True)


def tanh_derivative_missing(xs, h0, W_in, W, W_out, b, dys):
    return _bptt(xs, h0, W_in, W, W_out, b, dys, dtanh=lambda h: np.ones_like(h))


def tanh_derivative_one_minus_h(xs, h0, W_in, W, W_out, b, dys):
    return _bptt(xs, h0, W_in, W, W_out, b, dys, dtanh=lambda h: 1.0 - h)


def recurrent_grad_with_current_state(xs, h0, W_in, W, W_out, b, dys):
    return _bptt(xs, h0, W_in, W, W_out, b, dys, dw_current=True)


def carries_dh_not_da(xs, h0, W_in, W, W_out, b, dys):
    return _bptt(xs, h0, W_in, W, W_out, b, dys, carry_dh=True)


def recurrent_backward_not_transposed(xs, h0, W_in, W, W_out, b, dys):
    return _bptt(xs, h0, W_in, W, W_out, b, dys, w_back=lambda W: W)


def tanh_derivative_of_state(xs, h0, W_in, W, W_out, b, dys):
    # dnext_h = dh * (1 - np.tanh(h[:, t + 1]) ** 2) with h the stored state: tanh applied twice.
    return _bptt(xs, h0, W_in, W, W_out, b, dys, dtanh=lambda h: 1.0 - np.tanh(h) ** 2)


def sigmoid_derivative_kept(xs, h0, W_in, W, W_out, b, dys):
    # The course's sigmoid RNN backprop, delta = (...) * functions.d_sigmoid(u), kept after
    # switching the forward pass to tanh: σ(u)(1 - σ(u)) at the stored pre-activation u.
    B, T, _ = xs.shape
    us = np.empty((B, T, h0.shape[1]))
    hs = np.empty_like(us)
    h = h0
    for t in range(T):
        us[:, t] = xs[:, t] @ W_in + h @ W + b
        h = np.tanh(us[:, t])
        hs[:, t] = h
    dW_in, dW, dW_out = np.zeros_like(W_in), np.zeros_like(W), np.zeros_like(W_out)
    delta_next = np.zeros_like(h0)
    for t in reversed(range(T)):
        h_prev = hs[:, t - 1] if t > 0 else h0
        s = 1.0 / (1.0 + np.exp(-us[:, t]))
        delta = (delta_next @ W.T + dys[:, t] @ W_out.T) * (s * (1.0 - s))
        dW_out += hs[:, t].T @ dys[:, t]
        dW += h_prev.T @ delta
        dW_in += xs[:, t].T @ delta
        delta_next = delta
    return dW_in, dW, dW_out
