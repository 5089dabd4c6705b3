"""Known-wrong int8 quantisers, one per misconception in exercise.yaml (trusted).

Each keeps the contract's exact form of x / scale (x * levels / span) so that it
differs from the reference only in its own mistake.
"""

import numpy as np


def _range(x):
    return min(float(x.min()), 0.0), max(float(x.max()), 0.0)


def _affine(x, lo, hi, levels=255, clip=True, rounding=np.round):
    """(q, scale, zero_point) with scale = (hi - lo) / levels; all-zero range -> scale 1."""
    span = hi - lo
    if span == 0:
        return np.full(x.shape, -128, dtype=np.int64), 1.0, -128
    zero_point = int(np.clip(np.round(-128 - lo * levels / span), -128, 127))
    q = rounding(x * levels / span) + zero_point
    if clip:
        q = np.clip(q, -128, 127)
    return q.astype(np.int64), span / levels, zero_point


def _result(x, lo, hi, **options):
    q, scale, zero_point = _affine(x, lo, hi, **options)
    return q, scale, zero_point, scale * (q - zero_point)


def range_without_zero(x):
    lo, hi = float(x.min()), float(x.max())
    return _result(x, lo, hi)


def symmetric_scale(x):
    amax = float(np.abs(x).max())
    if amax == 0:
        return _result(x, 0.0, 0.0)
    scale = amax / 127
    lo, _ = _range(x)
    zero_point = int(np.clip(np.round(-128 - lo * 127 / amax), -128, 127))
    q = np.clip(np.round(x * 127 / amax) + zero_point, -128, 127).astype(np.int64)
    return q, scale, zero_point, scale * (q - zero_point)


def divide_by_256(x):
    return _result(x, *_range(x), levels=256)


def no_clipping(x):
    return _result(x, *_range(x), clip=False)


def truncate_instead_of_round(x):
    return _result(x, *_range(x), rounding=np.trunc)


def zero_point_forgotten(x):
    q, scale, zero_point = _affine(x, *_range(x))
    return q, scale, zero_point, scale * q


def int8_overflow(x):
    q, scale, zero_point = _affine(x, *_range(x))
    q8 = q.astype(np.int8)
    return q8, scale, zero_point, scale * (q8 - np.int8(zero_point))


def uint8_range(x):
    # The uint8 scheme (PyTorch's quint8): levels 0..255 and a zero point in [0, 255].
    lo, hi = _range(x)
    span = hi - lo
    if span == 0:
        q = np.zeros(x.shape, dtype=np.int64)
        return q, 1.0, 0, np.zeros_like(x)
    zero_point = int(np.clip(np.round(0 - lo * 255 / span), 0, 255))
    q = np.clip(np.round(x * 255 / span) + zero_point, 0, 255).astype(np.int64)
    scale = span / 255
    return q, scale, zero_point, scale * (q - zero_point)


def round_after_zero_point(x):
    # q = clip(round(x / scale + zero_point)): one rounding of the sum, which moves
    # exact .5 ties when the zero point is odd.
    lo, hi = _range(x)
    span = hi - lo
    if span == 0:
        return _result(x, lo, hi)
    zero_point = int(np.clip(np.round(-128 - lo * 255 / span), -128, 127))
    q = np.clip(np.round(x * 255 / span + zero_point), -128, 127).astype(np.int64)
    scale = span / 255
    return q, scale, zero_point, scale * (q - zero_point)
