"""Searching for a failing input: edge cases first, then Hypothesis, shrunk in a budget."""

from __future__ import annotations

import copy
import time
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from renshu.grader.exercises.catalogue import LoadedExercise
from renshu.grader.exercises.model import EdgeCase, InputSpec
from renshu.grader.grading.compare import Mismatch, compare
from renshu.grader.sandbox import CallResult, ChildFailure, SandboxRunner

# Shrinking stops asking the child after this many calls or seconds; the best
# failing input found so far is then reported.
SHRINK_CALL_BUDGET = 600
SHRINK_TIME_BUDGET_S = 2.0
MAX_OBSERVATIONS = 12


class Abort(BaseException):
    """Stops Hypothesis at once (it only catches Exception): the child cannot go on."""

    def __init__(self, failure: ChildFailure, dims: dict[str, int], args: dict[str, Any]) -> None:
        super().__init__(failure.message)
        self.failure, self.dims, self.inputs = failure, dims, args


class Failed(Exception):
    """One failing example, raised inside the Hypothesis test so it gets shrunk."""

    def __init__(self, dims: dict[str, int], args: dict[str, Any], outcome: Outcome) -> None:
        super().__init__("failing example")
        self.dims, self.inputs, self.outcome = dims, args, outcome


@dataclass
class Outcome:
    expected: Any
    got: Any = None
    mismatch: Mismatch | None = None
    error: dict[str, Any] | None = None

    @property
    def failed(self) -> bool:
        return self.mismatch is not None or self.error is not None


@dataclass
class Session:
    exercise: LoadedExercise
    runner: SandboxRunner
    calls: int = 0
    observations: list[Any] = field(default_factory=list)

    def run(self, dims: dict[str, int], args: dict[str, Any]) -> Outcome:
        spec = self.exercise.spec
        ordered = [args[name] for name in spec.signature]
        expected = self.exercise.reference_function()(*fresh_copy(ordered))
        try:
            result: CallResult = self.runner.call(ordered)
        except ChildFailure as failure:
            raise Abort(failure, dims, args) from None
        self.calls += 1
        if not result.ok:
            return Outcome(expected, error=result.error)
        mismatch = compare(expected, result.value, spec.returns, dims, spec.tolerance)
        self._observe(dims, args, result.value, mismatch is not None)
        return Outcome(expected, result.value, mismatch)

    def _observe(self, dims: dict[str, int], args: dict[str, Any], got: Any, failed: bool) -> None:
        from renshu.grader.grading.observation import Observation

        obs = Observation(dims, args, got, failed)
        if len(self.observations) < MAX_OBSERVATIONS:
            self.observations.append(obs)
        elif failed:
            self.observations[-1] = obs  # keep the latest (most shrunk) failure


def fresh_copy(value: Any) -> Any:
    """A copy the reference may change at will: arrays, dicts, lists and tuples copied all
    the way down (as ``copy.deepcopy`` would, without its bookkeeping), anything else
    deep-copied. Aliases are not kept: the child receives every argument separately too."""
    kind = type(value)
    if kind is np.ndarray:
        return value.copy()
    if kind is list:
        return [fresh_copy(v) for v in value]
    if kind is dict:
        return {k: fresh_copy(v) for k, v in value.items()}
    if kind is tuple:
        return tuple(fresh_copy(v) for v in value)
    if kind in (int, float, str, bool, type(None)):
        return value
    return copy.deepcopy(value)


@dataclass(frozen=True)
class Found:
    """The failing input to report, and the edge case it is, if it is one."""

    dims: dict[str, int]
    inputs: dict[str, Any]
    outcome: Outcome
    edge: EdgeCase | None = None


