"""Recording a grading run, and making the exercise's concept questions due on a misconception."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from renshu.grader.progress.store import open_store
from renshu.grader.settings import data_dir as resolve_data_dir

if TYPE_CHECKING:
    from renshu.grader.grading.result import GradeResult


def record_grading_result(data_dir: Path | None, result: GradeResult, source_hash: str) -> None:
    """Record a grading run; a named misconception makes the exercise's concept questions due."""
    from renshu.grader.progress.review import record_grading

    boost: list[str] = []
    if result.status == "fail" and result.misconception is not None and result.exercise:
        from renshu.grader.exercises.catalogue import get_exercise
        from renshu.grader.quiz.banks import load_catalogue

        concepts = set(get_exercise(result.exercise).spec.concepts)
        catalogue = load_catalogue(data_dir=resolve_data_dir(data_dir))
        boost = [qid for qid, (q, _b) in catalogue.questions.items() if concepts & set(q.concepts)]
    store = open_store(resolve_data_dir(data_dir))
    for notice in store.notices:
        sys.stderr.write(f"renshu: {notice.message}\n")
    with store:
        record_grading(
            store,
            result.exercise or "",
            result.status.value,
            result.reason.value,
            source_hash,
            result.misconception.id if result.misconception else None,
            boost_questions=boost,
        )
