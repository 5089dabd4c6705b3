"""Known-wrong ESN readouts, one per misconception in exercise.yaml (trusted).

The states come from the fixed reservoir, x_t = (1 - a) x_{t-1} + a tanh(u_t W_in + x_{t-1} W)
from x_{-1} = 0; the readout W_out (N, O) predicts y as X @ W_out. Singular systems are
solved with lstsq so that no misconception crashes on an allowed input.
"""

import numpy as np


def _states(u, W_in, W, leak):
    X = np.empty((u.shape[0], W.shape[0]))
    x = np.zeros(W.shape[0])
    for t in range(u.shape[0]):
        x = (1.0 - leak) * x + leak * np.tanh(u[t] @ W_in + x @ W)
        X[t] = x
    return X


def _ridge(X, y, ridge):
    return np.linalg.solve(X.T @ X + ridge * np.eye(X.shape[1]), X.T @ y)


def reservoir_trained(u, y, W_in, W, leak, ridge):
    # Treats the ESN like an ordinary RNN: one gradient step on W_in and W (previous
    # states held constant), then the states are collected again and the readout refit.
    X = _states(u, W_in, W, leak)
    W_out = _ridge(X, y, ridge)
    X_prev = np.vstack([np.zeros((1, W.shape[0])), X[:-1]])
    pre = u @ W_in + X_prev @ W
    d_pre = ((X @ W_out - y) @ W_out.T) * leak * (1.0 - np.tanh(pre) ** 2)
    W_in = W_in - 0.5 * u.T @ d_pre
    W = W - 0.5 * X_prev.T @ d_pre
    return _ridge(_states(u, W_in, W, leak), y, ridge)


def no_ridge(u, y, W_in, W, leak, ridge):
    X = _states(u, W_in, W, leak)
    return np.linalg.lstsq(X, y, rcond=None)[0]


def ridge_on_every_entry(u, y, W_in, W, leak, ridge):
    X = _states(u, W_in, W, leak)
    return np.linalg.lstsq(X.T @ X + ridge, X.T @ y, rcond=None)[0]


def readout_transposed(u, y, W_in, W, leak, ridge):
    # The column-convention formula Y^T X (X^T X + λI)^-1 applied to row data: (O, N).
    X = _states(u, W_in, W, leak)
    return y.T @ X @ np.linalg.inv(X.T @ X + ridge * np.eye(X.shape[1]))


def states_lagged(u, y, W_in, W, leak, ridge):
    # Each state stored before its update: y_t is regressed on x_{t-1} (x_{-1} = 0).
    X = _states(u, W_in, W, leak)
    X_lag = np.vstack([np.zeros((1, W.shape[0])), X[:-1]])
    return _ridge(X_lag, y, ridge)


def first_input_skipped(u, y, W_in, W, leak, ridge):
    # pyESN's harvesting loop: states = np.zeros(...); `for n in range(1, T):
    # states[n] = update(states[n - 1], inputs[n])`, so row 0 stays zero and u_0 never enters.
    N = W.shape[0]
    X = np.zeros((u.shape[0], N))
    for t in range(1, u.shape[0]):
        X[t] = (1.0 - leak) * X[t - 1] + leak * np.tanh(u[t] @ W_in + X[t - 1] @ W)
    return _ridge(X, y, ridge)


def extended_states(u, y, W_in, W, leak, ridge):
    # Lukoševičius (2012) and his minimalESN.py regress on the extended state [1; u(n); x(n)]:
    # X[:, t] = vstack((1, u, x)), Wout = solve(X X^T + reg * eye(1 + inSize + resSize), X Yt^T).T.
    X = _states(u, W_in, W, leak)
    Z = np.hstack([np.ones((u.shape[0], 1)), u, X])
    return _ridge(Z, y, ridge)


def ridge_with_intercept(u, y, W_in, W, leak, ridge):
    # sklearn.linear_model.Ridge(alpha=ridge).fit(X, y).coef_.T: fit_intercept=True centres X
    # and y and leaves the intercept unpenalised, so the slopes differ from the no-bias fit.
    X = _states(u, W_in, W, leak)
    Xc = X - X.mean(axis=0)
    yc = y - y.mean(axis=0)
    return _ridge(Xc, yc, ridge)
