"""Where the learner's computation left the reference's: the first named intermediate that
the learner computed (an array of its shape exists) but got wrong.

On the minimal failing input the reference runs here under a tracer that records
its declared intermediates (``intermediates`` in exercise.yaml, in data flow
order, once per time step inside a loop); the child ran the learner's function
the same way and sent its local values. Values are matched by shape and value;
a variable name only settles which of two due intermediates an unmatched value is
an attempt at. Walking the reference's intermediates in the order it
computed them, each one the learner holds is *matched*; the first one of which
the learner holds only different arrays of the same shape is where they
diverged, at the element that differs most.
"""

from __future__ import annotations

import copy
import os
import sys
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from types import FrameType
from typing import Any

import numpy as np

from renshu.grader.exercises.model import Exercise, Tolerance
from renshu.grader.grading.diagnosis_values import close
from renshu.grader.grading.result import Divergence
from renshu.grader.sandbox import TracedValue
from renshu.grader.sandbox.protocol import MAX_TRACE_ARRAYS as TRACE_ARRAYS
from renshu.grader.sandbox.protocol import MAX_TRACE_RECORDS

MAX_REFERENCE_RECORDS = 400


@dataclass(frozen=True)
class _Instance:
    name: str
    step: int | None
    value: np.ndarray


def trace_reference(
    reference: Callable[..., Any], args: list[Any], names: set[str]
) -> list[tuple[str, np.ndarray]]:
    """Call the reference recording each declared local of its frames (any function of
    the ``renshu.reference`` package it calls) when it is bound, in order: the same rules
    as the child's record of a submission (parameters only once rebound, arrays and
    floats only, an array filled in place with its content at return)."""
    records: list[tuple[str, np.ndarray]] = []
    frames: dict[int, dict[str, tuple[int, int]]] = {}  # frame -> name -> (id, record)
    folder = os.path.dirname(reference.__code__.co_filename) + os.sep

    def snapshot(frame: FrameType, returning: bool) -> None:
        seen = frames.setdefault(id(frame), {})
        for name in names & frame.f_locals.keys():
            value = frame.f_locals[name]
            if not _recorded(value) or len(records) >= MAX_REFERENCE_RECORDS:
                continue
            before = seen.get(name)
            if before is not None and before[0] == id(value):
                if returning and before[1] >= 0 and isinstance(value, np.ndarray):
                    records[before[1]] = (name, np.array(value, dtype=np.float64, copy=True))
                continue
            records.append((name, np.array(value, dtype=np.float64, copy=True)))
            seen[name] = (id(value), len(records) - 1)

    def local(frame: FrameType, event: str, arg: object) -> Any:
        if event in ("line", "return"):
            snapshot(frame, event == "return")
            if event == "return":
                frames.pop(id(frame), None)
        return local

    def enter(frame: FrameType, event: str, arg: object) -> Any:
        code = frame.f_code
        if not code.co_filename.startswith(folder) or code.co_name.startswith("<"):
            return None
        count = code.co_argcount + code.co_kwonlyargcount
        frames[id(frame)] = {
            n: (id(frame.f_locals[n]), -1) for n in code.co_varnames[:count] if n in frame.f_locals
        }
        return local

    previous = sys.gettrace()
    sys.settrace(enter)
    try:
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            reference(*copy.deepcopy(args))
    finally:
        sys.settrace(previous)
    return records


def _recorded(value: object) -> bool:
    """As the child records them: real arrays and floats, not integer scalars."""
    if isinstance(value, np.ndarray):
        return value.dtype.kind in "biuf" and value.size > 0
    return isinstance(value, float | np.floating)


@dataclass(frozen=True)
class Traced:
    """One failing input and the learner's local values on it."""

    args: list[Any]
    learner: list[TracedValue]


def find_divergence(
    spec: Exercise, reference: Callable[..., Any], minimal: Traced, rich: Traced | None = None
) -> Divergence | None:
    """Where the learner first diverged; None when the exercise declares no intermediates
    or the learner's values show no divergence.

    Which intermediate is decided on ``rich``, a failing input with varied values (on a
    shrunk input of zeros and ones many values coincide, so a match says little); the
    values reported are those of the minimal input when it shows the same divergence.
    """
    if not spec.intermediates:
        return None
    formulas = {i.name: i.formula for i in spec.intermediates}
    decide = rich or minimal
    instances = _instances(trace_reference(reference, decide.args, set(formulas)))
    values = _learner_values(decide.learner, spec.signature)
    walked = _walk(instances, values, spec.function, spec.tolerance, _cut_off(decide.learner))
    if walked is None:
        return None
    inst, at, matched = walked
    if inst is None:
        return Divergence(intermediate=None)
    traced, got = values[at]
    found = _diverged(
        inst, traced, got, formulas[inst.name], matched, spec.tolerance, decide is minimal
    )
    if decide is minimal:
        return found
    key = (traced.function, traced.name)
    occurrence = sum(1 for t, _ in values[:at] if (t.function, t.name) == key)
    return _on_minimal(spec, reference, minimal, inst, key, occurrence, found) or found


