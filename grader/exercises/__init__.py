"""Exercises: the model of exercise.yaml, shapes, the catalogue, solution text and docs.

The public API is ``__all__``; names are imported on first use, so importing the
package costs nothing until one is needed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from renshu.grader.lazy_exports import lazy_getattr

if TYPE_CHECKING:
    from renshu.grader.exercises.catalogue import (
        LoadedExercise,
        builtin_catalog,
        builtin_exercise_ids,
        builtin_exercises_dir,
        get_exercise,
        load_exercise,
    )
    from renshu.grader.exercises.docs import catalogue_markdown
    from renshu.grader.exercises.model import Exercise
    from renshu.grader.exercises.solution_text import solution_source

_EXPORTS = {
    "Exercise": "model",
    "LoadedExercise": "catalogue",
    "builtin_catalog": "catalogue",
    "builtin_exercise_ids": "catalogue",
    "builtin_exercises_dir": "catalogue",
    "catalogue_markdown": "docs",
    "get_exercise": "catalogue",
    "load_exercise": "catalogue",
    "solution_source": "solution_text",
}
__all__ = [
    "Exercise",
    "LoadedExercise",
    "builtin_catalog",
    "builtin_exercise_ids",
    "builtin_exercises_dir",
    "catalogue_markdown",
    "get_exercise",
    "load_exercise",
    "solution_source",
]

__getattr__ = lazy_getattr(__name__, _EXPORTS)
