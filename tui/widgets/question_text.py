"""Numeric and short answers: one Input (any script, Japanese included); enter submits."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Static

from renshu.grader.quiz.model import text_in
from renshu.grader.settings import Lang
from renshu.grader.wording import say

from .question_base import QuestionWidget, typing_keys


class TextQuestion(QuestionWidget):
    """A typed answer: the raw answer is the Input's text (a number is read by the checker)."""

    typing = True

    def __init__(self, question: Any, lang: Lang, *, id: str | None = None) -> None:
        super().__init__(question, lang, id=id)
        self.numeric = question.type == "numeric"

    def compose_answer(self) -> ComposeResult:
        with Horizontal(classes="answer-row"):
            yield Input(classes="answer-input")
            if self.numeric and self.question.unit is not None:
                yield Static(classes="answer-unit", markup=False)

    def keys_help(self, lang: Lang) -> str:
        return typing_keys(say("question.text.keys", lang), self.question, lang)

    def render_labels(self) -> None:
        if self.numeric:
            placeholder = say("question.text.placeholder_numeric", self.lang)
        else:
            placeholder = say("question.text.placeholder_short_answer", self.lang)
        self.query_one(Input).placeholder = placeholder
        for unit in self.query(".answer-unit").results(Static):
            unit.update(text_in(self.question.unit, self.lang))

    def focus_answer(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value.strip():
            self.note("question.text.empty")
            return
        self.note(None)
        self.submit(event.value)

    def after_freeze(self) -> None:
        self.query_one(Input).disabled = True