def _walk(
    instances: list[_Instance],
    values: list[tuple[TracedValue, np.ndarray]],
    entry: str,
    tol: Tolerance,
    cut_off: bool = False,
) -> tuple[_Instance | None, int, list[str]] | None:
    """Walk the reference's intermediates in order: ``(instance, learner value index,
    matched labels)`` at the first divergence, ``(None, -1, [])`` when nothing matched at
    all, None when every intermediate the learner holds matches.

    A learner value matches one intermediate at most. An intermediate matched only inside
    a helper while the learner's own function later holds a value of its shape that
    matches nothing (``hs_b = helper(...) * 2``), and no later intermediate has that
    shape, diverges there: that value is the one that flows on."""
    explained = {
        i for i, (_, v) in enumerate(values) if any(_same(inst.value, v, tol) for inst in instances)
    }
    matched: list[str] = []
    used: set[int] = set()
    previous = -1  # where the learner holds the intermediate matched just before
    for k, inst in enumerate(instances):
        same_shape = [i for i, (_, v) in enumerate(values) if v.shape == inst.value.shape]
        # A value rebound under the same name (``i, f, o = _gates(...)`` in the caller) is
        # the one already matched, not a new computation: it matches nothing new.
        free = [i for i in same_shape if i not in used and not _rebound(values, used, i, tol)]
        hits = [i for i in free if close(inst.value, values[i][1], tol)]
        if hits:
            own = [i for i in hits if values[i][0].function == entry]
            after = [i for i in own or hits if i > previous]
            hit = after[0] if after else (own or hits)[0]
            overriding = [
                i for i in free if i > hit and values[i][0].function == entry and i not in explained
            ]
            # (Only when no later intermediate has this shape: else that value may be the
            # learner's attempt at the later one.)
            alone = all(j.value.shape != inst.value.shape for j in instances[k + 1 :])
            if not own and overriding and alone:
                return inst, overriding[0], _distinct(matched)
            matched.append(_label(inst))
            previous = hit
            used.add(hit)
            continue
        # The learner holds it before its activation (``g_pre``, with tanh applied inline
        # where it is used): that is the intermediate computed right, not a divergence.
        raw = [i for i in free if i > previous and _activates_to(values[i][1], inst.value, tol)]
        if raw:
            matched.append(_label(inst))
            previous = raw[0]
            used.add(raw[0])
            continue
        # Fewer values of this shape left than intermediates of it: one of them was computed
        # inline (no variable holds it). The learner's next value is taken as the attempt at
        # whichever of them it is closest to; if that is a later one, this one was inline.
        later_values = [i for i in free if i > previous]
        still_due = [j for j in instances[k:] if j.value.shape == inst.value.shape]
        if len(later_values) < len(still_due):
            if not later_values or cut_off:
                # Nothing of this shape after what it is computed from, or a record cut
                # short (the values that would tell are missing): judge the next one.
                continue
            record, attempt = values[later_values[0]]
            # The attempt's own name says which one it is, when it is one of theirs.
            named = [j for j in still_due if j.name == record.name]
            nearest = (
                named[0] if named else min(still_due, key=lambda j: _distance(j.value, attempt))
            )
            if nearest is not inst:
                continue
        # Only from matching inputs: after a match, or at the first intermediate of all
        # (computed from the arguments themselves).
        if free and (matched or inst is instances[0]):
            # The learner's attempt at it comes after what it is computed from: the first
            # unmatched value of its shape after the previous match, the learner's own
            # function's first (else the closest in value).
            # A copy of a value already matched under another name (``i, _f, o = ...``)
            # is not an attempt at this one either: such values come last.
            def copy_of_matched(i: int) -> bool:
                return any(_same(values[u][1], values[i][1], tol) for u in used)

            later = sorted(
                (i for i in free if i > previous),
                key=lambda i: (copy_of_matched(i), values[i][0].function != entry, i),
            )
            if not later and cut_off:  # the record stopped before the learner got here
                return None
            at = later[0] if later else min(free, key=lambda i: _distance(inst.value, values[i][1]))
            return inst, at, _distinct(matched)
    return (None, -1, []) if not matched else None


