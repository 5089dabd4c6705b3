"""Hostile submissions: nothing a submission does may pass a wrong answer, hang, kill or leak.

Every folder ``tests/hostile/<case>/`` holds ``solution.py`` (the hostile file,
first line ``# exercise: lstm_cell``) and ``expected.json``::

    {"status": ["fail"], "reason": ["mismatch"], "max_seconds": 15}

with the allowed statuses and reasons and a wall-time bound. Optional keys:
``xfail`` (a known grader weakness: the case is expected to break a property
and is marked ``xfail(strict=True)`` with that text as the reason),
``needs_namespace`` (the same, but only when the machine falls back to the
process-group isolation), ``needs_private_mounts`` (the same, when the child
does not get its own mount namespace) and ``fallback_xfail`` (the same, in
the forced fallback test below). Adding a case is adding a folder.

Each case runs the real CLI in a subprocess and checks that (1) the status is
never "pass" and is one of the expected statuses and reasons, (2) stdout is
exactly one JSON object valid against the committed result schema, (3) the
wall time is under ``max_seconds``, (4) no sandbox process survives and
(5) the grader exited with status 1 (it was not killed by a signal).

Survivors are found by scanning ``/proc``: a process whose environment carries
``RENSHU_SANDBOX_TOKEN=`` and belongs to this test's grading (the grader runs
with ``TMPDIR`` inside the test's ``tmp_path``, so the sandbox's working
directory, which its environment and command line name, lies there), or whose
name starts with ``hostile`` (cases that erase their own environment rename
themselves so). Sandboxes of other gradings running at the same time on the
machine are not this test's business.
"""

from __future__ import annotations

import functools
import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from renshu.grader.result import GradeResult
from renshu.grader.sandbox.isolation import IsolationLevel, detect_isolation

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = Path(__file__).resolve().parent / "hostile"
SCHEMA_PATH = ROOT / "grader" / "schemas" / "grade_result.schema.json"
CASES = sorted(p.name for p in HOSTILE.iterdir() if (p / "solution.py").is_file())
# Cases that leave processes or threads behind, re-run under the forced process-group fallback.
FALLBACK_CASES = [
    "fork_import_sleeper",
    "fork_call_sleeper",
    "setsid_double_fork_daemon",
    "thread_left_running",
    "scrub_environ_daemon",
]
TOKEN_MARK = b"RENSHU_SANDBOX_TOKEN="
GHOST_PREFIX = "hostile"
GRADER_TIMEOUT_S = 60.0
SURVIVOR_GRACE_S = 0.5
EXPECTED_KEYS = {"status", "reason", "max_seconds"}
OPTIONAL_KEYS = {"xfail", "needs_namespace", "needs_private_mounts", "fallback_xfail"}


@dataclass
class Graded:
    """One run of the CLI: what it printed, how it ended, how long it took, what it left."""

    stdout: str
    stderr: str
    returncode: int
    seconds: float
    survivors: list[str]


def load_expected(case: str) -> dict[str, Any]:
    expected = json.loads((HOSTILE / case / "expected.json").read_text(encoding="utf-8"))
    assert EXPECTED_KEYS <= expected.keys() <= EXPECTED_KEYS | OPTIONAL_KEYS, case
    assert "pass" not in expected["status"], f"{case}: a hostile case may never expect a pass"
    return expected


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


def start_grader(
    solution: Path, tmp_path: Path, *, fallback: bool = False, max_examples: int = 20
) -> subprocess.Popen[bytes]:
    """Start the real CLI on ``solution``; its sandbox's temporary folder lies in tmp_path."""
    cwd = tmp_path / "cwd"
    cwd.mkdir(exist_ok=True)
    _sandbox_tmpdir(tmp_path).mkdir(exist_ok=True)
    env = dict(os.environ, TMPDIR=str(_sandbox_tmpdir(tmp_path)), RENSHU_LANG="en")
    env.pop("RENSHU_SANDBOX_ISOLATION", None)
    if fallback:
        env["RENSHU_SANDBOX_ISOLATION"] = "process-group"
    argv = [sys.executable, "-m", "renshu.grader.cli", "grade", str(solution), "--json"]
    argv += ["--max-examples", str(max_examples)]
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
    marker = str(_sandbox_tmpdir(tmp_path)).encode()
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
    )


def run_grader(
    solution: Path, tmp_path: Path, *, fallback: bool = False, max_examples: int = 20
) -> Graded:
    started = time.monotonic()
    proc = start_grader(solution, tmp_path, fallback=fallback, max_examples=max_examples)
    return finish_grader(proc, tmp_path, started)


def _sandbox_tmpdir(tmp_path: Path) -> Path:
    return tmp_path / "tmp"


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


def _known_weakness(expected: dict[str, Any]) -> str | None:
    """Why this case is expected to break a property here (xfail), or None."""
    level = default_isolation()
    if "xfail" in expected:
        return expected["xfail"]
    if "needs_namespace" in expected and level is IsolationLevel.PROCESS_GROUP:
        return expected["needs_namespace"]
    if "needs_private_mounts" in expected and not getattr(level, "private_mounts", False):
        return expected["needs_private_mounts"]
    return None


@pytest.mark.parametrize("case", CASES)
def test_hostile_submission_cannot_pass_hang_kill_or_leak(
    case: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    expected = load_expected(case)
    weakness = _known_weakness(expected)
    if weakness:
        request.applymarker(pytest.mark.xfail(reason=weakness, strict=True))
    graded = run_grader(HOSTILE / case / "solution.py", tmp_path)
    problems = problems_with(graded, expected)
    assert not problems, f"{case}:\n" + "\n".join(problems)


@pytest.mark.parametrize("case", FALLBACK_CASES)
def test_process_group_fallback_leaves_nothing_running(
    case: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    expected = load_expected(case)
    if "fallback_xfail" in expected:
        request.applymarker(pytest.mark.xfail(reason=expected["fallback_xfail"], strict=True))
    graded = run_grader(HOSTILE / case / "solution.py", tmp_path, fallback=True)
    problems = problems_with(graded, expected)
    assert not problems, f"{case} (process-group fallback):\n" + "\n".join(problems)


def test_survivor_scan_sees_a_running_sandbox(tmp_path: Path) -> None:
    """Control for the scan: while a call loops, its sandbox is found; afterwards nothing is."""
    started = time.monotonic()
    proc = start_grader(HOSTILE / "infinite_loop_call" / "solution.py", tmp_path)
    marker = str(_sandbox_tmpdir(tmp_path)).encode()
    seen: list[str] = []
    while not seen and proc.poll() is None and time.monotonic() - started < 10:
        seen = sandbox_survivors(marker)
        time.sleep(0.05)
    graded = finish_grader(proc, tmp_path, started)
    assert seen, "the /proc scan never saw the sandbox of a grading in progress"
    assert not graded.survivors


@pytest.mark.parametrize("fallback", [False, True], ids=["default", "forced-fallback"])
def test_isolation_field_names_the_level_in_force(fallback: bool, tmp_path: Path) -> None:
    graded = run_grader(
        HOSTILE / "thread_left_running" / "solution.py", tmp_path, fallback=fallback
    )
    isolation = json.loads(graded.stdout)["isolation"]
    assert isolation.strip()
    if fallback:
        assert "process group" in isolation
    else:
        assert isolation == default_isolation().value
    assert not graded.survivors
