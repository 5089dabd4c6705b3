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


def test_start_and_the_study_app_share_one_file_and_remember_a_folder_of_your_own(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from renshu.grader.exercises.catalogue import get_exercise
    from renshu.grader.progress.workspace import workspace_path

    home = tmp_path / "home"
    assert main(["start", "gru_cell", "--data-dir", str(home)]) == 0
    shared = home / "workspace" / "gru_cell.py"
    assert str(shared) in capsys.readouterr().out
    assert workspace_path(home, "gru_cell") == shared
    starter = get_exercise("gru_cell").starter_path.read_text(encoding="utf-8")
    assert shared.read_text(encoding="utf-8") == starter

    mine = tmp_path / "mine"
    assert main(["start", "lstm_cell", str(mine), "--data-dir", str(home)]) == 0
    assert workspace_path(home, "lstm_cell") == (mine / "lstm_cell.py").resolve()


def test_reset_asks_first_and_then_restores_the_starter(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    from renshu.grader.exercises.catalogue import get_exercise
    from renshu.grader.progress.workspace import workspace_path

    home = tmp_path / "home"
    path = workspace_path(home, "softmax")
    path.write_text("# exercise: softmax\n# my work\n", encoding="utf-8")
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["reset", "softmax", "--data-dir", str(home)]) == 1
    assert "my work" in path.read_text(encoding="utf-8")  # nothing lost without a yes
    assert main(["reset", "softmax", "--yes", "--data-dir", str(home)]) == 0
    starter = get_exercise("softmax").starter_path.read_text(encoding="utf-8")
    assert path.read_text(encoding="utf-8") == starter


def test_the_last_result_of_the_workspace_file_is_kept_for_reopening(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    from renshu.grader.grading.submission import unreadable_result
    from renshu.grader.progress.study import StudyService
    from renshu.grader.progress.workspace import load_last_result, save_last_result

    home = tmp_path / "home"
    service = StudyService(home, now=datetime(2026, 12, 1, tzinfo=UTC), seed=0)
    assert service.last_result("softmax") is None
    kept = unreadable_result(service.workspace_file("softmax"), "softmax", "gone", 0)
    save_last_result(home, kept)
    assert service.last_result("softmax") == kept
    (home / "workspace" / "results" / "softmax.json").write_text("{not json", encoding="utf-8")
    assert load_last_result(home, "softmax") is None  # a broken file is only not shown


def test_task_shows_the_text_and_hint_reveals_the_next_one_and_remembers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from renshu.grader.exercises.catalogue import get_exercise
    from renshu.grader.progress.workspace import hints_shown

    monkeypatch.setenv("COLUMNS", "200")
    home = str(tmp_path)
    assert main(["task", "softmax", "--lang", "en", "--data-dir", home]) == 0
    out = capsys.readouterr().out
    assert get_exercise("softmax").spec.title.en in out
    hints = get_exercise("softmax").spec.hints
    for n, hint in enumerate(hints, start=1):
        assert main(["hint", "softmax", "--lang", "en", "--data-dir", home]) == 0
        shown = " ".join(capsys.readouterr().out.split())
        assert f"Hint ({n}/{len(hints)})" in shown
        assert " ".join(hint.en.replace("`", "").split())[:30] in shown.replace("`", "")
        assert hints_shown(tmp_path, "softmax") == n
    assert main(["hint", "softmax", "--lang", "en", "--data-dir", home]) == 0
    assert "That was the last hint." in capsys.readouterr().out


def test_the_next_exercise_follows_the_curriculum() -> None:
    from renshu.grader.exercises.curriculum_order import next_exercise, ordered_exercise_ids

    listed = [e for topic in load_curriculum().topics.values() for e in topic.exercises]
    ordered = ordered_exercise_ids()
    assert ordered[: len(listed)] == listed
    assert next_exercise(listed[0]) == listed[1]
    assert next_exercise(ordered[-1]) is None


def test_stats_reads_in_japanese_with_topic_titles_in_curriculum_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RENSHU_LANG", "ja")
    monkeypatch.setenv("COLUMNS", "120")
    assert main(["stats", "--data-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    for header in ("トピック", "解答数", "正答率", "習熟度"):
        assert header in out
    titles = [t.title.ja for t in load_curriculum().topics.values()]
    positions = [out.index(t) for t in titles if t in out]
    assert len(positions) >= 10
    assert positions == sorted(positions)
    assert "│ rnn " not in out  # a title, not the topic id
