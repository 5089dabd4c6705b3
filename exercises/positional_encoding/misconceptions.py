"""Known-wrong positional encodings, one per misconception in exercise.yaml (trusted)."""

import numpy as np


def _pos(max_len, start=0):
    return np.arange(start, start + max_len, dtype=np.float64)[:, None]


def _two_k(d_model):
    return (np.arange(d_model) // 2 * 2).astype(np.float64)[None, :]


def _interleave(angle, even=np.sin, odd=np.cos):
    pe = np.empty(angle.shape, dtype=np.float64)
    pe[:, 0::2] = even(angle[:, 0::2])
    pe[:, 1::2] = odd(angle[:, 1::2])
    return pe


def sin_cos_swapped(max_len, d_model):
    angle = _pos(max_len) / np.power(10000.0, _two_k(d_model) / d_model)
    return _interleave(angle, even=np.cos, odd=np.sin)


def exponent_pair_index(max_len, d_model):
    k = (np.arange(d_model) // 2).astype(np.float64)[None, :]
    angle = _pos(max_len) / np.power(10000.0, k / d_model)
    return _interleave(angle)


def all_sine(max_len, d_model):
    angle = _pos(max_len) / np.power(10000.0, _two_k(d_model) / d_model)
    return np.sin(angle)


def position_from_one(max_len, d_model):
    angle = _pos(max_len, start=1) / np.power(10000.0, _two_k(d_model) / d_model)
    return _interleave(angle)


def exponent_column_index(max_len, d_model):
    i = np.arange(d_model, dtype=np.float64)[None, :]
    angle = _pos(max_len) / np.power(10000.0, i / d_model)
    return _interleave(angle)


def halves_concatenated(max_len, d_model):
    n_sin = (d_model + 1) // 2
    n_cos = d_model // 2
    two_k_sin = 2.0 * np.arange(n_sin, dtype=np.float64)[None, :]
    two_k_cos = 2.0 * np.arange(n_cos, dtype=np.float64)[None, :]
    pos = _pos(max_len)
    sines = np.sin(pos / np.power(10000.0, two_k_sin / d_model))
    cosines = np.cos(pos / np.power(10000.0, two_k_cos / d_model))
    return np.concatenate([sines, cosines], axis=1)


def divide_sign_lost(max_len, d_model):
    angle = _pos(max_len) * np.exp(_two_k(d_model) * np.log(10000.0) / d_model)
    return _interleave(angle)


def odd_last_column_zero(max_len, d_model):
    # A loop over the sin/cos pairs on a np.zeros table: with an odd d_model the last
    # (unpaired) sine column is never written and stays 0.
    pe = np.zeros((max_len, d_model))
    for pos in range(max_len):
        for i in range(d_model // 2):
            denominator = 10000 ** (2 * i / d_model)
            pe[pos, 2 * i] = np.sin(pos / denominator)
            pe[pos, 2 * i + 1] = np.cos(pos / denominator)
    return pe


def exponent_twice_column_index(max_len, d_model):
    # pos / 10000 ** (2 * i / d_model) with i the column index itself, not the pair number.
    i = np.arange(d_model, dtype=np.float64)[None, :]
    angle = _pos(max_len) / np.power(10000.0, 2 * i / d_model)
    return _interleave(angle)


def padding_row_zero(max_len, d_model):
    # jadore801120/attention-is-all-you-need-pytorch (early version): position 0 is kept for
    # the padding token, whose encoding is the zero vector.
    table = np.array(
        [
            [pos / np.power(10000, 2 * (j // 2) / d_model) for j in range(d_model)]
            if pos != 0
            else np.zeros(d_model)
            for pos in range(max_len)
        ]
    )
    table[1:, 0::2] = np.sin(table[1:, 0::2])
    table[1:, 1::2] = np.cos(table[1:, 1::2])
    return table
