# exercise: esn_readout
"""Echo-state network: train the readout by ridge regression.  Fill in every `...`
marked TODO, then run

    renshu watch esn_readout.py
"""

import numpy as np


def esn_states(u, W_in, W, leak, x0):
    """States X (T, N) of the fixed reservoir (the esn_states exercise)."""
    X = np.empty((u.shape[0], W.shape[0]))
    x = x0
    for t in range(u.shape[0]):
        x = (1 - leak) * x + leak * np.tanh(u[t] @ W_in + x @ W)
        X[t] = x
    return X


def esn_readout(u, y, W_in, W, leak, ridge):
    """Fit only the readout of an ESN whose reservoir (W_in, W) stays fixed.

    u: (T, I) inputs; y: (T, O) targets, row t for step t; W_in: (I, N); W: (N, N);
    leak: a in (0, 1]; ridge: λ > 0
    X = esn_states(u, W_in, W, leak, zeros(N)), then
    W_out = (X^T X + λ I)^-1 X^T y, so that X @ W_out approximates y
    returns W_out: (N, O)
    """
    N = W.shape[0]
    X = ...  # TODO: the states of the fixed reservoir, starting from the zero state
    A = ...  # TODO: X^T X plus λ on the diagonal
    b = ...  # TODO: right-hand side of the normal equations
    return np.linalg.solve(A, b)
