"""Value agreement for diagnosis: any two returned structures, within the exercise tolerance.

Unlike ``compare`` this knows no contract: it says whether a predicted value and
the learner's are the same (same structure, same shapes, numbers within
``atol + rtol * |predicted|``, NaN matching NaN), whatever their layout.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from renshu.grader.exercises.model import Tolerance


def close(predicted: Any, got: Any, tol: Tolerance) -> bool:
    """``got`` is ``predicted`` within ``tol``: same structure, shapes and values."""
    if isinstance(predicted, dict) or isinstance(got, dict):
        return (
            isinstance(predicted, dict)
            and isinstance(got, dict)
            and predicted.keys() == got.keys()
            and all(close(predicted[k], got[k], tol) for k in predicted)
        )
    if _is_sequence(predicted) and _is_sequence(got):
        return len(predicted) == len(got) and all(
            close(p, g, tol) for p, g in zip(predicted, got, strict=True)
        )
    if _is_sequence(predicted) != _is_sequence(got) and not _array_like(predicted, got):
        return False
    return _close_arrays(predicted, got, tol)


def differs(predicted: Any, got: Any, tol: Tolerance) -> bool:
    return not close(predicted, got, tol)


def _is_sequence(value: Any) -> bool:
    return isinstance(value, tuple | list)


def _array_like(a: Any, b: Any) -> bool:
    """A list of numbers against an array (``[0, 2]`` for ``array([0, 2])``)."""
    return isinstance(a, np.ndarray) or isinstance(b, np.ndarray)


def _close_arrays(predicted: Any, got: Any, tol: Tolerance) -> bool:
    try:
        p, g = np.asarray(predicted), np.asarray(got)
    except Exception:
        return False
    if p.shape != g.shape or p.dtype.kind not in "biuf" or g.dtype.kind not in "biuf":
        return False
    if (p.dtype.kind == "b") != (g.dtype.kind == "b"):
        return False
    if p.dtype.kind == "b":
        return bool(np.array_equal(p, g))
    p64, g64 = p.astype(np.float64), g.astype(np.float64)
    with np.errstate(invalid="ignore", over="ignore"):
        same = (np.isnan(p64) & np.isnan(g64)) | (p64 == g64)
        near = np.abs(g64 - p64) <= tol.atol + tol.rtol * np.abs(p64)
    return bool(np.all(same | (near & np.isfinite(p64) & np.isfinite(g64))))
