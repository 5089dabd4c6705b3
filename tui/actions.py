"""The action registry: every key of the app, once, with its labels in Japanese and English.

Each ``KeyAction`` row says which key runs which action, where (``scopes``: the
app, a screen or a question widget), what the footer calls it (``label``; no
label: never in the footer) and what the help screen says (``help``).
``HELP`` lists the rows of each help section in the order shown. Everything
else is derived from this table by ``renshu.tui.bindings``: each class's
``BINDINGS``, the footer's labels in the current language, the help screen and
the command palette's actions.

To add a key: add a row to ``ROWS`` (and its ``action_...`` method on the class
of its scope); to list it on the help screen, add its id to ``HELP``. Within a
scope, rows keep their order in the footer.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from textual.binding import Binding

Pair = tuple[str, str]  # (ja, en)
Scope = Literal[
    "app",
    "home",
    "exercises",
    "stats",
    "summary",
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
    label: Pair | None = None  # the footer's label; None: not shown in the footer
    help: Pair | None = None  # the help screen's line
    help_keys: str = ""  # the help screen's key column, when not the first key's name
    priority: bool = False  # checked before the focused widget (the editor types otherwise)
    args: tuple[object, ...] = ()  # one per key of ``keys``: number keys, ↑/↓

    def bindings(self) -> list[Binding]:
        """The Textual bindings of this row (English descriptions; ``localized`` translates)."""
        description = self.label[1] if self.label else ""
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
    KeyAction("quit", "q", "quit", ("app",), ("終了", "Quit"), ("終了", "quit")),
    KeyAction(
        "help", "question_mark", "help", ("app",), ("ヘルプ", "Help"), ("このヘルプ", "this help")
    ),
    KeyAction(
        "toggle_language",
        "l",
        "toggle_language",
        ("app",),
        ("English", "日本語"),
        ("日本語 / English を切り替え", "switch 日本語 / English"),
    ),
    KeyAction(
        "command_palette",  # Textual's own binding: the app sets COMMAND_PALETTE_BINDING from it
        "ctrl+p",
        "command_palette",
        (),
        help=("トピック・問題・演習を検索", "find a topic, question or exercise"),
    ),
    # -- home ----------------------------------------------------------------------------
    KeyAction(
        "home.topics",  # the topic table's own cursor keys
        "up,down",
        "cursor",
        (),
        help=("トピックを選ぶ", "choose a topic"),
        help_keys="↑ ↓",
    ),
    KeyAction(
        "home.quiz",
        "enter",
        "quiz",
        ("home",),
        ("クイズ", "Quiz"),
        ("そのトピックのクイズ", "quiz on that topic"),
    ),
    KeyAction(
        "home.review",
        "r",
        "review",
        ("home",),
        ("復習", "Review"),
        ("今日の復習", "today's review"),
    ),
    KeyAction(
        "home.exercises",
        "e",
        "exercises",
        ("home",),
        ("演習", "Exercises"),
        ("演習の一覧", "exercise list"),
    ),
    KeyAction("home.stats", "s", "stats", ("home",), ("統計", "Stats"), ("統計", "stats")),
    # -- the exercise list, the summary, the help ----------------------------------------
    KeyAction("exercises.open", "enter", "open", ("exercises",), ("開く", "Open")),
    KeyAction("summary.close", "enter,escape", "close", ("summary",), ("ホーム", "Home")),
    KeyAction("help.close", "escape,question_mark,q", "dismiss", ("help",), ("閉じる", "Close")),
    # -- the quiz screen -----------------------------------------------------------------
    KeyAction("quiz.back", "escape", "back", ("quiz",), ("ホーム", "Home")),
    KeyAction(
        "quiz.hint",
        "h",
        "hint",
        ("quiz",),
        ("ヒント", "Hint"),
        ("ヒント(解答前)", "hint (before answering)"),
    ),
    # In a typed answer `h` and `l` are letters: ctrl+g and ctrl+l stand in for them.
    KeyAction("quiz.hint_typing", "ctrl+g", "hint_typing", ("quiz",), ("ヒント", "Hint")),
    KeyAction("quiz.language", "ctrl+l", "app.toggle_language", ("quiz",)),
    KeyAction(
        "quiz.next",
        "enter",
        "next",
        ("quiz",),
        ("次へ", "Next"),
        ("解答する / 次の問題へ", "answer / next question"),
        priority=True,
    ),
    KeyAction("quiz.next_arrow", "right", "next", ("quiz",), priority=True),
    # -- the question widgets ------------------------------------------------------------
    KeyAction(
        "choices.move",
        "up,down",
        "move({})",
        ("choices",),
        help=("選択肢の移動 / 並べ替えで項目を選ぶ", "move between choices / items"),
        help_keys="↑ ↓",
        args=(-1, 1),
    ),
    KeyAction("choices.tick", "space", "tick", ("choices",)),
    KeyAction("choices.submit", "enter", "submit", ("choices", "ordering"), ("解答", "Answer")),
    KeyAction(
        "choices.number",
        _keys(range(1, 10)),
        "number({})",
        ("choices",),
        help=("選択肢を選ぶ(複数選択では切り替え)", "pick a choice (toggle in multi-select)"),
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
        help=("並べ替えで項目を動かす", "move an item when ordering"),
        help_keys="shift+↑ ↓",
    ),
    KeyAction("ordering.shift_down", "shift+down,alt+down,ctrl+down", "shift(1)", ("ordering",)),
    KeyAction(
        "flashcard.reveal",
        "space,enter",
        "reveal",
        ("flashcard",),
        ("裏返す", "Turn over"),
        ("フラッシュカードを裏返す", "turn a flashcard over"),
    ),
    KeyAction(
        "flashcard.rate",
        _keys(range(1, 5)),
        "rate({})",
        ("flashcard",),
        help=("フラッシュカードの自己評価", "rate a flashcard"),
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
        ("保存", "Save"),
        ("保存して採点", "save and grade"),
        priority=True,
    ),
    KeyAction(
        "workspace.editor",
        "ctrl+e",
        "external_editor",
        ("workspace",),
        ("エディタ", "Editor"),
        ("$EDITOR で開く", "open in $EDITOR"),
        priority=True,
    ),
    KeyAction(
        "workspace.solution",
        "ctrl+o",
        "solution",
        ("workspace",),
        ("解答", "Solution"),
        ("合格後に模範解答を表示", "reference solution (after a pass)"),
        priority=True,
    ),
    # Not priority: in the editor `h` types itself (escape leaves the editor).
    KeyAction(
        "workspace.hint",
        "h",
        "hint",
        ("workspace",),
        ("ヒント", "Hint"),
        ("次のヒント", "next hint"),
    ),
    # -- shared by screens (last: a screen's own keys come first in its footer) -----------
    KeyAction(
        "back",
        "escape",
        "back",
        ("exercises", "stats", "workspace"),
        ("戻る", "Back"),
        ("前の画面に戻る", "back to the previous screen"),
    ),
)

BY_ID: dict[str, KeyAction] = {row.id: row for row in ROWS}
if len(BY_ID) != len(ROWS):
    raise ValueError("two rows of the action registry share an id")

# The help screen: (section title, the ids of its rows in the order shown).
HELP: tuple[tuple[Pair, tuple[str, ...]], ...] = (
    (("全体", "Everywhere"), ("help", "toggle_language", "command_palette", "back", "quit")),
    (
        ("ホーム", "Home"),
        ("home.topics", "home.quiz", "home.review", "home.exercises", "home.stats"),
    ),
    (
        ("クイズ", "Quiz"),
        (
            "choices.number",
            "choices.move",
            "ordering.shift_up",
            "quiz.next",
            "quiz.hint",
            "flashcard.reveal",
            "flashcard.rate",
        ),
    ),
    (
        ("演習", "Exercises"),
        ("workspace.save", "workspace.editor", "workspace.hint", "workspace.solution"),
    ),
)
