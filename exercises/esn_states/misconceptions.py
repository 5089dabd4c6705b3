"""Known-wrong leaky-integrator ESN reservoirs, one per misconception in exercise.yaml (trusted).

Row-vector convention: u_t @ W_in with W_in (I, N), x_{t-1} @ W with W (N, N).
"""

import numpy as np


def _run(u, W_in, W, leak, x0, step):
    X = np.empty((u.shape[0], W.shape[0]))
    x = x0
    for t in range(u.shape[0]):
        x = step(u[t], x, W_in, W, leak, x0)
        X[t] = x
    return X


def leak_swapped(u, W_in, W, leak, x0):
    def step(u_t, x, W_in, W, a, x0):
        return a * x + (1.0 - a) * np.tanh(u_t @ W_in + x @ W)

    return _run(u, W_in, W, leak, x0, step)


def leak_ignored(u, W_in, W, leak, x0):
    def step(u_t, x, W_in, W, a, x0):
        return np.tanh(u_t @ W_in + x @ W)

    return _run(u, W_in, W, leak, x0, step)


def tanh_after_mixing(u, W_in, W, leak, x0):
    def step(u_t, x, W_in, W, a, x0):
        return np.tanh((1.0 - a) * x + a * (u_t @ W_in + x @ W))

    return _run(u, W_in, W, leak, x0, step)


def state_not_carried(u, W_in, W, leak, x0):
    def step(u_t, x, W_in, W, a, x0):
        return (1.0 - a) * x0 + a * np.tanh(u_t @ W_in + x0 @ W)

    return _run(u, W_in, W, leak, x0, step)


def states_before_update(u, W_in, W, leak, x0):
    X = np.empty((u.shape[0], W.shape[0]))
    x = x0
    for t in range(u.shape[0]):
        X[t] = x  # stored before the update: x_{t-1}, starting with x0
        x = (1.0 - leak) * x + leak * np.tanh(u[t] @ W_in + x @ W)
    return X


def reservoir_transposed(u, W_in, W, leak, x0):
    def step(u_t, x, W_in, W, a, x0):
        return (1.0 - a) * x + a * np.tanh(u_t @ W_in + W @ x)

    return _run(u, W_in, W, leak, x0, step)


def first_input_skipped(u, W_in, W, leak, x0):
    # pyESN's harvesting loop: states[0] is the initial state and
    # `for n in range(1, T): states[n] = update(states[n - 1], inputs[n])`, so u_0 never enters.
    X = np.empty((u.shape[0], W.shape[0]))
    X[0] = x0
    for t in range(1, u.shape[0]):
        X[t] = (1.0 - leak) * X[t - 1] + leak * np.tanh(u[t] @ W_in + X[t - 1] @ W)
    return X


def spectral_radius_rescaled(u, W_in, W, leak, x0):
    # minimalESN.py's set-up, `rhoW = max(abs(linalg.eig(W)[0])); W *= 1.25 / rhoW`,
    # copied into the function: the given reservoir is replaced by a rescaled one.
    W = W * (1.25 / np.max(np.abs(np.linalg.eigvals(W))))

    def step(u_t, x, W_in, W, a, x0):
        return (1.0 - a) * x + a * np.tanh(u_t @ W_in + x @ W)

    return _run(u, W_in, W, leak, x0, step)
