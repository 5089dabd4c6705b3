"""Spaced review with FSRS: record answers and gradings, schedule cards, build the due queue.

One card per question id (so edited questions keep their progress). A correct
automatic answer rates Good (Hard when hints were used or it was slow), a wrong
one Again; flashcards are self-rated 1-4. The review log is append-only, so
every card can be rebuilt by replaying it (after an import, or new parameters).
A failed grading with a named misconception makes the questions on the
exercise's concepts due at once.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from fsrs import Card, Rating, ReviewLog, Scheduler, State

from renshu.grader.progress.store import ProgressStore

SLOW_SECONDS = 60.0
LEECH_LAPSES = 8
DEFAULT_NEW_PER_DAY = 20
DEFAULT_REVIEWS_PER_DAY = 200


def iso(moment: datetime) -> str:
    """Fixed-width UTC text, so stored times sort and compare as strings."""
    if moment.tzinfo is None:
        raise ValueError("times must be timezone-aware")
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_iso(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


def scheduler() -> Scheduler:
    """The FSRS-6 scheduler with default parameters; fuzzing off so schedules are reproducible."""
    return Scheduler(enable_fuzzing=False)


def card_id(question_id: str) -> int:
    """fsrs wants an int id; the store keys cards by question id."""
    return zlib.crc32(question_id.encode())


def rating_for(
    correct: bool, hints_used: int, seconds: float, self_rating: int | None = None
) -> Rating:
    """Self-rated flashcards keep their rating; otherwise Again / Hard / Good."""
    if self_rating is not None:
        return Rating(self_rating)
    if not correct:
        return Rating.Again
    return Rating.Hard if hints_used > 0 or seconds > SLOW_SECONDS else Rating.Good


@dataclass(frozen=True)
class ReviewOutcome:
    """What recording an answer did to the question's card."""

    uid: str
    rating: Rating
    due: datetime
    lapses: int
    leech: bool


def record_answer(
    store: ProgressStore,
    question_id: str,
    answer: object,
    correct: bool,
    seconds: float,
    hints_used: int = 0,
    *,
    self_rating: int | None = None,
    now: datetime | None = None,
) -> ReviewOutcome:
    """Store an answer and review its card, all in one transaction."""
    now = now or datetime.now(UTC)
    uid = uuid.uuid4().hex
    rating = rating_for(correct, hints_used, seconds, self_rating)
    with store.transaction() as db:
        db.execute(
            "INSERT INTO answers (uid, question_id, answered_at, answer, correct, seconds, hints_used)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                uid,
                question_id,
                iso(now),
                json.dumps(answer, ensure_ascii=False),
                int(correct),
                seconds,
                hints_used,
            ),
        )
        row = db.execute(
            "SELECT card, lapses, first_seen_at FROM cards WHERE question_id = ?", (question_id,)
        ).fetchone()
        card = Card.from_json(row[0]) if row else Card(card_id=card_id(question_id), due=now)
        lapses, first_seen = (row[1], row[2]) if row else (0, iso(now))
        before = card.state
        card, _log = scheduler().review_card(card, rating, now, int(seconds * 1000))
        if rating == Rating.Again and before == State.Review:
            lapses += 1
        db.execute(
            "INSERT INTO review_log (uid, question_id, rating, reviewed_at, duration_ms, state_before)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (uid, question_id, int(rating), iso(now), int(seconds * 1000), int(before)),
        )
        _save_card(db, question_id, card, lapses, first_seen)
        db.execute("DELETE FROM boosts WHERE question_id = ?", (question_id,))
    return ReviewOutcome(uid, rating, card.due, lapses, lapses >= LEECH_LAPSES)


