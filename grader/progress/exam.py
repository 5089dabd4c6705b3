"""The mock exam: a timed paper drawn with the syllabus areas' weights, scored at the end.

Like the real CBT (100 questions in 120 minutes by default), nothing is shown
until the paper is handed in or the time is up. Questions come from the examined
topics only (background topics and concepts are left out), flashcards never
(they are self-rated). Each area gets its share of ``EXAM_WEIGHTS``; an area with
too few questions gives its places to the others. The score is reported per area
beside the pass line commonly reported for E資格 (about 65 %, unofficial). Every
answer is recorded like any other (a wrong one makes its card due again); a
question left unanswered is made due too. The result is kept in ``exam_results``.
"""

from __future__ import annotations

import json
import random
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime

from renshu.grader.progress.review import iso, parse_iso
from renshu.grader.progress.store import ProgressStore
from renshu.grader.quiz.banks import Catalogue, load_curriculum
from renshu.grader.quiz.model import Flashcard
from renshu.grader.syllabus import AREAS, EXAM_WEIGHTS, SyllabusArea

PASS_LINE = 0.65  # commonly reported, not official
DEFAULT_QUESTIONS = 100
DEFAULT_MINUTES = 120


@dataclass(frozen=True)
class Paper:
    """The drawn questions in the order asked, the time allowed and each one's area."""

    question_ids: tuple[str, ...]
    minutes: int
    areas: Mapping[str, SyllabusArea]


@dataclass(frozen=True)
class AreaScore:
    area: SyllabusArea
    correct: int
    total: int

    @property
    def share(self) -> float:
        return self.correct / self.total if self.total else 0.0


@dataclass(frozen=True)
class ExamResult:
    taken_at: datetime
    minutes: int
    seconds: float
    timed_out: bool
    areas: tuple[AreaScore, ...]
    wrong: tuple[str, ...]  # answered wrongly, in the paper's order
    unanswered: tuple[str, ...]
    correct: int = 0
    total: int = 0
    uid: str = field(default_factory=lambda: uuid.uuid4().hex)

    @property
    def score(self) -> float:
        return self.correct / self.total if self.total else 0.0

    @property
    def passed(self) -> bool:
        return self.score >= PASS_LINE


def exam_pool(catalogue: Catalogue) -> dict[str, SyllabusArea]:
    """Every question a paper may ask, with its area (examined topics, no flashcards)."""
    curriculum = load_curriculum()
    pool: dict[str, SyllabusArea] = {}
    for qid, (question, loaded) in catalogue.questions.items():
        topic = loaded.bank.topic
        if isinstance(question, Flashcard) or curriculum.is_background(topic, question.concepts):
            continue
        pool[qid] = curriculum.area_of(topic, question.syllabus)
    return pool


def quotas(available: Mapping[SyllabusArea, int], n: int) -> dict[SyllabusArea, int]:
    """Questions per area: ``n`` split by the weights, never more than an area has; what an
    area cannot take goes to the others by their weights."""
    want = dict.fromkeys(AREAS, 0)
    total = min(n, sum(available.values()))
    while sum(want.values()) < total:
        open_areas = [a for a in AREAS if available.get(a, 0) > want[a]]
        left = total - sum(want.values())
        weight = sum(EXAM_WEIGHTS[a] for a in open_areas)
        exact = {a: left * EXAM_WEIGHTS[a] / weight for a in open_areas}
        share = {a: min(int(exact[a]), available[a] - want[a]) for a in open_areas}
        if not any(share.values()):  # fewer places left than areas: the largest share first
            share[max(open_areas, key=lambda a: exact[a])] = 1
        for a, k in share.items():
            want[a] += k
    return {a: k for a, k in want.items() if k}


def draw_paper(
    catalogue: Catalogue,
    n: int = DEFAULT_QUESTIONS,
    minutes: int = DEFAULT_MINUTES,
    seed: int | None = None,
) -> Paper:
    """A paper of up to ``n`` questions in ``minutes``, the areas weighted, order shuffled."""
    if n < 1 or minutes < 1:
        raise ValueError("a paper needs at least one question and one minute")
    rng = random.Random(seed)
    pool = exam_pool(catalogue)
    by_area: dict[SyllabusArea, list[str]] = {a: [] for a in AREAS}
    for qid, area in pool.items():
        by_area[area].append(qid)
    chosen: list[str] = []
    for area, k in quotas({a: len(ids) for a, ids in by_area.items()}, n).items():
        chosen += rng.sample(sorted(by_area[area]), k)
    rng.shuffle(chosen)
    return Paper(tuple(chosen), minutes, {qid: pool[qid] for qid in chosen})


def score_exam(
    paper: Paper,
    answers: Mapping[str, bool],
    seconds: float,
    *,
    timed_out: bool = False,
    now: datetime | None = None,
) -> ExamResult:
    """The result of ``paper`` given whether each answered question was right."""
    areas = []
    for area in AREAS:
        ids = [q for q in paper.question_ids if paper.areas[q] == area]
        if ids:
            areas.append(AreaScore(area, sum(answers.get(q) is True for q in ids), len(ids)))
    wrong = tuple(q for q in paper.question_ids if answers.get(q) is False)
    unanswered = tuple(q for q in paper.question_ids if q not in answers)
    return ExamResult(
        taken_at=now or datetime.now(UTC),
        minutes=paper.minutes,
        seconds=seconds,
        timed_out=timed_out,
        areas=tuple(areas),
        wrong=wrong,
        unanswered=unanswered,
        correct=sum(a.correct for a in areas),
        total=len(paper.question_ids),
    )


def record_exam(store: ProgressStore, result: ExamResult) -> None:
    """Keep the result; the questions left unanswered become due in spaced review (the
    answered ones were recorded as they were answered)."""
    areas = {a.area: [a.correct, a.total] for a in result.areas}
    with store.transaction() as db:
        db.execute(
            "INSERT INTO exam_results (uid, taken_at, minutes, seconds, timed_out, correct,"
            " total, areas, wrong, unanswered) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                result.uid,
                iso(result.taken_at),
                result.minutes,
                result.seconds,
                int(result.timed_out),
                result.correct,
                result.total,
                json.dumps(areas),
                json.dumps(list(result.wrong)),
                json.dumps(list(result.unanswered)),
            ),
        )
        db.executemany(
            "INSERT INTO boosts (question_id, due_at, reason) VALUES (?, ?, ?)"
            " ON CONFLICT (question_id) DO UPDATE SET due_at = min(due_at, excluded.due_at),"
            " reason = excluded.reason",
            [(q, iso(result.taken_at), "exam: unanswered") for q in result.unanswered],
        )


def past_exams(store: ProgressStore, limit: int = 10) -> list[tuple[datetime, int, int]]:
    """``(taken_at, correct, total)`` of the latest results, newest first."""
    rows = store.db.execute(
        "SELECT taken_at, correct, total FROM exam_results ORDER BY taken_at DESC LIMIT ?",
        (limit,),
    ).fetchall()
    return [(parse_iso(t), int(c), int(n)) for t, c, n in rows]
