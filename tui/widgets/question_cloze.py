"""Cloze: one Input per blank; enter moves to the next blank and submits from the last."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Static

from renshu.grader.settings import Lang
from renshu.grader.wording import say

from .question_base import QuestionWidget, typing_keys


class ClozeQuestion(QuestionWidget):
    """The raw answer is one string per blank, in blank order."""

    typing = True

    def __init__(self, question: Any, lang: Lang, *, id: str | None = None) -> None:
        super().__init__(question, lang, id=id)
        self.blanks = len(question.blanks)

    def compose_answer(self) -> ComposeResult:
        for n in range(1, self.blanks + 1):
            with Horizontal(classes="answer-row blank-row"):
                yield Static(f"({n})", classes="blank-label", markup=False)
                yield Input(classes="answer-input", name=str(n))

    def keys_help(self, lang: Lang) -> str:
        return typing_keys(say("question.cloze.keys", lang), self.question, lang)

    def render_labels(self) -> None:
        for n, field in enumerate(self.query(Input).results(Input), start=1):
            field.placeholder = say("question.cloze.placeholder", self.lang, n=n)

    def focus_answer(self) -> None:
        self.query(Input).first().focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        fields = list(self.query(Input).results(Input))
        position = fields.index(event.input)
        if position < len(fields) - 1:
            fields[position + 1].focus()
            return
        values = [field.value for field in fields]
        if not any(value.strip() for value in values):
            self.note("question.cloze.empty")
            fields[0].focus()
            return
        self.note(None)
        self.submit(values)

    def after_freeze(self) -> None:
        for field in self.query(Input):
            field.disabled = True
