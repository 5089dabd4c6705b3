"""Known-wrong bidirectional RNNs, one per misconception in exercise.yaml (trusted)."""

import numpy as np


def _rnn_pass(xs, W, U, h0=None):
    B, T, _ = xs.shape
    H = W.shape[0]
    h = np.zeros((B, H)) if h0 is None else h0
    hs = np.empty((B, T, H))
    for t in range(T):
        h = np.tanh(xs[:, t] @ W.T + h @ U.T)
        hs[:, t] = h
    return hs


def backward_not_realigned(xs, W_f, U_f, W_b, U_b, V):
    hs_f = _rnn_pass(xs, W_f, U_f)
    hs_b = _rnn_pass(xs[:, ::-1], W_b, U_b)
    return np.concatenate([hs_f, hs_b], axis=2) @ V.T


def backward_uses_forward_weights(xs, W_f, U_f, W_b, U_b, V):
    hs_f = _rnn_pass(xs, W_f, U_f)
    hs_b = _rnn_pass(xs[:, ::-1], W_f, U_f)[:, ::-1]
    return np.concatenate([hs_f, hs_b], axis=2) @ V.T


def concat_backward_first(xs, W_f, U_f, W_b, U_b, V):
    hs_f = _rnn_pass(xs, W_f, U_f)
    hs_b = _rnn_pass(xs[:, ::-1], W_b, U_b)[:, ::-1]
    return np.concatenate([hs_b, hs_f], axis=2) @ V.T


def features_interleaved(xs, W_f, U_f, W_b, U_b, V):
    hs_f = _rnn_pass(xs, W_f, U_f)
    hs_b = _rnn_pass(xs[:, ::-1], W_b, U_b)[:, ::-1]
    B, T, H = hs_f.shape
    return np.stack([hs_f, hs_b], axis=-1).reshape(B, T, 2 * H) @ V.T


def backward_time_not_reversed(xs, W_f, U_f, W_b, U_b, V):
    hs_f = _rnn_pass(xs, W_f, U_f)
    hs_b = _rnn_pass(xs[::-1], W_b, U_b)[::-1]  # reverses the batch axis, twice
    return np.concatenate([hs_f, hs_b], axis=2) @ V.T


def backward_starts_from_forward_state(xs, W_f, U_f, W_b, U_b, V):
    hs_f = _rnn_pass(xs, W_f, U_f)
    hs_b = _rnn_pass(xs[:, ::-1], W_b, U_b, h0=hs_f[:, -1])[:, ::-1]
    return np.concatenate([hs_f, hs_b], axis=2) @ V.T


def realigned_along_batch(xs, W_f, U_f, W_b, U_b, V):
    # The notes' np.concatenate([h_f, h_b[::-1]], axis=1) is written for one sequence (T, H);
    # on the batch-first (B, T, H) states, h_b[::-1] reverses the batch, not time.
    hs_f = _rnn_pass(xs, W_f, U_f)
    hs_b = _rnn_pass(xs[:, ::-1], W_b, U_b)[::-1]
    return np.concatenate([hs_f, hs_b], axis=2) @ V.T


def recurrent_weight_not_transposed(xs, W_f, U_f, W_b, U_b, V):
    # h @ U as in rnn_forward's right-multiplied weights: U is square, so no shape error.
    def rnn_pass(xs, W, U):
        h = np.zeros((xs.shape[0], W.shape[0]))
        hs = np.empty((xs.shape[0], xs.shape[1], W.shape[0]))
        for t in range(xs.shape[1]):
            h = np.tanh(xs[:, t] @ W.T + h @ U)
            hs[:, t] = h
        return hs

    hs_f = rnn_pass(xs, W_f, U_f)
    hs_b = rnn_pass(xs[:, ::-1], W_b, U_b)[:, ::-1]
    return np.concatenate([hs_f, hs_b], axis=2) @ V.T
