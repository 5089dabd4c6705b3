"""The action registry: every class's keys come from it, and so do the footer's labels in
both languages, the help screen and the command palette's actions."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from pilot_helpers import wait_until
from textual.binding import Binding
from textual.command import DiscoveryHit, Hit
from textual.dom import DOMNode

from renshu.grader.wording import say
from renshu.tui import make_app
from renshu.tui.actions import BY_ID, HELP, ROWS, Scope
from renshu.tui.app import RenshuApp
from renshu.tui.bindings import bindings_for, help_text, label_for, palette_rows
from renshu.tui.commands import ActionCommands
from renshu.tui.screens.exam import ExamResultScreen, ExamScreen
from renshu.tui.screens.exercises import ExerciseListScreen
from renshu.tui.screens.help import HelpScreen
from renshu.tui.screens.home import HomeScreen
from renshu.tui.screens.quiz import QuizScreen
from renshu.tui.screens.stats import StatsScreen
from renshu.tui.screens.summary import SummaryScreen
from renshu.tui.screens.workspace import WorkspaceScreen
from renshu.tui.widgets.question_choices import ChoiceQuestion
from renshu.tui.widgets.question_flashcard import FlashcardQuestion
from renshu.tui.widgets.question_ordering import OrderingQuestion
from renshu.tui.widgets.question_true_false import TrueFalseQuestion

NOW = datetime(2026, 11, 23, 3, tzinfo=UTC)
CLASSES: dict[Scope, type[DOMNode]] = {
    "app": RenshuApp,
    "home": HomeScreen,
    "exercises": ExerciseListScreen,
    "stats": StatsScreen,
    "summary": SummaryScreen,
    "exam": ExamScreen,
    "exam_result": ExamResultScreen,
    "help": HelpScreen,
    "quiz": QuizScreen,
    "workspace": WorkspaceScreen,
    "choices": ChoiceQuestion,
    "true_false": TrueFalseQuestion,
    "ordering": OrderingQuestion,
    "flashcard": FlashcardQuestion,
}


def test_every_class_takes_its_keys_from_the_registry() -> None:
    for scope, cls in CLASSES.items():
        assert cls.BINDINGS == bindings_for(scope), scope
        assert cls.BINDINGS, f"{scope} binds no key"
        if hasattr(cls, "SCOPE"):
            assert cls.SCOPE == scope


def test_every_registry_action_exists_where_it_is_bound() -> None:
    for row in ROWS:
        for scope in row.scopes:
            for binding in row.bindings():
                namespace, _, name = binding.action.rpartition(".")
                owner = RenshuApp if namespace == "app" else CLASSES[scope]
                method = name.split("(")[0]
                assert hasattr(owner, f"action_{method}"), f"{row.id}: {owner.__name__}.{method}"


def test_no_key_is_bound_twice_in_one_scope() -> None:
    for scope in CLASSES:
        keys = Counter(
            key
            for row in ROWS
            if scope in row.scopes
            for binding in row.bindings()
            for key in binding.key.split(",")
        )
        twice = [key for key, count in keys.items() if count > 1]
        assert not twice, f"bound twice in {scope}: {twice}"


def test_labels_and_help_exist_in_both_languages() -> None:
    for row in ROWS:
        for key in (row.label, row.help):
            if key is not None:
                assert all(say(key, lang).strip() for lang in ("ja", "en")), row.id
    listed = [row_id for _title, ids in HELP for row_id in ids]
    assert len(listed) == len(set(listed))
    assert all(BY_ID[row_id].help is not None for row_id in listed)
    english = help_text("en")
    assert "  ctrl+s   save and grade\n" in english
    assert "  ?        this help\n" in english
    assert "  1–9      pick a choice" in english
    assert "  ctrl+s   保存して採点\n" in help_text("ja")


def test_a_binding_not_in_the_registry_keeps_its_description() -> None:
    home = bindings_for("home")[0]
    assert isinstance(home, Binding)
    assert label_for(home, "ja") == "クイズ"
    assert label_for(Binding("x", "other", "Other"), "ja") is None


def test_the_palette_offers_the_apps_and_the_screens_actions() -> None:
    home = {row.id for row in palette_rows("home")}
    assert {"quit", "help", "toggle_language", "home.review", "home.stats"} <= home
    assert "workspace.save" not in home
    assert "choices.number" not in {row.id for row in palette_rows("quiz")}  # a key family


def test_footer_labels_follow_the_language_and_the_palette_runs_actions(tmp_path: Path) -> None:
    async def run() -> None:
        app = make_app(tmp_path, now=NOW, seed=0, lang="en")
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_until(pilot, lambda: app.service is not None)
            await pilot.pause(0.1)
            shown = {k: b.binding.description for k, b in app.screen.active_bindings.items()}
            assert shown["r"] == "Review"
            assert shown["q"] == "Quit"
            assert shown["l"] == "日本語"
            await pilot.press("l")
            await pilot.pause(0.1)
            shown = {k: b.binding.description for k, b in app.screen.active_bindings.items()}
            assert shown["r"] == "復習"
            assert shown["q"] == "終了"
            assert shown["l"] == "English"

            provider = ActionCommands(app.screen)
            hits = [hit async for hit in provider.discover()]
            assert all(isinstance(hit, DiscoveryHit) for hit in hits)
            texts = [hit.text for hit in hits]
            assert "統計" in texts  # in the app's language
            assert "ヘルプ" in texts
            found = [hit async for hit in provider.search("統計")]
            assert found
            assert isinstance(found[0], Hit)
            stats = next(hit for hit in hits if hit.text == "統計")
            await stats.command()
            await wait_until(pilot, lambda: isinstance(app.screen, StatsScreen))
            await pilot.pause(0.2)  # let the new screen finish mounting before the app exits
            back = [hit async for hit in ActionCommands(app.screen).discover()]
            assert "戻る" in [hit.text for hit in back]

    asyncio.run(run())
