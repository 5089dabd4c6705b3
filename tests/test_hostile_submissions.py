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

import json
import time
from pathlib import Path
from typing import Any

import pytest
from sandbox_harness import (
    default_isolation,
    finish_grader,
    problems_with,
    run_grader,
    sandbox_survivors,
    sandbox_tmpdir,
    start_grader,
)

from renshu.grader.sandbox.isolation import IsolationLevel

HOSTILE = Path(__file__).resolve().parent / "hostile"
CASES = sorted(p.name for p in HOSTILE.iterdir() if (p / "solution.py").is_file())
# Cases that leave processes or threads behind, re-run under the forced process-group fallback.
FALLBACK_CASES = [
    "fork_import_sleeper",
    "fork_call_sleeper",
    "setsid_double_fork_daemon",
    "thread_left_running",
    "scrub_environ_daemon",
]
EXPECTED_KEYS = {"status", "reason", "max_seconds"}
OPTIONAL_KEYS = {"xfail", "needs_namespace", "needs_private_mounts", "fallback_xfail"}


def load_expected(case: str) -> dict[str, Any]:
    expected = json.loads((HOSTILE / case / "expected.json").read_text(encoding="utf-8"))
    assert EXPECTED_KEYS <= expected.keys() <= EXPECTED_KEYS | OPTIONAL_KEYS, case
    assert "pass" not in expected["status"], f"{case}: a hostile case may never expect a pass"
    return expected


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
    marker = str(sandbox_tmpdir(tmp_path)).encode()
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
