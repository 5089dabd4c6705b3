"""Stats computed from known histories, expected values worked out by hand."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from renshu.grader.progress.review import record_answer, record_grading
from renshu.grader.progress.stats import compute_stats
from renshu.grader.progress.store import ProgressStore, open_store

NOW = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)  # 12:00 in Tokyo
JST = timedelta(hours=9)
CONCEPTS = {
    "lstm.a": ["lstm.forget_gate"],
    "lstm.b": ["lstm.forget_gate", "lstm.cec"],
    "gru.c": ["gru.reset_gate"],
}


@pytest.fixture
def store(tmp_path: Path) -> ProgressStore:
    with open_store(tmp_path, now=NOW, backup=False) as s:
        yield s


def test_empty_store(store: ProgressStore) -> None:
    stats = compute_stats(store, CONCEPTS, now=NOW, utc_offset=JST)
    assert stats.answers == 0
    assert stats.accuracy is None
    assert stats.streak_days == 0
    assert not stats.studied_today
    assert stats.mastery == {"gru.reset_gate": 0.0, "lstm.cec": 0.0, "lstm.forget_gate": 0.0}
    assert stats.due_today == 0
    assert stats.retention is None


def test_answers_and_accuracy_per_topic(store: ProgressStore) -> None:
    for qid, correct in (("lstm.a", True), ("lstm.a", False), ("lstm.b", True), ("gru.c", False)):
        record_answer(store, qid, "x", correct, 3.0, now=NOW)
    stats = compute_stats(store, CONCEPTS, now=NOW, utc_offset=JST)
    assert stats.answers == 4
    assert stats.accuracy == 0.5
    assert stats.per_topic["lstm"].answers == 3
    assert stats.per_topic["lstm"].accuracy == pytest.approx(2 / 3)
    assert stats.per_topic["gru"].accuracy == 0.0


def test_streak_counts_local_days(store: ProgressStore) -> None:
    # Local (JST) days with study: the 23rd (today), 22nd, 21st, then a gap, then the 18th.
    # 2026-11-20T16:00Z is the 21st 01:00 in Tokyo but still the 20th in UTC.
    for at in (
        "2026-11-23T01:00:00+00:00",
        "2026-11-22T05:00:00+00:00",
        "2026-11-20T16:00:00+00:00",
        "2026-11-18T05:00:00+00:00",
    ):
        record_answer(store, "lstm.a", "x", True, 3.0, now=datetime.fromisoformat(at))
    stats = compute_stats(store, CONCEPTS, now=NOW, utc_offset=JST)
    assert stats.studied_today
    assert stats.streak_days == 3
    utc_stats = compute_stats(store, CONCEPTS, now=NOW, utc_offset=timedelta(0))
    assert utc_stats.streak_days == 2  # in UTC the 21st has no study: 23rd, 22nd only


def test_streak_continues_until_today_is_over(store: ProgressStore) -> None:
    record_answer(store, "lstm.a", "x", True, 3.0, now=NOW - timedelta(days=1))
    record_answer(store, "lstm.a", "x", True, 3.0, now=NOW - timedelta(days=2))
    stats = compute_stats(store, CONCEPTS, now=NOW, utc_offset=JST)
    assert not stats.studied_today
    assert stats.streak_days == 2


def test_due_counts_today_and_next_seven_days(store: ProgressStore) -> None:
    record_answer(
        store, "lstm.a", "x", True, 3.0, now=NOW
    )  # learning step: due in 10 minutes (today)
    b = record_answer(store, "lstm.b", "x", True, 3.0, now=NOW)
    b = record_answer(store, "lstm.b", "x", True, 3.0, now=NOW + timedelta(minutes=10))  # graduates
    stats = compute_stats(store, CONCEPTS, now=NOW, utc_offset=JST)
    local_today = (NOW + JST).date()
    b_day = (b.due + JST).date()
    assert b_day > local_today
    assert stats.due_today == 1
    expected = [0] * 7
    expected[(b_day - local_today).days - 1] = 1
    assert stats.due_next_7_days == expected


def test_retention_counts_graduated_reviews_only(store: ProgressStore) -> None:
    t = NOW - timedelta(days=20)
    record_answer(store, "lstm.a", "x", True, 3.0, now=t)
    record_answer(store, "lstm.a", "x", True, 3.0, now=t + timedelta(minutes=10))  # now in Review
    for correct in (True, False):  # reviews while in Review: recalled, forgotten
        t += timedelta(days=5)
        record_answer(store, "lstm.a", "x", correct, 3.0, now=t)
        if not correct:
            record_answer(
                store, "lstm.a", "x", True, 3.0, now=t + timedelta(minutes=10)
            )  # relearning
    stats = compute_stats(store, CONCEPTS, now=NOW, utc_offset=JST)
    assert stats.retention == 0.5


def test_exercises_passed_and_mastery(store: ProgressStore) -> None:
    record_grading(store, "gru_cell", "fail", "mismatch", "h", None, now=NOW)
    record_grading(store, "lstm_cell", "pass", "passed", "h", None, now=NOW)
    record_grading(store, "lstm_cell", "pass", "passed", "h2", None, now=NOW)
    record_answer(store, "lstm.a", "x", True, 3.0, now=NOW)
    stats = compute_stats(store, CONCEPTS, now=NOW, utc_offset=JST)
    assert stats.exercises_passed == ["lstm_cell"]
    # lstm.a was just answered (recall probability 1); lstm.b is unseen (0): forget_gate = 0.5.
    assert stats.mastery["lstm.forget_gate"] == pytest.approx(0.5)
    assert stats.mastery["lstm.cec"] == 0.0


def test_activity_counts_answers_per_local_day(store: ProgressStore) -> None:
    for days_ago, n in ((0, 2), (1, 1), (13, 3), (14, 5)):  # 14 days ago is outside the window
        for _ in range(n):
            record_answer(store, "lstm.a", "x", True, 3.0, now=NOW - timedelta(days=days_ago))
    activity = compute_stats(store, CONCEPTS, now=NOW, utc_offset=JST).activity_14_days
    assert len(activity) == 14
    assert activity[-1] == 2
    assert activity[-2] == 1
    assert activity[0] == 3
    assert sum(activity) == 6
