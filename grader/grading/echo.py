"""What a result echoes of inputs and outputs: plain JSON data, size-capped, axes labelled.

A ``Counterexample`` holds one entry per argument (dict entries as ``params.W_i``,
list items as ``grads[0]``) and one per returned item (tuple items named as in the
spec), each with its axis names and sizes, so no renderer has to recover structure.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from renshu.grader.exercises.input_kinds import DictSpec, ListSpec
from renshu.grader.exercises.model import Exercise, TupleReturn
from renshu.grader.exercises.shapes import eval_dim
from renshu.grader.grading.result import (
    ArgumentEntry,
    CallOutcome,
    Counterexample,
    ReturnedEntry,
    ValueKind,
)

if TYPE_CHECKING:
    from renshu.grader.grading.search import Outcome

MAX_ECHO_ARRAY_ITEMS = 4096
MAX_ECHO_TOTAL_ITEMS = 20_000
MAX_ECHO_TEXT_CHARS = 1000


def to_plain(value: Any, budget: list[int] | None = None) -> Any:
    """JSON-ready copy of arguments and results (arrays become nested lists), size-capped."""
    budget = [MAX_ECHO_TOTAL_ITEMS] if budget is None else budget
    if isinstance(value, np.ndarray):
        if value.size > MAX_ECHO_ARRAY_ITEMS or value.size > budget[0]:
            return f"<array of shape {tuple(value.shape)}, {value.dtype}: too large to show>"
        budget[0] -= value.size
        return value.tolist()
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, dict):
        return {str(k)[:MAX_ECHO_TEXT_CHARS]: to_plain(v, budget) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_plain(v, budget) for v in value]
    if isinstance(value, str):
        return value[:MAX_ECHO_TEXT_CHARS]
    if isinstance(value, float | int | bool) or value is None:
        return value
    return repr(value)[:MAX_ECHO_TEXT_CHARS]


def _kind(spec: Any) -> ValueKind:
    try:
        return ValueKind(spec.kind)
    except (AttributeError, ValueError):
        return ValueKind.OTHER


def _axes(shape: list[str | int], dims: dict[str, int], value: Any) -> dict[str, Any]:
    """``axes`` and ``sizes`` of a spec shape; sizes fall back to the value's own shape."""
    names = [str(d).replace(" ", "") for d in shape]
    try:
        sizes = [int(eval_dim(d, dims)) for d in shape]
    except Exception:  # a dimension not drawn for this example: use what was there
        actual = np.shape(value) if isinstance(value, np.ndarray) else ()
        if len(actual) != len(shape):
            return {}
        sizes = [int(n) for n in actual]
    return {"axes": names, "sizes": sizes}


def argument_entries(
    spec: Exercise, args: dict[str, Any], dims: dict[str, int]
) -> list[ArgumentEntry]:
    """One entry per argument, dicts and specified lists flattened, in the arguments' order."""
    budget = [MAX_ECHO_TOTAL_ITEMS]
    entries: list[ArgumentEntry] = []

    def walk(name: str, arg: Any, value: Any) -> None:
        if isinstance(value, dict):
            entries_of = arg.entries if isinstance(arg, DictSpec) else {}
            for key, item in value.items():
                walk(f"{name}.{key}", entries_of.get(str(key)), item)
        elif isinstance(arg, ListSpec) and isinstance(value, list | tuple):
            for i, item in enumerate(value):
                walk(f"{name}[{i}]", arg.items[i] if i < len(arg.items) else None, item)
        else:
            shape = arg.axes if arg is not None else None
            axes = _axes(shape, dims, value) if shape is not None else {}
            entries.append(
                ArgumentEntry(name=name, kind=_kind(arg), value=to_plain(value, budget), **axes)
            )

    for name, value in args.items():
        walk(name, spec.inputs.args.get(name), value)
    return entries


def _split(value: Any, count: int) -> list[Any] | None:
    if isinstance(value, tuple | list) and len(value) == count:
        return list(value)
    return None


def returned_entries(
    spec: Exercise, expected: Any, got: Any, dims: dict[str, int], call: CallOutcome
) -> tuple[list[ReturnedEntry], Any]:
    """One entry per returned item, and the whole ``got`` when it does not split into them."""
    returns = spec.returns
    items = returns.items if isinstance(returns, TupleReturn) else [returns]
    tuple_return = isinstance(returns, TupleReturn)
    names = [
        item.name or (f"item {i}" if tuple_return else "result") for i, item in enumerate(items)
    ]
    expected_items = _split(expected, len(items)) if tuple_return else [expected]
    if expected_items is None:  # the reference broke its own contract: show it whole
        return [ReturnedEntry(name="result", kind=ValueKind.OTHER, expected=to_plain(expected))], (
            to_plain(got) if call is CallOutcome.RETURNED else None
        )
    got_items: list[Any] = [None] * len(items)
    got_whole = None
    if call is CallOutcome.RETURNED:
        split = _split(got, len(items)) if tuple_return else [got]
        if split is None:
            got_whole = to_plain(got)
        else:
            budget = [MAX_ECHO_TOTAL_ITEMS]
            got_items = [to_plain(v, budget) for v in split]
    budget = [MAX_ECHO_TOTAL_ITEMS]
    entries = []
    for item, name, exp, have in zip(items, names, expected_items, got_items, strict=True):
        shape = getattr(item, "shape", None)
        axes = _axes(shape, dims, exp) if shape is not None else {}
        entries.append(
            ReturnedEntry(
                name=name, kind=_kind(item), expected=to_plain(exp, budget), got=have, **axes
            )
        )
    return entries, got_whole


def counterexample_of(
    args: dict[str, Any],
    outcome: Outcome,
    spec: Exercise,
    dims: dict[str, int],
    call: CallOutcome | None = None,
) -> Counterexample:
    """The counterexample of one failing call; ``call`` defaults to what ``outcome`` says."""
    if call is None:
        call = CallOutcome.RAISED if outcome.error is not None else CallOutcome.RETURNED
    mismatch = outcome.mismatch
    returned, got_whole = returned_entries(spec, outcome.expected, outcome.got, dims, call)
    return Counterexample(
        call=call,
        arguments=argument_entries(spec, args, dims),
        returned=returned,
        got_whole=got_whole,
        mismatch=mismatch.kind if mismatch else None,
        max_abs_error=mismatch.max_abs_error if mismatch else None,
        where=mismatch.where if mismatch else None,
    )
