# exercise: esn_states
"""Echo-state network: the leaky-integrator reservoir states.  Fill in every `...`
marked TODO, then run

    renshu watch esn_states.py
"""

import numpy as np


def esn_states(u, W_in, W, leak, x0):
    """States of a fixed random reservoir driven by the inputs u.

    u: (T, I) inputs, row t is u_t; W_in: (I, N); W: (N, N); leak: a in (0, 1];
    x0: (N,) the state before the first input
    x_t = (1 - a) * x_{t-1} + a * tanh(u_t @ W_in + x_{t-1} @ W), with x_{-1} = x0
    returns X: (T, N), row t is x_t (x0 itself is not a row)
    """
    T, N = u.shape[0], W.shape[0]
    X = np.empty((T, N))
    x = x0
    for t in range(T):
        x_new = ...  # TODO: tanh of the input term plus the recurrent term
        x = ...  # TODO: leaky mix of the previous state and x_new
        X[t] = ...  # TODO: which state goes in row t?
    return X
