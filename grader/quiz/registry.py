"""One row per question type: its model, its answer checker and its name's catalogue key.

Adding a question type is: the model class (and its place in ``model.AnyQuestion``), its
checker in ``answer_check``, a row here, its name (``qtype.<type>``) in the catalogue and
its answer widget in the study app's ``question_factory``. ``tests/test_question_registry``
fails until every place has the type.
"""

from __future__ import annotations

import builtins
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from renshu.grader.quiz import answer_check as check
from renshu.grader.quiz.model import (
    QUESTION_TYPES,
    AnyQuestion,
    Cloze,
    Flashcard,
    MultiSelect,
    Numeric,
    Ordering,
    ShortAnswer,
    SingleChoice,
    TrueFalse,
)
from renshu.grader.text import Lang

# Each checker takes its own question type and answer shape; the row pairs them.
Checker = Callable[[Any, Any, Lang], check.AnswerResult]


@dataclass(frozen=True)
class QuestionKind:
    type: str  # the ``type`` a bank writes
    model: builtins.type[AnyQuestion]
    check: Checker

    @property
    def name_key(self) -> str:
        """The catalogue key of the type's name (``qtype.single_choice``: 択一 / single choice)."""
        return f"qtype.{self.type}"


QUESTION_KINDS: dict[str, QuestionKind] = {
    row.type: row
    for row in (
        QuestionKind("single_choice", SingleChoice, check.check_single_choice),
        QuestionKind("multi_select", MultiSelect, check.check_multi_select),
        QuestionKind("true_false", TrueFalse, check.check_true_false),
        QuestionKind("numeric", Numeric, check.check_numeric),
        QuestionKind("short_answer", ShortAnswer, check.check_short_answer),
        QuestionKind("ordering", Ordering, check.check_ordering),
        QuestionKind("cloze", Cloze, check.check_cloze),
        QuestionKind("flashcard", Flashcard, check.check_flashcard),
    )
}
if tuple(QUESTION_KINDS) != QUESTION_TYPES:  # a type without a row, or rows out of order
    raise RuntimeError(f"question registry {tuple(QUESTION_KINDS)} != model {QUESTION_TYPES}")


def kind_of(question: AnyQuestion) -> QuestionKind:
    return QUESTION_KINDS[question.type]
