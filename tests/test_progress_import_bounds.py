"""``renshu progress import`` of a real export with one field made hostile, through the CLI.

Every case must end with exit status 1 and one line on stderr naming the file
and the field (``p.json: answers[0].seconds: ...``), no traceback, and the
database exactly as it was. The hostile row gets a fresh uid, so a value that
slipped through would be inserted and show in the dump.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from renshu.grader.progress.exam import AreaScore, ExamResult, record_exam
from renshu.grader.progress.review import record_answer, record_grading
from renshu.grader.progress.store import open_store

HUGE_INT = "9" * 5000  # beyond Python's 4300-digit limit on int("...")
FRESH_UID = "0123456789abcdef" * 2
PLACEHOLDER = "@@hostile@@"

# (table or None for the top level, field, the value as raw JSON text)
CASES = {
    "seconds-inf": ("answers", "seconds", "1e400"),
    "seconds-nan": ("answers", "seconds", "NaN"),
    "seconds-negative": ("answers", "seconds", "-1"),
    "seconds-huge-int": ("answers", "seconds", HUGE_INT),
    "hints-10**30": ("answers", "hints_used", str(10**30)),
    "hints-huge-int": ("answers", "hints_used", HUGE_INT),
    "duration-10**30": ("review_log", "duration_ms", str(10**30)),
    "rating-huge-int": ("review_log", "rating", HUGE_INT),
    "answered-year-99999": ("answers", "answered_at", '"99999-01-01T00:00:00"'),
    "answered-0000-00-00": ("answers", "answered_at", '"0000-00-00"'),
    "answered-before-1970": ("answers", "answered_at", '"1969-12-31T23:59:59Z"'),
    "answered-10000-in-utc": ("answers", "answered_at", '"9999-12-31T23:59:59-14:00"'),
    "graded-year-10000": ("gradings", "graded_at", '"10000-01-01T00:00:00Z"'),
    "graded-year-1": ("gradings", "graded_at", '"0001-01-01T00:00:00Z"'),
    "reviewed-due-past-9999": ("review_log", "reviewed_at", '"9999-12-31T23:59:59Z"'),
    "exported-year-99999": (None, "exported_at", '"99999-01-01"'),
    "version-huge-int": (None, "version", HUGE_INT),
    "exam-taken-naive": ("exam_results", "taken_at", '"2026-01-01T00:00:00"'),
    "exam-correct-huge-int": ("exam_results", "correct", HUGE_INT),
    "exam-correct-over-total": ("exam_results", "correct", "99"),
    "exam-seconds-inf": ("exam_results", "seconds", "1e400"),
    "exam-minutes-zero": ("exam_results", "minutes", "0"),
    "exam-area-over-total": ("exam_results", "areas", '{"dl_basics": [5, 2]}'),
    "exam-wrong-sql-id": ("exam_results", "wrong", '["x\'); DROP TABLE answers;--"]'),
    "exam-timed-out-string": ("exam_results", "timed_out", '"yes"'),
    "answer-correct-string": ("answers", "correct", '"yes"'),
    "answer-correct-one": ("answers", "correct", "1"),
}
# Rules across a row's fields: the message names the row and the rule.
ACROSS = {
    "exam-correct-over-total": "correct must not be more than total",
    "exam-area-over-total": "each area must be [correct, total]",
}
WHERE = {
    "answers": "answers[0].",
    "gradings": "gradings[0].",
    "review_log": "review_log[0].",
    "exam_results": "exam_results[0].",
    None: "",
}


def one_exam() -> ExamResult:
    """A mock exam of 3 questions: one right, one wrong, one left unanswered."""
    return ExamResult(
        taken_at=datetime(2026, 11, 20, 10, 0, tzinfo=UTC),
        minutes=5,
        seconds=123.5,
        timed_out=False,
        areas=(AreaScore("dl_basics", 1, 2), AreaScore("dl_applications", 0, 1)),
        wrong=("lstm.q2",),
        unanswered=("gru.q1",),
        correct=1,
        total=3,
    )


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """A real export of one answer (with its review) and one grading."""
    home = tmp_path_factory.mktemp("source")
    with open_store(home, backup=False) as store:
        record_answer(store, "lstm.q1", {"choice": 1}, True, 2.5, 1)
        record_grading(store, "lstm_cell", "pass", "passed", "a" * 64, None)
        record_exam(store, one_exam())
    target = home / "p.json"
    done = renshu("progress", "export", str(target), home=home)
    assert done.returncode == 0, done.stderr
    return json.loads(target.read_text(encoding="utf-8"))


def renshu(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "renshu", *args, "--data-dir", str(home)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def hostile_text(base: dict, table: str | None, field: str, raw: str) -> str:
    data = json.loads(json.dumps(base))
    for name in ("answers", "gradings", "review_log", "exam_results"):
        data[name][0]["uid"] = FRESH_UID  # new to the database: it would be inserted
    (data[table][0] if table else data)[field] = PLACEHOLDER
    return json.dumps(data).replace(json.dumps(PLACEHOLDER), raw)


def dump(home: Path) -> list[str]:
    db = sqlite3.connect(home / "progress.sqlite3")
    try:
        return list(db.iterdump())
    finally:
        db.close()


def learner_home(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    with open_store(home, backup=False) as store:
        record_answer(store, "lstm.mine", {"choice": 0}, False, 4.0)
    return home


def test_the_unchanged_export_with_fresh_uids_is_imported(tmp_path: Path, exported: dict) -> None:
    """The control: the same file with nothing hostile adds its rows."""
    home = learner_home(tmp_path)
    path = tmp_path / "p.json"
    path.write_text(
        hostile_text(exported, None, "exported_at", '"2026-01-01T00:00:00Z"'), encoding="utf-8"
    )
    done = renshu("progress", "import", str(path), home=home)
    assert done.returncode == 0, done.stderr
    assert "imported 1 new answers, 1 new gradings, 1 new reviews, 1 new mock exams" in done.stdout


@pytest.mark.parametrize("case", CASES)
def test_hostile_field_is_named_and_changes_nothing(
    tmp_path: Path, exported: dict, case: str
) -> None:
    table, field, raw = CASES[case]
    home = learner_home(tmp_path)
    path = tmp_path / "p.json"
    path.write_text(hostile_text(exported, table, field, raw), encoding="utf-8")
    before = dump(home)
    done = renshu("progress", "import", str(path), home=home)
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode == 1, done.stdout + done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    expected = f"{path}: {WHERE[table]}{field}" if field != "version" else f"{path} has export"
    if case in ACROSS:
        expected = f"{path}: exam_results[0]: {ACROSS[case]}"
    assert expected in lines[0]
    assert dump(home) == before


@pytest.mark.parametrize(
    "value", ["lots", "-3", "²", "9" * 999], ids=["word", "negative", "superscript", "999-digits"]
)
def test_hostile_daily_limit_setting_is_refused(tmp_path: Path, exported: dict, value: str) -> None:
    """``new_per_day`` is read back with ``int()`` when the queue is built: check it first."""
    home = learner_home(tmp_path)
    data = json.loads(hostile_text(exported, None, "exported_at", '"2026-01-01T00:00:00Z"'))
    data["settings"]["new_per_day"] = value
    path = tmp_path / "p.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    before = dump(home)
    done = renshu("progress", "import", str(path), home=home)
    assert done.returncode == 1, done.stdout + done.stderr
    assert f"{path}: settings.new_per_day: must be a whole number" in done.stderr
    assert "Traceback" not in done.stderr
    assert dump(home) == before
