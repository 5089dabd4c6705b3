# exercise: cosine_similarity
"""Cosine similarity of a vector with every row of a matrix.  Fill in every `...` marked TODO, then run

    renshu watch cosine_similarity.py
"""

import numpy as np


def cosine_similarity(a, B):
    """cos[n] = a · B[n] / (max(‖a‖, 1e-8) * max(‖B[n]‖, 1e-8)).

    a: (D,); B: (N, D)
    returns (N,); a zero vector has similarity 0
    """
    dots = B @ a  # (N,)
    norm_a = ...  # TODO: the norm of a, clamped below at 1e-8
    norm_B = ...  # TODO: (N,) the norm of each row of B, clamped below at 1e-8
    return ...  # TODO
