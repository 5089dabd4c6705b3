"""Asymmetric (affine) int8 quantisation with a zero point, and the round trip back."""

import numpy as np


def quantize_int8(x: np.ndarray) -> tuple[np.ndarray, float, int, np.ndarray]:
    """Per-tensor asymmetric int8 quantisation of ``x`` (any shape) and its round trip.

    Range ``[lo, hi] = [min(min x, 0), max(max x, 0)]``, so 0 is exactly representable;
    ``scale = (hi - lo) / 255``. ``x / scale`` is computed as ``x * 255 / (hi - lo)``, so
    an exact ``.5`` stays exact and rounds half to even (``np.round``) in any precision.
    ``zero_point = round(-128 - lo / scale)`` in [-128, 127];
    ``q = clip(round(x / scale) + zero_point, -128, 127)`` (int8, shape of x);
    ``x_hat = scale * (q - zero_point)`` (shape and dtype of x).
    All zeros (``hi == lo``): scale 1.0, zero point -128, q all -128, x_hat all 0.
    Returns ``(q, scale, zero_point, x_hat)``.
    """
    lo = np.minimum(x.min(), 0)
    hi = np.maximum(x.max(), 0)
    span = hi - lo
    if span == 0:
        return np.full(x.shape, -128, dtype=np.int8), 1.0, -128, np.zeros_like(x)
    scale = span / 255
    zero_point = int(np.clip(np.round(-128 - lo * 255 / span), -128, 127))
    q = np.clip(np.round(x * 255 / span) + zero_point, -128, 127).astype(np.int8)
    x_hat = scale * (q.astype(x.dtype) - zero_point)
    return q, float(scale), zero_point, x_hat
