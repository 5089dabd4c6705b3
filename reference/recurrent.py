"""Recurrent cells and passes: simple RNN step, LSTM cell, GRU cell, bidirectional RNN.

Conventions (EXERCISES.md): batch first; ``[h, x]`` is
``np.concatenate([h_prev, x], axis=1)``; a gate weight has shape ``(H, H + I)``
and is applied as ``z @ W.T``.
"""

# NumPy's stubs type ufunc results (np.exp, np.maximum, ...) as Any.
# mypy: no-warn-return-any

import numpy as np

from .activations import sigmoid


def lstm_cell(
    x: np.ndarray, h_prev: np.ndarray, c_prev: np.ndarray, params: dict[str, np.ndarray]
) -> tuple[np.ndarray, np.ndarray]:
    """One LSTM step.

    x (B, I); h_prev, c_prev (B, H); params ``W_i, W_f, W_o, W_c`` (H, H + I) and
    ``b_i, b_f, b_o, b_c`` (H,). Returns ``(h, c)``, both (B, H).
    """
    z = np.concatenate([h_prev, x], axis=1)
    i = sigmoid(z @ params["W_i"].T + params["b_i"])
    f = sigmoid(z @ params["W_f"].T + params["b_f"])
    o = sigmoid(z @ params["W_o"].T + params["b_o"])
    g = np.tanh(z @ params["W_c"].T + params["b_c"])
    c = f * c_prev + i * g
    h = o * np.tanh(c)
    return h, c


def gru_cell(x: np.ndarray, h_prev: np.ndarray, params: dict[str, np.ndarray]) -> np.ndarray:
    """One GRU step, reset gate applied to ``h_prev`` before the candidate's product.

    x (B, I); h_prev (B, H); params ``W_r, W_z, W_h`` (H, H + I) and
    ``b_r, b_z, b_h`` (H,). Returns h (B, H) = ``(1 - z) * h_prev + z * h_cand``.
    """
    zx = np.concatenate([h_prev, x], axis=1)
    r = sigmoid(zx @ params["W_r"].T + params["b_r"])
    z = sigmoid(zx @ params["W_z"].T + params["b_z"])
    zx_reset = np.concatenate([r * h_prev, x], axis=1)  # reset before the product
    h_cand = np.tanh(zx_reset @ params["W_h"].T + params["b_h"])
    h = (1.0 - z) * h_prev + z * h_cand
    return h


def rnn_step(x_t: np.ndarray, h_prev: np.ndarray, W: np.ndarray, U: np.ndarray) -> np.ndarray:
    """One simple RNN step without bias: ``tanh(x_t Wᵀ + h_prev Uᵀ)``.

    x_t (B, I); h_prev (B, H); W (H, I); U (H, H). Returns (B, H).
    """
    return np.tanh(x_t @ W.T + h_prev @ U.T)


def rnn_pass(xs: np.ndarray, W: np.ndarray, U: np.ndarray) -> np.ndarray:
    """Run ``rnn_step`` over ``t = 0..T-1`` from ``h_{-1} = 0``.

    xs (B, T, I); W (H, I); U (H, H). Returns the states hs (B, T, H).
    """
    B, T, _ = xs.shape
    # Traced names (exercise.yaml intermediates): ``h_init`` once, ``h`` once per step. The
    # buffer is not called ``hs``: uninitialised, it would be recorded under that name.
    h_init = np.zeros((B, W.shape[0]))
    states = np.empty((B, T, W.shape[0]))
    h_prev = h_init
    for t in range(T):
        h = rnn_step(xs[:, t], h_prev, W, U)
        states[:, t] = h
        h_prev = h
    return states


def bidirectional_rnn(
    xs: np.ndarray,
    W_f: np.ndarray,
    U_f: np.ndarray,
    W_b: np.ndarray,
    U_b: np.ndarray,
    V: np.ndarray,
) -> np.ndarray:
    """Bidirectional simple RNN with a linear output on the concatenated states.

    xs (B, T, I); W_f, W_b (H, I); U_f, U_b (H, H); V (O, 2H). The backward pass
    runs over ``xs[:, ::-1]`` and is reversed back so ``hs_b[:, t]`` aligns with
    step t. Returns ys (B, T, O) = ``concatenate([hs_f, hs_b], axis=2) @ Vᵀ``.
    """
    hs_f = rnn_pass(xs, W_f, U_f)
    hs_b = rnn_pass(xs[:, ::-1], W_b, U_b)[:, ::-1]
    hs = np.concatenate([hs_f, hs_b], axis=2)
    ys = hs @ V.T
    return ys
