"""FSRS review: ratings, cards against the fsrs library driven directly, leeches, the due queue, boosts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fsrs import Card, Rating, Scheduler, State

from renshu.grader.progress.review import (
    QueueItem,
    _interleave,
    card_id,
    due_queue,
    iso,
    leeches,
    rating_for,
    rebuild_cards,
    record_answer,
    record_grading,
)
from renshu.grader.progress.store import ProgressStore, open_store

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
MIN = timedelta(minutes=1)


@pytest.fixture
def store(tmp_path: Path) -> ProgressStore:
    with open_store(tmp_path, now=NOW, backup=False) as s:
        yield s


def test_rating_rules() -> None:
    assert rating_for(True, 0, 5.0) == Rating.Good
    assert rating_for(True, 1, 5.0) == Rating.Hard  # a hint was used
    assert rating_for(True, 0, 90.0) == Rating.Hard  # slow
    assert rating_for(False, 0, 1.0) == Rating.Again
    assert rating_for(True, 0, 1.0, self_rating=4) == Rating.Easy  # flashcards rate themselves
    assert rating_for(False, 0, 1.0, self_rating=2) == Rating.Hard


def test_cards_follow_fsrs_driven_directly(store: ProgressStore) -> None:
    steps = [
        (True, 0, 4.0, NOW),
        (True, 0, 4.0, NOW + 10 * MIN),
        (False, 0, 4.0, NOW + timedelta(days=3)),
        (True, 2, 4.0, NOW + timedelta(days=3) + 10 * MIN),
    ]
    fsrs = Scheduler(enable_fuzzing=False)
    expected = Card(card_id=card_id("lstm.q"), due=NOW)
    for correct, hints, seconds, at in steps:
        outcome = record_answer(store, "lstm.q", "x", correct, seconds, hints, now=at)
        rating = Rating.Again if not correct else (Rating.Hard if hints else Rating.Good)
        expected, _ = fsrs.review_card(expected, rating, at, int(seconds * 1000))
        assert outcome.rating == rating
        assert outcome.due == expected.due
    stored = Card.from_json(store.db.execute("SELECT card FROM cards").fetchone()[0])
    assert stored.stability == pytest.approx(expected.stability)
    assert stored.difficulty == pytest.approx(expected.difficulty)
    assert store.db.execute("SELECT count(*) FROM review_log").fetchone()[0] == 4
    assert (
        store.db.execute("SELECT lapses FROM cards").fetchone()[0] == 1
    )  # one Again while in Review


def test_times_must_be_timezone_aware() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        iso(datetime(2026, 1, 1))


def test_eight_lapses_make_a_leech(store: ProgressStore) -> None:
    t = NOW
    record_answer(store, "rnn.hard", "x", True, 3.0, now=t)
    record_answer(store, "rnn.hard", "x", True, 3.0, now=t + 10 * MIN)
    assert store.db.execute("SELECT state FROM cards").fetchone()[0] == State.Review
    for lapse in range(1, 9):
        t += timedelta(days=2)
        outcome = record_answer(store, "rnn.hard", "x", False, 3.0, now=t)
        assert outcome.lapses == lapse
        assert outcome.leech == (lapse >= 8)
        t += 10 * MIN
        record_answer(store, "rnn.hard", "x", True, 3.0, now=t)  # relearned
    assert leeches(store) == [("rnn.hard", 8)]


def test_queue_respects_daily_new_limit_and_learning_steps(store: ProgressStore) -> None:
    ids = ["t.a", "t.b", "t.c", "t.d"]
    assert due_queue(store, ids, now=NOW, new_per_day=2) == [
        QueueItem("t.a", "new"),
        QueueItem("t.b", "new"),
    ]
    record_answer(store, "t.a", "x", True, 3.0, now=NOW)
    assert due_queue(store, ids, now=NOW + MIN, new_per_day=2) == [QueueItem("t.b", "new")]
    later = due_queue(store, ids, now=NOW + 11 * MIN, new_per_day=2)  # t.a's 10-minute step is due
    assert {item.question_id: item.kind for item in later} == {"t.a": "review", "t.b": "new"}
    assert due_queue(store, ids, now=NOW + timedelta(days=1), new_per_day=2)[0].kind in {
        "new",
        "review",
    }


def test_queue_skips_questions_no_longer_in_the_banks(store: ProgressStore) -> None:
    record_answer(store, "t.gone", "x", False, 3.0, now=NOW)
    queue = due_queue(store, ["t.kept"], now=NOW + timedelta(days=1), new_per_day=5)
    assert [item.question_id for item in queue] == ["t.kept"]


def test_review_limit_counts_reviews_already_done_today(store: ProgressStore) -> None:
    ids = [f"t.{i}" for i in range(3)]
    for q in ids:  # graduate each card to Review, then let a day pass
        record_answer(store, q, "x", True, 3.0, now=NOW - timedelta(days=5))
        record_answer(store, q, "x", True, 3.0, now=NOW - timedelta(days=5) + 10 * MIN)
    due = due_queue(store, ids, now=NOW + timedelta(days=30), reviews_per_day=2, new_per_day=0)
    assert [i.kind for i in due] == ["review", "review"]
    record_answer(store, due[0].question_id, "x", True, 3.0, now=NOW + timedelta(days=30))
    again = due_queue(
        store, ids, now=NOW + timedelta(days=30, minutes=1), reviews_per_day=2, new_per_day=0
    )
    assert len(again) == 1


def test_failed_grading_with_a_misconception_makes_concept_questions_due(
    store: ProgressStore,
) -> None:
    ids = ["lstm.a", "lstm.b", "lstm.forget"]
    record_answer(store, "lstm.a", "x", True, 3.0, now=NOW - timedelta(days=2))
    record_answer(store, "lstm.a", "x", True, 3.0, now=NOW - timedelta(days=2) + 10 * MIN)
    assert due_queue(store, ids, now=NOW, new_per_day=0) == []  # lstm.a is not due for days
    record_grading(
        store, "lstm_cell", "pass", "passed", "h", None, boost_questions=["lstm.a"], now=NOW
    )
    assert due_queue(store, ids, now=NOW, new_per_day=0) == []  # a pass boosts nothing
    record_grading(
        store,
        "lstm_cell",
        "fail",
        "mismatch",
        "h",
        "forget_gate_missing",
        boost_questions=["lstm.a", "lstm.forget"],
        now=NOW,
    )
    assert due_queue(store, ids, now=NOW, new_per_day=0) == [
        QueueItem("lstm.a", "review", boosted=True)
    ]
    first_new = due_queue(store, ids, now=NOW, new_per_day=1)
    assert QueueItem("lstm.forget", "new", boosted=True) in first_new  # boosted new before lstm.b
    record_answer(store, "lstm.a", "x", True, 3.0, now=NOW + MIN)  # answering clears the boost
    assert (
        store.db.execute("SELECT count(*) FROM boosts WHERE question_id = 'lstm.a'").fetchone()[0]
        == 0
    )


def test_interleave_spreads_new_questions() -> None:
    reviews = [QueueItem(f"r{i}", "review") for i in range(4)]
    new = [QueueItem(f"n{i}", "new") for i in range(2)]
    mixed = [i.question_id for i in _interleave(reviews, new)]
    assert sorted(mixed) == sorted(i.question_id for i in reviews + new)
    assert mixed.index("n1") - mixed.index("n0") >= 2


def test_rebuilding_from_the_review_log_reproduces_the_cards(store: ProgressStore) -> None:
    t = NOW
    for q, pattern in (("a.x", [True, True, False, True]), ("a.y", [False, True, True])):
        for correct in pattern:
            record_answer(store, q, "x", correct, 3.0, now=t)
            t += timedelta(hours=7)
    before = sorted(store.db.execute("SELECT question_id, card, due_at, state, lapses FROM cards"))
    store.db.execute("DELETE FROM cards")
    assert rebuild_cards(store) == 2
    after = sorted(store.db.execute("SELECT question_id, card, due_at, state, lapses FROM cards"))
    assert after == before


def test_next_intervals_preview_what_each_rating_would_schedule(store: ProgressStore) -> None:
    from renshu.grader.progress.review import next_intervals, record_answer

    now = datetime(2026, 12, 1, 9, tzinfo=UTC)
    fresh = next_intervals(store, "q.preview", now)
    assert sorted(fresh) == [1, 2, 3, 4]
    assert fresh[1] <= fresh[2] <= fresh[3] < fresh[4]  # easier ratings wait longer
    # The preview is what a rating then really schedules (the card is not changed by it).
    outcome = record_answer(store, "q.preview", "x", True, 5.0, now=now)
    assert outcome.rating == Rating.Good
    assert outcome.due - now == fresh[3]
    later = now + timedelta(days=3)
    again = next_intervals(store, "q.preview", later)
    assert again[4] > fresh[4]  # a card already learnt waits longer when rated Easy again


def test_interval_text_reads_in_both_languages() -> None:
    from renshu.tui.screens.quiz import interval_text

    assert interval_text(timedelta(minutes=10), "ja") == "10分後"
    assert interval_text(timedelta(minutes=10), "en") == "in 10m"
    assert interval_text(timedelta(hours=5), "en") == "in 5h"
    assert interval_text(timedelta(days=4, hours=2), "ja") == "4日後"
