"""Numeric and short answers: one Input (any script, Japanese included); enter submits."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Static

from renshu.grader.quiz.model import text_in

from ..i18n import Lang
from .question_base import QuestionWidget, pick, typing_keys

PLACEHOLDERS = {
    "numeric": ("数値(例: 0.25、1/4、1e-3)", "a number (e.g. 0.25, 1/4, 1e-3)"),
    "short_answer": ("答え(日本語でも英語でも)", "your answer (English or 日本語)"),
}
KEYS = ("enter で解答", "enter to answer")
EMPTY = ("答えを入力してから enter を押してください。", "Type an answer first, then press enter.")


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

    def keys_help(self) -> tuple[str, str]:
        return typing_keys(KEYS, self.question)

    def render_labels(self) -> None:
        self.query_one(Input).placeholder = pick(PLACEHOLDERS[self.question.type], self.lang)
        for unit in self.query(".answer-unit").results(Static):
            unit.update(text_in(self.question.unit, self.lang))

    def focus_answer(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value.strip():
            self.note(EMPTY)
            return
        self.note(None)
        self.submit(event.value)

    def after_freeze(self) -> None:
        self.query_one(Input).disabled = True
