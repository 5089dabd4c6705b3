# exercise: greedy_decode
"""Greedy decoding with a small RNN decoder (BOS = 0, EOS = 1).  Fill in every `...`
marked TODO, then run

    renshu watch greedy_decode.py
"""

import numpy as np

BOS = 0
EOS = 1


def greedy_decode(h0, E, W_h, W_e, W_out, max_len):
    """Generate token ids greedily.

    h0: (H,); E: (D, V), column k embeds token k; W_h: (H, H); W_e: (H, D); W_out: (V, H)
    returns the emitted ids (BOS not included, EOS included if emitted), at most max_len
    """
    h, y = h0, BOS
    out = []
    while ...:  # TODO: the length cut-off
        x = ...  # TODO: embedding of the previous token, shape (D,)
        h = np.tanh(W_h @ h + W_e @ x)
        y = ...  # TODO: the id with the largest score (smallest id on a tie), as an int
        out.append(y)
        ...  # TODO: stop after an EOS
    return out
