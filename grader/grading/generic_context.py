"""What every generic-mistake detector works with: the observations beside the
reference's outputs, and the rule that an explanation must fit all of them."""

from __future__ import annotations

import copy
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np

from renshu.grader.exercises.model import ArrayReturn, Exercise, Tolerance, TupleReturn
from renshu.grader.grading.diagnosis_values import close, differs
from renshu.grader.grading.observation import Observation
from renshu.grader.wording import Message, msg
from renshu.grader.wording import MessageCode as C


@dataclass(frozen=True)
class GenericFinding:
    """A generic mistake named on every observation: its id, what it is, what to do next."""

    id: str  # "generic.<name>"
    message: Message
    next_step: Message


@dataclass
class Case:
    obs: Observation
    expected: Any  # the reference's output on obs.args


@dataclass
class Context:
    spec: Exercise
    reference: Callable[..., Any]
    cases: list[Case]

    @property
    def tol(self) -> Tolerance:
        return self.spec.tolerance

    @property
    def failing(self) -> list[Case]:
        return [c for c in self.cases if c.obs.failed]

    def item_specs(self) -> list[Any]:
        returns = self.spec.returns
        return list(returns.items) if isinstance(returns, TupleReturn) else [returns]

    def item_name(self, index: int) -> str:
        name = self.item_specs()[index].name
        if name:
            return str(name)
        return "result" if not isinstance(self.spec.returns, TupleReturn) else f"item {index}"

    def axis_name(self, item: int, axis: int) -> str:
        spec = self.item_specs()[item]
        if isinstance(spec, ArrayReturn) and axis < len(spec.shape):
            return str(spec.shape[axis]).replace(" ", "")
        return str(axis)

    def call(self, args: list[Any]) -> Any:
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            return self.reference(*copy.deepcopy(args))

    def ordered(self, case: Case) -> list[Any]:
        return [case.obs.args[name] for name in self.spec.signature]


def items(value: Any, tuple_return: bool) -> list[Any]:
    if tuple_return:
        return list(value) if isinstance(value, tuple | list) else []
    return [value]


def explains(ctx: Context, predict: Callable[[Case], Any], *, need_change: bool = True) -> bool:
    """``predict`` matches the learner on every case and differs from the reference on a
    failing one (so it explains a failure rather than restating the reference)."""
    changed = False
    for case in sorted(ctx.cases, key=lambda c: not c.obs.failed):  # failures first: fail fast
        try:
            predicted = predict(case)
        except Exception:
            return False
        if not close(predicted, case.obs.got, ctx.tol):
            return False
        if case.obs.failed and differs(predicted, case.expected, ctx.tol):
            changed = True
    return changed or not need_change


def array_items(ctx: Context) -> Iterator[int]:
    for index, spec in enumerate(ctx.item_specs()):
        if isinstance(spec, ArrayReturn) and len(spec.shape) >= 1:
            yield index


def replace_item(ctx: Context, case: Case, index: int, value: Any) -> Any:
    if not isinstance(ctx.spec.returns, TupleReturn):
        return value
    items = list(case.expected)
    items[index] = value
    return tuple(items)


def items_of(ctx: Context, value: Any) -> list[Any]:
    tuple_return = isinstance(ctx.spec.returns, TupleReturn)
    values = items(value, tuple_return)
    if len(values) != len(ctx.item_specs()):
        raise ValueError("not the contract's items")
    return values


def found(name: str, **params: str | int) -> GenericFinding:
    return GenericFinding(
        f"generic.{name}",
        msg(C(f"mistake.{name}"), **params),
        msg(C(f"mistake.{name}.next"), **params),
    )
