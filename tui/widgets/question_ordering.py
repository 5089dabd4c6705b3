"""Ordering: ↑/↓ move the cursor, shift (or alt/ctrl) + ↑/↓ move the highlighted item."""

from __future__ import annotations

from typing import Any

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.dom import DOMNode
from textual.widgets import Static

from renshu.grader.quiz.model import text_in
from renshu.grader.settings import Lang
from renshu.grader.wording import say

from ..bindings import bindings_for
from .question_base import QuestionWidget, inline


class OrderingQuestion(QuestionWidget):
    """The question's items in the learner's arrangement; the raw answer lists item indices."""

    can_focus = True
    BINDINGS = bindings_for("ordering")

    def __init__(
        self, question: Any, lang: Lang, order: list[int], *, id: str | None = None
    ) -> None:
        super().__init__(question, lang, id=id)
        self.arrangement = list(order) or list(range(len(question.items)))
        self.cursor = 0

    def compose_answer(self) -> ComposeResult:
        for position in range(len(self.arrangement)):
            with Horizontal(classes="choice-row", name=str(position)):
                yield Static(classes="choice-key", markup=False)
                yield Static(classes="choice-text", markup=False)

    def keys_help(self, lang: Lang) -> str:
        return say("question.ordering.keys", lang)

    def render_labels(self) -> None:
        for position, row in enumerate(self.query(".choice-row")):
            item = self.arrangement[position]
            if self.frozen:
                mark = "○" if item == position else "×"
            else:
                mark = "⇅" if position == self.cursor else " "
            row.query_one(".choice-key", Static).update(f"{mark} {position + 1}.")
            row.query_one(".choice-text", Static).update(
                inline(text_in(self.question.items[item], self.lang))
            )
            row.set_class(position == self.cursor and not self.frozen, "-cursor")
            row.set_class(self.frozen and item == position, "-right")
            row.set_class(self.frozen and item != position, "-wrong")

    def _show_cursor(self) -> None:
        self.render_labels()
        rows = list(self.query(".choice-row"))
        rows[self.cursor].scroll_visible(animate=False)

    def action_cursor(self, step: int) -> None:
        if not self.frozen:
            self.cursor = (self.cursor + step) % len(self.arrangement)
            self._show_cursor()

    def action_shift(self, step: int) -> None:
        target = self.cursor + step
        if self.frozen or not 0 <= target < len(self.arrangement):
            return
        items = self.arrangement
        items[self.cursor], items[target] = items[target], items[self.cursor]
        self.cursor = target
        self._show_cursor()

    def action_submit(self) -> None:
        self.submit(list(self.arrangement))

    def on_click(self, event: events.Click) -> None:
        row: DOMNode | None = event.widget
        while row is not None and row is not self and not row.has_class("choice-row"):
            row = row.parent
        if row is not None and row is not self and row.name is not None and not self.frozen:
            self.focus()
            self.cursor = int(row.name)
            self._show_cursor()

    def after_freeze(self) -> None:
        self.can_focus = False
        self.render_labels()
