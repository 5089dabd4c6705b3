# exercise: skipgram_loss
"""Skip-gram negative log-likelihood with a full softmax.  Fill in every `...` marked TODO, then run

    renshu watch skipgram_loss.py
"""

import numpy as np


def skipgram_loss(center_ids, context_ids, W_in, W_out):
    """Mean over the batch of the summed -log p(context word | centre word).

    center_ids: (B,) and context_ids: (B, C) int ids in [0, V - 1]; W_in: (V, D); W_out: (D, V)
    returns a float: -(1/B) * sum_b sum_c log p[b, context_ids[b, c]]
    """
    h = ...  # TODO: (B, D) centre word embeddings
    s = h @ W_out  # (B, V) scores
    m = s.max(axis=1, keepdims=True)
    log_p = ...  # TODO: (B, V) log-softmax via log-sum-exp
    picked = np.take_along_axis(log_p, context_ids, axis=1)  # (B, C)
    return ...  # TODO: reduce to the loss
