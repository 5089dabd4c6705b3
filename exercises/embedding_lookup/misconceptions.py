"""Known-wrong embedding lookups, one per misconception in exercise.yaml (trusted)."""

import numpy as np


def embeddings_as_columns(E, ids):
    return E[:, ids]


def one_based_ids(E, ids):
    return E[:, ids - 1].T


def reshape_instead_of_transpose(E, ids):
    D, V = E.shape
    return E.reshape(V, D)[ids]


def take_without_axis(E, ids):
    return np.take(E, ids)
