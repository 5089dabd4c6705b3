"""What a result echoes of inputs and outputs: plain JSON data, size-capped, axes labelled."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from renshu.grader.exercises.model import (
    ArrayReturn,
    ArraySpec,
    BoolArraySpec,
    DictSpec,
    Exercise,
    IntArraySpec,
    ListSpec,
    TupleReturn,
)
from renshu.grader.exercises.shapes import eval_dim
from renshu.grader.grading.result import Counterexample

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


def axis_labels(spec: Exercise, dims: dict[str, int]) -> dict[str, str]:
    """``{"xs": "(B, T, I) = (1, 2, 2)", ...}`` for the arguments and the returned arrays."""
    labels: dict[str, str] = {}

    def label(shape: list[str | int]) -> str:
        names = [str(d).replace(" ", "") for d in shape]
        sizes = [str(eval_dim(d, dims)) for d in shape]
        return f"({', '.join(names)}) = ({', '.join(sizes)})"

    def walk(prefix: str, arg: Any) -> None:
        if isinstance(arg, ArraySpec | IntArraySpec | BoolArraySpec):
            labels[prefix] = label(arg.shape)
        elif isinstance(arg, DictSpec):
            for key, entry in arg.entries.items():
                walk(f"{prefix}.{key}", entry)
        elif isinstance(arg, ListSpec):
            for i, entry in enumerate(arg.items):
                walk(f"{prefix}[{i}]", entry)

    for name, arg in spec.inputs.args.items():
        walk(name, arg)
    items = spec.returns.items if isinstance(spec.returns, TupleReturn) else [spec.returns]
    for i, item in enumerate(items):
        if isinstance(item, ArrayReturn):
            labels[f"return.{item.name or i}"] = label(item.shape)
        elif len(items) > 1:  # so a tuple's scalar items are shown by name too
            labels[f"return.{item.name or i}"] = {"ints": "list[int]"}.get(item.kind, item.kind)
    return labels


def counterexample_of(
    args: dict[str, Any], outcome: Outcome, spec: Exercise, dims: dict[str, int]
) -> Counterexample:
    mismatch = outcome.mismatch
    return Counterexample(
        shapes=axis_labels(spec, dims),
        args=to_plain(args),
        expected=to_plain(outcome.expected),
        got=to_plain(outcome.got) if outcome.error is None else None,
        max_abs_error=mismatch.max_abs_error if mismatch else None,
        where=mismatch.where if mismatch else None,
    )
