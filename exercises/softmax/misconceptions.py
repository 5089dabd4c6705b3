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


def shift_in_numerator_only(x):
    # np.exp(x - np.max(x)) / np.sum(np.exp(x)), commented "numerically more stable, it is an
    # identity": the denominator is left unshifted (and max and sum run over the whole array).
    return np.exp(x - np.max(x)) / np.sum(np.exp(x))


def max_clamped_at_zero(x):
    # Shift by max(0, row maximum), the bug fixed in FluxML/NNlib.jl PR #43: a row of large
    # negative scores is not shifted up, so every exp underflows to 0 and the row is 0 / 0.
    e = np.exp(x - np.maximum(x.max(axis=-1, keepdims=True), 0.0))
    return e / e.sum(axis=-1, keepdims=True)
