"""Grade a learner's file: static checks, sandboxed calls, Hypothesis search and shrinking,
comparison with the reference computed here in the parent, and diagnosis.

The child only returns values; every verdict is decided in this module.
"""

from __future__ import annotations

import copy
import hashlib
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from renshu.grader.errors import SubmissionError, UsageError
from renshu.grader.exercises.catalogue import LoadedExercise, builtin_exercise_ids, get_exercise
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
from renshu.grader.grading.compare import Mismatch, compare
from renshu.grader.grading.result import (
    Counterexample,
    GradeResult,
    MisconceptionHit,
    Reason,
    Status,
)
from renshu.grader.grading.static_checks import check_source
from renshu.grader.sandbox import CallResult, ChildFailure, Limits, SandboxRunner
from renshu.grader.text import Bilingual, Lang

DEFAULT_SEED = 0
DEFAULT_MAX_EXAMPLES = 100
# Shrinking stops asking the child after this many calls or seconds; the best
# failing input found so far is then reported.
SHRINK_CALL_BUDGET = 600
SHRINK_TIME_BUDGET_S = 2.0
MAX_OBSERVATIONS = 12
_EXERCISE_LINE = re.compile(r"^#\s*exercise:\s*([A-Za-z_][A-Za-z0-9_]*)\s*$")

_FAILURE_REASON = {
    "timeout": Reason.TIMEOUT,
    "crash": Reason.CRASH,
    "exit": Reason.EXIT,
    "memory": Reason.MEMORY,
    "protocol": Reason.PROTOCOL,
}


def resolve_exercise(path: Path, source: str, exercise_id: str | None) -> LoadedExercise:
    """``--exercise``, else the ``# exercise: <id>`` line, else a file name matching an id."""
    if exercise_id:
        return get_exercise(exercise_id)
    for line in source.splitlines()[:5]:
        match = _EXERCISE_LINE.match(line.strip())
        if match:
            return get_exercise(match.group(1))
    known = builtin_exercise_ids()
    if path.stem in known:
        return get_exercise(path.stem)
    raise UsageError(
        f"cannot tell which exercise {path.name} is for: add a first line "
        f"'# exercise: <id>' or pass --exercise ID (known: {', '.join(known)})"
    )


