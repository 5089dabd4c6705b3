"""Known-wrong value iterations, one per misconception in exercise.yaml (trusted)."""

import numpy as np


def _q(P, R, gamma, V):
    return R + gamma * (P @ V).T


def _greedy(Q):
    return np.argmax(Q >= Q.max(axis=1, keepdims=True) - 1e-5, axis=1)


def in_place_sweep(P, R, gamma, n_iters):
    # Gauss-Seidel: V[s] is overwritten during the sweep, so later states see new values.
    S, A = R.shape
    V = np.zeros(S)
    for _ in range(n_iters):
        for s in range(S):
            V[s] = max(R[s, a] + gamma * P[a, s] @ V for a in range(A))
    return V, _greedy(_q(P, R, gamma, V))


def policy_one_step_late(P, R, gamma, n_iters):
    # The policy is the argmax of the last sweep, greedy for V_{n-1} instead of V_n.
    V = np.zeros(R.shape[0])
    policy = np.zeros(R.shape[0], dtype=np.int64)
    for _ in range(n_iters):
        Q = _q(P, R, gamma, V)
        policy = _greedy(Q)
        V = Q.max(axis=1)
    return V, policy


def gamma_forgotten(P, R, gamma, n_iters):
    # The future value is not discounted: R + sum_s' P V.
    V = np.zeros(R.shape[0])
    for _ in range(n_iters):
        V = _q(P, R, 1.0, V).max(axis=1)
    return V, _greedy(_q(P, R, 1.0, V))


def mean_over_actions(P, R, gamma, n_iters):
    # Bellman expectation for a uniformly random policy instead of the optimality max.
    V = np.zeros(R.shape[0])
    for _ in range(n_iters):
        V = _q(P, R, gamma, V).mean(axis=1)
    return V, _greedy(_q(P, R, gamma, V))


def _q_best_next(P, R, gamma, V):
    # The best reachable next state instead of the expectation over next states.
    reachable = np.where(P > 0, V[None, None, :], -np.inf)
    return R + gamma * reachable.max(axis=2).T


def max_over_next_states(P, R, gamma, n_iters):
    V = np.zeros(R.shape[0])
    for _ in range(n_iters):
        V = _q_best_next(P, R, gamma, V).max(axis=1)
    return V, _greedy(_q_best_next(P, R, gamma, V))


def _q_transposed(P, R, gamma, V):
    # V @ P[a] sums over the current state: sum_s' P[a, s', s] V[s'].
    return R + gamma * (V @ P).T


def transition_transposed(P, R, gamma, n_iters):
    V = np.zeros(R.shape[0])
    for _ in range(n_iters):
        V = _q_transposed(P, R, gamma, V).max(axis=1)
    return V, _greedy(_q_transposed(P, R, gamma, V))


def iterate_to_convergence(P, R, gamma, n_iters):
    # Sweeps until the largest change is below a small theta, ignoring n_iters.
    V = np.zeros(R.shape[0])
    for _ in range(100_000):
        V_new = _q(P, R, gamma, V).max(axis=1)
        delta = np.max(np.abs(V_new - V))
        V = V_new
        if delta < 1e-12:
            break
    return V, _greedy(_q(P, R, gamma, V))
