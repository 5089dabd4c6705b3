"""What every question widget shares: the ``Answered`` message, a note line, language, freezing.

A question widget shows one question's answer area and posts ``Answered`` with
the raw answer in the form ``StudyService.answer`` takes; the quiz screen does
the checking. Widgets never call the service.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Static

from renshu.grader.presentation.phrases import Phrased
from renshu.grader.settings import Lang
from renshu.grader.wording import say

__all__ = ["QuestionWidget", "inline", "typing_keys"]


def inline(text: str) -> Phrased:
    """Plain text with Markdown `code` spans shown as code, wrapping Japanese at phrase
    boundaries (choices, items, feedback lines)."""
    parts = text.split("`")
    if len(parts) % 2 == 0:  # an unpaired backtick: show the text as written
        return Phrased(Text(text))
    out = Text()
    for i, part in enumerate(parts):
        out.append(part, "bold cyan" if i % 2 else "")
    return Phrased(out)


def typing_keys(first: str, question: Any, lang: Lang) -> str:
    """The keys line of a typed answer (``first`` worded, then ctrl+g / ctrl+l: ``h`` and
    ``l`` are text there)."""
    line = first
    if question.hints:
        line += say("question.typing.hint", lang)
    return line + say("question.typing.language", lang)


class QuestionWidget(Widget):
    """One question's answer area; subclasses compose the controls and post ``Answered``."""

    # True when the answer is typed into an Input: `h` and `l` are then text, not keys.
    typing: ClassVar[bool] = False

    class Answered(Message):
        """The learner submitted an answer; ``raw`` is what ``StudyService.answer`` takes."""

        def __init__(self, widget: QuestionWidget, raw: Any) -> None:
            super().__init__()
            self.widget = widget
            self.raw = raw

        @property
        def control(self) -> QuestionWidget:
            return self.widget

    def __init__(self, question: Any, lang: Lang, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="question")
        self.question = question
        self.lang: Lang = lang
        self.frozen = False
        self._note: tuple[str, dict[str, object]] | None = None  # a catalogue key, its params

    # -- for subclasses ----------------------------------------------------------------

    def compose_answer(self) -> ComposeResult:
        """The controls of this question type."""
        yield from ()

    def keys_help(self, lang: Lang) -> str:
        """The one-line reminder of this type's keys, in ``lang``."""
        return ""

    def render_labels(self) -> None:
        """Redraw every text that depends on ``self.lang``."""

    def focus_answer(self) -> None:
        """Put the focus where the learner answers."""
        self.focus()

    def after_freeze(self) -> None:
        """Disable this type's controls and mark what was chosen (called by ``freeze``)."""

    # -- shared ------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield from self.compose_answer()
        yield Static(classes="question-note", markup=False)
        yield Static(classes="question-keys", markup=False)

    def on_mount(self) -> None:
        self.set_language(self.lang)

    def set_language(self, lang: Lang) -> None:
        self.lang = lang  # the footer's labels follow the app's language by themselves
        self.render_labels()
        keys = self.query_one(".question-keys", Static)
        keys.update(self.keys_help(lang))
        keys.display = not self.frozen
        self._show_note()

    def note(self, key: str | None, **params: object) -> None:
        """Show a gentle message under the controls: the catalogue text ``key`` with its
        ``params``, in the widget's language, now and after a language change (``None``
        clears it)."""
        self._note = None if key is None else (key, params)
        self._show_note()

    def _show_note(self) -> None:
        note = self.query_one(".question-note", Static)
        note.update(say(self._note[0], self.lang, **self._note[1]) if self._note else "")
        note.display = self._note is not None

    def submit(self, raw: Any) -> None:
        """Post ``Answered`` (the screen checks it; a wrong format leaves the widget open)."""
        if not self.frozen:
            self.post_message(self.Answered(self, raw))

    def freeze(self) -> None:
        """The answer was recorded: take no more input and show the outcome in place."""
        self.frozen = True
        self.note(None)
        self.query_one(".question-keys", Static).display = False
        self.after_freeze()
