# exercise: q_learning_update
"""One tabular Q-learning update.  Fill in every `...` marked TODO, then run

    renshu watch q_learning_update.py
"""

import numpy as np


def q_learning_update(Q, s, a, r, s_next, done, alpha, gamma):
    """Q-learning step on (s, a, r, s_next); returns a new table, Q itself is unchanged.

    Q: (S, A) float64; s, a, s_next: ints; r: float; done: bool (s_next is terminal)
    alpha: learning rate in (0, 1]; gamma: discount in [0, 1]
    returns Q_new: (S, A)
    """
    if done:
        target = ...  # TODO: nothing follows a terminal state
    else:
        target = ...  # TODO: r plus the discounted value of the best action in s_next
    new_Q = ...  # TODO: a copy, so the caller's Q is not modified
    new_Q[s, a] = ...  # TODO: move Q[s, a] towards the target
    return new_Q
