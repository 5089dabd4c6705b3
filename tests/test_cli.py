"""The ``renshu`` command as a learner runs it: exit codes, JSON output, determinism."""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
import time
from pathlib import Path

import jsonschema
import pytest

from renshu.grader.grading.result import GradeResult

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_PATH = ROOT / "grader" / "schemas" / "grade_result.schema.json"
REQUIRED = {
    "schema_version",
    "exercise",
    "file",
    "status",
    "message",
    "examples",
    "seed",
    "duration_s",
    "isolation",
    "counterexample",
    "misconception",
    "hint",
    "stdout",
}


def renshu(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "renshu", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def wrong_lstm(tmp_path: Path) -> Path:
    path = tmp_path / "mine.py"
    mis = (ROOT / "exercises" / "lstm_cell" / "misconceptions.py").read_text(encoding="utf-8")
    path.write_text(
        f"# exercise: lstm_cell\n{mis}\nlstm_cell = forget_gate_missing\n", encoding="utf-8"
    )
    return path


def test_committed_schema_matches_the_model() -> None:
    committed = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert committed == GradeResult.model_json_schema(mode="serialization")


def test_json_output_is_one_object_valid_against_the_schema(
    wrong_lstm: Path, tmp_path: Path
) -> None:
    done = renshu("grade", str(wrong_lstm), "--json", cwd=tmp_path)
    assert done.returncode == 1
    data = json.loads(done.stdout)  # the whole stdout is exactly one JSON document
    jsonschema.validate(data, json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))
    assert REQUIRED <= data.keys()
    assert data["status"] == "fail"
    assert data["misconception"]["id"] == "forget_gate_missing"
    ce = data["counterexample"]
    assert set(ce) >= {"call", "arguments", "returned", "max_abs_error", "where"}
    assert "shapes" not in ce  # schema v2: structure is data, not "return.h"-style keys
    assert [item["name"] for item in ce["returned"]] == ["h", "c"]
    assert {"params.W_f", "x"} <= {arg["name"] for arg in ce["arguments"]}
    assert not (tmp_path / ".hypothesis").exists()


def test_same_seed_same_counterexample_other_seed_runs_too(
    wrong_lstm: Path, tmp_path: Path
) -> None:
    runs = [
        json.loads(renshu("grade", str(wrong_lstm), "--json", "--seed", s, cwd=tmp_path).stdout)
        for s in ("7", "7", "8")
    ]
    assert runs[0]["counterexample"] == runs[1]["counterexample"]
    assert runs[0]["seed"] == 7
    assert runs[2]["seed"] == 8
    assert runs[2]["status"] == "fail"


