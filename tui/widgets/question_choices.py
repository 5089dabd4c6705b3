"""Single choice and multi-select: numbered choices picked with 1-9, ↑/↓, space and enter."""

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


class ChoiceQuestion(QuestionWidget):
    """Numbered choices. Single choice answers on a number key; multi-select ticks and submits."""

    can_focus = True
    BINDINGS = bindings_for("choices")

    def __init__(
        self,
        question: Any,
        lang: Lang,
        order: list[int] | None = None,
        *,
        id: str | None = None,
    ) -> None:
        super().__init__(question, lang, id=id)
        self.multi = question.type == "multi_select"
        # Rows are positions on screen; order[position] is the choice index the checker takes.
        self.order = list(order) if order else list(range(len(self.choice_texts(lang))))
        self.cursor = 0
        self.ticked: set[int] = set()  # positions
        self.marks: dict[int, bool] = {}  # after the answer: position -> right (○) or wrong (×)

    # -- what the choices are (true/false overrides these) ------------------------------

    def choice_texts(self, lang: Lang) -> list[str]:
        return [text_in(c.text, lang) for c in self.question.choices]

    def correct_indices(self) -> set[int]:
        return {i for i, c in enumerate(self.question.choices) if c.correct}

    def raw_answer(self, index: int) -> Any:
        """The raw answer: the picked choice index, or for multi-select the ticked ones."""
        return sorted(self.order[p] for p in self.ticked) if self.multi else index

    # -- composing and drawing ---------------------------------------------------------

    def compose_answer(self) -> ComposeResult:
        for position in range(len(self.order)):
            with Horizontal(classes="choice-row", name=str(position)):
                yield Static(classes="choice-key", markup=False)
                yield Static(classes="choice-text", markup=False)

    def keys_help(self, lang: Lang) -> str:
        if self.multi:
            return say("question.choices.keys_multi", lang)
        return say("question.choices.keys_single", lang)

    def render_labels(self) -> None:
        self.set_class(self.multi, "-multi")
        texts = self.choice_texts(self.lang)
        for i, row in enumerate(self.query(".choice-row")):  # i: the position on screen
            text = texts[self.order[i]]
            mark = {True: "○", False: "×"}.get(self.marks[i]) if i in self.marks else " "
            tick = (" [x]" if i in self.ticked else " [ ]") if self.multi else ""
            row.query_one(".choice-key", Static).update(f"{mark} {i + 1}{tick}")
            row.query_one(".choice-text", Static).update(inline(text))
            row.set_class(i == self.cursor and not self.frozen, "-cursor")
            row.set_class(i in self.ticked, "-ticked")
            row.set_class(self.marks.get(i) is True, "-right")
            row.set_class(self.marks.get(i) is False, "-wrong")

    def _rows(self) -> list[Horizontal]:
        return list(self.query(".choice-row").results(Horizontal))

    def _move_to(self, position: int) -> None:
        self.cursor = position
        self.render_labels()
        self._rows()[position].scroll_visible(animate=False)

    # -- actions -----------------------------------------------------------------------

    def action_move(self, step: int) -> None:
        if not self.frozen:
            self._move_to((self.cursor + step) % len(self._rows()))

    def action_number(self, position: int) -> None:
        if self.frozen or position >= len(self._rows()):
            return
        self._move_to(position)
        if self.multi:
            self.action_tick()
        else:
            self.action_submit()

    def action_tick(self) -> None:
        """Tick or untick the choice under the cursor (multi-select)."""
        if self.frozen or not self.multi:
            return
        self.ticked ^= {self.cursor}
        self.note(None)
        self.render_labels()

    def action_submit(self) -> None:
        if self.frozen:
            return
        if self.multi and not self.ticked:
            self.note("question.choices.none_ticked")
            return
        self.submit(self.raw_answer(self.order[self.cursor]))

    def on_click(self, event: events.Click) -> None:
        # The row under the pointer: picks it (single) or ticks it (multi-select).
        row: DOMNode | None = event.widget
        while row is not None and row is not self and not row.has_class("choice-row"):
            row = row.parent
        if row is None or row is self or row.name is None:
            return
        self.focus()
        position = int(row.name)
        if self.multi:
            self.cursor = position
            self.action_tick()
        else:
            self.action_number(position)

    def after_freeze(self) -> None:
        picked = self.ticked if self.multi else {self.cursor}
        right = {self.order.index(i) for i in self.correct_indices()}
        self.marks = {i: True for i in right} | {i: False for i in picked - right}
        self.can_focus = False
        self.render_labels()
