"""Known-wrong cosine similarities, one per misconception in exercise.yaml (trusted)."""

import numpy as np


def _clamp(norm):
    return np.maximum(norm, 1e-8)


def raw_dot_product(a, B):
    return B @ a


def only_row_norm(a, B):
    return (B @ a) / _clamp(np.linalg.norm(B, axis=1))


def only_query_norm(a, B):
    return (B @ a) / _clamp(np.linalg.norm(a))


def squared_norms(a, B):
    return (B @ a) / (_clamp(a @ a) * _clamp(np.sum(B * B, axis=1)))


def norm_over_wrong_axis(a, B):
    unit_a = a / _clamp(np.linalg.norm(a))
    unit_B = B / _clamp(np.linalg.norm(B, axis=0))  # columns normalised instead of rows
    return unit_B @ unit_a


def cosine_distance(a, B):
    return 1.0 - (B @ a) / (_clamp(np.linalg.norm(a)) * _clamp(np.linalg.norm(B, axis=1)))


def zero_vector_not_handled(a, B):
    return (B @ a) / (np.linalg.norm(a) * np.linalg.norm(B, axis=1))


def whole_matrix_norm(a, B):
    # The two-vector formula dot(u, v) / (norm(u) * norm(v)) with the matrix put in for v:
    # np.linalg.norm(B) without axis is the norm of the whole matrix (Frobenius), not of each row.
    return np.dot(B, a) / (np.linalg.norm(a) * np.linalg.norm(B))
