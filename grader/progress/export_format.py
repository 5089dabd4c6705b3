"""The progress export's format: its version, its rows and the rule each field keeps.

``transfer`` reads, writes and merges files of this format; the bounds are
explained there.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from renshu.grader.progress.review import iso

FORMAT = "renshu-progress"
VERSION = 2  # 2 added the mock exams' results; a version 1 export still imports
READS = (1, 2)
_UID = Annotated[str, Field(pattern=r"^[0-9a-f]{32}$")]
_ID = Annotated[str, Field(min_length=1, max_length=200, pattern=r"^[A-Za-z0-9_.\-]+$")]
_TIME = Annotated[str, Field(max_length=64)]
EARLIEST = datetime(1970, 1, 1, tzinfo=UTC)
LATEST = datetime(9900, 1, 1, tzinfo=UTC)  # exclusive
MAX_SECONDS = 7 * 86_400
MAX_HINTS = 1000
MAX_DAILY_LIMIT = 10_000
MAX_JSON_INT_DIGITS = 30
MAX_EXAM_QUESTIONS = 10_000
_TIME_RULE = (
    "must be an ISO 8601 date and time with a time zone, from 1970-01-01 to 9899-12-31 (UTC)"
)
RULES = {
    "seconds": f"must be a finite number between 0 and {MAX_SECONDS}",
    "hints_used": f"must be a whole number between 0 and {MAX_HINTS}",
    "duration_ms": f"must be null or a whole number between 0 and {MAX_SECONDS * 1000}",
    "rating": "must be a whole number between 1 and 4",
    "state_before": "must be null or a whole number between 1 and 3",
    "correct": "must be true or false",
    "uid": "must be 32 lowercase hexadecimal digits",
    "answered_at": _TIME_RULE,
    "graded_at": _TIME_RULE,
    "reviewed_at": _TIME_RULE,
    "exported_at": _TIME_RULE,
    "taken_at": _TIME_RULE,
    "timed_out": "must be true or false",
    "minutes": f"must be a whole number between 1 and {MAX_SECONDS // 60}",
}
"""What a field must be, said the same way whichever check it failed."""
EXAM_RULES = {
    **RULES,
    "correct": f"must be a whole number between 0 and {MAX_EXAM_QUESTIONS}",
    "total": f"must be a whole number between 0 and {MAX_EXAM_QUESTIONS}",
}
"""The same for a mock exam's row, where ``correct`` counts questions."""


class _Row(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _check_time(value: str) -> str:
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        raise ValueError("times must include a time zone")
    try:
        moment = moment.astimezone(UTC)
    except OverflowError:  # e.g. 9999-12-31T23:00-14:00 is in year 10000 in UTC
        raise ValueError("out of range") from None
    if not EARLIEST <= moment < LATEST:
        raise ValueError("out of range")
    return iso(moment)


class AnswerRow(_Row):
    uid: _UID
    question_id: _ID
    answered_at: _TIME
    answer: str = Field(max_length=20_000)
    correct: bool = Field(strict=True)  # not "yes" or 1
    seconds: float = Field(ge=0, le=MAX_SECONDS, allow_inf_nan=False)
    hints_used: int = Field(ge=0, le=MAX_HINTS)

    _time = field_validator("answered_at")(_check_time)


class GradingRow(_Row):
    uid: _UID
    exercise_id: _ID
    graded_at: _TIME
    status: Literal["pass", "fail", "error"]
    reason: str = Field(max_length=64)
    file_hash: str = Field(max_length=128)
    misconception_id: _ID | None = None

    _time = field_validator("graded_at")(_check_time)


class ReviewRow(_Row):
    uid: _UID
    question_id: _ID
    rating: int = Field(ge=1, le=4)
    reviewed_at: _TIME
    duration_ms: int | None = Field(default=None, ge=0, le=MAX_SECONDS * 1000)
    state_before: int | None = Field(default=None, ge=1, le=3)

    _time = field_validator("reviewed_at")(_check_time)


class ExamRow(_Row):
    """One mock exam's result; ``areas`` maps a syllabus area to ``[correct, total]``."""

    uid: _UID
    taken_at: _TIME
    minutes: int = Field(ge=1, le=MAX_SECONDS // 60)
    seconds: float = Field(ge=0, le=MAX_SECONDS, allow_inf_nan=False)
    timed_out: bool = Field(strict=True)
    correct: int = Field(ge=0, le=MAX_EXAM_QUESTIONS)
    total: int = Field(ge=0, le=MAX_EXAM_QUESTIONS)
    areas: dict[_ID, tuple[int, int]] = Field(max_length=100)
    wrong: list[_ID] = Field(max_length=MAX_EXAM_QUESTIONS)
    unanswered: list[_ID] = Field(max_length=MAX_EXAM_QUESTIONS)

    _time = field_validator("taken_at")(_check_time)

    @model_validator(mode="after")
    def _counts_add_up(self) -> ExamRow:
        if self.correct > self.total:
            raise ValueError("correct must not be more than total")
        if any(not 0 <= right <= of for right, of in self.areas.values()):
            raise ValueError("each area must be [correct, total] with 0 <= correct <= total")
        return self


class Export(_Row):
    format: Literal["renshu-progress"]
    version: Literal[1, 2]
    exported_at: _TIME
    answers: list[AnswerRow] = Field(max_length=2_000_000)
    gradings: list[GradingRow] = Field(max_length=1_000_000)
    review_log: list[ReviewRow] = Field(max_length=2_000_000)
    exam_results: list[ExamRow] = Field(default_factory=list, max_length=100_000)
    settings: dict[Annotated[str, Field(max_length=64)], Annotated[str, Field(max_length=1000)]] = (
        Field(default_factory=dict, max_length=100)
    )

    _time = field_validator("exported_at")(_check_time)
