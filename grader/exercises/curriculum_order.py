"""The exercises in the order to study them: the curriculum's topics, then each topic's list."""

from __future__ import annotations


def ordered_exercise_ids() -> list[str]:
    from renshu.grader.exercises.catalogue import builtin_catalog, builtin_exercises_dir
    from renshu.grader.quiz.curriculum import load_curriculum

    curriculum = load_curriculum()
    listed = [ex_id for topic in curriculum.topics.values() for ex_id in topic.exercises]
    folders = {p.parent.name for p in builtin_exercises_dir().glob("*/exercise.yaml")}
    if len(listed) == len(set(listed)) and set(listed) == folders:
        return listed  # every exercise is listed: no need to load them all to sort them
    ordered = sorted(
        builtin_catalog().values(), key=lambda ex: curriculum.exercise_order(ex.spec.topic, ex.id)
    )
    return [ex.id for ex in ordered]


def next_exercise(exercise_id: str) -> str | None:
    """The exercise after ``exercise_id`` in the curriculum's order, if there is one."""
    ids = ordered_exercise_ids()
    at = ids.index(exercise_id) if exercise_id in ids else -1
    return ids[at + 1] if 0 <= at < len(ids) - 1 else None
