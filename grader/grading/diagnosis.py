"""Name the mistake: which known-wrong implementation reproduces the learner's outputs.

Each exercise ships ``misconceptions.py`` (trusted code, run in the parent) with
one function per misconception; they are tried first, in the order listed. Then
the generic mistakes any exercise can make (``generic_mistakes``). A mistake is
named only when it agrees with the learner on every recorded example, failing
and passing alike, so a coincidence on one small input is not enough.
"""

from __future__ import annotations

import copy
import importlib.util
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import Any

import numpy as np

from renshu.grader.exercises.catalogue import LoadedExercise
from renshu.grader.exercises.model import Exercise
from renshu.grader.grading.compare import compare
from renshu.grader.grading.generic_context import found as generic_finding
from renshu.grader.grading.generic_mistakes import find_generic_mistake
from renshu.grader.grading.observation import Observation
from renshu.grader.grading.result import HitKind
from renshu.grader.wording import Message, msg
from renshu.grader.wording import MessageCode as C


@dataclass(frozen=True)
class Diagnosis:
    """The mistake found: its id, kind, what it is and (if it has one) its own next step."""

    id: str
    kind: HitKind
    message: Message
    next_step: Message | None


def load_misconceptions(exercise: LoadedExercise) -> dict[str, Callable[..., Any]]:
    """The misconception functions of ``exercise`` by misconception id."""
    module = _load_module(exercise)
    return {m.id: getattr(module, m.function) for m in exercise.spec.misconceptions}


def _load_module(exercise: LoadedExercise) -> ModuleType:
    name = f"renshu_misconceptions_{exercise.id}"
    spec = importlib.util.spec_from_file_location(name, exercise.misconceptions_path)
    assert spec
    assert spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def diagnose(exercise: LoadedExercise, observations: list[Observation]) -> Diagnosis | None:
    """The first exercise misconception, else generic mistake, that explains every
    observation; None when nothing does (or nothing failed)."""
    if not any(o.failed for o in observations):
        return None
    functions = load_misconceptions(exercise)
    spec = exercise.spec
    for misconception in spec.misconceptions:
        wrong = functions[misconception.id]
        if all(_agrees(wrong, spec, o) for o in observations):
            step = misconception.next_step
            return Diagnosis(
                misconception.id,
                HitKind(misconception.kind),
                msg(C.CONTENT, text=misconception.message),
                msg(C.CONTENT, text=step) if step is not None else None,
            )
    found = find_generic_mistake(spec, exercise.reference_function(), observations)
    if found is None:
        return None
    return Diagnosis(found.id, HitKind.GENERIC, found.message, found.next_step)


def arguments_swapped(first: str, second: str) -> Diagnosis:
    """The learner's function, given ``first`` and ``second`` exchanged, is right."""
    found = generic_finding("argument_order", first=first, second=second)
    return Diagnosis(found.id, HitKind.GENERIC, found.message, found.next_step)


def _agrees(wrong: Callable[..., Any], spec: Exercise, obs: Observation) -> bool:
    args = [copy.deepcopy(obs.args[name]) for name in spec.signature]
    try:
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            predicted = wrong(*args)
    except Exception:
        return False
    try:
        return compare(predicted, obs.got, spec.returns, obs.dims, spec.tolerance) is None
    except Exception:
        return False
