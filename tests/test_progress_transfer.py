"""Export and import: a faithful round trip, merges without duplicates, hostile files change nothing."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from renshu.grader.errors import StoreError
from renshu.grader.progress import transfer
from renshu.grader.progress.exam import AreaScore, ExamResult, record_exam
from renshu.grader.progress.review import record_answer, record_grading
from renshu.grader.progress.store import ProgressStore, open_store
from renshu.grader.progress.transfer import export_progress, import_progress

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def filled(folder: Path, prefix: str) -> ProgressStore:
    store = open_store(folder, now=NOW, backup=False)
    t = NOW - timedelta(days=3)
    for i, correct in enumerate([True, False, True]):
        record_answer(store, f"lstm.{prefix}{i % 2}", {"choice": i}, correct, 2.5 + i, i % 2, now=t)
        t += timedelta(hours=5)
    record_grading(store, "lstm_cell", "fail", "mismatch", "abc", "forget_gate_missing", now=t)
    areas = (AreaScore("dl_basics", 1, 2), AreaScore("math", 0, 1))
    exam = ExamResult(t, 10, 301.25, True, areas, (f"lstm.{prefix}1",), ("gru.z",), 1, 3)
    record_exam(store, exam)
    store.set_setting("lang", "ja")
    return store


def dump(store: ProgressStore) -> list[str]:
    return list(store.db.iterdump())


def rows(store: ProgressStore, table: str) -> set[tuple]:
    return set(store.db.execute(f"SELECT * FROM {table}"))


def test_round_trip_reproduces_every_record_and_card(tmp_path: Path) -> None:
    source = filled(tmp_path / "a", "q")
    export_progress(source, tmp_path / "out.json")
    with open_store(tmp_path / "b", now=NOW, backup=False) as target:
        added = import_progress(target, tmp_path / "out.json")
        assert added == {"answers": 3, "gradings": 1, "review_log": 3, "exam_results": 1}
        for table in ("answers", "gradings", "review_log", "exam_results", "settings", "cards"):
            assert rows(target, table) == rows(source, table), table
    source.close()


def test_importing_twice_or_overlapping_history_adds_nothing_twice(tmp_path: Path) -> None:
    a = filled(tmp_path / "a", "q")
    export_progress(a, tmp_path / "a.json")
    b = filled(tmp_path / "b", "r")
    import_progress(b, tmp_path / "a.json")
    again = import_progress(b, tmp_path / "a.json")
    assert again == {"answers": 0, "gradings": 0, "review_log": 0, "exam_results": 0}
    assert b.db.execute("SELECT count(*) FROM answers").fetchone()[0] == 6
    export_progress(b, tmp_path / "b.json")
    assert import_progress(a, tmp_path / "b.json")["answers"] == 3  # only b's own answers are new
    assert rows(a, "answers") == rows(b, "answers")
    a.close()
    b.close()


def valid_export(tmp_path: Path) -> dict:
    store = filled(tmp_path / "src", "q")
    export_progress(store, tmp_path / "valid.json")
    store.close()
    return json.loads((tmp_path / "valid.json").read_text(encoding="utf-8"))


HOSTILE = {
    "not-json": b"{not json",
    "not-utf8": b'{"format": "renshu-progress", "x": "\xff"}',
    "deep-nesting": b"[" * 100_000 + b"]" * 100_000,
    "a-list": b"[1, 2, 3]",
}


def mutations(base: dict) -> dict[str, dict]:
    def with_row(table: str, **change) -> dict:
        data = json.loads(json.dumps(base))
        data[table][0].update(change)
        return data

    return {
        "wrong-format": {**base, "format": "anki"},
        "future-version": {**base, "version": 99},
        "sql-in-id": with_row("answers", question_id="x'); DROP TABLE answers;--"),
        "bad-uid": with_row("answers", uid="../../etc/passwd"),
        "negative-seconds": with_row("answers", seconds=-1),
        "naive-time": with_row("answers", answered_at="2026-01-01T00:00:00"),
        "not-a-time": with_row("review_log", reviewed_at="yesterday"),
        "rating-5": with_row("review_log", rating=5),
        "bad-status": with_row("gradings", status="passed!!"),
        "extra-field": with_row("gradings", evil=True),
        "huge-number": with_row("answers", hints_used=10**30),
        "exam-correct-over-total": with_row("exam_results", correct=4),
        "exam-bad-area": with_row("exam_results", areas={"math": [2, 1]}),
        "exam-extra-field": with_row("exam_results", grade="A"),
    }


@pytest.mark.parametrize(
    "case",
    [
        *HOSTILE,
        *mutations({t: [{}] for t in ("answers", "gradings", "review_log", "exam_results")}),
    ],
)
def test_malformed_or_hostile_import_is_refused_and_changes_nothing(
    tmp_path: Path, case: str
) -> None:
    path = tmp_path / "import.json"
    if case in HOSTILE:
        path.write_bytes(HOSTILE[case])
    else:
        path.write_text(json.dumps(mutations(valid_export(tmp_path))[case]), encoding="utf-8")
    store = filled(tmp_path / "mine", "m")
    before = dump(store)
    with pytest.raises(StoreError):
        import_progress(store, path)
    assert dump(store) == before
    store.close()


def test_oversized_import_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(transfer, "MAX_IMPORT_BYTES", 100)
    path = tmp_path / "big.json"
    path.write_text(json.dumps(valid_export(tmp_path)), encoding="utf-8")
    with (
        open_store(tmp_path / "x", now=NOW, backup=False) as store,
        pytest.raises(StoreError, match="refused"),
    ):
        import_progress(store, path)


def test_an_export_of_version_1_without_exam_results_still_imports(tmp_path: Path) -> None:
    old = valid_export(tmp_path)
    del old["exam_results"]
    old["version"] = 1
    path = tmp_path / "v1.json"
    path.write_text(json.dumps(old), encoding="utf-8")
    with open_store(tmp_path / "fresh", now=NOW, backup=False) as store:
        added = import_progress(store, path)
        assert added == {"answers": 3, "gradings": 1, "review_log": 3, "exam_results": 0}


def test_exam_results_come_back_as_the_history_shows_them(tmp_path: Path) -> None:
    from renshu.grader.progress.exam import past_exams

    source = filled(tmp_path / "a", "q")
    export_progress(source, tmp_path / "out.json")
    data = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert data["version"] == 2
    (exam,) = data["exam_results"]
    assert exam["areas"] == {"dl_basics": [1, 2], "math": [0, 1]}
    assert (exam["correct"], exam["total"], exam["timed_out"]) == (1, 3, True)
    assert exam["wrong"] == ["lstm.q1"]
    assert exam["unanswered"] == ["gru.z"]
    with open_store(tmp_path / "b", now=NOW, backup=False) as target:
        import_progress(target, tmp_path / "out.json")
        assert past_exams(target) == past_exams(source)
        assert len(past_exams(target)) == 1
    source.close()
