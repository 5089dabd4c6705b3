"""Known-wrong Q-learning updates, one per misconception in exercise.yaml (trusted)."""


def _update(Q, s, a, target, alpha):
    new_Q = Q.copy()
    new_Q[s, a] = Q[s, a] + alpha * (target - Q[s, a])
    return new_Q


def sarsa_same_action(Q, s, a, r, s_next, done, alpha, gamma):
    # Bootstraps from Q[s_next, a] (the action just taken) instead of the best next action.
    target = r if done else r + gamma * Q[s_next, a]
    return _update(Q, s, a, target, alpha)


def ignores_done(Q, s, a, r, s_next, done, alpha, gamma):
    # Always bootstraps, even from the state after the episode has ended.
    return _update(Q, s, a, r + gamma * Q[s_next].max(), alpha)


def skips_terminal_update(Q, s, a, r, s_next, done, alpha, gamma):
    # No update at all on the last step, so the final reward is never learnt.
    if done:
        return Q.copy()
    return _update(Q, s, a, r + gamma * Q[s_next].max(), alpha)


def alpha_on_target(Q, s, a, r, s_next, done, alpha, gamma):
    # Missing parentheses: Q + alpha * target - Q, i.e. Q[s, a] = alpha * target.
    target = r if done else r + gamma * Q[s_next].max()
    new_Q = Q.copy()
    new_Q[s, a] = Q[s, a] + alpha * target - Q[s, a]
    return new_Q


def no_learning_rate(Q, s, a, r, s_next, done, alpha, gamma):
    # Overwrites Q[s, a] with the target (alpha = 1), forgetting the old estimate.
    new_Q = Q.copy()
    new_Q[s, a] = r if done else r + gamma * Q[s_next].max()
    return new_Q


def max_over_states(Q, s, a, r, s_next, done, alpha, gamma):
    # The max runs down the column of action a (over states) instead of along row s_next.
    target = r if done else r + gamma * Q[:, a].max()
    return _update(Q, s, a, target, alpha)


def argmax_instead_of_max(Q, s, a, r, s_next, done, alpha, gamma):
    # `gamma * np.argmax(Q[s_next])`: the index of the best action, not its value.
    target = r if done else r + gamma * Q[s_next].argmax()
    return _update(Q, s, a, target, alpha)


def done_as_not_done(Q, s, a, r, s_next, done, alpha, gamma):
    # `r + gamma * done * max Q[s_next]`: the flag used as TD3's `not_done` (1 = continue).
    return _update(Q, s, a, r + gamma * float(done) * Q[s_next].max(), alpha)


def max_of_current_state(Q, s, a, r, s_next, done, alpha, gamma):
    # `np.max(Q[s])`: bootstraps from the row of the current state, not of s_next.
    target = r if done else r + gamma * Q[s].max()
    return _update(Q, s, a, target, alpha)
