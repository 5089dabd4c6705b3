"""LSTM over a sequence, and the peephole LSTM cell.

Conventions (EXERCISES.md): batch first; ``[h, x]`` is
``np.concatenate([h_prev, x], axis=1)``; a gate weight has shape ``(H, H + I)``
and is applied as ``z @ W.T``; a sequence ``xs`` is (B, T, I), time on axis 1.
"""

import numpy as np

from .activations import sigmoid
from .recurrent import lstm_cell


def lstm_forward(
    xs: np.ndarray, h0: np.ndarray, c0: np.ndarray, params: dict[str, np.ndarray]
) -> tuple[np.ndarray, np.ndarray]:
    """Run ``lstm_cell`` over ``t = 0..T-1``, carrying both ``h`` and ``c``.

    xs (B, T, I); h0, c0 (B, H); params as for ``lstm_cell``. Returns ``(hs, c_T)``:
    the hidden states of every step (B, T, H) and the cell after the last step (B, H).
    """
    # Traced names (exercise.yaml intermediates): ``h_init``, ``c_init`` and ``hs`` here,
    # ``c`` and ``h`` in each step's ``lstm_cell`` frame. The state carried here has other
    # names, so that each step is not recorded twice.
    h_init = h0
    c_init = c0
    h_t, c_t = h_init, c_init
    states = []
    for t in range(xs.shape[1]):
        h_t, c_t = lstm_cell(xs[:, t], h_t, c_t, params)
        states.append(h_t)
    hs = np.stack(states, axis=1)
    return hs, c_t


def peephole_lstm_cell(
    x: np.ndarray, h_prev: np.ndarray, c_prev: np.ndarray, params: dict[str, np.ndarray]
) -> tuple[np.ndarray, np.ndarray]:
    """One LSTM step with diagonal peepholes (Gers & Schmidhuber 2000; Graves 2013, eq. 7-11).

    x (B, I); h_prev, c_prev (B, H); params as for ``lstm_cell`` plus peephole weights
    ``p_i, p_f, p_o`` (H,). The input and forget gates look at ``c_prev``, the output
    gate at the new cell ``c``. Returns ``(h, c)``, both (B, H).
    """
    z = np.concatenate([h_prev, x], axis=1)
    i = sigmoid(z @ params["W_i"].T + params["p_i"] * c_prev + params["b_i"])
    f = sigmoid(z @ params["W_f"].T + params["p_f"] * c_prev + params["b_f"])
    g = np.tanh(z @ params["W_c"].T + params["b_c"])
    c = f * c_prev + i * g
    o = sigmoid(z @ params["W_o"].T + params["p_o"] * c + params["b_o"])
    h = o * np.tanh(c)
    return h, c
