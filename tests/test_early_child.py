"""`renshu grade FILE` starts its sandbox child first, and the grading uses that child."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from renshu.__main__ import grades_one_file
from renshu.__main__ import main as renshu_main
from renshu.grader.exercises.catalogue import get_exercise
from renshu.grader.exercises.solution_text import solution_source
from renshu.grader.grading import warm_child
from renshu.grader.sandbox import Limits, SandboxRunner

pytestmark = pytest.mark.slow


def _alive(pid: int) -> bool:
    """Running (a zombie, dead but not yet reaped, counts as gone)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


@pytest.fixture
def correct(tmp_path: Path) -> Path:
    path = tmp_path / "mine.py"
    path.write_text(solution_source(get_exercise("softmax")), encoding="utf-8")
    return path


def test_only_grading_one_file_that_compiles_starts_a_child_early(
    tmp_path: Path, correct: Path
) -> None:
    broken = tmp_path / "broken.py"
    broken.write_text("# exercise: softmax\ndef softmax(:\n", encoding="utf-8")
    nested = tmp_path / "nested.py"
    nested.write_text("x = " + "(" * 5000 + ")" * 5000 + "\n", encoding="utf-8")
    assert grades_one_file(["grade", str(correct)])
    assert grades_one_file(["grade", "--seed", "3", str(correct), "--json"])
    assert not grades_one_file(["grade", str(broken)])  # a syntax error starts no child
    assert not grades_one_file(["grade", str(nested)])  # too deep to compile: none either
    assert not grades_one_file(["grade", str(tmp_path)])  # a class's folder
    assert not grades_one_file(["grade", str(tmp_path / "missing.py")])
    assert not grades_one_file(["grade", str(correct), "--help"])
    assert not grades_one_file(["watch", str(correct)])
    assert not grades_one_file([])


def test_the_grading_takes_the_child_started_first(
    correct: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    starts: list[tuple[SandboxRunner, str]] = []
    original = SandboxRunner.start

    def counted(self: SandboxRunner) -> None:
        starts.append((self, self.function))  # what it knew when it started
        original(self)

    monkeypatch.setattr(SandboxRunner, "start", counted)
    assert renshu_main(["grade", str(correct), "--no-record", "--json"]) == 0
    assert len(starts) == 1  # the early child, and no other
    runner, function_at_start = starts[0]
    assert function_at_start == ""  # started before the file was read
    assert runner.function == "softmax"  # and told its function on import
    assert warm_child.take_early() is None  # taken once, gone


def test_an_early_child_is_given_once_and_never_to_another_process() -> None:
    warm_child.start_early()
    assert warm_child._early is not None
    pid, runner = warm_child._early
    assert pid == os.getpid()
    warm_child._early = (pid + 1, runner)  # as a forked worker would see it
    assert warm_child.take_early() is None
    warm_child._early = (pid, runner)
    taken = warm_child.take_early()
    assert taken is runner
    assert warm_child.take_early() is None
    taken.close()


def test_an_early_child_with_other_limits_is_killed_not_used() -> None:
    warm_child.start_early()
    assert warm_child._early is not None
    runner = warm_child._early[1]
    assert runner._proc is not None
    assert warm_child.take_early(Limits(call_timeout_s=7.0)) is None
    assert not _alive(runner._proc.pid)


def test_an_early_child_not_taken_dies_with_the_command(correct: Path) -> None:
    code = (
        "from renshu.grader.grading import warm_child\n"
        "warm_child.start_early()\n"
        "print(warm_child._early[1]._proc.pid, flush=True)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert not _alive(int(done.stdout.strip()))


def test_an_early_child_started_at_a_level_this_machine_lacks_is_not_used() -> None:
    from renshu.grader.sandbox import IsolationLevel, detect_isolation

    warm_child.start_early()
    assert warm_child._early is not None
    runner = warm_child._early[1]
    assert runner.isolation is detect_isolation()  # the guess made before the probe ended
    wrong = next(level for level in IsolationLevel if level is not runner.isolation)
    runner.isolation = wrong  # as if bubblewrap's probe had failed after the child started
    assert warm_child.take_early() is None
    assert runner._proc is not None
    assert not _alive(runner._proc.pid)


def test_the_bubblewrap_probe_fails_when_bwrap_cannot_build_the_sandbox(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from renshu.grader.sandbox import bwrap

    fake = tmp_path / "bwrap"
    fake.write_text("#!/bin/sh\necho 'bwrap: No permissions to create new namespace' >&2\nexit 1\n")
    fake.chmod(0o755)
    monkeypatch.setattr(bwrap, "bwrap_path", lambda: str(fake))
    assert bwrap.Probe().result() is False
    passes = tmp_path / "passes"
    passes.write_text("#!/bin/sh\nexit 0\n")
    passes.chmod(0o755)
    monkeypatch.setattr(bwrap, "bwrap_path", lambda: str(passes))
    assert bwrap.Probe().result() is True  # the same probe, judged by the exit status


def test_the_command_freezes_the_heap_only_as_the_process_exits(
    correct: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gc

    frozen: list[bool] = []
    monkeypatch.setattr(gc, "freeze", lambda: frozen.append(True))
    assert renshu_main(["grade", str(correct), "--no-record", "--json"]) == 0
    assert frozen == []  # called from Python (tests, a host program): nothing changes
    monkeypatch.setattr(sys, "argv", ["renshu", "grade", str(correct), "--no-record", "--json"])
    assert renshu_main() == 0
    assert frozen == [True]


def test_a_fast_exit_still_prints_the_whole_report_and_records_the_pass(
    correct: Path, tmp_path: Path
) -> None:
    env = {**os.environ, "RENSHU_HOME": str(tmp_path / "home"), "RENSHU_LANG": "en"}
    graded = subprocess.run(
        [sys.executable, "-m", "renshu", "grade", str(correct)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )
    assert graded.returncode == 0, graded.stderr
    assert "PASS" in graded.stdout
    # The report's last line is there: nothing was left in a buffer at exit.
    assert graded.stdout.splitlines()[-1].startswith("Next exercise: renshu start ")
    listed = subprocess.run(
        [sys.executable, "-m", "renshu", "exercises", "--lang", "en"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=True,
    )
    assert any("softmax" in line and "passed" in line for line in listed.stdout.splitlines())
