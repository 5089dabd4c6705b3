# exercise: embedding_lookup
"""Embedding lookup: E·w with a one-hot w, and the same by indexing.  Fill in every `...`
marked TODO, then run

    renshu watch embedding_lookup.py
"""

import numpy as np


def one_hot_columns(ids, V):
    """(V, N): column n is the one-hot vector of ids[n]."""
    W = np.zeros((V, len(ids)))
    W[ids, np.arange(len(ids))] = 1.0
    return W


def embedding_lookup(E, ids):
    """The embeddings of ids, one per row.

    E: (D, V), column k is the embedding of token id k; ids: (N,) ints in 0..V-1
    returns (N, D): row n is E[:, ids[n]]
    """
    D, V = E.shape
    W = one_hot_columns(ids, V)  # (V, N)
    by_product = ...  # TODO: E·w for every one-hot column of W, as (N, D)
    by_index = ...  # TODO: the same values by indexing the columns of E, as (N, D)
    assert np.allclose(by_product, by_index), "the two views should agree"
    return by_index
