"""Known-wrong ε-greedy choices, one per misconception in exercise.yaml (trusted)."""

import numpy as np


def comparison_reversed(q_values, epsilon, u, random_action):
    # Explores when u >= epsilon, i.e. with probability 1 - epsilon.
    if u >= epsilon:
        return int(random_action)
    return int(np.argmax(q_values))


def greedy_argmin(q_values, epsilon, u, random_action):
    # The greedy branch takes the smallest value, as if q were a cost.
    if u < epsilon:
        return int(random_action)
    return int(np.argmin(q_values))


def ties_to_last(q_values, epsilon, u, random_action):
    # Among equal best values the largest index wins (e.g. a loop with >=).
    if u < epsilon:
        return int(random_action)
    best = 0
    for i in range(len(q_values)):
        if q_values[i] >= q_values[best]:
            best = i
    return best


def explores_when_equal(q_values, epsilon, u, random_action):
    # u <= epsilon: with epsilon = 0 and u = 0 it still explores.
    if u <= epsilon:
        return int(random_action)
    return int(np.argmax(q_values))


def sample_from_policy_vector(q_values, epsilon, u, random_action):
    # The ε-greedy distribution as a probability vector (ε/A everywhere, 1 - ε more on the
    # greedy action), sampled with u as np.random.choice(A, p=probs) does: by its CDF.
    A = len(q_values)
    probs = np.full(A, epsilon / A)
    probs[int(np.argmax(q_values))] += 1.0 - epsilon
    return int(min(np.searchsorted(np.cumsum(probs), u, side="right"), A - 1))