def _rebound(
    values: list[tuple[TracedValue, np.ndarray]], used: set[int], i: int, tol: Tolerance
) -> bool:
    """Whether value ``i`` is a matched value bound again under the same name in another
    function (a caller unpacking its helper's results; a loop's own rebinding is new)."""
    record = values[i][0]
    return any(
        values[u][0].name == record.name
        and values[u][0].function != record.function
        and _same(values[u][1], values[i][1], tol)
        for u in used
    )


def _activates_to(got: np.ndarray, want: np.ndarray, tol: Tolerance) -> bool:
    """Whether tanh or the logistic sigmoid of ``got`` is ``want`` (a pre-activation)."""
    if got.shape != want.shape or not got.size:
        return False
    with np.errstate(all="ignore"):
        return any(
            close(want, f(got), tol) and not close(want, got, tol)
            for f in (np.tanh, lambda a: 1.0 / (1.0 + np.exp(-a)))
        )


def _cut_off(learner: list[TracedValue]) -> bool:
    """Whether the child's record reached one of its caps (what came after is unknown)."""
    arrays = sum(isinstance(t.value, np.ndarray) for t in learner)
    return len(learner) >= MAX_TRACE_RECORDS or arrays >= TRACE_ARRAYS


def _same(want: np.ndarray, got: np.ndarray, tol: Tolerance) -> bool:
    return want.shape == got.shape and close(want, got, tol)


def _learner_values(
    learner: list[TracedValue], signature: list[str]
) -> list[tuple[TracedValue, np.ndarray]]:
    """The learner's values, without the function's own arguments (they are inputs)."""
    entry = learner[0].function if learner else None
    return [
        (t, np.asarray(t.value, dtype=np.float64))
        for t in learner
        if not (t.function == entry and t.name in signature)
    ]


def _distance(want: np.ndarray, got: np.ndarray) -> float:
    with np.errstate(invalid="ignore", over="ignore"):
        d = float(np.nanmax(np.abs(got - want))) if want.size else 0.0
    return d if np.isfinite(d) else np.inf


def _on_minimal(
    spec: Exercise,
    reference: Callable[..., Any],
    minimal: Traced,
    inst: _Instance,
    key: tuple[str, str],
    occurrence: int,
    found: Divergence,
) -> Divergence | None:
    """The same divergence with the minimal input's values, if it shows there: the same
    reference instance against the same occurrence of the same learner variable."""
    names = {i.name for i in spec.intermediates}
    instances = _instances(trace_reference(reference, minimal.args, names))
    same = [i for i in instances if (i.name, i.step) == (inst.name, inst.step)]
    mine = [
        (t, v)
        for t, v in _learner_values(minimal.learner, spec.signature)
        if (t.function, t.name) == key
    ]
    if not same or len(mine) <= occurrence:
        return None
    traced, got = mine[occurrence]
    if got.shape != same[0].value.shape or close(same[0].value, got, spec.tolerance):
        return None
    return _diverged(same[0], traced, got, found.formula, found.matched, spec.tolerance)


def _instances(records: list[tuple[str, np.ndarray]]) -> list[_Instance]:
    """Each record as an instance, numbered by step when its name is recorded repeatedly."""
    counts: dict[str, int] = {}
    for name, _ in records:
        counts[name] = counts.get(name, 0) + 1
    seen: dict[str, int] = {}
    out = []
    for name, value in records:
        step = seen.get(name, 0)
        seen[name] = step + 1
        out.append(_Instance(name, step if counts[name] > 1 else None, value))
    return out


def _label(inst: _Instance) -> str:
    return inst.name if inst.step is None else f"{inst.name}[t={inst.step}]"


def _diverged(
    inst: _Instance,
    traced: TracedValue,
    got: np.ndarray,
    formula: str | None,
    matched: list[str],
    tol: Tolerance,
    on_minimal: bool = True,
) -> Divergence:
    want = inst.value
    with np.errstate(invalid="ignore"):
        excess = np.abs(got - want) - (tol.atol + tol.rtol * np.abs(want))
    excess = np.where(np.isnan(excess), np.inf, excess)
    at = np.unravel_index(int(np.argmax(excess)), want.shape) if want.ndim else ()
    return Divergence(
        intermediate=inst.name,
        step=inst.step,
        index=[int(i) for i in at],
        expected=_number(want[at]),
        got=_number(got[at]),
        formula=formula,
        learner_name=traced.name,
        matched=_distinct(matched),
        on_minimal_input=on_minimal,
    )


def _number(value: Any) -> float | None:
    number = float(value)
    return number if np.isfinite(number) else None


def _distinct(labels: list[str]) -> list[str]:
    """Matched labels once each, keeping the order (``h[t=0]``, ``h[t=1]``, ...)."""
    return list(dict.fromkeys(labels))
