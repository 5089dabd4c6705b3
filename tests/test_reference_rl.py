"""Reference RL functions checked against hand-worked values and independent formulations.

Expected values come from pure-Python loops (explicit sums over ``k``, ``s'`` and
``a``), from arithmetic worked out in the comments, from the fixed point of the
Bellman equation solved as a linear system for every deterministic policy, and
from counting outcomes over an evenly spaced grid of ``u``. The reference is
never used to compute an expected value.
"""

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from renshu.reference.rl import (
    bellman_q,
    discounted_returns,
    epsilon_greedy,
    greedy_policy,
    q_learning_update,
    value_iteration,
)

SETTINGS = settings(max_examples=60, deadline=None, database=None)

# Values on the 1/64 grid, as the grader draws them.
grid = st.integers(-128, 128).map(lambda k: k / 64)
unit = st.integers(0, 64).map(lambda k: k / 64)


# ---------------------------------------------------------------------------
# discounted_returns
# ---------------------------------------------------------------------------


def _returns_double_loop(rewards, gamma):
    """G[t] = sum_k gamma**k * rewards[t + k], summed term by term (Python floats)."""
    T = len(rewards)
    out = []
    for t in range(T):
        total = 0.0
        for k in range(T - t):
            total += gamma**k * rewards[t + k]
        out.append(total)
    return out


def test_discounted_returns_hand_computed():
    # gamma = 0.5, rewards [1, 0, -1, 2]:
    # G3 = 2
    # G2 = -1 + 0.5·2 = 0
    # G1 = 0 + 0.5·(-1) + 0.25·2 = 0
    # G0 = 1 + 0.5·0 + 0.25·(-1) + 0.125·2 = 1
    got = discounted_returns(np.array([1.0, 0.0, -1.0, 2.0]), 0.5)
    np.testing.assert_allclose(got, [1.0, 0.0, 0.0, 2.0], rtol=0, atol=1e-15)


def test_discounted_returns_sparse_final_reward():
    # Only the last reward is 1: G_t = 0.9^(3 - t) = [0.729, 0.81, 0.9, 1].
    got = discounted_returns(np.array([0.0, 0.0, 0.0, 1.0]), 0.9)
    np.testing.assert_allclose(got, [0.729, 0.81, 0.9, 1.0], rtol=1e-14)


def test_discounted_returns_gamma_zero_and_one():
    rewards = np.array([1.0, -1.0, 2.0])
    # gamma = 0: gamma^0 = 1 for the current reward, every later reward weighs 0.
    np.testing.assert_array_equal(discounted_returns(rewards, 0.0), [1.0, -1.0, 2.0])
    # gamma = 1: sums of the remaining rewards, [1 - 1 + 2, -1 + 2, 2] = [2, 1, 2].
    np.testing.assert_array_equal(discounted_returns(rewards, 1.0), [2.0, 1.0, 2.0])


def test_discounted_returns_single_step():
    np.testing.assert_array_equal(discounted_returns(np.array([-1.5]), 0.5), [-1.5])


@SETTINGS
@given(st.lists(grid, min_size=1, max_size=8), unit)
def test_discounted_returns_matches_double_loop(rewards, gamma):
    got = discounted_returns(np.array(rewards), gamma)
    np.testing.assert_allclose(got, _returns_double_loop(rewards, gamma), rtol=1e-12, atol=1e-12)


def test_discounted_returns_keeps_input_and_dtype():
    rewards = np.array([1.0, 2.0, 3.0], dtype=np.float32)
    before = rewards.copy()
    got = discounted_returns(rewards, 0.5)
    np.testing.assert_array_equal(rewards, before)
    assert got.dtype == np.float32
    # [1 + 0.5·2 + 0.25·3, 2 + 0.5·3, 3] = [2.75, 3.5, 3]
    np.testing.assert_array_equal(got, [2.75, 3.5, 3.0])


# ---------------------------------------------------------------------------
# q_learning_update
# ---------------------------------------------------------------------------

Q_EXAMPLE = [[0.5, -1.0, 0.0], [-1.0, 2.0, 0.5], [0.0, 1.0, 3.0]]


def _q_update_loops(Q, s, a, r, s_next, done, alpha, gamma):
    """The update on nested lists: copy, best next value by a loop, change one entry."""
    new = [list(row) for row in Q]
    if done:
        target = r
    else:
        best = Q[s_next][0]
        for value in Q[s_next][1:]:
            if value > best:
                best = value
        target = r + gamma * best
    new[s][a] = Q[s][a] + alpha * (target - Q[s][a])
    return new


