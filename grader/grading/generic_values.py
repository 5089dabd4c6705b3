"""Generic mistakes in the values: the right numbers in another layout, reversed or
shifted along an axis, scaled by a constant, computed along another axis, or right
only in the first slice."""

from __future__ import annotations

import itertools
from typing import Any

import numpy as np

from renshu.grader.exercises.model import TupleReturn
from renshu.grader.grading.diagnosis_values import close, differs
from renshu.grader.grading.generic_context import (
    Case,
    Context,
    GenericFinding,
    array_items,
    explains,
    found,
    items_of,
    replace_item,
)


def layout(ctx: Context) -> GenericFinding | None:
    """The right numbers in another layout: two axes swapped, or the same values reshaped."""
    for index in array_items(ctx):
        ndim = len(ctx.item_specs()[index].shape)
        for a, b in itertools.combinations(range(ndim), 2):

            def swapped(case: Case, index: int = index, a: int = a, b: int = b) -> Any:
                value = np.swapaxes(np.asarray(items_of(ctx, case.expected)[index]), a, b)
                return replace_item(ctx, case, index, value)

            if explains(ctx, swapped):
                axes = f"{ctx.axis_name(index, a)}, {ctx.axis_name(index, b)}"
                return found("transposed", item=ctx.item_name(index), axes=axes)

        def reshaped(case: Case, index: int = index) -> Any:
            want = np.asarray(items_of(ctx, case.expected)[index])
            got = items_of(ctx, case.obs.got)[index]
            if not isinstance(got, np.ndarray) or got.shape == want.shape:
                raise ValueError
            return replace_item(ctx, case, index, want.reshape(got.shape))

        if explains(ctx, reshaped):
            axes = ", ".join(ctx.axis_name(index, a) for a in range(ndim))
            got_shape = np.asarray(items_of(ctx, ctx.failing[0].obs.got)[index]).shape
            return found("reshaped", item=ctx.item_name(index), axes=axes, got=str(got_shape))
    return None


def along_axis(ctx: Context) -> GenericFinding | None:
    """Reversed along an axis, or shifted by one step (the overlap matches)."""
    for index in array_items(ctx):
        ndim = len(ctx.item_specs()[index].shape)
        for axis in range(ndim):
            name = ctx.axis_name(index, axis)

            def flipped(case: Case, index: int = index, axis: int = axis) -> Any:
                value = np.flip(np.asarray(items_of(ctx, case.expected)[index]), axis)
                return replace_item(ctx, case, index, value)

            if explains(ctx, flipped):
                return found("reversed", item=ctx.item_name(index), axis=name)
            for step in (1, -1):
                if _shift_explains(ctx, index, axis, step):
                    code = "shifted_later" if step == 1 else "shifted_earlier"
                    return found(code, item=ctx.item_name(index), axis=name)
    return None


def _shift_explains(ctx: Context, index: int, axis: int, step: int) -> bool:
    """``got`` along ``axis`` is ``expected`` moved by ``step``: the overlapping part agrees
    on every case, the other items are right, and on a failure the values do change along
    the axis (so the shift, not a constant, explains it)."""
    changed = False
    for case in ctx.cases:
        try:
            want = np.asarray(items_of(ctx, case.expected)[index])
            got = items_of(ctx, case.obs.got)[index]
        except ValueError:
            return False
        if not isinstance(got, np.ndarray) or got.shape != want.shape:
            return False
        size = want.shape[axis]
        if size < 2:  # only the vacated slot: nothing to check, and any value fits it
            continue
        late = (
            np.take(got, range(1, size), axis) if step == 1 else np.take(got, range(size - 1), axis)
        )
        early = (
            np.take(want, range(size - 1), axis)
            if step == 1
            else np.take(want, range(1, size), axis)
        )
        if not close(early, late, ctx.tol):
            return False
        others = [v for i, v in enumerate(items_of(ctx, case.obs.got)) if i != index]
        wanted = [v for i, v in enumerate(items_of(ctx, case.expected)) if i != index]
        if not close(others, wanted, ctx.tol):
            return False
        if case.obs.failed and differs(early, np.take(want, range(1, size), axis), ctx.tol):
            changed = True
    return changed


