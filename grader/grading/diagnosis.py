"""Name the misconception: which known-wrong implementation reproduces the learner's outputs.

Each exercise ships ``misconceptions.py`` (trusted code, run in the parent) with
one function per misconception. A misconception is named only when it agrees
with the learner on every recorded example, failing and passing alike, so a
coincidence on one small input is not enough.
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
from renshu.grader.exercises.model import Misconception
from renshu.grader.grading.compare import compare


@dataclass(frozen=True)
class Observation:
    """One input and what the learner's function returned for it."""

    dims: dict[str, int]
    args: dict[str, Any]
    got: Any
    failed: bool


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


def diagnose(exercise: LoadedExercise, observations: list[Observation]) -> Misconception | None:
    """The first misconception (in the order listed) that explains every observation."""
    if not any(o.failed for o in observations):
        return None
    functions = load_misconceptions(exercise)
    spec = exercise.spec
    for misconception in spec.misconceptions:
        wrong = functions[misconception.id]
        if all(_agrees(wrong, spec, o) for o in observations):
            return misconception
    return None


def _agrees(wrong: Callable[..., Any], spec: Any, obs: Observation) -> bool:
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
