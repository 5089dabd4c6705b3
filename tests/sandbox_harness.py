"""Running the real grader CLI on a submission and finding what its sandbox left behind.

Shared by ``test_hostile_submissions.py`` and the ``test_sandbox_attacks*.py`` files
(pytest puts this folder on ``sys.path``: ``tests`` is not a package).

Survivors are found by scanning ``/proc``: a process whose environment carries
``RENSHU_SANDBOX_TOKEN=`` and belongs to this test's grading (the grader runs
with ``TMPDIR`` inside the test's ``tmp_path``, so the sandbox's working
directory, which its environment and command line name, lies there; a sandbox
that keeps its working folder elsewhere names the grader's ``TMPDIR``-based path
in ``RENSHU_SANDBOX_ORIGIN=``, which the same scan matches), or whose name starts
with ``hostile`` (cases that erase their own environment rename themselves so).
Sandboxes of other gradings running at the same time on the machine are not this
test's business.

The second half builds the attack submissions of ``test_sandbox_attacks*.py``: a prelude
with the ``ATTACK-REFUSED``/``ATTACK-SUCCEEDED`` printers, the attack at module level, an
``ATTACK-DONE`` line, then a deliberately wrong ``lstm_cell``.
"""

from __future__ import annotations

import functools
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from renshu.grader.grading.result import GradeResult, Reason
from renshu.grader.sandbox.isolation import IsolationLevel, detect_isolation

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_PATH = ROOT / "grader" / "schemas" / "grade_result.schema.json"
TOKEN_MARK = b"RENSHU_SANDBOX_TOKEN="
GHOST_PREFIX = "hostile"
# The level a test's gradings are forced to when it asks for no fallback (None: what the
# machine picks). The attack modules set it per test to run every attack at two levels.
FORCED_LEVEL: str | None = None
GRADER_TIMEOUT_S = 60.0
SURVIVOR_GRACE_S = 0.5


@dataclass
class Graded:
    """One run of the CLI: what it printed, how it ended, how long it took, what it left."""

    stdout: str
    stderr: str
    returncode: int
    seconds: float
    survivors: list[str]
    raw_stdout: bytes = b""  # stdout exactly as the grader wrote it


def _read(path: str) -> bytes:
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError:
        return b""


def sandbox_survivors(marker: bytes) -> list[str]:
    """Live processes of this test's sandbox, described as ``"PID comm"``.

    A zombie has an empty environment and is not counted: it no longer runs.
    """
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit() or int(entry) == os.getpid():
            continue
        environ = _read(f"/proc/{entry}/environ")
        comm = _read(f"/proc/{entry}/comm").decode(errors="replace").strip()
        ours = TOKEN_MARK in environ and (
            marker in environ or marker in _read(f"/proc/{entry}/cmdline")
        )
        ghost = comm.startswith(GHOST_PREFIX) and b"State:\tZ" not in _read(f"/proc/{entry}/status")
        if ours or ghost:
            found.append(f"{entry} {comm}")
    return found


def wait_for_no_survivors(marker: bytes, grace: float = SURVIVOR_GRACE_S) -> list[str]:
    """Poll until no sandbox process is left, for at most ``grace`` seconds; the rest."""
    deadline = time.monotonic() + grace
    while True:
        left = sandbox_survivors(marker)
        if not left or time.monotonic() >= deadline:
            return left
        time.sleep(0.05)


def kill_survivors(survivors: list[str]) -> None:
    """Clean up after a failed case: these processes were started by this test."""
    for item in survivors:
        try:
            os.kill(int(item.split()[0]), signal.SIGKILL)
        except OSError:
            pass


def sandbox_tmpdir(tmp_path: Path) -> Path:
    """The ``TMPDIR`` the grader runs with (so its sandbox's folders lie there)."""
    return tmp_path / "tmp"


def sandbox_marker(tmp_path: Path) -> bytes:
    """What ``sandbox_survivors`` looks for to tell this test's sandbox from others."""
    return str(sandbox_tmpdir(tmp_path)).encode()


