"""The values arrays are drawn from, and the layouts that give them a domain's meaning."""

from __future__ import annotations

import functools
import math
from fractions import Fraction

import numpy as np


@functools.cache
def value_table(low: float, high: float) -> np.ndarray:
    """Up to 256 values of the 1/64 grid within [low, high], simplest first.

    Simplicity is (denominator, magnitude, negative after positive), so index 0
    is the value closest to 0 and the first entries are whole numbers and halves.
    """
    ks = range(math.ceil(low * 64), math.floor(high * 64) + 1)
    values = [Fraction(k, 64) for k in ks] or [Fraction(low).limit_denominator(64)]
    values.sort(key=lambda v: (v.denominator, abs(v), v < 0))
    return np.array([float(v) for v in values[:256]], dtype=np.float64)


MIN_BOX_SIDE = 1e-3


def apply_layout(values: np.ndarray, layout: str) -> np.ndarray:
    """Turn drawn values into rows of probabilities or valid boxes (see ``ArraySpec``)."""
    if layout == "stochastic":
        weights = np.abs(values)
        totals = weights.sum(axis=-1, keepdims=True)
        uniform = np.full_like(weights, 1.0 / max(weights.shape[-1], 1))
        safe = np.where(totals > 0, totals, 1.0)
        probabilities: np.ndarray = np.where(totals > 0, weights / safe, uniform)
        return probabilities
    if layout == "boxes":
        x1, y1 = values[..., 0], values[..., 1]
        # Sides from 1e-3 up: a shrunk input has identical tiny boxes, where an epsilon
        # added to the union (or the "+ 1" pixel convention) changes the IoU.
        x2 = x1 + MIN_BOX_SIDE + np.abs(values[..., 2])
        y2 = y1 + MIN_BOX_SIDE + np.abs(values[..., 3])
        return np.stack([x1, y1, x2, y2], axis=-1)
    return values
