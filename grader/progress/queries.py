"""Read-only questions the study app asks the progress store (the SQL lives here, not in UI code)."""

from __future__ import annotations

from renshu.grader.progress.store import ProgressStore


def seen_question_ids(store: ProgressStore) -> set[str]:
    """Every question the learner has answered at least once (it has a review card)."""
    return {row[0] for row in store.db.execute("SELECT question_id FROM cards")}


def exercise_outcomes(store: ProgressStore) -> dict[str, bool]:
    """Each graded exercise and whether any of its gradings passed."""
    rows = store.db.execute(
        "SELECT exercise_id, max(status = 'pass') FROM gradings GROUP BY exercise_id"
    ).fetchall()
    return {exercise: bool(passed) for exercise, passed in rows}
