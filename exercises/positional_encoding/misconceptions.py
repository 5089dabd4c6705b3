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
