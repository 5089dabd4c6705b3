"""Help: every key binding, in the current language."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from ..i18n import tr

KEYS: dict[str, tuple[str, str]] = {
    "title": ("キー操作", "Key bindings"),
    "body": (
        "[b]全体[/b]\n"
        "  ?        このヘルプ\n  l        日本語 / English を切り替え\n  ctrl+p   トピック・問題・演習を検索\n"
        "  escape   前の画面に戻る\n  q        終了\n\n"
        "[b]ホーム[/b]\n  ↑ ↓      トピックを選ぶ\n  enter    そのトピックのクイズ\n"
        "  r        今日の復習\n  e        演習の一覧\n  s        統計\n\n"
        "[b]クイズ[/b]\n  1–9      選択肢を選ぶ(複数選択では切り替え)\n  ↑ ↓      選択肢の移動 / 並べ替えで項目を選ぶ\n"
        "  shift+↑ ↓ 並べ替えで項目を動かす\n  enter    解答する / 次の問題へ\n  h        ヒント(解答前)\n"
        "  space    フラッシュカードを裏返す\n  1–4      フラッシュカードの自己評価\n\n"
        "[b]演習[/b]\n  ctrl+s   保存して採点\n  ctrl+e   $EDITOR で開く\n  h        次のヒント\n"
        "  ctrl+o   合格後に模範解答を表示\n",
        "[b]Everywhere[/b]\n"
        "  ?        this help\n  l        switch 日本語 / English\n  ctrl+p   find a topic, question or exercise\n"
        "  escape   back to the previous screen\n  q        quit\n\n"
        "[b]Home[/b]\n  ↑ ↓      choose a topic\n  enter    quiz on that topic\n"
        "  r        today's review\n  e        exercise list\n  s        stats\n\n"
        "[b]Quiz[/b]\n  1–9      pick a choice (toggle in multi-select)\n  ↑ ↓      move between choices / items\n"
        "  shift+↑ ↓ move an item when ordering\n  enter    answer / next question\n  h        hint (before answering)\n"
        "  space    turn a flashcard over\n  1–4      rate a flashcard\n\n"
        "[b]Exercises[/b]\n  ctrl+s   save and grade\n  ctrl+e   open in $EDITOR\n  h        next hint\n"
        "  ctrl+o   reference solution (after a pass)\n",
    ),
}


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,question_mark,q", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        lang = self.app.lang
        with VerticalScroll(id="help"):
            yield Static(
                f"[b]{tr(KEYS, 'title', lang)}[/b]\n\n{tr(KEYS, 'body', lang)}", id="help-body"
            )

    def update_language(self) -> None:
        lang = self.app.lang
        self.query_one("#help-body", Static).update(
            f"[b]{tr(KEYS, 'title', lang)}[/b]\n\n{tr(KEYS, 'body', lang)}"
        )
