"""Known-wrong greedy decoders, one per misconception in exercise.yaml (trusted).

Token 0 is BOS and token 1 is EOS; every function has the contract's signature.
"""

import numpy as np


def _decode(h0, E, W_h, W_e, W_out, max_len, *, feed_back=True, carry_h=True, stop_at_eos=True):
    h, y = h0, 0
    out = []
    while len(out) < max_len:
        h_in = h if carry_h else h0
        x = E[:, y if feed_back else 0]
        h = np.tanh(W_h @ h_in + W_e @ x)
        y = int(np.argmax(W_out @ h))
        out.append(y)
        if stop_at_eos and y == 1:
            break
    return out


def no_feedback(h0, E, W_h, W_e, W_out, max_len):
    return _decode(h0, E, W_h, W_e, W_out, max_len, feed_back=False)


def hidden_not_carried(h0, E, W_h, W_e, W_out, max_len):
    return _decode(h0, E, W_h, W_e, W_out, max_len, carry_h=False)


def zero_initial_state(h0, E, W_h, W_e, W_out, max_len):
    return _decode(np.zeros_like(h0), E, W_h, W_e, W_out, max_len)


def eos_dropped(h0, E, W_h, W_e, W_out, max_len):
    out = _decode(h0, E, W_h, W_e, W_out, max_len)
    return out[:-1] if out and out[-1] == 1 else out


def ignores_eos(h0, E, W_h, W_e, W_out, max_len):
    return _decode(h0, E, W_h, W_e, W_out, max_len, stop_at_eos=False)


def one_token_short(h0, E, W_h, W_e, W_out, max_len):
    h, y = h0, 0
    out = []
    for _t in range(1, max_len):
        h = np.tanh(W_h @ h + W_e @ E[:, y])
        y = int(np.argmax(W_out @ h))
        out.append(y)
        if y == 1:
            break
    return out


def one_token_too_many(h0, E, W_h, W_e, W_out, max_len):
    h, y = h0, 0
    out = []
    while len(out) <= max_len:
        h = np.tanh(W_h @ h + W_e @ E[:, y])
        y = int(np.argmax(W_out @ h))
        out.append(y)
        if y == 1:
            break
    return out


def bos_in_output(h0, E, W_h, W_e, W_out, max_len):
    return [0, *_decode(h0, E, W_h, W_e, W_out, max_len)]


def recurrent_weight_transposed(h0, E, W_h, W_e, W_out, max_len):
    # h @ W_h, the row-vector habit of rnn_forward (and ゼロから作る Deep Learning 2's
    # np.dot(h_prev, Wh)): W_h is square, so it raises no shape error, but it is W_hᵀ h.
    h, y = h0, 0
    out = []
    while len(out) < max_len:
        h = np.tanh(h @ W_h + W_e @ E[:, y])
        y = int(np.argmax(W_out @ h))
        out.append(y)
        if y == 1:
            break
    return out


def start_token_counted(h0, E, W_h, W_e, W_out, max_len):
    # Hugging Face generate() for encoder-decoder models, and the Annotated Transformer's
    # greedy_decode: the sequence starts with the start token, and max_length counts it.
    h, y = h0, 0
    ys = [0]
    while len(ys) < max_len:
        h = np.tanh(W_h @ h + W_e @ E[:, y])
        y = int(np.argmax(W_out @ h))
        ys.append(y)
        if y == 1:
            break
    return ys


def tie_takes_last_id(h0, E, W_h, W_e, W_out, max_len):
    # np.argsort(scores)[-1] as "the index of the largest score": among equal scores the
    # (stable) sort puts the largest id last, so a tie goes to the largest id, not the smallest.
    h, y = h0, 0
    out = []
    while len(out) < max_len:
        h = np.tanh(W_h @ h + W_e @ E[:, y])
        y = int(np.argsort(W_out @ h, kind="stable")[-1])
        out.append(y)
        if y == 1:
            break
    return out
