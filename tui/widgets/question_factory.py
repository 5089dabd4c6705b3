"""The answer widget for each question type (the types' names: ``qtype.*`` in the catalogue)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from renshu.grader.settings import Lang

from .question_base import QuestionWidget
from .question_choices import ChoiceQuestion
from .question_cloze import ClozeQuestion
from .question_flashcard import FlashcardQuestion
from .question_ordering import OrderingQuestion
from .question_text import TextQuestion
from .question_true_false import TrueFalseQuestion

if TYPE_CHECKING:
    from renshu.grader.progress.study import StudyItem


# One row per question type (``renshu.grader.quiz.registry``): how its answer widget is built.
WIDGETS: dict[str, Callable[[StudyItem, Lang], QuestionWidget]] = {
    "single_choice": lambda item, lang: ChoiceQuestion(item.question, lang, item.choice_order),
    "multi_select": lambda item, lang: ChoiceQuestion(item.question, lang, item.choice_order),
    "true_false": lambda item, lang: TrueFalseQuestion(item.question, lang),
    "numeric": lambda item, lang: TextQuestion(item.question, lang),
    "short_answer": lambda item, lang: TextQuestion(item.question, lang),
    "ordering": lambda item, lang: OrderingQuestion(item.question, lang, item.order),
    "cloze": lambda item, lang: ClozeQuestion(item.question, lang),
    "flashcard": lambda item, lang: FlashcardQuestion(item.question, lang),
}


def question_widget(item: StudyItem, lang: Lang) -> QuestionWidget:
    """The answer widget for the item's question type."""
    build = WIDGETS.get(item.type)
    if build is None:
        raise ValueError(f"no widget for question type {item.type!r} ({item.id})")
    widget = build(item, lang)
    widget.id = "question"
    return widget
