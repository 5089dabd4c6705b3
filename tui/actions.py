"""The action registry: every key of the app, once, with the catalogue keys of its labels.

Each ``KeyAction`` row says which key runs which action, where (``scopes``: the
app, a screen or a question widget), what the footer calls it (``label``; no
label: never in the footer) and what the help screen says (``help``); both are
keys of the one catalogue (``renshu.grader.wording``, ``key.<id>`` and
``key.<id>.help``), worded in the app's language by ``say``.
``HELP`` lists the rows of each help section in the order shown. Everything
else is derived from this table by ``renshu.tui.bindings``: each class's
``BINDINGS``, the footer's labels in the current language, the help screen and
the command palette's actions.

To add a key: add a row to ``ROWS`` (and its ``action_...`` method on the class
of its scope, and its words to ``grader/wording/app_text.py``); to list it on the
help screen, add its id to ``HELP``. Within a scope, rows keep their order in the
footer.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from textual.binding import Binding

from renshu.grader.wording import say

Scope = Literal[
    "app",
    "home",
    "exercises",
    "stats",
    "summary",
    "exam",
    "exam_result",
    "help",
    "quiz",
    "workspace",
    "choices",
    "true_false",
    "ordering",
    "flashcard",
]
KEY_NAMES = {"question_mark": "?", "up": "↑", "down": "↓"}


@dataclass(frozen=True)
class KeyAction:
    """One key (or comma-separated keys) bound to one action in one or more scopes."""

    id: str
    keys: str
    action: str  # with ``args``: a template, ``{}`` replaced by each key's argument
    scopes: tuple[Scope, ...]  # () for a key Textual or a built-in widget binds itself
    label: str | None = None  # catalogue key of the footer's label; None: not in the footer
    help: str | None = None  # catalogue key of the help screen's line
    help_keys: str = ""  # the help screen's key column, when not the first key's name
    priority: bool = False  # checked before the focused widget (the editor types otherwise)
    args: tuple[object, ...] = ()  # one per key of ``keys``: number keys, ↑/↓

    def bindings(self) -> list[Binding]:
        """The Textual bindings of this row (English descriptions; ``localized`` translates)."""
        description = say(self.label, "en") if self.label else ""
        if not self.args:
            return [
                Binding(
                    self.keys,
                    self.action,
                    description,
                    show=self.label is not None,
                    priority=self.priority,
                    id=self.id,
                )
            ]
        keys = self.keys.split(",")
        if len(keys) != len(self.args):
            raise ValueError(f"{self.id}: {len(keys)} keys but {len(self.args)} arguments")
        return [
            Binding(
                key,
                self.action.format(arg),
                description,
                show=self.label is not None,
                priority=self.priority,
                id=f"{self.id}.{n}",
            )
            for n, (key, arg) in enumerate(zip(keys, self.args, strict=True), start=1)
        ]

    def key_display(self) -> str:
        """The key as the help screen and the palette name it (``?``, ``ctrl+s``, ``1–9``)."""
        if self.help_keys:
            return self.help_keys
        first = self.keys.split(",")[0]
        return KEY_NAMES.get(first, first)


def _keys(numbers: Iterable[int]) -> str:
    return ",".join(str(n) for n in numbers)


ROWS: tuple[KeyAction, ...] = (
    # -- everywhere (the app) ------------------------------------------------------------
    KeyAction("quit", "q", "quit", ("app",), "key.quit", "key.quit.help"),
    KeyAction("help", "question_mark", "help", ("app",), "key.help", "key.help.help"),
    KeyAction(
        "toggle_language",
        "l",
        "toggle_language",
        ("app",),
        "key.toggle_language",
        "key.toggle_language.help",
    ),
    KeyAction(
        "command_palette",  # Textual's own binding: the app sets COMMAND_PALETTE_BINDING from it
        "ctrl+p",
        "command_palette",
        (),
        help="key.command_palette.help",
    ),
    # -- home ----------------------------------------------------------------------------
    KeyAction(
        "home.topics",  # the topic table's own cursor keys
        "up,down",
        "cursor",
        (),
        help="key.home.topics.help",
        help_keys="↑ ↓",
    ),
    KeyAction(
        "home.quiz",
        "enter",
        "quiz",
        ("home",),
        "key.home.quiz",
        "key.home.quiz.help",
    ),
    KeyAction(
        "home.review",
        "r",
        "review",
        ("home",),
        "key.home.review",
        "key.home.review.help",
    ),
    KeyAction(
        "home.exercises",
        "e",
        "exercises",
        ("home",),
        "key.home.exercises",
        "key.home.exercises.help",
    ),
    KeyAction("home.stats", "s", "stats", ("home",), "key.home.stats", "key.home.stats.help"),
    KeyAction("home.exam", "x", "exam", ("home",), "key.home.exam", "key.home.exam.help"),
    # -- the mock exam and its result ----------------------------------------------------
    KeyAction(
        "exam.hand_in", "escape", "back", ("exam",), "key.exam.hand_in", "key.exam.hand_in.help"
    ),
    KeyAction("exam_result.review", "enter", "review", ("exam_result",), "key.exam_result.review"),
    KeyAction("exam_result.close", "escape", "back", ("exam_result",), "key.exam_result.close"),
    # -- the exercise list, the summary, the help ----------------------------------------
    KeyAction("exercises.open", "enter", "open", ("exercises",), "key.exercises.open"),
    KeyAction("summary.close", "enter,escape", "close", ("summary",), "key.summary.close"),
    KeyAction("summary.retry", "r", "retry", ("summary",), "key.summary.retry"),
    KeyAction("help.close", "escape,question_mark,q", "dismiss", ("help",), "key.help.close"),
    # -- the quiz screen -----------------------------------------------------------------
    KeyAction("quiz.back", "escape", "back", ("quiz",), "key.quiz.back"),
    KeyAction(
        "quiz.hint",
        "h",
        "hint",
        ("quiz",),
        "key.quiz.hint",
        "key.quiz.hint.help",
    ),
    # In a typed answer `h` and `l` are letters: ctrl+g and ctrl+l stand in for them.
    KeyAction("quiz.hint_typing", "ctrl+g", "hint_typing", ("quiz",), "key.quiz.hint_typing"),
    KeyAction("quiz.language", "ctrl+l", "app.toggle_language", ("quiz",)),
    KeyAction(
        "quiz.next",
        "enter",
        "next",
        ("quiz",),
        "key.quiz.next",
        "key.quiz.next.help",
        priority=True,
    ),
    KeyAction("quiz.next_arrow", "right", "next", ("quiz",), priority=True),
    # -- the question widgets ------------------------------------------------------------
    KeyAction(
        "choices.move",
        "up,down",
        "move({})",
        ("choices",),
        help="key.choices.move.help",
        help_keys="↑ ↓",
        args=(-1, 1),
    ),
    KeyAction("choices.tick", "space", "tick", ("choices",)),
    KeyAction("choices.submit", "enter", "submit", ("choices", "ordering"), "key.choices.submit"),
    KeyAction(
        "choices.number",
        _keys(range(1, 10)),
        "number({})",
        ("choices",),
        help="key.choices.number.help",
        help_keys="1–9",
        args=tuple(range(9)),
    ),
    KeyAction("true_false.letter", "t,f", "number({})", ("true_false",), args=(0, 1)),
    KeyAction("ordering.cursor", "up,down", "cursor({})", ("ordering",), args=(-1, 1)),
    KeyAction(
        "ordering.shift_up",
        "shift+up,alt+up,ctrl+up",
        "shift(-1)",
        ("ordering",),
        help="key.ordering.shift_up.help",
        help_keys="shift+↑ ↓",
    ),
    KeyAction("ordering.shift_down", "shift+down,alt+down,ctrl+down", "shift(1)", ("ordering",)),
    KeyAction(
        "flashcard.reveal",
        "space,enter",
        "reveal",
        ("flashcard",),
        "key.flashcard.reveal",
        "key.flashcard.reveal.help",
    ),
    KeyAction(
        "flashcard.rate",
        _keys(range(1, 5)),
        "rate({})",
        ("flashcard",),
        help="key.flashcard.rate.help",
        help_keys="1–4",
        args=(1, 2, 3, 4),
    ),
    # -- the workspace -------------------------------------------------------------------
    # Priority: the editor has focus while typing and binds ctrl+e (end of line) itself.
    KeyAction(
        "workspace.save",
        "ctrl+s",
        "save",
        ("workspace",),
        "key.workspace.save",
        "key.workspace.save.help",
        priority=True,
    ),
    KeyAction(
        "workspace.editor",
        "ctrl+e",
        "external_editor",
        ("workspace",),
        "key.workspace.editor",
        "key.workspace.editor.help",
        priority=True,
    ),
    KeyAction(
        "workspace.solution",
        "ctrl+o",
        "solution",
        ("workspace",),
        "key.workspace.solution",
        "key.workspace.solution.help",
        priority=True,
    ),
    # From the editor (where Tab indents) straight to the result or the task.
    KeyAction(
        "workspace.result",
        "ctrl+r",
        "show_panel('tab-result')",
        ("workspace",),
        "key.workspace.result",
        "key.workspace.result.help",
        priority=True,
    ),
    KeyAction(
        "workspace.task",
        "ctrl+t",
        "show_panel('tab-task')",
        ("workspace",),
        None,
        "key.workspace.task.help",
        priority=True,
    ),
    # Not priority: in the editor `h` types itself (escape leaves the editor).
    KeyAction(
        "workspace.hint",
        "h",
        "hint",
        ("workspace",),
        "key.workspace.hint",
        "key.workspace.hint.help",
    ),
    # -- shared by screens (last: a screen's own keys come first in its footer) -----------
    KeyAction(
        "back",
        "escape",
        "back",
        ("exercises", "stats", "workspace"),
        "key.back",
        "key.back.help",
    ),
)

BY_ID: dict[str, KeyAction] = {row.id: row for row in ROWS}
if len(BY_ID) != len(ROWS):
    raise ValueError("two rows of the action registry share an id")

# The help screen: (catalogue key of the section title, the ids of its rows in the order shown).
HELP: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("help.section.everywhere", ("help", "toggle_language", "command_palette", "back", "quit")),
    (
        "help.section.home",
        ("home.topics", "home.quiz", "home.review", "home.exercises", "home.stats", "home.exam"),
    ),
    (
        "help.section.quiz",
        (
            "choices.number",
            "choices.move",
            "ordering.shift_up",
            "quiz.next",
            "quiz.hint",
            "flashcard.reveal",
            "flashcard.rate",
            "exam.hand_in",
        ),
    ),
    (
        "help.section.exercises",
        (
            "workspace.save",
            "workspace.result",
            "workspace.task",
            "workspace.editor",
            "workspace.hint",
            "workspace.solution",
        ),
    ),
)