def search_failure(
    session: Session, seed: int, max_examples: int, *, replay: bool = True
) -> Found | None:
    """Edge cases first, then Hypothesis; the minimal failing example, or None.

    An edge case on which the submission raises is reported at once: a crash on a named
    edge (an empty candidate, B = 1) is explained by what the contract says there. With
    ``replay``, the inputs a passing search tried for this seed are replayed first
    (``example_plan``); the full search runs only if one of them fails.
    """
    from renshu.grader.grading import example_plan
    from renshu.grader.grading.edge_inputs import edge_case_args

    spec = session.exercise.spec
    edge_failure = None
    for i, case in enumerate(spec.edge_cases):
        dims, args = edge_case_args(spec.inputs, case, seed + i)
        outcome = session.run(dims, args)
        if outcome.error is not None:
            return Found(dims, args, outcome, case)
        if outcome.failed and edge_failure is None:
            edge_failure = Found(dims, args, outcome, case)
    key = example_plan.plan_key(session.exercise.id, spec.inputs, seed, max_examples)
    disk = session.runner.isolation.uses_bwrap  # no graded file can write the cache
    plan = example_plan.recall(key, spec.inputs, disk=disk) if replay else None
    if plan is not None:
        calls, observations = session.calls, list(session.observations)
        if all(not session.run(dims, args).failed for dims, args in plan):
            return edge_failure
        session.calls, session.observations = calls, observations
    tried: list[example_plan.Example] = []
    shrunk = _hypothesissearch_failure(session, seed, max_examples, tried)
    if shrunk is None and replay:
        example_plan.record(key, tried, disk=disk)
    if shrunk is not None:
        shrunk = _with_smaller_dims(session, seed, shrunk)
    return Found(*shrunk) if shrunk else edge_failure


Shrunk = tuple[dict[str, int], dict[str, Any], Outcome]
# Looking for a failing input with a smaller dimension: examples per dimension and in all.
SMALLER_DIMS_EXAMPLES = 40
SMALLER_DIMS_TIME_S = 1.0


def _with_smaller_dims(session: Session, seed: int, found: Shrunk) -> Shrunk:
    """A failing input with each dimension at its lower bound, where one exists.

    Hypothesis shrinks a dimension only while the bytes drawn after it still make a
    failing input, so it can stop at ``H = 2`` when ``H = 1`` fails too. Each dimension
    above its bound is pinned to the bound (the others kept no larger than found) and
    searched again briefly; a failure found that way, shrunk, replaces the input.
    """
    inputs = session.exercise.spec.inputs
    started = time.perf_counter()
    for name, (low, _high) in inputs.dims.items():
        dims = found[0]
        if dims.get(name, low) <= low or time.perf_counter() - started > SMALLER_DIMS_TIME_S:
            continue
        ranges = {d: (lo, min(hi, dims.get(d, hi))) for d, (lo, hi) in inputs.dims.items()}
        ranges[name] = (low, low)
        pinned = inputs.model_copy(update={"dims": ranges})
        smaller = _hypothesissearch_failure(session, seed, SMALLER_DIMS_EXAMPLES, [], pinned)
        if smaller is not None:
            found = smaller
    return found


def _hypothesissearch_failure(
    session: Session,
    seed: int,
    max_examples: int,
    tried: list[Any],
    inputs: InputSpec | None = None,
) -> tuple[dict[str, int], dict[str, Any], Outcome] | None:
    from hypothesis import HealthCheck, Phase, Verbosity, given, settings
    from hypothesis import seed as hypothesis_seed

    from renshu.grader.grading.strategies import input_strategy
    from renshu.grader.sandbox.wire import encode

    spec = session.exercise.spec
    state: dict[str, Any] = {"first_failure_at": None, "best": None}

    @hypothesis_seed(seed)
    @settings(
        max_examples=max_examples,
        database=None,
        deadline=None,
        derandomize=False,
        print_blob=False,
        report_multiple_bugs=False,
        suppress_health_check=list(HealthCheck),
        phases=[Phase.generate, Phase.shrink],
        verbosity=Verbosity.quiet,
    )
    @given(input_strategy(inputs or spec.inputs))
    def probe(drawn: tuple[dict[str, int], dict[str, Any]]) -> None:
        dims, args = drawn
        if state["first_failure_at"] is not None and over_budget(session, state):
            # Out of shrinking budget: only the best failing input found so far still fails,
            # so the shrinker stops quickly and replays it last.
            if encode(args) == state["best"]:
                raise Failed(dims, args, state["best_outcome"])
            return
        tried.append((dims, args))
        outcome = session.run(dims, args)
        if outcome.failed:
            if state["first_failure_at"] is None:
                state["first_failure_at"] = (time.perf_counter(), session.calls)
            state["best"], state["best_outcome"] = encode(args), outcome
            raise Failed(dims, args, outcome)

    try:
        probe()
    except Failed as failed:
        return failed.dims, failed.inputs, failed.outcome
    return None


def over_budget(session: Session, state: dict[str, Any]) -> bool:
    started, calls = state["first_failure_at"]
    return bool(
        session.calls - calls > SHRINK_CALL_BUDGET
        or time.perf_counter() - started > SHRINK_TIME_BUDGET_S
    )


# What a result echoes back of the inputs and outputs: an array larger than this is
# summarised, and once the whole echo holds this many numbers the rest is too.
