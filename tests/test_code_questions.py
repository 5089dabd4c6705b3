"""Code-reading questions prove their own answer key: every exercise has one, the right
line is the reference's, every wrong line fails the real grader, and each wrong line's
explanation is the grader's verdict on it, as the committed banks say. (Every exercise
having one is checked by ``_committed`` finding it.)"""

from __future__ import annotations

import pytest

from renshu.grader.exercises.catalogue import builtin_catalog
from renshu.grader.exercises.solution_text import solution_source
from renshu.grader.grading.engine import grade_source
from renshu.grader.quiz import code_questions
from renshu.grader.quiz.banks import load_catalogue

pytestmark = pytest.mark.slow

EXERCISES = list(builtin_catalog().values())
CATALOGUE = load_catalogue()


def _committed(exercise_id: str):  # type: ignore[no-untyped-def]
    qid = f"{builtin_catalog()[exercise_id].spec.topic}.code-{exercise_id.replace('_', '-')}"
    return CATALOGUE.questions[qid][0]


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.id)
def test_only_the_right_line_passes_and_each_why_is_the_grader_s_verdict(exercise) -> None:  # type: ignore[no-untyped-def]
    """Put each choice back into the reference: the right one passes; every other fails,
    and its explanation is what the grader says about it today (else: rebuild the banks)."""
    import ast

    question = _committed(exercise.id)
    source = solution_source(exercise)
    hidden = next(i for i, row in enumerate(question.prompt.en.splitlines()) if "???" in row)
    code_rows = question.prompt.en.split("```python\n", 1)[1].split("\n```", 1)[0].splitlines()
    fn = next(
        n
        for n in ast.walk(ast.parse(source))
        if isinstance(n, ast.FunctionDef) and n.name == exercise.spec.function
    )
    at = fn.lineno + code_rows.index(next(r for r in code_rows if "???" in r))
    assert hidden >= 0
    for choice in question.choices:
        rows = source.splitlines()
        indent = rows[at - 1][: len(rows[at - 1]) - len(rows[at - 1].lstrip())]
        rows[at - 1] = indent + choice.text
        changed = "\n".join(rows) + "\n"
        result = grade_source(changed, exercise, "choice.py", seed=code_questions.SEED)
        assert (result.status.value == "pass") == choice.correct, (choice.text, result.message)
        if not choice.correct:
            why = code_questions.verdict(exercise, result)
            assert why == (choice.why.ja, choice.why.en), (
                "stale: run python -m renshu.grader.quiz.code_questions"
            )
