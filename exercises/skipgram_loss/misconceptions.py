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


def context_as_input(center_ids, context_ids, W_in, W_out):
    # word2vec.c's skip-gram loop (and gensim's train_sg_pair): l1 = last_word * layer1_size,
    # the input vector of each context word, with the centre word `word` as the target.
    log_p = _log_softmax(W_in[context_ids].reshape(-1, W_in.shape[1]) @ W_out)  # (B*C, V)
    targets = np.repeat(center_ids, context_ids.shape[1])
    picked = log_p[np.arange(len(targets)), targets].reshape(context_ids.shape)
    return float(-np.mean(np.sum(picked, axis=1)))


def cross_entropy_delta(center_ids, context_ids, W_in, W_out):
    # ゼロから作るDeep Learning 2's SimpleSkipGram: one SoftmaxWithLoss per context word,
    # each -np.sum(np.log(y[np.arange(batch_size), t] + 1e-7)) / batch_size, added up.
    s = W_in[center_ids] @ W_out
    s = s - np.max(s, axis=1, keepdims=True)
    y = np.exp(s) / np.sum(np.exp(s), axis=1, keepdims=True)
    batch_size = y.shape[0]
    loss = 0.0
    for c in range(context_ids.shape[1]):
        t = context_ids[:, c]
        loss += -np.sum(np.log(y[np.arange(batch_size), t] + 1e-7)) / batch_size
    return float(loss)
