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


def global_softmax(context_ids, W_in, W_out):
    # The 1-D softmax of ゼロから作るDeep Learning 3.5.2 applied to a batch:
    # c = np.max(a); exp_a = np.exp(a - c); exp_a / np.sum(exp_a), one max and one sum.
    a = W_in[context_ids].mean(axis=1) @ W_out
    c = np.max(a)
    exp_a = np.exp(a - c)
    return exp_a / np.sum(exp_a)


def global_max_shift(context_ids, W_in, W_out):
    # `scores -= np.max(scores)` (no axis), as in many cs231n softmax_loss_vectorized
    # solutions: the sums are per row, but every row is shifted by the batch's maximum.
    scores = W_in[context_ids].mean(axis=1) @ W_out
    scores -= np.max(scores)
    exp_scores = np.exp(scores)
    return exp_scores / np.sum(exp_scores, axis=1, keepdims=True)