def next_intervals(
    store: ProgressStore, question_id: str, now: datetime | None = None
) -> dict[int, timedelta]:
    """How long until the question is due again after each rating 1-4, from its card now
    (what a flashcard's rating buttons can show before the learner picks one)."""
    now = now or datetime.now(UTC)
    row = store.db.execute(
        "SELECT card FROM cards WHERE question_id = ?", (question_id,)
    ).fetchone()
    sched = scheduler()
    out = {}
    for rating in (Rating.Again, Rating.Hard, Rating.Good, Rating.Easy):
        card = Card.from_json(row[0]) if row else Card(card_id=card_id(question_id), due=now)
        reviewed, _log = sched.review_card(card, rating, now)
        out[int(rating)] = max(reviewed.due - now, timedelta(0))
    return out


def _save_card(
    db: sqlite3.Connection, question_id: str, card: Card, lapses: int, first_seen: str
) -> None:
    db.execute(
        "INSERT INTO cards (question_id, card, due_at, state, lapses, first_seen_at) VALUES (?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (question_id) DO UPDATE SET card = excluded.card, due_at = excluded.due_at,"
        " state = excluded.state, lapses = excluded.lapses",
        (question_id, card.to_json(), iso(card.due), int(card.state), lapses, first_seen),
    )


def record_grading(
    store: ProgressStore,
    exercise_id: str,
    status: str,
    reason: str,
    file_hash: str,
    misconception_id: str | None,
    *,
    boost_questions: Iterable[str] = (),
    now: datetime | None = None,
) -> str:
    """Store a grading run; a failure with a named misconception boosts the given questions."""
    now = now or datetime.now(UTC)
    uid = uuid.uuid4().hex
    with store.transaction() as db:
        db.execute(
            "INSERT INTO gradings (uid, exercise_id, graded_at, status, reason, file_hash, misconception_id)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (uid, exercise_id, iso(now), status, reason, file_hash, misconception_id),
        )
        if status == "fail" and misconception_id:
            why = f"{exercise_id}: {misconception_id}"
            db.executemany(
                "INSERT INTO boosts (question_id, due_at, reason) VALUES (?, ?, ?)"
                " ON CONFLICT (question_id) DO UPDATE SET due_at = min(due_at, excluded.due_at),"
                " reason = excluded.reason",
                [(qid, iso(now), why) for qid in boost_questions],
            )
    return uid


def has_passed(store: ProgressStore, exercise_id: str) -> bool:
    row = store.db.execute(
        "SELECT 1 FROM gradings WHERE exercise_id = ? AND status = 'pass' LIMIT 1", (exercise_id,)
    ).fetchone()
    return row is not None


# -- the due queue ---------------------------------------------------------------------


@dataclass(frozen=True)
class QueueItem:
    question_id: str
    kind: str  # "review" | "new"
    boosted: bool = False


def day_start(now: datetime, utc_offset: timedelta) -> datetime:
    """The start of the learner's local day containing ``now``, in UTC."""
    local = now.astimezone(UTC) + utc_offset
    return (local.replace(hour=0, minute=0, second=0, microsecond=0) - utc_offset).astimezone(UTC)


