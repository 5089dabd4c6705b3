"""The exercise loop from the CLI, in process: status in curriculum order with N / M
passed, a spoiler that asks first, --version, and "did you mean" for typos."""

from __future__ import annotations

from pathlib import Path

import pytest

from renshu.grader.cli.main import main
from renshu.grader.exercises.catalogue import builtin_exercise_ids
from renshu.grader.quiz.banks import load_curriculum


def test_exercises_lists_status_in_curriculum_order_and_the_passed_count(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    assert main(["exercises", "--lang", "en", "--data-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    total = len(builtin_exercise_ids())
    assert f"0 / {total} passed" in out
    listed = [e for topic in load_curriculum().topics.values() for e in topic.exercises]
    positions = [out.index(f" {e} ") for e in listed if f" {e} " in out]
    assert positions == sorted(positions)  # the curriculum's order, not the alphabet
    assert out.count(" new ") >= total


def test_solution_of_an_unpassed_exercise_asks_and_refuses_without_a_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    monkeypatch.setenv("RENSHU_LANG", "en")
    assert main(["solution", "lstm_cell", "--data-dir", str(tmp_path)]) == 1
    captured = capsys.readouterr()
    assert "def lstm_cell" not in captured.out
    assert "--yes" in captured.err
    assert main(["solution", "lstm_cell", "--yes", "--data-dir", str(tmp_path)]) == 0
    assert "def lstm_cell" in capsys.readouterr().out


def test_version_and_did_you_mean(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.startswith("renshu ")
    with pytest.raises(SystemExit):
        main(["grad", "x.py"])
    assert "did you mean 'grade'?" in capsys.readouterr().err
    assert main(["start", "lstm_cel"]) == 2
    assert "did you mean lstm_cell" in capsys.readouterr().err


def test_grade_json_with_a_missing_file_still_prints_one_json_object(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    assert main(["grade", str(tmp_path / "nope.py"), "--json", "--no-record"]) == 2
    out = capsys.readouterr().out
    result = json.loads(out)
    assert result["status"] == "error"
    assert result["reason"] == "unreadable"
    assert "no such file" in result["message"]
