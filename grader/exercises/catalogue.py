"""The exercise catalogue: every ``exercises/<id>/`` folder shipped with renshu, validated."""

from __future__ import annotations

import functools
import importlib
import importlib.resources
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from renshu.grader.errors import BankError, ExerciseNotFound, Location
from renshu.grader.exercises.model import Exercise
from renshu.grader.formats.yaml_source import read_yaml_file, validate_model


@dataclass(frozen=True)
class LoadedExercise:
    """An exercise's validated spec and the folder its files live in."""

    spec: Exercise
    folder: Path

    @property
    def id(self) -> str:
        return self.spec.id

    @property
    def starter_path(self) -> Path:
        return self.folder / "starter.py"

    @property
    def misconceptions_path(self) -> Path:
        return self.folder / "misconceptions.py"

    def reference_function(self) -> Callable[..., Any]:
        """The reference implementation from ``renshu.reference``."""
        ref = self.spec.reference
        module = importlib.import_module(f"renshu.reference.{ref.module}")
        function: Callable[..., Any] = getattr(module, ref.function)
        return function


def builtin_exercises_dir() -> Path:
    """The ``exercises`` folder installed with the package (works editable and installed)."""
    return Path(str(importlib.resources.files("renshu") / "exercises"))


def load_exercise(folder: Path) -> LoadedExercise:
    """Load and validate ``folder/exercise.yaml``; ``BankError`` with file:line:column."""
    path = folder / "exercise.yaml"
    doc = read_yaml_file(path)
    spec = validate_model(doc, Exercise)
    if spec.id != folder.name:
        raise BankError(
            f"id {spec.id!r} must match the folder name {folder.name!r}", doc.location(("id",))
        )
    for name in ("starter.py", "misconceptions.py"):
        if not (folder / name).is_file():
            raise BankError(f"{name} is missing next to exercise.yaml", Location(str(path)))
    return LoadedExercise(spec, folder)


@functools.cache
def builtin_catalog() -> dict[str, LoadedExercise]:
    """Every built-in exercise by id, sorted. A broken built-in is a bug: it raises."""
    root = builtin_exercises_dir()
    return {ex_id: _load_cached(root / ex_id) for ex_id in builtin_exercise_ids()}


def get_exercise(exercise_id: str) -> LoadedExercise:
    """The built-in exercise ``exercise_id``; ``ExerciseNotFound`` lists the valid ids."""
    folder = builtin_exercises_dir() / exercise_id
    if exercise_id.isidentifier() and (folder / "exercise.yaml").is_file():
        return _load_cached(folder)
    import difflib

    ids = builtin_exercise_ids()
    close = difflib.get_close_matches(exercise_id, ids, n=3, cutoff=0.6)
    hint = f"; did you mean {' or '.join(close)}?" if close else ""
    known = ", ".join(ids) or "(none)"
    raise ExerciseNotFound(f"unknown exercise {exercise_id!r}{hint} (known exercises: {known})")


def builtin_exercise_ids() -> list[str]:
    """Ids of the built-in exercises (folder names), without loading them."""
    root = builtin_exercises_dir()
    return sorted(p.name for p in root.iterdir() if (p / "exercise.yaml").is_file())


@functools.cache
def _load_cached(folder: Path) -> LoadedExercise:
    return load_exercise(folder)
