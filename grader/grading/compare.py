"""Judge a returned value against the reference: structure, then shape, then values.

Structure and shape are compared exactly before any value (``np.allclose``
alone says an empty ``(0, d)`` array equals any ``(1, d)`` one). Values pass
when ``|got - expected| <= atol + rtol * |expected|`` element-wise; a NaN or an
infinity where a finite number is expected always fails.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from renshu.grader.exercises.model import (
    ArrayReturn,
    FloatReturn,
    IntReturn,
    IntsReturn,
    ReturnSpec,
    Tolerance,
    TupleReturn,
)
from renshu.grader.grading.result import MismatchKind
from renshu.grader.grading.shape_diagnosis import describe_shape_mismatch
from renshu.grader.sandbox.wire import Unsupported
from renshu.grader.wording import Message, msg
from renshu.grader.wording import MessageCode as C


@dataclass(frozen=True)
class Mismatch:
    """How a value differs, and where (``where`` names the first differing element)."""

    kind: MismatchKind
    message: Message
    where: str | None = None
    max_abs_error: float | None = None


def compare(
    expected: Any, got: Any, spec: ReturnSpec, dims: dict[str, int], tol: Tolerance
) -> Mismatch | None:
    """None when ``got`` matches ``expected`` within ``tol``, else the first difference."""
    if isinstance(spec, TupleReturn):
        names = [item.name or f"item {i}" for i, item in enumerate(spec.items)]
        want = f"({', '.join(names)})"
        if not isinstance(got, tuple | list):
            return _type_mismatch(got, msg(C.WANT_TUPLE, names=want))
        if len(got) != len(spec.items):
            return Mismatch(
                MismatchKind.STRUCTURE,
                msg(C.TUPLE_LENGTH, count=len(spec.items), want=want, got=len(got)),
            )
        for item, exp, value, name in zip(spec.items, expected, got, names, strict=True):
            found = _compare_one(exp, value, item, dims, tol, name)
            if found:
                return found
        return None
    return _compare_one(expected, got, spec, dims, tol, spec.name or "result")


def _compare_one(
    expected: Any,
    got: Any,
    spec: ArrayReturn | FloatReturn | IntReturn | IntsReturn,
    dims: dict[str, int],
    tol: Tolerance,
    name: str,
) -> Mismatch | None:
    if isinstance(spec, IntReturn):
        return _compare_int(expected, got, name)
    if isinstance(spec, IntsReturn):
        return _compare_ints(expected, got, name)
    if isinstance(spec, FloatReturn):
        if isinstance(got, np.ndarray) and got.shape == ():
            got = got[()]
        if isinstance(got, bool | np.bool_) or not isinstance(
            got, int | float | np.integer | np.floating
        ):
            return _type_mismatch(got, msg(C.WANT_FLOAT, name=name))
        return _compare_values(
            np.asarray(expected, np.float64), np.asarray(got, np.float64), tol, name, scalar=True
        )
    if not isinstance(got, np.ndarray):
        return _type_mismatch(got, msg(C.WANT_ARRAY, name=name))
    if got.dtype.kind not in "biuf":
        return Mismatch(
            MismatchKind.TYPE,
            msg(C.NOT_REAL, name=name, dtype=str(got.dtype)),
        )
    expected = np.asarray(expected)
    if got.shape != expected.shape:
        return Mismatch(
            MismatchKind.SHAPE, describe_shape_mismatch(spec.shape, dims, got.shape, name)
        )
    return _compare_values(expected.astype(np.float64), got.astype(np.float64), tol, name)


def _compare_int(expected: Any, got: Any, name: str) -> Mismatch | None:
    if isinstance(got, np.ndarray) and got.shape == () and got.dtype.kind in "iu":
        got = got[()]
    if isinstance(got, bool | np.bool_) or not isinstance(got, int | np.integer):
        return _type_mismatch(got, msg(C.WANT_INT, name=name))
    if int(got) == int(expected):
        return None
    return Mismatch(
        MismatchKind.VALUE,
        msg(C.INT_VALUE, name=name, expected=int(expected), got=int(got)),
        name,
    )


def _as_ints(value: Any) -> list[int] | None:
    """A list of ints from a list/tuple of ints or a 1-D integer (or empty) array, else None."""
    if isinstance(value, np.ndarray):
        if value.ndim != 1 or (value.dtype.kind not in "iu" and value.size):
            return None
        return [int(v) for v in value]
    if isinstance(value, list | tuple) and all(
        isinstance(v, int | np.integer) and not isinstance(v, bool | np.bool_) for v in value
    ):
        return [int(v) for v in value]
    return None


def _compare_ints(expected: Any, got: Any, name: str) -> Mismatch | None:
    want = [int(v) for v in expected]
    have = _as_ints(got)
    if have is None:
        return _type_mismatch(got, msg(C.WANT_INTS, name=name))
    if have == want:
        return None
    if len(have) != len(want):
        return Mismatch(
            MismatchKind.VALUE,
            msg(
                C.INTS_LENGTH,
                name=name,
                expected=str(want),
                expected_length=len(want),
                got=str(have),
                got_length=len(have),
            ),
            name,
        )
    at = next(i for i, (a, b) in enumerate(zip(want, have, strict=True)) if a != b)
    return Mismatch(
        MismatchKind.VALUE,
        msg(C.INTS_VALUE, name=name, at=at, expected=str(want), got=str(have)),
        f"{name}[{at}]",
    )


def _compare_values(
    expected: np.ndarray, got: np.ndarray, tol: Tolerance, name: str, scalar: bool = False
) -> Mismatch | None:
    expected, got = np.asarray(expected), np.asarray(got)
    bad_nan = ~np.isfinite(got) & np.isfinite(expected)
    if bad_nan.any():
        idx = tuple(int(i) for i in np.argwhere(bad_nan)[0])
        where = name if scalar else f"{name}[{', '.join(map(str, idx))}]"
        return Mismatch(
            MismatchKind.NAN,
            msg(C.NOT_FINITE, where=where, got=str(got[idx])),
            where,
        )
    with np.errstate(invalid="ignore"):
        err = np.abs(got - expected)
        allowed = tol.atol + tol.rtol * np.abs(expected)
        bad = err > allowed
        # A non-finite expected value (a misconception's overflow, when diagnosing) is only
        # matched by the same non-finite value, never by every number.
        same = (np.isnan(expected) & np.isnan(got)) | (expected == got)
        bad |= ~np.isfinite(expected) & ~same
        if not bad.any():
            return None
        ratio = np.where(bad, np.nan_to_num(err / np.maximum(allowed, 1e-300), nan=np.inf), 0.0)
    idx = tuple(int(i) for i in np.unravel_index(int(np.argmax(ratio)), ratio.shape))
    where = name if scalar else f"{name}[{', '.join(map(str, idx))}]"
    max_err = float(np.max(err))
    return Mismatch(
        MismatchKind.VALUE,
        msg(
            C.VALUE, where=where, expected=float(expected[idx]), got=float(got[idx]), error=max_err
        ),
        where,
        max_err,
    )


def _type_mismatch(got: Any, want: Message) -> Mismatch:
    what: str | Message
    if isinstance(got, Unsupported):
        what = msg(C.GOT_UNSUPPORTED, type=got.type_name, reason=got.reason)
    elif isinstance(got, np.ndarray):
        what = msg(C.GOT_ARRAY, shape=str(got.shape))
    else:
        what = type(got).__name__
    return Mismatch(MismatchKind.TYPE, msg(C.WRONG_TYPE, want=want, what=what))
