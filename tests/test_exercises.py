"""Every exercise through the real sandbox: starters fail as unfinished, references pass,
and every misconception, written out as a learner's file, fails and is named."""

from __future__ import annotations

import ast

import pytest

from renshu.grader.exercises.catalogue import LoadedExercise, builtin_catalog
from renshu.grader.exercises.solution_text import solution_source
from renshu.grader.grading.engine import grade_source

CATALOG = builtin_catalog()
EXERCISES = list(CATALOG.values())
MISCONCEPTIONS = [(ex, m) for ex in EXERCISES for m in ex.spec.misconceptions]


def _ids(ex: LoadedExercise) -> str:
    return ex.id


def test_the_five_named_exercises_exist() -> None:
    assert {
        "lstm_cell",
        "gru_cell",
        "bidirectional_rnn",
        "positional_encoding",
        "sentence_bleu",
    } <= set(CATALOG)


@pytest.mark.parametrize("exercise", EXERCISES, ids=_ids)
def test_exercise_is_complete(exercise: LoadedExercise) -> None:
    spec = exercise.spec
    assert len(spec.misconceptions) >= 3
    assert len(spec.hints) >= 2
    for text in [spec.title, spec.prompt, *spec.hints, *(m.message for m in spec.misconceptions)]:
        assert text.ja.strip()
        assert text.en.strip()
        assert text.ja != text.en
    starter = exercise.starter_path.read_text(encoding="utf-8")
    assert starter.splitlines()[0] == f"# exercise: {exercise.id}"
    tree = ast.parse(starter)
    assert any(isinstance(n, ast.FunctionDef) and n.name == spec.function for n in tree.body)
    assert "TODO" in starter
    assert spec.edge_cases, "explicit edge examples run first"


@pytest.mark.parametrize("exercise", EXERCISES, ids=_ids)
def test_untouched_starter_fails_as_unfinished(exercise: LoadedExercise) -> None:
    source = exercise.starter_path.read_text(encoding="utf-8")
    result = grade_source(source, exercise, "starter.py")
    assert result.status == "fail"
    assert result.reason == "unfinished"
    assert "not finished" in result.message
    assert result.hint


@pytest.mark.parametrize("exercise", EXERCISES, ids=_ids)
def test_reference_written_as_learner_file_passes(exercise: LoadedExercise) -> None:
    result = grade_source(solution_source(exercise), exercise, "solution.py")
    assert result.status == "pass", result.message
    assert result.examples >= 100
    assert result.counterexample is None
    assert result.misconception is None
    assert result.divergence is None


# The reference run on float32 copies of every float64 array it is given: a correct
# float32 solution must pass the tolerance and the input ranges of every exercise.
FLOAT32_WRAPPER = """

import numpy as _np


def _float32(value):
    if isinstance(value, _np.ndarray) and value.dtype == _np.float64:
        return value.astype(_np.float32)
    if isinstance(value, list):
        return [_float32(v) for v in value]
    if isinstance(value, dict):
        return {{k: _float32(v) for k, v in value.items()}}
    return value


_reference_float64 = {function}


def {function}(*args):
    return _reference_float64(*[_float32(a) for a in args])
"""


@pytest.mark.parametrize("exercise", EXERCISES, ids=_ids)
def test_a_float32_solution_passes(exercise: LoadedExercise) -> None:
    source = solution_source(exercise) + FLOAT32_WRAPPER.format(function=exercise.spec.function)
    result = grade_source(source, exercise, "solution32.py")
    assert result.status == "pass", result.message


@pytest.mark.parametrize(
    ("exercise", "misconception"), MISCONCEPTIONS, ids=[f"{e.id}-{m.id}" for e, m in MISCONCEPTIONS]
)
def test_misconception_as_learner_file_fails_and_is_named(
    exercise: LoadedExercise, misconception
) -> None:
    module = exercise.misconceptions_path.read_text(encoding="utf-8")
    source = f"# exercise: {exercise.id}\n{module}\n\n{exercise.spec.function} = {misconception.function}\n"
    result = grade_source(source, exercise, "wrong.py")
    assert result.status == "fail", result.message
    assert result.counterexample is not None
    assert result.misconception is not None, f"not diagnosed: {result.message}"
    assert result.misconception.id == misconception.id
    # A convention is named as one (a correct file in another convention never passes).
    assert result.misconception.kind.value == misconception.kind
    # The hint shown is this mistake's own next step, in the result's language.
    assert misconception.next_step is not None
    assert result.hint == misconception.next_step.en


def test_committed_exercise_schema_matches_the_model() -> None:
    import json
    from pathlib import Path

    from renshu.grader.exercises.model import Exercise

    committed = Path(__file__).resolve().parent.parent / "exercises" / "schema.json"
    assert json.loads(committed.read_text(encoding="utf-8")) == Exercise.model_json_schema()
