"""Grade a learner's file: static checks, sandboxed calls, Hypothesis search and shrinking,
comparison with the reference computed here in the parent, and diagnosis.

The child only returns values; every verdict is decided here and in ``search``.
"""

from __future__ import annotations

import copy
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from renshu.grader.exercises.catalogue import LoadedExercise
from renshu.grader.grading.echo import counterexample_of, to_plain  # noqa: F401
from renshu.grader.grading.followup import arguments_that_fix_it, learner_values
from renshu.grader.grading.messages import (
    call_failure_message,
    exception_message,
    import_problem,
    load_failure_message,
)
from renshu.grader.grading.result import (
    CallOutcome,
    GradeResult,
    MisconceptionHit,
    MismatchKind,
    Reason,
    Status,
)
from renshu.grader.grading.search import Abort, Outcome, Session, search_failure
from renshu.grader.grading.static_checks import check_source
from renshu.grader.grading.submission import (  # noqa: F401  (the engine's public API)
    read_submission,
    resolve_exercise,
    source_hash,
    unreadable_result,
)
from renshu.grader.grading.warm_child import take_early
from renshu.grader.sandbox import ChildFailure, FailureKind, Limits, SandboxRunner
from renshu.grader.text import Lang
from renshu.grader.wording import Message, msg
from renshu.grader.wording import MessageCode as C

if TYPE_CHECKING:
    from renshu.grader.grading.diagnosis import Diagnosis
    from renshu.grader.grading.warm_child import WarmChild

DEFAULT_SEED = 0
DEFAULT_MAX_EXAMPLES = 100
_FAILURE_REASON = {
    FailureKind.TIMEOUT: Reason.TIMEOUT,
    FailureKind.CRASH: Reason.CRASH,
    FailureKind.EXIT: Reason.EXIT,
    FailureKind.MEMORY: Reason.MEMORY,
    FailureKind.PROTOCOL: Reason.PROTOCOL,
}


def grade_file(
    path: Path,
    exercise_id: str | None = None,
    *,
    seed: int = DEFAULT_SEED,
    max_examples: int = DEFAULT_MAX_EXAMPLES,
    lang: Lang = "en",
    limits: Limits | None = None,
    warm: WarmChild | None = None,
) -> GradeResult:
    """Grade the file at ``path``; user errors (unknown exercise, unreadable file) raise."""
    source = read_submission(path)
    exercise = resolve_exercise(path, source, exercise_id)
    return grade_source(
        source,
        exercise,
        str(path),
        seed=seed,
        max_examples=max_examples,
        lang=lang,
        limits=limits,
        warm=warm,
    )


