"""The answer widget for each question type, and the types' names in Japanese and English."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..i18n import Lang
from .question_base import QuestionWidget
from .question_choices import ChoiceQuestion
from .question_cloze import ClozeQuestion
from .question_flashcard import FlashcardQuestion
from .question_ordering import OrderingQuestion
from .question_text import TextQuestion
from .question_true_false import TrueFalseQuestion

if TYPE_CHECKING:
    from renshu.grader.progress.study import StudyItem

TYPES: dict[str, tuple[str, str]] = {
    "single_choice": ("択一", "single choice"),
    "multi_select": ("複数選択", "select all that apply"),
    "true_false": ("正誤", "true or false"),
    "numeric": ("数値", "number"),
    "short_answer": ("記述", "short answer"),
    "ordering": ("並べ替え", "put in order"),
    "cloze": ("穴埋め", "fill in the blanks"),
    "flashcard": ("フラッシュカード", "flashcard"),
}


def question_widget(item: StudyItem, lang: Lang) -> QuestionWidget:
    """The answer widget for the item's question type."""
    question = item.question
    if item.type in ("single_choice", "multi_select"):
        return ChoiceQuestion(question, lang, item.choice_order, id="question")
    if item.type == "true_false":
        return TrueFalseQuestion(question, lang, id="question")
    if item.type in ("numeric", "short_answer"):
        return TextQuestion(question, lang, id="question")
    if item.type == "ordering":
        return OrderingQuestion(question, lang, item.order, id="question")
    if item.type == "cloze":
        return ClozeQuestion(question, lang, id="question")
    if item.type == "flashcard":
        return FlashcardQuestion(question, lang, id="question")
    raise ValueError(f"no widget for question type {item.type!r} ({item.id})")
