"""Known-wrong layer norms, one per misconception in exercise.yaml (trusted, run by the grader)."""

import numpy as np

EPS = 1e-5


def batch_axis(x, gamma, beta):
    mean = x.mean(axis=0, keepdims=True)
    var = x.var(axis=0, keepdims=True)
    return gamma * (x - mean) / np.sqrt(var + EPS) + beta


def unbiased_variance(x, gamma, beta):
    mean = x.mean(axis=-1, keepdims=True)
    var = x.var(axis=-1, ddof=1, keepdims=True)
    return gamma * (x - mean) / np.sqrt(var + EPS) + beta


def eps_outside_sqrt(x, gamma, beta):
    mean = x.mean(axis=-1, keepdims=True)
    var = x.var(axis=-1, keepdims=True)
    return gamma * (x - mean) / (np.sqrt(var) + EPS) + beta


def divide_by_variance(x, gamma, beta):
    mean = x.mean(axis=-1, keepdims=True)
    var = x.var(axis=-1, keepdims=True)
    return gamma * (x - mean) / (var + EPS) + beta


def no_affine(x, gamma, beta):
    mean = x.mean(axis=-1, keepdims=True)
    var = x.var(axis=-1, keepdims=True)
    return (x - mean) / np.sqrt(var + EPS)


def eps_1e6(x, gamma, beta):
    # eps = 1e-6, a common default elsewhere, where this contract uses 1e-5.
    mean = x.mean(axis=-1, keepdims=True)
    var = x.var(axis=-1, keepdims=True)
    return gamma * (x - mean) / np.sqrt(var + 1e-6) + beta


def std_plus_eps(x, gamma, beta):
    # The Annotated Transformer's LayerNorm written in NumPy: (x - mean) / (std + eps), eps = 1e-6.
    mean = x.mean(axis=-1, keepdims=True)
    std = x.std(axis=-1, keepdims=True)
    return gamma * (x - mean) / (std + 1e-6) + beta