def grade_source(
    source: str,
    exercise: LoadedExercise,
    display_name: str,
    *,
    seed: int = DEFAULT_SEED,
    max_examples: int = DEFAULT_MAX_EXAMPLES,
    lang: Lang = "en",
    limits: Limits | None = None,
    warm: WarmChild | None = None,
) -> GradeResult:
    """Grade ``source`` against ``exercise``; never raises for anything the source does.

    ``warm`` offers a child started ahead (watch mode, the app); it is used once."""
    started = time.perf_counter()
    spec = exercise.spec
    base: dict[str, Any] = {
        "exercise": exercise.id,
        "file": display_name,
        "seed": seed,
        "lang": lang,
    }

    def finish(status: Status, reason: Reason, message: Message, **extra: Any) -> GradeResult:
        return GradeResult(
            **base,
            status=status,
            reason=reason,
            message=message.text(lang),
            detail=message,
            duration_s=round(time.perf_counter() - started, 4),
            **{"examples": 0, "isolation": "none (not run)", **extra},
        )

    problem = check_source(source, spec.function, spec.signature, Path(display_name).name)
    if problem is not None:
        unfinished = problem.reason is Reason.UNFINISHED
        status = Status.FAIL if unfinished else Status.ERROR
        step = msg(C.CONTENT, text=spec.hints[0]) if unfinished else None
        hint = step.text(lang) if step else None
        return finish(status, problem.reason, problem.message, hint=hint, hint_detail=step)

    name = Path(display_name).name
    runner = warm.take(limits) if warm is not None else take_early(limits)
    if runner is None:
        runner = SandboxRunner(source, spec.function, name, limits)
        runner.start()
    session = Session(exercise, runner)
    try:
        # Where the submission could write the host's files, everything the verdict needs
        # is imported now, before the submission is, so nothing it writes can be imported
        # by the grader. Under bubblewrap it cannot write them at all: what only a failure
        # needs (diagnosis, divergence) is imported if one is found. Hypothesis only when
        # no plan can stand in for it (a plan on disk is read only under bubblewrap).
        from renshu.grader.grading import example_plan

        disk = runner.isolation.uses_bwrap
        if not disk:
            from renshu.grader.grading import diagnosis, divergence  # noqa: F401
        if not example_plan.available(exercise.id, spec.inputs, seed, max_examples, disk=disk):
            from renshu.grader.grading import strategies  # noqa: F401

        exercise.reference_function()
        try:
            loaded = runner.load(source, spec.function, name)
        except ChildFailure as failure:
            raise Abort(failure, {}, {}) from None
        if not loaded.ok:
            reason, message = import_problem(loaded.error or {}, spec.function, display_name)
            return finish(
                Status.ERROR,
                reason,
                message,
                isolation=runner.isolation_label,
                stdout=runner.stdout,
                stderr=runner.stderr,
            )
        found = search_failure(session, seed, max_examples)
        traced = learner_values(runner, session, found)
        swapped = arguments_that_fix_it(runner, session, found)
        ran = {"examples": session.calls, "isolation": runner.isolation_label}
    except Abort as abort:
        runner.close()
        return _child_failure_result(finish, abort, session, runner)
    finally:
        runner.close()
    outputs = {"stdout": runner.stdout, "stderr": runner.stderr}
    if found is None:
        message = msg(C.PASSED, n=session.calls)
        return finish(Status.PASS, Reason.PASSED, message, **ran, **outputs)
    dims, args, outcome = found.dims, found.inputs, found.outcome
    counterexample = counterexample_of(args, outcome, spec, dims)
    from renshu.grader.grading.diagnosis import arguments_swapped, diagnose

    if outcome.error is not None:
        message = exception_message(outcome.error, display_name)
        if found.edge is not None and found.edge.about is not None:
            message = msg(C.RAISED_ON_EDGE, raised=message, about=found.edge.about)
        crash = arguments_swapped(*swapped) if swapped else None
        return finish(
            Status.ERROR,
            Reason.EXCEPTION,
            message,
            counterexample=counterexample,
            misconception=_hit(crash, lang),
            hint=crash.next_step.text(lang) if crash and crash.next_step else None,
            hint_detail=crash.next_step if crash else None,
            **ran,
            **outputs,
        )

    assert outcome.mismatch is not None
    named = diagnose(exercise, session.observations)
    if named is None and swapped:
        named = arguments_swapped(*swapped)
    diverged = None
    if traced is not None:
        from renshu.grader.grading.divergence import find_divergence

        diverged = find_divergence(spec, exercise.reference_function(), *traced)
    hit = _hit(named, lang)
    step = named.next_step if named and named.next_step else msg(C.CONTENT, text=spec.hints[0])
    wrong_values = (MismatchKind.VALUE, MismatchKind.NAN, MismatchKind.SHAPE)
    reason = Reason.MISMATCH if outcome.mismatch.kind in wrong_values else Reason.BAD_RETURN
    return finish(
        Status.FAIL,
        reason,
        outcome.mismatch.message,
        counterexample=counterexample,
        misconception=hit,
        hint=step.text(lang),
        hint_detail=step,
        divergence=diverged,
        **ran,
        **outputs,
    )


def _hit(named: Diagnosis | None, lang: Lang) -> MisconceptionHit | None:
    if named is None:
        return None
    message = named.message
    return MisconceptionHit(
        id=named.id, message=message.text(lang), kind=named.kind, detail=message
    )


def _child_failure_result(
    finish: Callable[..., GradeResult], abort: Abort, session: Session, runner: SandboxRunner
) -> GradeResult:
    failure = abort.failure
    limits = runner.limits
    if not abort.inputs:  # the child failed while importing the submission
        return finish(
            Status.ERROR,
            _FAILURE_REASON.get(failure.kind, Reason.CRASH),
            load_failure_message(failure, limits),
            isolation=runner.isolation_label,
            stdout=runner.stdout,
            stderr=runner.stderr,
        )
    try:
        ordered = [abort.inputs[n] for n in session.exercise.spec.signature]
        expected = session.exercise.reference_function()(*copy.deepcopy(ordered))
        counterexample = counterexample_of(
            abort.inputs, Outcome(expected), session.exercise.spec, abort.dims, CallOutcome.STOPPED
        )
    except Exception:
        counterexample = None
    return finish(
        Status.ERROR,
        _FAILURE_REASON.get(failure.kind, Reason.CRASH),
        call_failure_message(failure, limits),
        counterexample=counterexample,
        examples=session.calls + 1,  # the call that stopped was tried too
        isolation=runner.isolation_label,
        stdout=runner.stdout,
        stderr=runner.stderr,
    )