def due_queue(
    store: ProgressStore,
    question_ids: Sequence[str],
    *,
    now: datetime | None = None,
    utc_offset: timedelta = timedelta(0),
    new_per_day: int | None = None,
    reviews_per_day: int | None = None,
) -> list[QueueItem]:
    """Due reviews and new questions for today, interleaved, within the daily limits.

    ``question_ids`` is the catalogue in study order; questions no longer in it are skipped.
    """
    now = now or datetime.now(UTC)
    new_limit = (
        new_per_day
        if new_per_day is not None
        else int(store.setting("new_per_day", str(DEFAULT_NEW_PER_DAY)))
    )
    review_limit = (
        reviews_per_day
        if reviews_per_day is not None
        else int(store.setting("reviews_per_day", str(DEFAULT_REVIEWS_PER_DAY)))
    )
    today = iso(day_start(now, utc_offset))
    db = store.db
    new_today = db.execute(
        "SELECT count(*) FROM cards WHERE first_seen_at >= ?", (today,)
    ).fetchone()[0]
    reviews_today = db.execute(
        "SELECT count(*) FROM review_log WHERE reviewed_at >= ? AND state_before != ?",
        (today, int(State.Learning)),
    ).fetchone()[0]
    known = set(question_ids)
    rows = db.execute(
        "SELECT c.question_id, min(c.due_at, coalesce(b.due_at, c.due_at)) AS due, b.question_id IS NOT NULL"
        " FROM cards c LEFT JOIN boosts b ON b.question_id = c.question_id"
        " WHERE min(c.due_at, coalesce(b.due_at, c.due_at)) <= ? ORDER BY due",
        (iso(now),),
    ).fetchall()
    reviews = [QueueItem(q, "review", bool(boosted)) for q, _due, boosted in rows if q in known]
    reviews = reviews[: max(review_limit - reviews_today, 0)]
    seen = {row[0] for row in db.execute("SELECT question_id FROM cards")}
    boosted_new = {row[0] for row in db.execute("SELECT question_id FROM boosts")} - seen
    fresh = [q for q in question_ids if q not in seen]
    fresh.sort(key=lambda q: q not in boosted_new)  # stable: boosted first, then study order
    new = [QueueItem(q, "new", q in boosted_new) for q in fresh[: max(new_limit - new_today, 0)]]
    return _interleave(reviews, new)


def _interleave(reviews: list[QueueItem], new: list[QueueItem]) -> list[QueueItem]:
    """Spread new questions evenly among the reviews."""
    if not new or not reviews:
        return reviews + new
    out: list[QueueItem] = []
    step = (len(reviews) + len(new)) / len(new)
    slots = {round(i * step) for i in range(len(new))}
    r, n = iter(reviews), iter(new)
    for i in range(len(reviews) + len(new)):
        item = next(n, None) if i in slots else next(r, None)
        if item is None:
            item = next(r, None) or next(n)
        out.append(item)
    return out


def leeches(store: ProgressStore) -> list[tuple[str, int]]:
    """Questions forgotten ``LEECH_LAPSES`` times or more, most lapses first."""
    return [
        (q, n)
        for q, n in store.db.execute(
            "SELECT question_id, lapses FROM cards WHERE lapses >= ? ORDER BY lapses DESC, question_id",
            (LEECH_LAPSES,),
        )
    ]


def rebuild_cards(store: ProgressStore, question_ids: Iterable[str] | None = None) -> int:
    """Recompute cards by replaying the append-only review log (after new parameters)."""
    with store.transaction() as tx:
        return rebuild_cards_in(tx, question_ids)


def rebuild_cards_in(tx: sqlite3.Connection, question_ids: Iterable[str] | None = None) -> int:
    """``rebuild_cards`` inside an open transaction (an import rebuilds in its own)."""
    sched = scheduler()
    if question_ids is None:
        question_ids = [r[0] for r in tx.execute("SELECT DISTINCT question_id FROM review_log")]
    count = 0
    for qid in question_ids:
        rows = tx.execute(
            "SELECT rating, reviewed_at, duration_ms FROM review_log WHERE question_id = ?"
            " ORDER BY reviewed_at, uid",
            (qid,),
        ).fetchall()
        if not rows:
            continue
        first = parse_iso(rows[0][1])
        card = Card(card_id=card_id(qid), due=first)
        lapses = 0
        for rating, at, duration in rows:
            before = card.state
            card, _ = sched.review_card(card, Rating(rating), parse_iso(at), duration)
            lapses += int(rating == Rating.Again and before == State.Review)
        _save_card(tx, qid, card, lapses, iso(first))
        count += 1
    return count


def replayed_card(logs: list[ReviewLog]) -> Card:
    """The card a list of fsrs review logs leads to (used by tests as an independent check)."""
    card = Card(card_id=logs[0].card_id, due=logs[0].review_datetime)
    return scheduler().reschedule_card(card, logs)
