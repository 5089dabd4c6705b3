"""Known-wrong attention functions, one per misconception in exercise.yaml (trusted, run by the grader)."""

import numpy as np


def _softmax(x, axis=-1):
    e = np.exp(x - x.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


def _scores(Q, K, scale):
    return Q @ np.swapaxes(K, -1, -2) / scale


def _attend(scores, V, mask, fill=-1e9):
    if mask is not None:
        scores = np.where(mask, scores, fill)
    weights = _softmax(scores)
    return weights @ V, weights


def scale_by_dk(Q, K, V, mask):
    return _attend(_scores(Q, K, Q.shape[-1]), V, mask)


def no_scaling(Q, K, V, mask):
    return _attend(_scores(Q, K, 1.0), V, mask)


def mask_after_softmax(Q, K, V, mask):
    weights = _softmax(_scores(Q, K, np.sqrt(Q.shape[-1])))
    if mask is not None:
        weights = weights * mask
    return weights @ V, weights


def mask_inverted(Q, K, V, mask):
    inverted = None if mask is None else ~mask
    return _attend(_scores(Q, K, np.sqrt(Q.shape[-1])), V, inverted)


def softmax_over_queries(Q, K, V, mask):
    scores = _scores(Q, K, np.sqrt(Q.shape[-1]))
    if mask is not None:
        scores = np.where(mask, scores, -1e9)
    weights = _softmax(scores, axis=1)
    return weights @ V, weights


def mask_with_neg_inf(Q, K, V, mask):
    return _attend(_scores(Q, K, np.sqrt(Q.shape[-1])), V, mask, fill=-np.inf)


def mask_added(Q, K, V, mask):
    scores = _scores(Q, K, np.sqrt(Q.shape[-1]))
    if mask is not None:
        scores = scores + (1.0 - mask) * -1e9
    weights = _softmax(scores)
    return weights @ V, weights


def scale_by_query_length(Q, K, V, mask):
    # d_k = Q.shape[1], as in 2-D (T, Dk) attention code: with the batch axis first it is Tq.
    return _attend(_scores(Q, K, np.sqrt(Q.shape[1])), V, mask)


def tf_style_mask(Q, K, V, mask):
    # The TensorFlow Transformer tutorial: scaled_attention_logits += (mask * -1e9), 1 = blocked.
    scores = _scores(Q, K, np.sqrt(Q.shape[-1]))
    if mask is not None:
        scores = scores + mask * -1e9
    weights = _softmax(scores)
    return weights @ V, weights
