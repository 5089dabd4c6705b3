"""Calls made after the search found a failing input, while the child still runs.

``learner_values``: traced calls for the divergence report. ``arguments_that_fix_it``:
the learner's own function called with two arguments exchanged; when that returns the
reference's values on every input tried, the learner reads the arguments in another
order (NLTK's ``sentence_bleu(references, hypothesis)``), which a crash alone never says.
"""

from __future__ import annotations

import copy
import itertools
import warnings
from typing import Any

import numpy as np

from renshu.grader.grading.compare import compare
from renshu.grader.grading.divergence import Traced
from renshu.grader.grading.search import Found, Session
from renshu.grader.sandbox import ChildFailure, SandboxRunner

MAX_PROBE_CALLS = 30
PROBE_INPUTS = 3


def learner_values(
    runner: SandboxRunner, session: Session, found: Found | None
) -> tuple[Traced, Traced | None] | None:
    """The learner's local values from traced calls on the minimal failing input and on
    the failing input with the most varied values: only for a wrong
    value, and only where the exercise declares intermediates to match them with."""
    spec = session.exercise.spec
    if found is None or found.outcome.mismatch is None or not spec.intermediates:
        return None
    failures = [o for o in session.observations if o.failed and o.args is not found.inputs]
    rich = max(failures, key=lambda o: _variety(o.args), default=None)
    inputs = [found.inputs] + ([rich.args] if rich is not None else [])
    traced = []
    for args in inputs:
        ordered = [args[n] for n in spec.signature]
        try:
            result = runner.call(ordered, trace=True)
        except ChildFailure:  # the verdict stands; there is just nothing to trace
            return None
        if not result.ok or result.trace is None:
            return None
        traced.append(Traced(ordered, result.trace))
    return traced[0], (traced[1] if len(traced) > 1 else None)


def _variety(args: dict[str, Any]) -> int:
    """How many distinct numbers an input holds: the more, the fewer coincidences."""
    numbers: set[float] = set()
    stack: list[Any] = list(args.values())
    while stack:
        value = stack.pop()
        if isinstance(value, np.ndarray) and value.dtype.kind in "biuf":
            numbers.update(np.unique(value).tolist()[:1000])
        elif isinstance(value, dict):
            stack.extend(value.values())
        elif isinstance(value, list | tuple):
            stack.extend(value)
        elif isinstance(value, int | float):
            numbers.add(float(value))
        elif isinstance(value, str):
            numbers.add(float(len(value)))
    return len(numbers)


def arguments_that_fix_it(
    runner: SandboxRunner, session: Session, found: Found | None
) -> tuple[str, str] | None:
    """Two arguments of the same kind which, exchanged, make the learner's function return
    the reference's values on the failing input and on up to two other inputs tried."""
    if found is None:
        return None
    spec = session.exercise.spec
    reference = session.exercise.reference_function()
    others = [(o.dims, o.args) for o in session.observations if o.args is not found.inputs]
    cases = [(found.dims, found.inputs), *others][:PROBE_INPUTS]
    try:
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            wanted = [reference(*copy.deepcopy([a[n] for n in spec.signature])) for _, a in cases]
    except Exception:
        return None
    kinds = _kinds(session)
    calls = 0
    names = spec.signature
    for i, j in itertools.combinations(range(len(names)), 2):
        if kinds.get(names[i]) != kinds.get(names[j]):
            continue
        for (dims, args), want in zip(cases, wanted, strict=True):
            ordered = [args[n] for n in names]
            ordered[i], ordered[j] = ordered[j], ordered[i]
            if calls >= MAX_PROBE_CALLS:
                return None
            calls += 1
            try:
                result = runner.call(ordered)
            except ChildFailure:
                return None
            if not result.ok or compare(want, result.value, spec.returns, dims, spec.tolerance):
                break
        else:
            return names[i], names[j]
    return None


def _kinds(session: Session) -> dict[str, Any]:
    """What each argument is (an input kind, or the joint strategy that draws it)."""
    spec = session.exercise.spec
    kinds: dict[str, Any] = {name: arg.kind for name, arg in spec.inputs.args.items()}
    for joint in spec.inputs.joint:
        kinds.update({name: f"joint:{joint.strategy}" for name in joint.produces})
    return kinds
