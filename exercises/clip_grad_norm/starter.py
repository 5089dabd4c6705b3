# exercise: clip_grad_norm
"""Gradient clipping by the global norm (Pascanu et al., 2013).  Fill in every `...`
marked TODO, then run

    renshu watch clip_grad_norm.py
"""

import numpy as np


def clip_grad_norm(grads, max_norm):
    """Rescale all gradients together when their global L2 norm exceeds max_norm.

    grads: list of arrays of any shapes; max_norm: positive float
    total = sqrt(sum over k of ||g_k||^2); if total > max_norm, every g_k is multiplied
    by max_norm / total, otherwise returned unchanged (no epsilon)
    returns a tuple of arrays, same order and shapes as grads
    """
    total = ...  # TODO: the global norm, one number for all gradients together
    if ...:  # TODO: when is clipping needed?
        scale = ...  # TODO
        return tuple(g * scale for g in grads)
    return tuple(grads)