def constant_factor(ctx: Context) -> GenericFinding | None:
    for index in range(len(ctx.item_specs())):
        factor = _factor_of(ctx, index)
        if factor is None:
            continue

        def scaled(case: Case, index: int = index, k: float = factor) -> Any:
            value = np.asarray(items_of(ctx, case.expected)[index], dtype=np.float64) * k
            if not isinstance(ctx.spec.returns, TupleReturn) and np.ndim(value) == 0:
                return float(value)
            return replace_item(ctx, case, index, value)

        if explains(ctx, scaled):
            return found("constant_factor", item=ctx.item_name(index), factor=_fmt_factor(factor))
    return None


def _factor_of(ctx: Context, index: int) -> float | None:
    """The ratio got / expected at the expected value of largest magnitude, on a failure."""
    for case in ctx.failing:
        try:
            want = np.asarray(items_of(ctx, case.expected)[index], dtype=np.float64)
            got = np.asarray(items_of(ctx, case.obs.got)[index], dtype=np.float64)
        except (ValueError, TypeError):
            return None
        if want.shape != got.shape or want.size == 0 or not np.all(np.isfinite(want)):
            return None
        at = int(np.argmax(np.abs(want)))
        if abs(want.flat[at]) < 1e-9:
            continue
        k = float(got.flat[at] / want.flat[at])
        if not np.isfinite(k) or abs(k) < 1e-9 or abs(k - 1) < 1e-3:
            return None
        return _round_factor(k)
    return None


def _round_factor(k: float) -> float:
    """A factor a learner writes (100, -1, 0.5, 1/255) rather than a ratio's last bits."""
    candidates = [float(round(k)), round(k, 1), round(k, 2)]
    if abs(k) < 1 and round(1 / k):
        candidates.append(1 / round(1 / k))
    for candidate in candidates:
        if candidate and abs(candidate - k) <= 1e-6 * max(1.0, abs(k)):
            return candidate
    return k


def _fmt_factor(k: float) -> str:
    if k == int(k):
        return str(int(k))
    return f"{k:.4g}"


def over_other_axes(ctx: Context) -> GenericFinding | None:
    """The reference run along another axis of the input, or on the whole array at once."""
    if isinstance(ctx.spec.returns, TupleReturn):
        return None
    first = ctx.failing[0]
    for position, name in enumerate(ctx.spec.signature):
        x = first.obs.args[name]
        if not isinstance(x, np.ndarray) or x.ndim < 2 or x.shape != np.shape(first.expected):
            continue
        for axis in range(x.ndim - 1):

            def along(case: Case, position: int = position, axis: int = axis) -> Any:
                args = ctx.ordered(case)
                args[position] = np.swapaxes(args[position], axis, -1)
                return np.swapaxes(np.asarray(ctx.call(args)), axis, -1)

            if explains(ctx, along):
                return found("wrong_axis", argument=name, axis=ctx.axis_name(0, axis))

        def whole(case: Case, position: int = position) -> Any:
            args = ctx.ordered(case)
            shape = args[position].shape
            args[position] = args[position].reshape((1,) * (len(shape) - 1) + (-1,))
            return np.asarray(ctx.call(args)).reshape(shape)

        if explains(ctx, whole):
            return found("over_everything", argument=name)
    return None


def first_slice_only(ctx: Context) -> GenericFinding | None:
    """Only index 0 along an axis is right (``x[0]`` where the whole batch was meant)."""
    for index in array_items(ctx):
        for axis in range(len(ctx.item_specs()[index].shape)):
            if _first_slice_explains(ctx, index, axis):
                name = ctx.axis_name(index, axis)
                return found("first_slice_only", item=ctx.item_name(index), axis=name)
    return None


def _first_slice_explains(ctx: Context, index: int, axis: int) -> bool:
    for case in ctx.failing:
        try:
            want = np.asarray(items_of(ctx, case.expected)[index])
            got = items_of(ctx, case.obs.got)[index]
        except ValueError:
            return False
        if not isinstance(got, np.ndarray) or got.shape != want.shape or want.shape[axis] < 2:
            return False
        if not close(np.take(got, 0, axis), np.take(want, 0, axis), ctx.tol):
            return False
        others = [v for i, v in enumerate(items_of(ctx, case.obs.got)) if i != index]
        wanted = [v for i, v in enumerate(items_of(ctx, case.expected)) if i != index]
        if not close(others, wanted, ctx.tol):
            return False
    return bool(ctx.failing)
