"""Seq2seq pieces: the embedding lookup ``E·w`` and greedy decoding of an RNN decoder.

The embedding matrix is (D, V), one column per token, as in the notes' ``E.dot(w)``
with a one-hot column vector ``w`` of length V: ``E @ w`` is column ``id`` of ``E``.
"""

import numpy as np


def embedding_lookup(E: np.ndarray, ids: np.ndarray) -> np.ndarray:
    """The embeddings of ``ids``, one per row.

    E (D, V), column ``k`` is token ``k``'s embedding; ids (N,) ints in ``[0, V)``.
    Returns (N, D) with row ``n`` equal to ``E[:, ids[n]]`` (= ``E @ one_hot(ids[n])``).
    """
    columns = E[:, ids]  # (D, N): column n is the embedding of ids[n]
    embeddings = columns.T
    return embeddings


def greedy_decode(
    h0: np.ndarray,
    E: np.ndarray,
    W_h: np.ndarray,
    W_e: np.ndarray,
    W_out: np.ndarray,
    max_len: int,
) -> list[int]:
    """Greedy decoding of a simple RNN decoder; token 0 is BOS, token 1 is EOS.

    h0 (H,); E (D, V); W_h (H, H); W_e (H, D); W_out (V, H); max_len >= 1.
    From ``y = 0``: ``h = tanh(W_h h + W_e E[:, y])``, ``y = argmax(W_out h)`` (first
    index on ties), appended; stops after appending EOS or after ``max_len`` tokens.
    Returns the emitted ids (BOS not included), EOS included when emitted.
    """
    h, y = h0, 0  # y_0 = BOS
    out: list[int] = []
    while len(out) < max_len:
        h = np.tanh(W_h @ h + W_e @ E[:, y])
        y = int(np.argmax(W_out @ h))
        out.append(y)
        if y == 1:  # EOS
            break
    return out
