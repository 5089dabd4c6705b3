# exercise: value_iteration
"""Value iteration on a finite MDP.  Fill in every `...` marked TODO, then run

    renshu watch value_iteration.py
"""

import numpy as np


def bellman_q(P, R, gamma, V):
    """Q[s, a] = R[s, a] + gamma * sum_s' P[a, s, s'] V[s'].

    P: (A, S, S); R: (S, A); V: (S,); returns Q: (S, A)
    """
    return ...  # TODO


def greedy_policy(Q):
    """The smallest action within 1e-5 of the best, for every state. Q: (S, A); returns (S,) ints."""
    best = np.max(Q, axis=1, keepdims=True)
    return np.argmax(Q >= best - 1e-5, axis=1)


def value_iteration(P, R, gamma, n_iters):
    """n_iters synchronous Bellman optimality backups from V_0 = 0, then the greedy policy.

    P: (A, S, S), rows sum to 1; R: (S, A); gamma: float in [0, 1); n_iters: int >= 0
    returns (V, policy): V (S,) float, policy (S,) ints greedy for the final V
    """
    V = np.zeros(R.shape[0])
    for _ in range(n_iters):
        V = ...  # TODO: one synchronous sweep, built from the old V only
    policy = ...  # TODO: greedy with respect to the final V
    return V, policy
