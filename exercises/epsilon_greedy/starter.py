# exercise: epsilon_greedy
"""ε-greedy action selection with the randomness passed in.  Fill in every `...` marked TODO, then run

    renshu watch epsilon_greedy.py
"""

import numpy as np


def epsilon_greedy(q_values, epsilon, u, random_action):
    """Explore with probability epsilon, otherwise take the greedy action.

    q_values: (A,) float64; epsilon: float in [0, 1]
    u: uniform random float in [0, 1); random_action: int in [0, A)
    returns an int: random_action if exploring, else the first index of the largest q value
    """
    explore = ...  # TODO: True with probability exactly epsilon
    if explore:
        return int(random_action)
    return ...  # TODO: the greedy action (ties: the smallest index)
