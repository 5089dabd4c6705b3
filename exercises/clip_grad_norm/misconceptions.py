"""Known-wrong gradient clipping, one per misconception in exercise.yaml (trusted)."""

import numpy as np


def _scaled(grads, total, max_norm, factor):
    if total > max_norm:
        return tuple(g * factor for g in grads)
    return tuple(grads)


def clip_per_element(grads, max_norm):
    return tuple(np.clip(g, -max_norm, max_norm) for g in grads)


def per_gradient_norm(grads, max_norm):
    out = []
    for g in grads:
        norm = np.sqrt(np.sum(g**2))
        out.append(g * (max_norm / norm) if norm > max_norm else g)
    return tuple(out)


def sum_of_norms(grads, max_norm):
    total = sum(np.sqrt(np.sum(g**2)) for g in grads)
    return _scaled(grads, total, max_norm, max_norm / total if total else 1.0)


def squared_norm(grads, max_norm):
    total = sum(np.sum(g**2) for g in grads)
    return _scaled(grads, total, max_norm, max_norm / total if total else 1.0)


def always_rescale(grads, max_norm):
    total = np.sqrt(sum(np.sum(g**2) for g in grads))
    return tuple(g * (max_norm / total) for g in grads)  # 0 / 0 gives NaN for zero gradients


def unit_norm(grads, max_norm):
    total = np.sqrt(sum(np.sum(g**2) for g in grads))
    return _scaled(grads, total, max_norm, 1.0 / total if total else 1.0)


def nan_on_zero_gradients(grads, max_norm):
    total = np.sqrt(sum(np.sum(g**2) for g in grads))
    return tuple(g * (np.minimum(max_norm, total) / total) for g in grads)  # 0 / 0 at zero


def matrix_two_norm(grads, max_norm):
    # np.linalg.norm(g, ord=2) reads as "the L2 norm", but on a 2-D array it is the
    # spectral norm (largest singular value), not the square root of the sum of squares.
    total = np.sqrt(sum(np.linalg.norm(g, ord=2) ** 2 for g in grads))
    return _scaled(grads, total, max_norm, max_norm / total if total else 1.0)
