"""Generic mistakes in what is returned or passed: extra, missing or swapped items,
arguments or dict entries in another order, a mask for indices."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

import numpy as np

from renshu.grader.exercises.model import TupleReturn
from renshu.grader.grading.generic_context import (
    Case,
    Context,
    GenericFinding,
    explains,
    found,
    items,
)


def extra_items(ctx: Context) -> GenericFinding | None:
    tuple_return = isinstance(ctx.spec.returns, TupleReturn)
    count = len(ctx.item_specs())
    got = ctx.failing[0].obs.got
    if not isinstance(got, tuple | list) or len(got) <= count:
        return None
    extra = len(got) - count
    for start in range(extra + 1):

        def predict(case: Case, start: int = start) -> Any:
            got = case.obs.got
            if not isinstance(got, tuple | list) or len(got) != count + extra:
                raise ValueError
            want = items(case.expected, tuple_return)
            return type(got)(list(got[:start]) + want + list(got[start + count :]))

        if explains(ctx, predict):
            names = ", ".join(ctx.item_name(i) for i in range(count))
            return found("extra_items", names=names, extra=extra, position=start)
    return None


def one_item_only(ctx: Context) -> GenericFinding | None:
    if not isinstance(ctx.spec.returns, TupleReturn):
        return None
    for index in range(len(ctx.item_specs())):

        def item(case: Case, index: int = index) -> Any:
            return case.expected[index]

        if explains(ctx, item):
            names = ", ".join(ctx.item_name(i) for i in range(len(ctx.item_specs())))
            return found("one_item_only", item=ctx.item_name(index), names=names)
    return None


def tuple_swapped(ctx: Context) -> GenericFinding | None:
    count = len(ctx.item_specs())
    if not isinstance(ctx.spec.returns, TupleReturn) or count < 2:
        return None
    for i, j in itertools.combinations(range(count), 2):

        def predict(case: Case, i: int = i, j: int = j) -> Any:
            items = list(case.expected)
            items[i], items[j] = items[j], items[i]
            return tuple(items)

        if explains(ctx, predict):
            return found("tuple_swapped", first=ctx.item_name(i), second=ctx.item_name(j))
    return None


def argument_order(ctx: Context) -> GenericFinding | None:
    names = ctx.spec.signature
    for i, j in itertools.combinations(range(len(names)), 2):

        def predict(case: Case, i: int = i, j: int = j) -> Any:
            args = ctx.ordered(case)
            args[i], args[j] = args[j], args[i]
            return ctx.call(args)

        if explains(ctx, predict):
            return found("argument_order", first=names[i], second=names[j])
    return None


def _entry_swaps(entries: dict[str, Any]) -> Iterator[tuple[str, dict[str, str]]]:
    """Renamings of a dict argument's entries: whole gate letters (``W_f, b_f`` with
    ``W_i, b_i``) first, then any two entries of the same shape."""
    by_suffix: dict[str, list[str]] = {}
    for key in entries:
        if "_" in key:
            by_suffix.setdefault(key.rsplit("_", 1)[1], []).append(key)
    for a, b in itertools.combinations(sorted(by_suffix), 2):
        swap: dict[str, str] = {}
        for key in by_suffix[a]:
            other = key.rsplit("_", 1)[0] + "_" + b
            if other in entries:
                swap[key], swap[other] = other, key
        if swap:
            yield f"*_{a} ↔ *_{b}", swap
    for x, y in itertools.combinations(sorted(entries), 2):
        vx, vy = entries[x], entries[y]
        if isinstance(vx, np.ndarray) and isinstance(vy, np.ndarray) and vx.shape == vy.shape:
            yield f"{x} ↔ {y}", {x: y, y: x}


def entries_swapped(ctx: Context) -> GenericFinding | None:
    first = ctx.failing[0].obs.args
    for position, name in enumerate(ctx.spec.signature):
        if not isinstance(first[name], dict):
            continue
        for label, swap in _entry_swaps(first[name]):

            def predict(case: Case, position: int = position, swap: dict[str, str] = swap) -> Any:
                args = ctx.ordered(case)
                entries = args[position]
                args[position] = {key: entries[swap.get(key, key)] for key in entries}
                return ctx.call(args)

            if explains(ctx, predict):
                return found("entries_swapped", argument=name, swap=label)
    return None


def mask_not_indices(ctx: Context) -> GenericFinding | None:
    if isinstance(ctx.spec.returns, TupleReturn):
        return None
    got, expected = ctx.failing[0].obs.got, ctx.failing[0].expected
    wanted_indices = np.asarray(expected).dtype.kind in "iu" or isinstance(expected, list)
    if isinstance(got, np.ndarray) and got.dtype == np.bool_ and wanted_indices:
        if explains(ctx, lambda c: _mask_of(c.expected, np.asarray(c.obs.got).shape)):
            return found("mask_not_indices", item=ctx.item_name(0))
    if isinstance(expected, np.ndarray) and expected.dtype == np.bool_:
        if explains(ctx, lambda c: _indices_like(np.flatnonzero(c.expected), c.obs.got)):
            return found("indices_not_mask", item=ctx.item_name(0))
    return None


def _mask_of(indices: Any, shape: tuple[int, ...]) -> np.ndarray:
    mask = np.zeros(shape, dtype=bool)
    mask.flat[np.asarray(indices, dtype=np.int64)] = True
    return mask


def _indices_like(indices: np.ndarray, got: Any) -> Any:
    return [int(i) for i in indices] if isinstance(got, list | tuple) else indices
