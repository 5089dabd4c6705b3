"""Known-wrong skip-gram losses, one per misconception in exercise.yaml (trusted)."""

import numpy as np


def _log_softmax(s):
    m = np.max(s, axis=1, keepdims=True)
    return s - m - np.log(np.sum(np.exp(s - m), axis=1, keepdims=True))


def _picked(log_p, context_ids):
    return np.take_along_axis(log_p, context_ids, axis=1)


def cbow_direction(center_ids, context_ids, W_in, W_out):
    log_p = _log_softmax(W_in[context_ids].mean(axis=1) @ W_out)
    return float(-np.mean(log_p[np.arange(len(center_ids)), center_ids]))


def missing_normalization(center_ids, context_ids, W_in, W_out):
    s = W_in[center_ids] @ W_out
    return float(-np.mean(np.sum(_picked(s, context_ids), axis=1)))


def mean_over_context(center_ids, context_ids, W_in, W_out):
    log_p = _log_softmax(W_in[center_ids] @ W_out)
    return float(-np.mean(_picked(log_p, context_ids)))


def sum_over_batch(center_ids, context_ids, W_in, W_out):
    log_p = _log_softmax(W_in[center_ids] @ W_out)
    return float(-np.sum(_picked(log_p, context_ids)))


def weights_swapped(center_ids, context_ids, W_in, W_out):
    log_p = _log_softmax(W_out.T[center_ids] @ W_in.T)
    return float(-np.mean(np.sum(_picked(log_p, context_ids), axis=1)))


def log_of_softmax(center_ids, context_ids, W_in, W_out):
    s = W_in[center_ids] @ W_out
    e = np.exp(s - np.max(s, axis=1, keepdims=True))
    p = e / np.sum(e, axis=1, keepdims=True)
    return float(-np.mean(np.sum(_picked(np.log(p), context_ids), axis=1)))
