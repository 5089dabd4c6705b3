"""Known-wrong simple RNN forward passes, one per misconception in exercise.yaml (trusted)."""

import numpy as np


def _run(xs, h0, W_in, W, W_out, b, c, *, carry=True, act=np.tanh, transpose_w=False, y_prev=False):
    B, T, _ = xs.shape
    H = h0.shape[1]
    hs = np.empty((B, T, H))
    ys = np.empty((B, T, W_out.shape[1]))
    U = W.T if transpose_w else W
    h = h0
    for t in range(T):
        h_prev = h if carry else h0
        h = act(xs[:, t] @ W_in + h_prev @ U + b)
        hs[:, t] = h
        ys[:, t] = (h_prev if y_prev else h) @ W_out + c
    return hs, ys


def state_not_carried(xs, h0, W_in, W, W_out, b, c):
    return _run(xs, h0, W_in, W, W_out, b, c, carry=False)


def initial_state_ignored(xs, h0, W_in, W, W_out, b, c):
    return _run(xs, np.zeros_like(h0), W_in, W, W_out, b, c)


def output_from_previous_state(xs, h0, W_in, W, W_out, b, c):
    return _run(xs, h0, W_in, W, W_out, b, c, y_prev=True)


def recurrent_weight_transposed(xs, h0, W_in, W, W_out, b, c):
    return _run(xs, h0, W_in, W, W_out, b, c, transpose_w=True)


def missing_tanh(xs, h0, W_in, W, W_out, b, c):
    return _run(xs, h0, W_in, W, W_out, b, c, act=lambda a: a)


def _sigmoid(a):
    return 1.0 / (1.0 + np.exp(-a))


def hidden_sigmoid(xs, h0, W_in, W, W_out, b, c):
    # The course's binary-addition RNN: z[:, t+1] = functions.sigmoid(u[:, t+1]).
    return _run(xs, h0, W_in, W, W_out, b, c, act=_sigmoid)


def output_sigmoid(xs, h0, W_in, W, W_out, b, c):
    # The same code's output layer: y[:, t] = functions.sigmoid(np.dot(z[:, t+1], W_out)).
    hs, ys = _run(xs, h0, W_in, W, W_out, b, c)
    return hs, _sigmoid(ys)


def output_softmax(xs, h0, W_in, W, W_out, b, c):
    # min-char-rnn / Coursera rnn_cell_forward: ps[t] = np.exp(ys[t]) / np.sum(np.exp(ys[t])).
    hs, ys = _run(xs, h0, W_in, W, W_out, b, c)
    e = np.exp(ys - ys.max(axis=-1, keepdims=True))
    return hs, e / e.sum(axis=-1, keepdims=True)


def biases_omitted(xs, h0, W_in, W, W_out, b, c):
    # u = np.dot(X, W_in) + np.dot(z, W) as in the notes' code, which has no b and no c.
    return _run(xs, h0, W_in, W, W_out, np.zeros_like(b), np.zeros_like(c))
