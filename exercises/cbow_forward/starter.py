# exercise: cbow_forward
"""CBOW forward pass with a full softmax.  Fill in every `...` marked TODO, then run

    renshu watch cbow_forward.py
"""

import numpy as np


def cbow_forward(context_ids, W_in, W_out):
    """Probabilities of the centre word given its context words.

    context_ids: (B, C) int ids in [0, V - 1]; W_in: (V, D); W_out: (D, V)
    returns p (B, V): softmax over the vocabulary of (mean context embedding) @ W_out
    """
    embedded = W_in[context_ids]  # (B, C, D): one input embedding per context word
    h = ...  # TODO: (B, D) hidden layer from the context embeddings
    s = ...  # TODO: (B, V) scores
    e = ...  # TODO: exp of the scores, shifted so nothing overflows
    return ...  # TODO: normalise each row
