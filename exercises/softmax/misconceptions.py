"""Known-wrong softmax functions, one per misconception in exercise.yaml (trusted, run by the grader)."""

import numpy as np


def no_max_shift(x):
    e = np.exp(x)
    return e / e.sum(axis=-1, keepdims=True)


def global_max_shift(x):
    e = np.exp(x - x.max())
    return e / e.sum(axis=-1, keepdims=True)


def sum_without_axis(x):
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum()


def softmax_over_batch_axis(x):
    e = np.exp(x - x.max(axis=0, keepdims=True))
    return e / e.sum(axis=0, keepdims=True)