def test_q_learning_update_hand_computed():
    # s = 0, a = 0, r = 1, s_next = 1, alpha = 0.5, gamma = 0.5:
    # max Q[1] = max(-1, 2, 0.5) = 2, target = 1 + 0.5·2 = 2,
    # Q[0, 0] = 0.5 + 0.5·(2 - 0.5) = 1.25; nothing else changes.
    Q = np.array(Q_EXAMPLE)
    got = q_learning_update(Q, 0, 0, 1.0, 1, False, 0.5, 0.5)
    expected = [[1.25, -1.0, 0.0], [-1.0, 2.0, 0.5], [0.0, 1.0, 3.0]]
    np.testing.assert_array_equal(got, expected)


def test_q_learning_update_terminal_step_uses_reward_only():
    # done: target = r = 1 (max Q[2] = 3 is ignored); Q[1, 1] = 2 + 0.5·(1 - 2) = 1.5.
    got = q_learning_update(np.array(Q_EXAMPLE), 1, 1, 1.0, 2, True, 0.5, 0.9)
    assert got[1, 1] == 1.5
    got[1, 1] = 2.0
    np.testing.assert_array_equal(got, Q_EXAMPLE)


def test_q_learning_update_self_loop_uses_old_values():
    # One state looping to itself: target = 0 + 0.5·max(1, 0.5) = 0.5,
    # Q[0, 0] = 1 + 0.5·(0.5 - 1) = 0.75.
    got = q_learning_update(np.array([[1.0, 0.5]]), 0, 0, 0.0, 0, False, 0.5, 0.5)
    np.testing.assert_array_equal(got, [[0.75, 0.5]])


def test_q_learning_update_returns_a_new_array():
    Q = np.array(Q_EXAMPLE)
    got = q_learning_update(Q, 0, 0, 1.0, 1, False, 0.5, 0.5)
    assert got is not Q
    np.testing.assert_array_equal(Q, Q_EXAMPLE)


@SETTINGS
@given(
    st.integers(1, 4),
    st.integers(1, 4),
    st.data(),
    grid,
    st.booleans(),
    st.integers(1, 64).map(lambda k: k / 64),
    unit,
)
def test_q_learning_update_matches_loops(S, A, data, r, done, alpha, gamma):
    Q = [[data.draw(grid) for _ in range(A)] for _ in range(S)]
    s, s_next = data.draw(st.integers(0, S - 1)), data.draw(st.integers(0, S - 1))
    a = data.draw(st.integers(0, A - 1))
    got = q_learning_update(np.array(Q), s, a, r, s_next, done, alpha, gamma)
    expected = _q_update_loops(Q, s, a, r, s_next, done, alpha, gamma)
    np.testing.assert_allclose(got, expected, rtol=1e-12, atol=1e-12)


def test_q_learning_update_converges_on_a_chain():
    # Deterministic chain: state 0 --(a=0, r=0)--> state 1 --(a=0, r=1)--> terminal;
    # action 1 in either state gives r = 0 and ends the episode.
    # Q*(1, 0) = 1, Q*(1, 1) = 0, Q*(0, 0) = 0 + gamma·max Q*(1) = 0.9, Q*(0, 1) = 0.
    gamma = 0.9
    Q = np.zeros((2, 2))
    for _ in range(200):
        Q = q_learning_update(Q, 0, 0, 0.0, 1, False, 0.5, gamma)
        Q = q_learning_update(Q, 0, 1, 0.0, 0, True, 0.5, gamma)
        Q = q_learning_update(Q, 1, 0, 1.0, 0, True, 0.5, gamma)
        Q = q_learning_update(Q, 1, 1, 0.0, 0, True, 0.5, gamma)
    np.testing.assert_allclose(Q, [[0.9, 0.0], [1.0, 0.0]], atol=1e-12)


# ---------------------------------------------------------------------------
# epsilon_greedy
# ---------------------------------------------------------------------------


def _epsilon_greedy_loop(q, epsilon, u, random_action):
    if u < epsilon:
        return random_action
    best = 0
    for i in range(1, len(q)):
        if q[i] > q[best]:  # strict: the first of equal values stays
            best = i
    return best


@pytest.mark.parametrize(
    ("q", "epsilon", "u", "random_action", "expected"),
    [
        ([0.5, 2.0, -1.0, 2.0], 0.1, 0.5, 0, 1),  # exploit; tie between 1 and 3 -> 1
        ([1.0, 3.0, 2.0], 0.25, 0.25, 2, 1),  # u == epsilon is not u < epsilon: exploit
        ([0.0, 1.0, 2.0], 0.5, 0.25, 0, 0),  # explore: the random action, not the greedy 2
        ([0.0, 0.0, 0.0], 0.0, 0.0, 1, 0),  # epsilon = 0 never explores; all tie -> 0
        ([1.0, -1.0], 1.0, 0.984375, 1, 1),  # epsilon = 1 always explores
        ([-1.0], 0.5, 0.75, 0, 0),  # a single action
    ],
)
def test_epsilon_greedy_cases(q, epsilon, u, random_action, expected):
    got = epsilon_greedy(np.array(q), epsilon, u, random_action)
    assert type(got) is int
    assert got == expected


