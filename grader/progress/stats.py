"""Learning statistics from the progress store, computed with SQL aggregates.

Answers and accuracy per topic (a question id starts with its topic), mastery
per concept (mean FSRS recall probability of the concept's questions, unseen
ones counting 0), the streak of study days, what is due today and in the next
seven days, retention and exercises passed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta

from fsrs import Card, State
from pydantic import BaseModel

from renshu.grader.progress.review import day_start, iso, leeches, scheduler
from renshu.grader.progress.store import ProgressStore


class TopicStats(BaseModel):
    answers: int
    correct: int
    accuracy: float | None


class Stats(BaseModel):
    """Everything ``renshu stats`` shows; ``--json`` prints it as is."""

    schema_version: int = 1
    answers: int
    accuracy: float | None
    per_topic: dict[str, TopicStats]
    mastery: dict[str, float]  # concept id -> 0..1
    streak_days: int
    studied_today: bool
    due_today: int
    due_next_7_days: list[int]  # due on each of the next seven local days
    activity_14_days: list[int] = []  # answers on each of the last 14 local days, oldest first
    retention: float | None  # share of graduated reviews recalled, last 30 days
    exercises_passed: list[str]
    leeches: list[str]


def compute_stats(
    store: ProgressStore,
    concepts_by_question: Mapping[str, Sequence[str]],
    *,
    now: datetime | None = None,
    utc_offset: timedelta = timedelta(0),
) -> Stats:
    now = now or datetime.now(UTC)
    db = store.db
    # Per question over the covering index (a few hundred rows), then per topic here:
    # a question id starts with its topic.
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for qid, n, c in db.execute(
        "SELECT question_id, count(*), sum(correct) FROM answers GROUP BY question_id"
    ):
        topic = counts[qid.split(".", 1)[0]]
        topic[0] += n
        topic[1] += c
    total = sum(n for n, _c in counts.values())
    correct = sum(c for _n, c in counts.values())
    per_topic = {
        topic: TopicStats(answers=n, correct=c, accuracy=c / n if n else None)
        for topic, (n, c) in sorted(counts.items())
    }
    mastery = _mastery(store, concepts_by_question, now)
    streak, today_done = _streak(store, now, utc_offset)
    start = day_start(now, utc_offset)
    due_today = db.execute(
        "SELECT count(*) FROM cards WHERE due_at < ?", (iso(start + timedelta(days=1)),)
    ).fetchone()[0]
    next7 = []
    for d in range(1, 8):
        lo, hi = iso(start + timedelta(days=d)), iso(start + timedelta(days=d + 1))
        next7.append(
            db.execute(
                "SELECT count(*) FROM cards WHERE due_at >= ? AND due_at < ?", (lo, hi)
            ).fetchone()[0]
        )
    activity = []
    for d in range(13, -1, -1):
        lo, hi = iso(start - timedelta(days=d)), iso(start - timedelta(days=d - 1))
        activity.append(
            db.execute(
                "SELECT count(*) FROM answers WHERE answered_at >= ? AND answered_at < ?", (lo, hi)
            ).fetchone()[0]
        )
    reviewed, recalled = db.execute(
        "SELECT count(*), coalesce(sum(rating > 1), 0) FROM review_log WHERE state_before = ? AND reviewed_at >= ?",
        (int(State.Review), iso(now - timedelta(days=30))),
    ).fetchone()
    passed = [
        r[0]
        for r in db.execute(
            "SELECT DISTINCT exercise_id FROM gradings WHERE status = 'pass' ORDER BY 1"
        )
    ]
    return Stats(
        answers=total,
        accuracy=correct / total if total else None,
        per_topic=per_topic,
        mastery=mastery,
        streak_days=streak,
        studied_today=today_done,
        due_today=due_today,
        due_next_7_days=next7,
        activity_14_days=activity,
        retention=recalled / reviewed if reviewed else None,
        exercises_passed=passed,
        leeches=[q for q, _n in leeches(store)],
    )


def _mastery(
    store: ProgressStore, concepts_by_question: Mapping[str, Sequence[str]], now: datetime
) -> dict[str, float]:
    sched = scheduler()
    recall: dict[str, float] = {}
    for qid, card_json in store.db.execute("SELECT question_id, card FROM cards"):
        recall[qid] = sched.get_card_retrievability(Card.from_json(card_json), now)
    by_concept: dict[str, list[float]] = defaultdict(list)
    for qid, concepts in concepts_by_question.items():
        for concept in concepts:
            by_concept[concept].append(recall.get(qid, 0.0))
    return {c: round(sum(v) / len(v), 4) for c, v in sorted(by_concept.items())}


def _streak(store: ProgressStore, now: datetime, utc_offset: timedelta) -> tuple[int, bool]:
    """Days studied in a row up to today (or up to yesterday if not yet today).

    Walks back one local day at a time with indexed range probes, so the cost
    grows with the streak, not with the number of answers.
    """

    def studied(start: datetime) -> bool:
        lo, hi = iso(start), iso(start + timedelta(days=1))
        for table, column in (("answers", "answered_at"), ("gradings", "graded_at")):
            query = f"SELECT 1 FROM {table} WHERE {column} >= ? AND {column} < ? LIMIT 1"
            if store.db.execute(query, (lo, hi)).fetchone():
                return True
        return False

    day = day_start(now, utc_offset)
    today_done = studied(day)
    if not today_done:
        day -= timedelta(days=1)
    streak = 0
    while studied(day):
        streak += 1
        day -= timedelta(days=1)
    return streak, today_done
