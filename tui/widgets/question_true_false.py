"""True or false: t / 1 / ○ for true, f / 2 / × for false (or ↑/↓ and enter)."""

from __future__ import annotations

from typing import Any

from textual import events

from ..bindings import bindings_for
from ..i18n import Lang
from .question_base import pick
from .question_choices import ChoiceQuestion

CHOICES = (("○ 正しい", "○ true"), ("× 誤り", "× false"))
KEYS = (
    "t / 1 / ○ で「正しい」· f / 2 / × で「誤り」",
    "t / 1 / ○ for true · f / 2 / × for false",
)
TRUE_KEYS = {"○", "◯", "o"}
FALSE_KEYS = {"×", "✕", "x"}


class TrueFalseQuestion(ChoiceQuestion):
    """Two choices, true and false; the raw answer is a bool."""

    BINDINGS = bindings_for("true_false")  # and ChoiceQuestion's, inherited

    def choice_texts(self, lang: Lang) -> list[str]:
        return [pick(choice, lang) for choice in CHOICES]

    def correct_indices(self) -> set[int]:
        return {0 if self.question.answer else 1}

    def raw_answer(self, index: int) -> Any:
        return index == 0

    def keys_help(self) -> tuple[str, str]:
        return KEYS

    def on_key(self, event: events.Key) -> None:
        # ○ and × have no key names worth binding; match the typed character.
        if event.character in TRUE_KEYS | FALSE_KEYS:
            event.stop()
            self.action_number(0 if event.character in TRUE_KEYS else 1)