def test_pass_exits_zero_and_human_output(tmp_path: Path) -> None:
    sol = renshu("solution", "gru_cell", "--yes", cwd=tmp_path)
    assert sol.returncode == 0
    assert "def gru_cell" in sol.stdout
    path = tmp_path / "gru_cell.py"  # exercise found from the file name
    path.write_text(sol.stdout.replace("# exercise: gru_cell\n", ""), encoding="utf-8")
    done = renshu("grade", str(path), "--lang", "en", cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "PASS" in done.stdout
    assert "gru_cell" in done.stdout


def test_human_failure_output_in_japanese(wrong_lstm: Path, tmp_path: Path) -> None:
    done = renshu("grade", str(wrong_lstm), "--lang", "ja", cwd=tmp_path)
    assert done.returncode == 1
    for expected in ("不合格", "最小の失敗入力", "忘却ゲート", "ヒント"):
        assert expected in done.stdout


def test_bad_usage_exits_two_without_traceback(tmp_path: Path, wrong_lstm: Path) -> None:
    for args in (
        ("grade", str(tmp_path / "missing.py")),
        ("grade", str(wrong_lstm), "--exercise", "no_such_exercise"),
        ("grade", str(wrong_lstm), "--max-examples", "0"),
        ("grade",),
        ("start", "nope"),
    ):
        done = renshu(*args, cwd=tmp_path)
        assert done.returncode == 2, args
        assert "Traceback" not in done.stderr


def test_file_without_exercise_line_or_known_name_is_a_usage_error(tmp_path: Path) -> None:
    path = tmp_path / "mystery.py"
    path.write_text("def f():\n    pass\n", encoding="utf-8")
    done = renshu("grade", str(path), cwd=tmp_path)
    assert done.returncode == 2
    assert "# exercise: <id>" in done.stderr


def test_non_utf8_submission_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "lstm_cell.py"
    path.write_bytes(b"# exercise: lstm_cell\nx = '\xff\xfe'\n")
    done = renshu("grade", str(path), cwd=tmp_path)
    assert done.returncode == 1
    assert "not UTF-8" in done.stdout
    assert "Traceback" not in done.stderr + done.stdout
    as_json = json.loads(renshu("grade", str(path), "--json", cwd=tmp_path).stdout)
    assert as_json["status"] == "error"
    assert as_json["reason"] == "unreadable"


def test_no_arguments_prints_help_and_lists_exercises(tmp_path: Path) -> None:
    done = renshu(cwd=tmp_path)
    assert done.returncode == 0
    assert "usage: renshu" in done.stdout
    assert "lstm_cell" in done.stdout
    assert "sentence_bleu" in done.stdout


def test_start_copies_starter_and_never_overwrites(tmp_path: Path) -> None:
    assert renshu("start", "lstm_cell", "work", cwd=tmp_path).returncode == 0
    copied = tmp_path / "work" / "lstm_cell.py"
    assert copied.read_text(encoding="utf-8").startswith("# exercise: lstm_cell")
    copied.write_text("my work", encoding="utf-8")
    again = renshu("start", "lstm_cell", "work", cwd=tmp_path)
    assert again.returncode == 2
    assert copied.read_text(encoding="utf-8") == "my work"
    graded = json.loads(
        renshu("grade", str(copied), "--exercise", "lstm_cell", "--json", cwd=tmp_path).stdout
    )
    assert graded["status"] == "error"
    assert graded["reason"] == "syntax"


def test_solution_asks_before_spoiling_an_unpassed_exercise(tmp_path: Path) -> None:
    done = renshu("solution", "sentence_bleu", cwd=tmp_path)  # no terminal to ask on
    assert done.returncode == 1
    assert "spoiler" in done.stderr.lower()
    assert "def sentence_bleu" not in done.stdout
    done = renshu("solution", "sentence_bleu", "--yes", cwd=tmp_path)
    assert done.returncode == 0
    assert "def sentence_bleu" in done.stdout


def test_core_never_imports_the_tui(tmp_path: Path) -> None:
    code = (
        "import sys, renshu.grader.cli.main, renshu.grader.grading.engine, renshu.grader.presentation.rich_report, renshu.reference;"
        "from renshu.grader.grading import strategies, diagnosis;"
        "bad = [m for m in sys.modules if m.startswith(('textual', 'renshu.tui'))];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout


DEEP_HEAD = "# exercise: lstm_cell\ndef lstm_cell(x, h_prev, c_prev, params):\n    return x\n"


def grade_json_within(path: Path, cwd: Path, seconds: float) -> dict:
    """Grade ``path`` with ``--json``: exit 1, no traceback, one valid object, in time."""
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "renshu", "grade", str(path), "--json", "--no-record"],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=seconds,
        check=False,
    )
    assert time.monotonic() - started < seconds
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode == 1, done.stderr
    data = json.loads(done.stdout)  # the whole stdout is exactly one JSON document
    jsonschema.validate(data, json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))
    return data


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ("x = " + "-" * 200_000 + "1\n", "too_complex"),  # the parser: MemoryError
        ("x = " + "1+" * 200_000 + "1\n", "too_complex"),  # the parser: RecursionError
        ("x = " + "(" * 200_000 + "1" + ")" * 200_000 + "\n", "syntax"),  # CPython's own limit
    ],
    ids=["unary_minus", "long_sum", "parentheses"],
)
def test_pathologically_deep_file_is_a_clean_error(tmp_path: Path, body: str, reason: str) -> None:
    path = tmp_path / "deep.py"
    path.write_text(DEEP_HEAD + body, encoding="utf-8")
    data = grade_json_within(path, tmp_path, 30)
    assert data["status"] == "error"
    assert data["reason"] == reason
    assert data["examples"] == 0


def test_huge_sparse_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "big.py"
    with path.open("wb") as f:
        f.truncate(200 * 1024**3)  # 200 GB of holes: no disk used
    data = grade_json_within(path, tmp_path, 30)
    assert data["status"] == "error"
    assert data["reason"] == "unreadable"
    assert "larger than 1 MB" in data["message"]


def test_study_without_a_terminal_prints_help_and_exits(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "renshu", "study"],
        cwd=tmp_path,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=20,  # the TUI would wait for keys forever (TimeoutExpired fails the test)
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "usage: renshu" in done.stdout
    assert "lstm_cell" in done.stdout
    assert "study needs a terminal" in done.stderr
    assert "Traceback" not in done.stderr


def test_study_with_stdin_from_dev_null_exits_even_on_a_terminal(tmp_path: Path) -> None:
    """``renshu study </dev/null`` typed at a terminal: stdout is a tty, stdin is not."""
    master, slave = os.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "renshu", "study"],
        cwd=tmp_path,
        stdin=subprocess.DEVNULL,
        stdout=slave,
        stderr=subprocess.PIPE,
    )
    os.close(slave)
    shown = b""
    deadline = time.monotonic() + 20
    try:
        while time.monotonic() < deadline:
            if not select.select([master], [], [], 0.2)[0]:
                if proc.poll() is not None:
                    break
                continue
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: every writer closed the terminal
                break
            if not chunk:
                break
            shown += chunk
        code = proc.wait(timeout=max(deadline - time.monotonic(), 0.1))
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        os.close(master)
    assert code == 0
    assert b"usage: renshu" in shown