def test_epsilon_greedy_explores_with_probability_epsilon():
    # u on an even grid of 1000 points in [0, 1): exactly 100 of them are < 0.1.
    q = np.array([0.0, 5.0, 1.0])
    picks = [epsilon_greedy(q, 0.1, i / 1000, 2) for i in range(1000)]
    assert picks.count(2) == 100
    assert picks.count(1) == 900


@SETTINGS
@given(
    st.lists(grid, min_size=1, max_size=6),
    unit,
    st.integers(0, 63).map(lambda k: k / 64),
    st.data(),
)
def test_epsilon_greedy_matches_loop(q, epsilon, u, data):
    random_action = data.draw(st.integers(0, len(q) - 1))
    got = epsilon_greedy(np.array(q), epsilon, u, random_action)
    assert got == _epsilon_greedy_loop(q, epsilon, u, random_action)


# ---------------------------------------------------------------------------
# value_iteration
# ---------------------------------------------------------------------------

# Two states, two actions. Action 0 mostly stays, action 1 moves towards state 1.
P2 = np.array([[[1.0, 0.0], [0.5, 0.5]], [[0.25, 0.75], [0.0, 1.0]]])
R2 = np.array([[0.0, -0.25], [1.0, 0.5]])


def test_value_iteration_two_state_mdp_by_hand():
    # gamma = 0.5, V_0 = [0, 0].
    # Sweep 1: Q = R, V_1 = [max(0, -0.25), max(1, 0.5)] = [0, 1].
    # Q from V_1:
    #   Q[0, 0] = 0     + 0.5·(1·0    + 0·1)    = 0
    #   Q[0, 1] = -0.25 + 0.5·(0.25·0 + 0.75·1) = 0.125
    #   Q[1, 0] = 1     + 0.5·(0.5·0  + 0.5·1)  = 1.25
    #   Q[1, 1] = 0.5   + 0.5·(0·0    + 1·1)    = 1.0
    # so the policy greedy for V_1 is [1, 0] (greedy for V_0 would be [0, 0]).
    V, policy = value_iteration(P2, R2, 0.5, 1)
    np.testing.assert_array_equal(V, [0.0, 1.0])
    assert list(policy) == [1, 0]
    # Sweep 2: V_2 = [max(0, 0.125), max(1.25, 1.0)] = [0.125, 1.25]. Q from V_2:
    #   Q[0, 0] = 0     + 0.5·0.125                       = 0.0625
    #   Q[0, 1] = -0.25 + 0.5·(0.25·0.125 + 0.75·1.25)    = 0.234375
    #   Q[1, 0] = 1     + 0.5·(0.5·0.125  + 0.5·1.25)     = 1.34375
    #   Q[1, 1] = 0.5   + 0.5·1.25                        = 1.125
    V, policy = value_iteration(P2, R2, 0.5, 2)
    np.testing.assert_array_equal(V, [0.125, 1.25])
    assert list(policy) == [1, 0]
    # A third sweep takes the maxima of that table: V_3 = [0.234375, 1.34375].
    V, _ = value_iteration(P2, R2, 0.5, 3)
    np.testing.assert_array_equal(V, [0.234375, 1.34375])


def test_value_iteration_two_state_mdp_converges_to_fixed_point():
    # With the policy [1, 0] the Bellman equation is linear:
    #   V0 = -0.25 + 0.5·(0.25·V0 + 0.75·V1)  ->  0.875·V0 = -0.25 + 0.375·V1
    #   V1 = 1     + 0.5·(0.5·V0  + 0.5·V1)   ->  0.75·V1  = 1 + 0.25·V0
    # so V1 = (4 + V0) / 3, 0.875·V0 = -0.25 + 0.125·(4 + V0), 0.75·V0 = 0.25:
    # V* = [1/3, 13/9]. It is optimal: in state 0, action 0 gives 0.5·(1/3) = 1/6 < 1/3;
    # in state 1, action 1 gives 0.5 + 0.5·13/9 = 11/9 < 13/9.
    V, policy = value_iteration(P2, R2, 0.5, 80)
    np.testing.assert_allclose(V, [1 / 3, 13 / 9], rtol=1e-12)
    assert list(policy) == [1, 0]


def test_value_iteration_no_sweep():
    # n_iters = 0: V = 0, policy = argmax R; state 1 ties (1, 1) and takes action 0.
    V, policy = value_iteration(P2, np.array([[0.0, 0.5], [1.0, 1.0]]), 0.5, 0)
    np.testing.assert_array_equal(V, [0.0, 0.0])
    assert list(policy) == [1, 0]


