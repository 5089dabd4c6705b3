"""The progress database's schema as forward migrations, versioned by ``PRAGMA user_version``.

``MIGRATIONS[i]`` takes a database from version ``i`` to ``i + 1``. Never edit a
released migration; append a new one. History:
1. answers, grading runs, settings (what ``renshu grade`` and quizzes record);
2. spaced review: one FSRS card per question, the append-only review log,
   due-date boosts from failed gradings;
3. mock exam results (``progress/exam.py``).

A migration runs inside the opener's ``BEGIN IMMEDIATE`` transaction (see
``store._migrate``), so it executes its SQL one statement at a time:
``executescript`` would commit that transaction first and drop the write lock.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

Migration = Callable[[sqlite3.Connection], None]


def run_script(db: sqlite3.Connection, script: str) -> None:
    """Execute ``script`` statement by statement inside the caller's open transaction."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            db.execute(statement)
            statement = ""
    if statement.strip():
        raise ValueError(f"incomplete SQL statement in a migration: {statement.strip()!r}")


def _v1(db: sqlite3.Connection) -> None:
    run_script(
        db,
        """
        CREATE TABLE answers (
            uid TEXT PRIMARY KEY,             -- random id: export/import merge key
            question_id TEXT NOT NULL,
            answered_at TEXT NOT NULL,        -- ISO 8601, UTC
            answer TEXT NOT NULL,             -- the raw answer as JSON
            correct INTEGER NOT NULL CHECK (correct IN (0, 1)),
            seconds REAL NOT NULL CHECK (seconds >= 0),
            hints_used INTEGER NOT NULL DEFAULT 0 CHECK (hints_used >= 0)
        );
        -- covering index for per-question counts and accuracy (stats at 100k answers)
        CREATE INDEX answers_by_question ON answers (question_id, correct);
        CREATE INDEX answers_by_time ON answers (answered_at);
        CREATE TABLE gradings (
            uid TEXT PRIMARY KEY,
            exercise_id TEXT NOT NULL,
            graded_at TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('pass', 'fail', 'error')),
            reason TEXT NOT NULL,
            file_hash TEXT NOT NULL,
            misconception_id TEXT
        );
        CREATE INDEX gradings_by_exercise ON gradings (exercise_id, graded_at);
        CREATE INDEX gradings_by_time ON gradings (graded_at);
        CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        """,
    )


def _v2(db: sqlite3.Connection) -> None:
    run_script(
        db,
        """
        CREATE TABLE review_log (
            uid TEXT PRIMARY KEY,             -- the answer's uid when it came from an answer
            question_id TEXT NOT NULL,
            rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
            reviewed_at TEXT NOT NULL,
            duration_ms INTEGER,
            state_before INTEGER              -- fsrs.State before this review (retention, lapses)
        );
        CREATE INDEX review_log_by_question ON review_log (question_id, reviewed_at);
        CREATE TABLE cards (
            question_id TEXT PRIMARY KEY,
            card TEXT NOT NULL,               -- fsrs.Card.to_json()
            due_at TEXT NOT NULL,
            state INTEGER NOT NULL,
            lapses INTEGER NOT NULL DEFAULT 0,
            first_seen_at TEXT NOT NULL
        );
        CREATE INDEX cards_by_due ON cards (due_at);
        CREATE TABLE boosts (
            question_id TEXT PRIMARY KEY,
            due_at TEXT NOT NULL,
            reason TEXT NOT NULL
        );
        """,
    )


def _v3(db: sqlite3.Connection) -> None:
    run_script(
        db,
        """
        CREATE TABLE exam_results (
            uid TEXT PRIMARY KEY,
            taken_at TEXT NOT NULL,
            minutes INTEGER NOT NULL,
            seconds REAL NOT NULL CHECK (seconds >= 0),
            timed_out INTEGER NOT NULL CHECK (timed_out IN (0, 1)),
            correct INTEGER NOT NULL CHECK (correct >= 0),
            total INTEGER NOT NULL CHECK (total >= correct),
            areas TEXT NOT NULL,              -- JSON {area: [correct, total]}
            wrong TEXT NOT NULL,              -- JSON [question ids]
            unanswered TEXT NOT NULL          -- JSON [question ids]
        );
        CREATE INDEX exam_results_by_time ON exam_results (taken_at);
        """,
    )


MIGRATIONS: list[Migration] = [_v1, _v2, _v3]
SCHEMA_VERSION = len(MIGRATIONS)