def start_grader(
    solution: Path,
    tmp_path: Path,
    *,
    fallback: bool = False,
    max_examples: int = 20,
    json_output: bool = True,
    extra_args: Sequence[str] = (),
    extra_env: Mapping[str, str] | None = None,
) -> subprocess.Popen[bytes]:
    """Start the real CLI on ``solution``; its sandbox's temporary folder lies in tmp_path."""
    cwd = tmp_path / "cwd"
    cwd.mkdir(exist_ok=True)
    sandbox_tmpdir(tmp_path).mkdir(exist_ok=True)
    env = dict(os.environ, TMPDIR=str(sandbox_tmpdir(tmp_path)), RENSHU_LANG="en")
    env.pop("RENSHU_SANDBOX_ISOLATION", None)
    if fallback:
        env["RENSHU_SANDBOX_ISOLATION"] = "process-group"
    elif FORCED_LEVEL is not None:
        env["RENSHU_SANDBOX_ISOLATION"] = FORCED_LEVEL
    env.update(extra_env or {})
    argv = [sys.executable, "-m", "renshu", "grade", str(solution)]
    argv += ["--json"] if json_output else []
    argv += ["--max-examples", str(max_examples), *extra_args]
    return subprocess.Popen(
        argv,
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # so a hung grader can be killed with everything it started
    )


def finish_grader(proc: subprocess.Popen[bytes], tmp_path: Path, started: float) -> Graded:
    """Wait for the grader (killing it if it hangs), then look for anything its sandbox left."""
    marker = sandbox_marker(tmp_path)
    try:
        out, err = proc.communicate(timeout=GRADER_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        kill_survivors(wait_for_no_survivors(marker))
        pytest.fail(f"the grader hung for {GRADER_TIMEOUT_S:g} s; stderr:\n{err.decode()[-2000:]}")
    seconds = time.monotonic() - started
    survivors = wait_for_no_survivors(marker)
    kill_survivors(survivors)
    return Graded(
        out.decode(errors="replace"),
        err.decode(errors="replace"),
        proc.returncode,
        seconds,
        survivors,
        out,
    )


def run_grader(
    solution: Path,
    tmp_path: Path,
    *,
    fallback: bool = False,
    max_examples: int = 20,
    json_output: bool = True,
    extra_args: Sequence[str] = (),
    extra_env: Mapping[str, str] | None = None,
) -> Graded:
    started = time.monotonic()
    proc = start_grader(
        solution,
        tmp_path,
        fallback=fallback,
        max_examples=max_examples,
        json_output=json_output,
        extra_args=extra_args,
        extra_env=extra_env,
    )
    return finish_grader(proc, tmp_path, started)


def problems_with(graded: Graded, expected: dict[str, Any]) -> list[str]:
    """Every property the run broke, as readable lines (empty when all hold)."""
    problems = []
    try:
        data = json.loads(graded.stdout)  # the whole stdout: exactly one JSON document
    except json.JSONDecodeError as e:
        data = None
        problems.append(f"stdout is not exactly one JSON object ({e}):\n{graded.stdout[:1500]}")
    if data is not None:
        try:
            jsonschema.validate(data, json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))
        except jsonschema.ValidationError as e:
            problems.append(f"the JSON does not match the result schema: {e.message}")
        missing = set(GradeResult.model_fields) - data.keys()
        if missing:
            problems.append(f"the JSON lacks the fields {sorted(missing)}")
        status, reason = data.get("status"), data.get("reason")
        if status == "pass":
            problems.append(f"a hostile submission PASSED: {data.get('message')!r}")
        if status not in expected["status"] or reason not in expected["reason"]:
            problems.append(
                f"status/reason {status}/{reason} not in {expected['status']}/"
                f"{expected['reason']}: {data.get('message')!r}"
            )
    if graded.seconds >= expected["max_seconds"]:
        problems.append(f"took {graded.seconds:.1f} s (limit {expected['max_seconds']} s)")
    if graded.survivors:
        problems.append(f"sandbox processes survived the grading: {graded.survivors}")
    if graded.returncode != 1:
        problems.append(f"the grader's exit status was {graded.returncode}, not 1")
    if problems and graded.stderr.strip():
        problems.append(f"grader stderr:\n{graded.stderr[-2000:]}")
    return problems


@functools.cache
def default_isolation() -> IsolationLevel:
    """The level the grader picks on this machine when nothing forces the fallback."""
    forced = os.environ.pop("RENSHU_SANDBOX_ISOLATION", None)
    try:
        return detect_isolation.__wrapped__()
    finally:
        if forced is not None:
            os.environ["RENSHU_SANDBOX_ISOLATION"] = forced


# -- attack submissions --------------------------------------------------------------------

