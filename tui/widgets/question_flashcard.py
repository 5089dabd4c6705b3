"""Flashcard: the front is the prompt; space/enter turns it over, then 1-4 rate recall."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Markdown, Static

from renshu.grader.quiz.model import text_in
from renshu.grader.settings import Lang
from renshu.grader.wording import say

from ..bindings import bindings_for
from .question_base import QuestionWidget

SCORES = (1, 2, 3, 4)  # the self-ratings, each named ``rating.<n>`` in the catalogue


class FlashcardQuestion(QuestionWidget):
    """The raw answer is the learner's own rating, 1 (again) to 4 (easy)."""

    can_focus = True
    BINDINGS = bindings_for("flashcard")

    def __init__(self, question: Any, lang: Lang, *, id: str | None = None) -> None:
        super().__init__(question, lang, id=id)
        self.revealed = False
        self.rating: int | None = None
        self.intervals: dict[int, str] = {}  # rating -> "10分" / "4d" (set by the quiz screen)

    def compose_answer(self) -> ComposeResult:
        with Vertical(classes="card-back"):
            yield Static(classes="card-back-title", markup=False)
            yield Markdown(classes="card-back-text")
            with Horizontal(classes="card-ratings"):
                for n in SCORES:
                    yield Static(classes="card-rating", name=str(n), markup=False)

    def keys_help(self, lang: Lang) -> str:
        if self.revealed:
            return say("question.flashcard.rate", lang)
        return say("question.flashcard.front", lang)

    def render_labels(self) -> None:
        self.query_one(".card-back").display = self.revealed
        self.set_class(not self.revealed, "-front")
        self.query_one(".card-back-title", Static).update(say("question.flashcard.back", self.lang))
        self.query_one(".card-back-text", Markdown).update(text_in(self.question.back, self.lang))
        for tile in self.query(".card-rating").results(Static):
            n = int(tile.name or 0)
            interval = self.intervals.get(n)
            label = f"{n} {say(f'rating.{n}', self.lang)}"
            tile.update(f"{label} · {interval}" if interval else label)
            tile.set_class(n == self.rating, "-chosen")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "reveal":
            return not self.revealed and not self.frozen
        return True

    def action_reveal(self) -> None:
        if self.revealed or self.frozen:
            return
        self.revealed = True
        self.note(None)
        self.set_language(self.lang)  # redraws the back and the keys line
        self.refresh_bindings()
        self.query_one(".card-ratings").scroll_visible(animate=False)

    def action_rate(self, rating: int) -> None:
        if self.frozen:
            return
        if not self.revealed:
            self.note("question.flashcard.turn_first")
            return
        self.rating = rating
        self.render_labels()
        self.submit(rating)

    def after_freeze(self) -> None:
        self.can_focus = False
        self.render_labels()
