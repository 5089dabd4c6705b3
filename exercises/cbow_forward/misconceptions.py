"""Known-wrong CBOW forward passes, one per misconception in exercise.yaml (trusted)."""

import numpy as np


def _softmax(s, axis=1):
    e = np.exp(s - np.max(s, axis=axis, keepdims=True))
    return e / np.sum(e, axis=axis, keepdims=True)


def scores_without_softmax(context_ids, W_in, W_out):
    return W_in[context_ids].mean(axis=1) @ W_out


def softmax_over_batch(context_ids, W_in, W_out):
    return _softmax(W_in[context_ids].mean(axis=1) @ W_out, axis=0)


def sum_instead_of_mean(context_ids, W_in, W_out):
    return _softmax(W_in[context_ids].sum(axis=1) @ W_out)


def weights_swapped(context_ids, W_in, W_out):
    h = W_out.T[context_ids].mean(axis=1)  # columns of W_out as embeddings
    return _softmax(h @ W_in.T)


def softmax_overflow(context_ids, W_in, W_out):
    e = np.exp(W_in[context_ids].mean(axis=1) @ W_out)
    return e / np.sum(e, axis=1, keepdims=True)
