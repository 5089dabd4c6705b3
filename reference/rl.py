"""Reinforcement learning: discounted returns, the Q-learning update, ε-greedy action
selection and value iteration on a finite MDP.

Conventions: ``rewards[t]`` is the reward received for the action taken at step
``t`` (Sutton & Barto's ``R_{t+1}``); a Q table has shape ``(S, A)``; transition
probabilities are ``P[a, s, s'] = Pr(s' | s, a)`` with shape ``(A, S, S)``.
"""

# NumPy's stubs type ufunc results (np.exp, np.maximum, ...) as Any.
# mypy: no-warn-return-any

import numpy as np


def discounted_returns(rewards: np.ndarray, gamma: float) -> np.ndarray:
    """Return ``G_t = sum_{k>=0} gamma^k rewards[t + k]`` for every step of one episode.

    rewards (T,); gamma in [0, 1]. Returns G (T,), the dtype of ``rewards``.
    Computed backwards: ``G_{T-1} = rewards[T-1]``, ``G_t = rewards[t] + gamma G_{t+1}``.
    """
    backwards: list[float] = []  # G_{T-1}, G_{T-2}, ..., G_0
    for t in range(len(rewards) - 1, -1, -1):
        g = rewards[t] + gamma * (backwards[-1] if backwards else 0.0)
        backwards.append(g)
    G = np.array(backwards[::-1], dtype=rewards.dtype)
    return G


def q_learning_update(
    Q: np.ndarray,
    s: int,
    a: int,
    r: float,
    s_next: int,
    done: bool,
    alpha: float,
    gamma: float,
) -> np.ndarray:
    """One Q-learning step on a copy of ``Q`` (the input is left unchanged).

    Q (S, A). ``target = r`` if ``done`` else ``r + gamma * max_a' Q[s_next, a']``;
    ``Q[s, a] += alpha * (target - Q[s, a])``. Returns the new table (S, A).
    """
    target = r if done else r + gamma * np.max(Q[s_next])
    td_error = target - Q[s, a]
    new_value = Q[s, a] + alpha * td_error
    new_Q = Q.copy()
    new_Q[s, a] = new_value
    return new_Q


def epsilon_greedy(q_values: np.ndarray, epsilon: float, u: float, random_action: int) -> int:
    """ε-greedy choice with the randomness passed in.

    q_values (A,); epsilon in [0, 1]; u in [0, 1) a uniform draw; random_action in
    [0, A). Returns ``random_action`` if ``u < epsilon``, else the first index of
    the largest q value, as a Python int.
    """
    best = np.max(q_values)
    if u < epsilon:
        return int(random_action)
    return int(np.argmax(q_values == best))  # the first action of the largest value


def bellman_q(P: np.ndarray, R: np.ndarray, gamma: float, V: np.ndarray) -> np.ndarray:
    """Action values ``Q[s, a] = R[s, a] + gamma * sum_s' P[a, s, s'] V[s']``.

    P (A, S, S); R (S, A); V (S,). Returns Q (S, A).
    """
    return R + gamma * (P @ V).T


def greedy_policy(Q: np.ndarray, tie_tol: float = 1e-5) -> np.ndarray:
    """For each state the smallest action whose value is within ``tie_tol`` of the best.

    Float sums that are equal on paper can differ in their last bits, so near
    ties count as ties. Q (S, A). Returns an int array (S,).
    """
    best = np.max(Q, axis=1, keepdims=True)
    return np.argmax(Q >= best - tie_tol, axis=1)


def value_iteration(
    P: np.ndarray, R: np.ndarray, gamma: float, n_iters: int
) -> tuple[np.ndarray, np.ndarray]:
    """``n_iters`` synchronous Bellman optimality backups from ``V_0 = 0``, then the greedy policy.

    P (A, S, S) with rows summing to 1; R (S, A); gamma in [0, 1); n_iters >= 0.
    ``V_{k+1}(s) = max_a (R[s, a] + gamma * sum_s' P[a, s, s'] V_k(s'))``.
    Returns ``(V, policy)``: V (S,) = ``V_{n_iters}`` and policy (S,) ints, greedy
    with respect to that V (ties within 1e-5 go to the smallest action).
    """
    V = np.zeros(R.shape[0], dtype=R.dtype)
    for _ in range(n_iters):
        Q = bellman_q(P, R, gamma, V)
        V = np.max(Q, axis=1)
    Q = bellman_q(P, R, gamma, V)
    policy = greedy_policy(Q)
    return V, policy