ATTACK_PRELUDE = '''# exercise: lstm_cell
# ruff: noqa
"""Generated by a sandbox attack test: the attack runs at import; the answer is wrong on purpose."""
import errno as _errno
import os
import sys


def _say(*parts):
    sys.stdout.write(":".join(str(p) for p in parts) + "\\n")
    sys.stdout.flush()  # at once: a sandbox that kills the child must not hide what it did


def _refused(name, exc):
    code = getattr(exc, "errno", None)
    _say("ATTACK-REFUSED", name, _errno.errorcode.get(code, code) if code else type(exc).__name__)

'''
WRONG_ANSWER = """

def lstm_cell(x, h_prev, c_prev, params):
    return h_prev, c_prev
"""
ATTACK_DONE = "ATTACK-DONE"
# The reasons for which a submission's import may stop half-way without that being a bug of
# the attack itself: the sandbox stopped the child.
STOPPED_REASONS = {"timeout", "crash", "exit", "memory", "protocol"}
ANY_REASON = [reason.value for reason in Reason]


def write_attack(folder: Path, name: str, attack: str, function: str = WRONG_ANSWER) -> Path:
    """``folder/name.py``: the prelude, ``attack`` (module level), ``ATTACK-DONE``, ``function``."""
    source = ATTACK_PRELUDE + textwrap.dedent(attack) + f"\n_say({ATTACK_DONE!r})\n" + function
    compile(source, f"{name}.py", "exec")  # an attack that cannot even run would prove nothing
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.py"
    path.write_text(source, encoding="utf-8")
    return path


def grade_attack(solution: Path, tmp_path: Path, **options: Any) -> Graded:
    """``renshu grade FILE --json --no-record --max-examples 5`` (options as for run_grader)."""
    options.setdefault("max_examples", 5)
    options["extra_args"] = ["--no-record", *options.get("extra_args", ())]
    return run_grader(solution, tmp_path, **options)


def result_of(graded: Graded) -> dict[str, Any]:
    """The parsed JSON result, or an empty dict when stdout is not one JSON object."""
    try:
        data = json.loads(graded.stdout)
    except json.JSONDecodeError:
        return {}
    return data if isinstance(data, dict) else {}


def verdict_problems(
    graded: Graded,
    *,
    max_seconds: float = 20.0,
    statuses: Sequence[str] = ("fail", "error"),
    reasons: Sequence[str] = ANY_REASON,
    attack_must_finish: bool = True,
) -> list[str]:
    """What every attack test checks: exit status 1 (not killed), exactly one JSON object
    with an allowed status and reason, bounded time, no surviving sandbox process; and,
    unless the sandbox stopped the child, that the attack code ran to its end (else the
    test would prove nothing)."""
    problems = problems_with(
        graded, {"status": list(statuses), "reason": list(reasons), "max_seconds": max_seconds}
    )
    data = result_of(graded)
    if (
        attack_must_finish
        and data
        and ATTACK_DONE not in data.get("stdout", "")
        and data.get("reason") not in STOPPED_REASONS
    ):
        problems.append(
            f"the attack code did not run to its end ({data.get('reason')}: "
            f"{data.get('message')!r}); stdout: {data.get('stdout', '')[-1500:]!r}"
        )
    return problems


def markers(graded: Graded, kind: str) -> list[str]:
    """The ``ATTACK-<kind>:<rest>`` lines the submission printed, without the prefix."""
    text = result_of(graded).get("stdout", "")
    prefix = f"ATTACK-{kind}:"
    return [line[len(prefix) :] for line in text.splitlines() if line.startswith(prefix)]


def grade_in_parallel(jobs: Sequence[tuple[Path, Path, dict[str, Any]]]) -> list[Graded]:
    """Run several independent gradings at once: (solution, tmp base, run_grader options)."""
    started = time.monotonic()
    procs = []
    for solution, base, options in jobs:
        options = dict(options)
        options.setdefault("max_examples", 5)
        options["extra_args"] = ["--no-record", *options.get("extra_args", ())]
        base.mkdir(parents=True, exist_ok=True)
        procs.append((start_grader(solution, base, **options), base))
    return [finish_grader(proc, base, started) for proc, base in procs]


@pytest.fixture(autouse=False, params=["default", "namespaces"])
def at_both_levels(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run a test at the machine's level and again at the namespace fallback.

    The fallback is what users without bubblewrap get; every attack must fail there too.
    """
    level = None if request.param == "default" else str(request.param)
    monkeypatch.setattr(sys.modules[__name__], "FORCED_LEVEL", level)
    return str(request.param)
