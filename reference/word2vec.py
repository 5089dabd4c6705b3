"""word2vec (Mikolov et al., 2013) with a full softmax: CBOW, skip-gram, cosine similarity.

``W_in`` (V, D) holds the input embeddings, one row per word (``W_in[i]`` equals
``one_hot(i) @ W_in``); ``W_out`` (D, V) maps a hidden vector to one score per word.
"""

# NumPy's stubs type ufunc results (np.exp, np.maximum, ...) as Any.
# mypy: no-warn-return-any

import numpy as np

from .activations import log_softmax, softmax


def cbow_forward(context_ids: np.ndarray, W_in: np.ndarray, W_out: np.ndarray) -> np.ndarray:
    """CBOW: predict the centre word from the mean of its context embeddings.

    context_ids (B, C) int in [0, V - 1]; W_in (V, D); W_out (D, V).
    ``h = mean_c W_in[context_ids[:, c]]`` (B, D), ``scores = h @ W_out`` (B, V).
    Returns ``softmax(scores)`` over the vocabulary axis, (B, V).
    """
    h = W_in[context_ids].mean(axis=1)
    s = h @ W_out
    p = softmax(s)
    return p


def skipgram_loss(
    center_ids: np.ndarray, context_ids: np.ndarray, W_in: np.ndarray, W_out: np.ndarray
) -> float:
    """Skip-gram negative log-likelihood with a full softmax.

    center_ids (B,) and context_ids (B, C) int in [0, V - 1]; W_in (V, D); W_out (D, V).
    ``h = W_in[center_ids]`` (B, D), ``log p = log_softmax(h @ W_out)`` (B, V);
    returns ``-mean_b Σ_c log p[b, context_ids[b, c]]`` as a Python float
    (summed over each centre word's C context words, averaged over the batch).
    """
    h = W_in[center_ids]
    s = h @ W_out  # ``s``, not ``scores``: log_softmax's parameter would be a second record
    log_p = log_softmax(s)
    picked = np.take_along_axis(log_p, context_ids, axis=1)  # (B, C)
    loss = float(-np.mean(np.sum(picked, axis=1)))
    return loss


def cosine_similarity(a: np.ndarray, B: np.ndarray) -> np.ndarray:
    """Cosine similarity of one vector with every row of a matrix.

    a (D,); B (N, D). Returns (N,): ``a · B[n] / (max(‖a‖, 1e-8) · max(‖B[n]‖, 1e-8))``,
    so a zero vector has similarity 0 with everything.
    """
    norm_a = np.maximum(np.sqrt(np.sum(a * a)), 1e-8)
    norm_b = np.maximum(np.sqrt(np.sum(B * B, axis=1)), 1e-8)
    dots = B @ a
    cos = dots / (norm_a * norm_b)
    return cos
