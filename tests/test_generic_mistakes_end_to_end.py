"""Generic mistakes through the real sandbox: the reference as a learner's file with one
generic mistake built in is named by its generic id, with its own next step."""

from __future__ import annotations

import pytest

from renshu.grader.exercises.catalogue import builtin_catalog
from renshu.grader.exercises.solution_text import solution_source
from renshu.grader.grading.engine import grade_source

CATALOG = builtin_catalog()

CASES = [
    ("lstm_cell", "return h, c", "return c, h", "generic.tuple_swapped"),
    ("softmax", "return", "return 100 * ", "generic.constant_factor"),
    ("rnn_forward", "return ", "return (*(EXPR), {})", "generic.extra_items"),
    ("iou", "return", "return 0.5 * ", "generic.constant_factor"),
]


@pytest.mark.parametrize(
    ("exercise_id", "old", "new", "mistake"), CASES, ids=[c[3] + "-" + c[0] for c in CASES]
)
def test_a_generic_mistake_in_a_real_file_is_named(
    exercise_id: str, old: str, new: str, mistake: str
) -> None:
    exercise = CATALOG[exercise_id]
    source = solution_source(exercise)
    function = source[source.index(f"def {exercise.spec.function}(") :]
    head = source[: len(source) - len(function)]
    at = function.rindex(old)
    if "EXPR" in new:  # the whole returned expression, kept and extended
        end = function.index("\n", at)
        expr = function[at + len(old) : end]
        wrong = head + function[:at] + new.replace("EXPR", expr) + function[end:]
    else:
        wrong = head + function[:at] + new + function[at + len(old) :]
    assert wrong != source
    result = grade_source(wrong, exercise, "wrong.py")
    assert result.status.value == "fail", result.message
    assert result.misconception is not None, result.message
    assert result.misconception.id == mistake
    assert result.hint_detail is not None
    assert result.hint_detail.code.value == mistake.replace("generic.", "mistake.") + ".next"
