# exercise: discounted_returns
"""Discounted return from every step of one episode.  Fill in every `...` marked TODO, then run

    renshu watch discounted_returns.py
"""

import numpy as np


def discounted_returns(rewards, gamma):
    """G[t] = rewards[t] + gamma * rewards[t+1] + gamma**2 * rewards[t+2] + ...

    rewards: (T,) float64, rewards[t] is the reward for the action at step t
    gamma: float in [0, 1]
    returns G: (T,)
    """
    T = len(rewards)
    G = np.empty(T, dtype=np.float64)
    g = 0.0  # the return after the episode has ended
    for t in ...:  # TODO: which order of t?
        g = ...  # TODO: the return from step t, using the return from step t + 1
        G[t] = g
    return G
