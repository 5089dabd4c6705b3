"""Concept questions: the question model, bank loading and answer checking.

The public API is ``__all__``; names are imported on first use, so importing the
package costs nothing until one is needed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from renshu.grader.lazy_exports import lazy_getattr

if TYPE_CHECKING:
    from renshu.grader.quiz.answer_check import AnswerFormatError, AnswerResult, check_answer
    from renshu.grader.quiz.banks import (
        Catalogue,
        Curriculum,
        load_bank_file,
        load_catalogue,
        load_curriculum,
        user_bank_dirs,
    )
    from renshu.grader.quiz.model import QUESTION_TYPES, Bank

_EXPORTS = {
    "AnswerFormatError": "answer_check",
    "AnswerResult": "answer_check",
    "Bank": "model",
    "Catalogue": "banks",
    "Curriculum": "banks",
    "QUESTION_TYPES": "model",
    "check_answer": "answer_check",
    "load_bank_file": "banks",
    "load_catalogue": "banks",
    "load_curriculum": "banks",
    "user_bank_dirs": "banks",
}
__all__ = [
    "QUESTION_TYPES",
    "AnswerFormatError",
    "AnswerResult",
    "Bank",
    "Catalogue",
    "Curriculum",
    "check_answer",
    "load_bank_file",
    "load_catalogue",
    "load_curriculum",
    "user_bank_dirs",
]

__getattr__ = lazy_getattr(__name__, _EXPORTS)
