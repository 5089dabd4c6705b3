"""True or false: t / 1 / ○ for true, f / 2 / × for false (or ↑/↓ and enter)."""

from __future__ import annotations

from typing import Any

from textual import events

from renshu.grader.settings import Lang
from renshu.grader.wording import say

from ..bindings import bindings_for
from .question_choices import ChoiceQuestion

TRUE_KEYS = {"○", "◯", "o"}
FALSE_KEYS = {"×", "✕", "x"}


class TrueFalseQuestion(ChoiceQuestion):
    """Two choices, true and false; the raw answer is a bool."""

    BINDINGS = bindings_for("true_false")  # and ChoiceQuestion's, inherited

    def choice_texts(self, lang: Lang) -> list[str]:
        return [say("question.true_false.true", lang), say("question.true_false.false", lang)]

    def correct_indices(self) -> set[int]:
        return {0 if self.question.answer else 1}

    def raw_answer(self, index: int) -> Any:
        return index == 0

    def keys_help(self, lang: Lang) -> str:
        return say("question.true_false.keys", lang)

    def on_key(self, event: events.Key) -> None:
        # ○ and × have no key names worth binding; match the typed character.
        if event.character in TRUE_KEYS | FALSE_KEYS:
            event.stop()
            self.action_number(0 if event.character in TRUE_KEYS else 1)