def test_value_iteration_single_state_self_loop():
    # V_3 = 0.5 + 0.5·(0.5 + 0.5·0.5) = 0.5·(1 + 0.5 + 0.25) = 0.875.
    V, policy = value_iteration(np.array([[[1.0]]]), np.array([[0.5]]), 0.5, 3)
    np.testing.assert_allclose(V, [0.875], rtol=1e-15)
    assert list(policy) == [0]


def _value_iteration_loops(P, R, gamma, n_iters):
    """Synchronous backups with explicit loops; ties within 1e-5 go to the smallest action."""
    A, S = len(P), len(R)

    def q_table(V):
        return [
            [R[s][a] + gamma * sum(P[a][s][t] * V[t] for t in range(S)) for a in range(A)]
            for s in range(S)
        ]

    V = [0.0] * S
    for _ in range(n_iters):
        V = [max(row) for row in q_table(V)]
    Q = q_table(V)
    policy = [next(a for a in range(A) if Q[s][a] >= max(Q[s]) - 1e-5) for s in range(S)]
    return V, policy


@st.composite
def mdps(draw):
    S, A = draw(st.integers(1, 3)), draw(st.integers(1, 3))
    P = []
    for _ in range(A):
        rows = []
        for _ in range(S):
            weights = [draw(st.integers(0, 4)) for _ in range(S)]
            total = sum(weights)
            rows.append([w / total for w in weights] if total else [1 / S] * S)
        P.append(rows)
    R = [[draw(grid) / 2 for _ in range(A)] for _ in range(S)]
    gamma = draw(st.integers(0, 60).map(lambda k: k / 64))
    return P, R, gamma, draw(st.integers(0, 5))


@SETTINGS
@given(mdps())
def test_value_iteration_matches_loops(mdp):
    P, R, gamma, n_iters = mdp
    V, policy = value_iteration(np.array(P), np.array(R), gamma, n_iters)
    V_loop, policy_loop = _value_iteration_loops(P, R, gamma, n_iters)
    np.testing.assert_allclose(V, V_loop, rtol=1e-12, atol=1e-12)
    assert [int(a) for a in policy] == policy_loop


def _optimal_values(P, R, gamma):
    """max over every deterministic policy of V_pi = (I - gamma P_pi)^-1 R_pi."""
    S, A = R.shape
    best = np.full(S, -np.inf)
    for pi in itertools.product(range(A), repeat=S):
        P_pi = np.array([P[pi[s], s] for s in range(S)])
        R_pi = np.array([R[s, pi[s]] for s in range(S)])
        best = np.maximum(best, np.linalg.solve(np.eye(S) - gamma * P_pi, R_pi))
    return best


@SETTINGS
@given(mdps())
def test_value_iteration_converges_to_optimal_values(mdp):
    P, R, gamma, _ = mdp
    P, R = np.array(P), np.array(R)
    gamma = min(gamma, 0.75)
    V, policy = value_iteration(P, R, gamma, 200)  # error <= 0.75^200 · max|R| / (1 - 0.75)
    V_star = _optimal_values(P, R, gamma)
    np.testing.assert_allclose(V, V_star, rtol=1e-9, atol=1e-9)
    # The greedy policy is optimal: its own value is V* (up to the 1e-5 tie tolerance,
    # which may pick an action whose value is within 1e-5 of the best).
    S = len(R)
    P_pi = np.array([P[policy[s], s] for s in range(S)])
    R_pi = np.array([R[s, policy[s]] for s in range(S)])
    np.testing.assert_allclose(
        np.linalg.solve(np.eye(S) - gamma * P_pi, R_pi), V_star, rtol=0, atol=1e-4
    )


def test_value_iteration_bellman_q_and_greedy_policy_by_hand():
    # Q from V = [0, 1] with gamma = 0.5 is the table worked out above.
    Q = bellman_q(P2, R2, 0.5, np.array([0.0, 1.0]))
    np.testing.assert_array_equal(Q, [[0.0, 0.125], [1.25, 1.0]])
    # Exact and near ties (1e-9 apart: float noise) go to the smallest action; 1e-3 does not tie.
    Q = np.array([[1.0, 1.0 + 1e-9, 0.0], [0.0, 1e-3, 1e-3], [2.0, -1.0, 2.0]])
    assert list(greedy_policy(Q)) == [0, 1, 0]


def test_value_iteration_keeps_float32():
    V, policy = value_iteration(P2.astype(np.float32), R2.astype(np.float32), 0.5, 2)
    assert V.dtype == np.float32
    np.testing.assert_array_equal(V, [0.125, 1.25])
    assert list(policy) == [1, 0]