def read_submission(path: Path) -> str:
    """The submission's text; ``SubmissionError`` for a missing, huge or non-UTF-8 file.

    At most 1 MB + 1 byte is ever read (the size is checked first), so a huge or sparse
    file costs no memory; a FIFO or device is refused without blocking on it.
    """
    import os  # imported here: the rest of this module needs neither
    import stat

    cap = 1_000_000
    too_big = f"{path} is larger than 1 MB; is it really a solution file?"
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as f:
            info = os.fstat(f.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise SubmissionError(f"{path} is not a regular file")
            if info.st_size > cap:
                raise SubmissionError(too_big)
            raw = f.read(cap + 1)  # the file may have grown since fstat
    except OSError as e:
        raise SubmissionError(f"cannot read {path}: {e.strerror}") from e
    if len(raw) > cap:
        raise SubmissionError(too_big)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        column = e.start - (raw.rfind(b"\n", 0, e.start) + 1) + 1
        raise SubmissionError(
            f"{path}:{line}:{column}: the file is not UTF-8 text; save it as UTF-8"
        ) from e


def unreadable_result(path: Path, exercise_id: str | None, message: str, seed: int) -> GradeResult:
    """The result for a file that cannot even be read as text (so nothing ran)."""
    return GradeResult(
        exercise=exercise_id,
        file=str(path),
        status=Status.ERROR,
        reason=Reason.UNREADABLE,
        message=message,
        examples=0,
        seed=seed,
        duration_s=0.0,
        isolation="none (not run)",
    )


def source_hash(source: str) -> str:
    return hashlib.sha256(source.encode()).hexdigest()


class _Abort(BaseException):
    """Stops Hypothesis at once (it only catches Exception): the child cannot go on."""

    def __init__(self, failure: ChildFailure, dims: dict[str, int], args: dict[str, Any]) -> None:
        super().__init__(failure.message)
        self.failure, self.dims, self.inputs = failure, dims, args


class _Failed(Exception):
    """One failing example, raised inside the Hypothesis test so it gets shrunk."""

    def __init__(self, dims: dict[str, int], args: dict[str, Any], outcome: _Outcome) -> None:
        super().__init__("failing example")
        self.dims, self.inputs, self.outcome = dims, args, outcome


@dataclass
class _Outcome:
    expected: Any
    got: Any = None
    mismatch: Mismatch | None = None
    error: dict[str, Any] | None = None

    @property
    def failed(self) -> bool:
        return self.mismatch is not None or self.error is not None


@dataclass
class _Session:
    exercise: LoadedExercise
    runner: SandboxRunner
    calls: int = 0
    observations: list[Any] = field(default_factory=list)

    def run(self, dims: dict[str, int], args: dict[str, Any]) -> _Outcome:
        spec = self.exercise.spec
        ordered = [args[name] for name in spec.signature]
        expected = self.exercise.reference_function()(*copy.deepcopy(ordered))
        try:
            result: CallResult = self.runner.call(ordered)
        except ChildFailure as failure:
            raise _Abort(failure, dims, args) from None
        self.calls += 1
        if not result.ok:
            return _Outcome(expected, error=result.error)
        mismatch = compare(expected, result.value, spec.returns, dims, spec.tolerance)
        self._observe(dims, args, result.value, mismatch is not None)
        return _Outcome(expected, result.value, mismatch)

    def _observe(self, dims: dict[str, int], args: dict[str, Any], got: Any, failed: bool) -> None:
        from renshu.grader.grading.diagnosis import Observation

        obs = Observation(dims, args, got, failed)
        if len(self.observations) < MAX_OBSERVATIONS:
            self.observations.append(obs)
        elif failed:
            self.observations[-1] = obs  # keep the latest (most shrunk) failure


def grade_file(
    path: Path,
    exercise_id: str | None = None,
    *,
    seed: int = DEFAULT_SEED,
    max_examples: int = DEFAULT_MAX_EXAMPLES,
    lang: Lang = "en",
    limits: Limits | None = None,
) -> GradeResult:
    """Grade the file at ``path``; user errors (unknown exercise, unreadable file) raise."""
    source = read_submission(path)
    exercise = resolve_exercise(path, source, exercise_id)
    return grade_source(
        source, exercise, str(path), seed=seed, max_examples=max_examples, lang=lang, limits=limits
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
) -> GradeResult:
    """Grade ``source`` against ``exercise``; never raises for anything the source does."""
    started = time.perf_counter()
    spec = exercise.spec
    base = {
        "exercise": exercise.id,
        "file": display_name,
        "seed": seed,
        "lang": lang,
    }

    def finish(status: Status, reason: Reason, message: Bilingual, **extra: Any) -> GradeResult:
        return GradeResult(
            **base,
            status=status,
            reason=reason,
            message=message.get(lang),
            duration_s=round(time.perf_counter() - started, 4),
            **{"examples": 0, "isolation": "none (not run)", **extra},
        )

    problem = check_source(source, spec.function, spec.signature, Path(display_name).name)
    if problem is not None:
        status = Status.FAIL if problem.reason == "unfinished" else Status.ERROR
        hint = spec.hints[0].get(lang) if problem.reason == "unfinished" else None
        return finish(status, Reason(problem.reason), problem.message, hint=hint)

    runner = SandboxRunner(source, spec.function, Path(display_name).name, limits)
    runner.start()
    session = _Session(exercise, runner)
    try:
        # Everything the verdict needs is imported now, while the child starts and before
        # the submission is imported, so nothing it writes can be imported by the grader.
        from renshu.grader.grading import strategies  # noqa: F401

        exercise.reference_function()
        try:
            loaded = runner.load()
        except ChildFailure as failure:
            raise _Abort(failure, {}, {}) from None
        if not loaded.ok:
            reason, message = _import_problem(loaded.error or {}, spec.function, display_name)
            return finish(
                Status.ERROR,
                reason,
                message,
                isolation=runner.isolation_label,
                stdout=runner.stdout,
                stderr=runner.stderr,
            )
        found = _search(session, seed, max_examples)
        ran = {"examples": session.calls, "isolation": runner.isolation_label}
    except _Abort as abort:
        runner.close()
        return _child_failure_result(finish, abort, session, runner, lang)
    finally:
        runner.close()
    outputs = {"stdout": runner.stdout, "stderr": runner.stderr}
    if found is None:
        message = Bilingual(
            ja=f"合格: {session.calls} 個の入力すべてで参照実装と一致しました。",
            en=f"pass: matches the reference on all {session.calls} inputs tried.",
        )
        return finish(Status.PASS, Reason.PASSED, message, **ran, **outputs)
    dims, args, outcome = found
    counterexample = _counterexample(args, outcome, spec, dims)
    if outcome.error is not None:
        message = _exception_message(outcome.error, display_name)
        return finish(
            Status.ERROR, Reason.EXCEPTION, message, counterexample=counterexample, **ran, **outputs
        )
    from renshu.grader.grading.diagnosis import diagnose

    assert outcome.mismatch is not None
    misconception = diagnose(exercise, session.observations)
    hit = (
        MisconceptionHit(id=misconception.id, message=misconception.message.get(lang))
        if misconception
        else None
    )
    reason = (
        Reason.MISMATCH if outcome.mismatch.kind in ("value", "nan", "shape") else Reason.BAD_RETURN
    )
    return finish(
        Status.FAIL,
        reason,
        outcome.mismatch.message,
        counterexample=counterexample,
        misconception=hit,
        hint=spec.hints[0].get(lang),
        **ran,
        **outputs,
    )


def _search(
    session: _Session, seed: int, max_examples: int
) -> tuple[dict[str, int], dict[str, Any], _Outcome] | None:
    """Edge cases first, then Hypothesis; the minimal failing example, or None."""
    from renshu.grader.grading.strategies import edge_case_args

    spec = session.exercise.spec
    edge_failure = None
    for i, case in enumerate(spec.edge_cases):
        dims, args = edge_case_args(spec.inputs, case, seed + i)
        outcome = session.run(dims, args)
        if outcome.failed:
            edge_failure = (dims, args, outcome)
            break
    shrunk = _hypothesis_search(session, seed, max_examples)
    return shrunk or edge_failure


def _hypothesis_search(
    session: _Session, seed: int, max_examples: int
) -> tuple[dict[str, int], dict[str, Any], _Outcome] | None:
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
    @given(input_strategy(spec.inputs))
    def probe(drawn: tuple[dict[str, int], dict[str, Any]]) -> None:
        dims, args = drawn
        if state["first_failure_at"] is not None and _over_budget(session, state):
            # Out of shrinking budget: only the best failing input found so far still fails,
            # so the shrinker stops quickly and replays it last.
            if encode(args) == state["best"]:
                raise _Failed(dims, args, state["best_outcome"])
            return
        outcome = session.run(dims, args)
        if outcome.failed:
            if state["first_failure_at"] is None:
                state["first_failure_at"] = (time.perf_counter(), session.calls)
            state["best"], state["best_outcome"] = encode(args), outcome
            raise _Failed(dims, args, outcome)

    try:
        probe()
    except _Failed as failed:
        return failed.dims, failed.inputs, failed.outcome
    return None


def _over_budget(session: _Session, state: dict[str, Any]) -> bool:
    started, calls = state["first_failure_at"]
    return (
        session.calls - calls > SHRINK_CALL_BUDGET
        or time.perf_counter() - started > SHRINK_TIME_BUDGET_S
    )


# What a result echoes back of the inputs and outputs: an array larger than this is
# summarised, and once the whole echo holds this many numbers the rest is too.
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


def _counterexample(
    args: dict[str, Any], outcome: _Outcome, spec: Exercise, dims: dict[str, int]
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


def _exception_message(error: dict[str, Any], display_name: str) -> Bilingual:
    etype = str(error.get("type", "Exception"))
    text = str(error.get("message", ""))
    where = error.get("where")
    place = f"{display_name}:{where[0]} ({where[1]})" if where else display_name
    if etype == "MemoryError":
        return Bilingual(
            ja=f"{place}: メモリ上限(約 1 GiB)を超えました (MemoryError)",
            en=f"{place}: ran out of memory (limit about 1 GiB): MemoryError",
        )
    return Bilingual(
        ja=f"{place}: 実行中に例外が発生しました: {etype}: {text}",
        en=f"{place}: raised {etype}: {text}",
    )


def _import_problem(
    error: dict[str, Any], function: str, display_name: str
) -> tuple[Reason, Bilingual]:
    if error.get("type") == "MissingFunction":
        return Reason.MISSING_FUNCTION, Bilingual(
            ja=f"読み込み後に関数 `{function}` が見つかりません(呼び出せるオブジェクトではありません)",
            en=f"after import, `{function}` is missing or not callable",
        )
    etype = str(error.get("type"))
    text = str(error.get("message", ""))
    where = error.get("where")
    place = f"{display_name}:{where[0]}" if where else display_name
    if etype in ("SystemExit", "KeyboardInterrupt"):
        return Reason.EXIT, Bilingual(
            ja=f"{place}: 読み込み時に終了しようとしました ({etype})",
            en=f"{place}: tried to exit while being imported ({etype})",
        )
    if etype == "MemoryError":
        return Reason.MEMORY, Bilingual(
            ja=f"{place}: 読み込み時にメモリ上限(約 1 GiB)を超えました",
            en=f"{place}: ran out of memory while being imported (limit about 1 GiB)",
        )
    return Reason.IMPORT_ERROR, Bilingual(
        ja=f"{place}: ファイルの読み込み中に例外が発生しました: {etype}: {text}",
        en=f"{place}: raised {etype} while being imported: {text}",
    )


def _load_failure_message(failure: ChildFailure, limits: Limits) -> Bilingual:
    if failure.kind == "timeout":
        budget = limits.start_timeout_s + limits.import_timeout_s
        return Bilingual(
            ja=f"時間切れ: ファイルの読み込みが {budget:g} 秒以内に終わりませんでした"
            "(読み込み時に sleep や input、無限ループをしていませんか?)",
            en=f"timeout: importing the file did not finish within {budget:g} s (does it sleep, "
            "wait for input or loop at import time?)",
        )
    return Bilingual(
        ja=f"ファイルの読み込み中に子プロセスが異常終了しました: {failure.message}",
        en=f"the submission's process stopped while the file was imported: it {failure.message}",
    )


def _child_failure_result(
    finish: Any, abort: _Abort, session: _Session, runner: SandboxRunner, lang: Lang
) -> GradeResult:
    failure = abort.failure
    limits = runner.limits
    if failure.kind == "timeout":
        message = Bilingual(
            ja=f"時間切れ: 1 回の呼び出しが {limits.call_timeout_s:g} 秒以内に終わりませんでした"
            f"(無限ループ?)。{failure.message}",
            en=f"timeout: a call did not finish within {limits.call_timeout_s:g} s (an endless "
            f"loop?): {failure.message}",
        )
    else:
        message = Bilingual(
            ja=f"子プロセスが異常終了しました: {failure.message}",
            en=f"the submission's process stopped abnormally: it {failure.message}",
        )
    if not abort.inputs:  # the child failed while importing the submission
        message = _load_failure_message(failure, limits)
        return finish(
            Status.ERROR,
            _FAILURE_REASON.get(failure.kind, Reason.CRASH),
            message,
            isolation=runner.isolation_label,
            stdout=runner.stdout,
            stderr=runner.stderr,
        )
    try:
        ordered = [abort.inputs[n] for n in session.exercise.spec.signature]
        expected = session.exercise.reference_function()(*copy.deepcopy(ordered))
        counterexample = _counterexample(
            abort.inputs, _Outcome(expected), session.exercise.spec, abort.dims
        )
    except Exception:
        counterexample = None
    return finish(
        Status.ERROR,
        _FAILURE_REASON.get(failure.kind, Reason.CRASH),
        message,
        counterexample=counterexample,
        examples=session.calls,
        isolation=runner.isolation_label,
        stdout=runner.stdout,
        stderr=runner.stderr,
    )
