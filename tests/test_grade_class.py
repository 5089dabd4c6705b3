"""``renshu grade DIR``: a generated class (students × exercises, right, wrong and hostile
files mixed): every row right, nothing left running, shards cover each file once,
``--resume`` regrades nothing, weak isolation refused unless allowed."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sandbox_harness import sandbox_marker, sandbox_tmpdir, wait_for_no_survivors

from renshu.grader.exercises.catalogue import builtin_exercise_ids, get_exercise
from renshu.grader.exercises.solution_text import solution_source
from renshu.grader.grading.batch import find_submissions, shard
from renshu.grader.sandbox.isolation import IsolationLevel, detect_isolation

pytestmark = pytest.mark.slow
EXERCISES = ("softmax", "discounted_returns", "cosine_similarity", "layer_norm", "gru_cell")
HANGING = {3, 17}  # students whose files never return (each costs the call timeout)
CANARY = "renshu-class-canary-do-not-read"


def _wrong(exercise_id: str) -> tuple[str, str]:
    exercise = get_exercise(exercise_id)
    first = exercise.spec.misconceptions[0]
    module = exercise.misconceptions_path.read_text(encoding="utf-8")
    source = f"# exercise: {exercise_id}\n{module}\n\n{exercise.spec.function} = {first.function}\n"
    return source, first.id


def make_class(root: Path, canary: Path, students: int = 30) -> dict[str, tuple[str, str]]:
    """Files of the class and what each row must say: ``rel -> (status, finding/reason)``."""
    expected: dict[str, tuple[str, str]] = {}
    for n in range(students):
        folder = root / f"student{n:02d}"
        folder.mkdir(parents=True)
        for k, exercise_id in enumerate(EXERCISES):
            kind = ("right", "wrong", "right", "peek", "wrong")[(n + k) % 5]
            if n in HANGING and k == 0:
                kind = "hang"
            function = get_exercise(exercise_id).spec.function
            if kind == "right":
                source, want = solution_source(get_exercise(exercise_id)), ("pass", "")
            elif kind == "wrong":
                source, mistake = _wrong(exercise_id)
                want = ("fail", mistake)
            elif kind == "hang":
                source = f"# exercise: {exercise_id}\ndef {function}(*a):\n    while True:\n        pass\n"
                want = ("error", "timeout")
            else:  # reads a file outside the sandbox and returns it as the answer
                source = (
                    f"# exercise: {exercise_id}\ndef {function}(*a):\n"
                    f"    return open({str(canary)!r}).read()\n"
                )
                want = ("error", "")
            (folder / f"{exercise_id}.py").write_text(source, encoding="utf-8")
            expected[f"{folder.name}/{exercise_id}.py"] = want
    (root / "latecomer.py").write_bytes(b"\xff\xfe not utf-8")
    expected["latecomer.py"] = ("error", "unreadable")
    return expected


def _grade(root: Path, tmp_path: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TMPDIR": str(sandbox_tmpdir(tmp_path)), "RENSHU_LANG": "en"}
    sandbox_tmpdir(tmp_path).mkdir(exist_ok=True)
    argv = [
        sys.executable,
        "-m",
        "renshu",
        "grade",
        str(root),
        "--no-record",
        "--jobs",
        "2",
        *extra,
    ]
    return subprocess.run(argv, capture_output=True, text=True, env=env, timeout=600, check=False)


def _rows(path: Path) -> dict[str, dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return {r["file"]: r for r in csv.DictReader(f)}


@pytest.mark.skipif(
    detect_isolation() is not IsolationLevel.BUBBLEWRAP, reason="a class needs full isolation"
)
def test_a_class_is_graded_row_by_row_and_resumes_without_regrading(tmp_path: Path) -> None:
    canary = tmp_path / CANARY
    canary.write_text("SECRET", encoding="utf-8")
    root = tmp_path / "class"
    expected = make_class(root, canary)
    table = tmp_path / "rows.csv"
    done = _grade(root, tmp_path, "--csv", str(table), "--seed", "7")
    assert done.returncode == 0, done.stderr
    rows = _rows(table)
    assert set(rows) == set(expected)
    for rel, (status, what) in expected.items():
        row = rows[rel]
        assert row["status"] == status, (rel, row)
        assert row["seed"] == "7"
        if status == "fail":
            assert row["finding"] == what, (rel, row)
        elif what:
            assert row["reason"] == what, (rel, row)
        assert "SECRET" not in str(row)
    assert "SECRET" not in done.stdout + done.stderr
    assert rows["student00/softmax.py"]["student"] == "student00"
    assert rows["latecomer.py"]["student"] == "latecomer"
    assert wait_for_no_survivors(sandbox_marker(tmp_path)) == []
    # Resume: nothing is graded again, the file keeps one row per submission.
    again = _grade(root, tmp_path, "--csv", str(table), "--resume")
    assert again.returncode == 0, again.stderr
    assert f"{len(expected)} already graded" in again.stderr
    assert _rows(table) == rows


def test_shards_cover_every_file_exactly_once(tmp_path: Path) -> None:
    root = tmp_path / "class"
    make_class(root, tmp_path / "canary")
    known = set(builtin_exercise_ids())
    everything = find_submissions(root, None, known)
    shares = [shard(everything, i, 3) for i in (1, 2, 3)]
    seen = [s.rel for share in shares for s in share]
    assert sorted(seen) == sorted(s.rel for s in everything)  # each file once
    assert all(len(share) > 30 for share in shares)  # 151 files over 3 shares: none starved
    assert shard(list(reversed(everything)), 2, 3) == list(reversed(shares[1]))  # order-free


def test_bad_files_are_rows_and_a_folder_symlink_out_is_not_followed(tmp_path: Path) -> None:
    root = tmp_path / "class"
    (root / "ann").mkdir(parents=True)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "softmax.py").write_text("x = 1\n", encoding="utf-8")
    (root / "ann" / "link.py").symlink_to(outside / "softmax.py")
    (root / "ann" / "softmax.py").write_text(solution_source(get_exercise("softmax")), "utf-8")
    (root / "ann" / "softmax_copy.py").write_text("# exercise: softmax\n", encoding="utf-8")
    (root / "ann" / "notes.py").write_text("print('hello')\n", encoding="utf-8")
    subs = {s.rel: s.problem for s in find_submissions(root, None, set(builtin_exercise_ids()))}
    assert subs == {
        "ann/link.py": "symlink_outside",
        "ann/notes.py": "unknown_exercise",
        "ann/softmax.py": "duplicate",
        "ann/softmax_copy.py": "duplicate",
    }


def test_weak_isolation_is_refused_unless_allowed(tmp_path: Path) -> None:
    root = tmp_path / "class"
    (root / "bo").mkdir(parents=True)
    (root / "bo" / "softmax.py").write_text(solution_source(get_exercise("softmax")), "utf-8")
    env = {**os.environ, "RENSHU_SANDBOX_ISOLATION": "process-group"}
    argv = [sys.executable, "-m", "renshu", "grade", str(root), "--no-record"]
    refused = subprocess.run(
        argv, capture_output=True, text=True, env=env, timeout=120, check=False
    )
    assert refused.returncode == 2
    assert "--allow-weak-isolation" in refused.stderr
    allowed = subprocess.run(
        [*argv, "--allow-weak-isolation", "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert allowed.returncode == 0, allowed.stderr
    assert '"status":"pass"' in allowed.stdout.replace(" ", "")


def test_dev_check_passes_on_the_built_ins_and_names_a_broken_misconception(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The authors' check: one summary line; a misconception whose function is another
    one's (so the grader names the other) is reported."""
    from renshu.grader.cli.dev import check_exercise
    from renshu.grader.exercises import catalogue

    argv = [sys.executable, "-m", "renshu", "dev", "check", "--exercise", "softmax", "--jobs", "2"]
    done = subprocess.run(argv, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "dev check: ok" in done.stderr
    assert check_exercise("softmax") == []
    real = catalogue.get_exercise("softmax")
    first, second = real.spec.misconceptions[:2]
    crossed = real.spec.model_copy(
        update={"misconceptions": [first.model_copy(update={"function": second.function}), second]}
    )
    broken = type(real)(crossed, real.folder)
    monkeypatch.setattr(catalogue, "get_exercise", lambda _id: broken)
    problems = check_exercise("softmax")
    # Both now run the second's code; diagnosis tries the list in order, so the second is
    # named after the first (which now reproduces it).
    assert problems == [f"softmax: misconception {second.id} fails but is named {first.id!r}"]
