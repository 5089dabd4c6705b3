"""Pilot tests of the app shell: language, bad states, command palette."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml
from textual.widgets import DataTable, Static

from renshu.grader.quiz.banks import builtin_quizzes_dir
from renshu.tui import make_app

NOW = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)


async def wait_loaded(app, pilot) -> None:
    for _ in range(200):
        if app.service is not None:
            break
        await pilot.pause(0.05)
    await pilot.pause(0.2)


def screen_text(app) -> str:
    """The text of every Static on the screen (rich renderables drawn as plain text)."""
    from rich.console import Console

    console = Console(width=200, record=True, file=__import__("io").StringIO())
    parts = []
    for static in app.screen.query(Static):
        content = static.visual if hasattr(static, "visual") else static.render()
        renderable = getattr(content, "_renderable", None)
        if renderable is not None:
            console.print(renderable)
            parts.append(console.export_text())
        else:
            parts.append(str(static.render()))
    return "\n".join(parts)


def test_language_toggle_applies_at_once_and_is_remembered(tmp_path: Path) -> None:
    async def first() -> str:
        app = make_app(tmp_path, now=NOW, seed=0)
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_loaded(app, pilot)
            start = app.lang
            await pilot.press("l")
            await pilot.pause(0.2)
            assert app.lang != start
            table = app.screen.query_one("#topics", DataTable)
            first_title = str(table.get_row_at(0)[0])
            expected = (
                "RNN(再帰型ニューラルネットワーク)"
                if app.lang == "ja"
                else "Recurrent neural networks"
            )
            assert first_title == expected
            assert app.service.store.setting("language", "") == app.lang
            return app.lang

    async def second() -> str:
        app = make_app(tmp_path, now=NOW, seed=0)
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_loaded(app, pilot)
            return app.lang

    chosen = asyncio.run(first())
    assert asyncio.run(second()) == chosen  # a new session starts in the chosen language


def test_broken_user_bank_is_a_notification_with_its_place(tmp_path: Path) -> None:
    banks = tmp_path / "banks"
    banks.mkdir()
    (banks / "broken.yaml").write_text("schema_version: 1\ntopic: [\n", encoding="utf-8")

    async def run() -> None:
        app = make_app(tmp_path / "home", banks=[banks], now=NOW, seed=0, lang="en")
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_loaded(app, pilot)
            messages = [n.message for n in app.notifications_sent]
            assert any(f"{banks / 'broken.yaml'}:3:1" in m for m in messages), messages
            # built-ins still load: one row per topic the shipped curriculum file lists
            curriculum = builtin_quizzes_dir() / "curriculum.yaml"
            topics = yaml.safe_load(curriculum.read_text(encoding="utf-8"))["topics"]
            assert app.screen.query_one("#topics", DataTable).row_count == len(topics)

    asyncio.run(run())


def test_stats_and_back_and_help(tmp_path: Path) -> None:
    async def run() -> None:
        app = make_app(tmp_path, now=NOW, seed=0, lang="en")
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_loaded(app, pilot)
            await pilot.press("s")
            await pilot.pause(0.2)
            assert type(app.screen).__name__ == "StatsScreen"
            await pilot.press("escape")
            await pilot.pause(0.1)
            assert type(app.screen).__name__ == "HomeScreen"
            await pilot.press("question_mark")
            await pilot.pause(0.1)
            assert type(app.screen).__name__ == "HelpScreen"
            assert "Key bindings" in screen_text(app)

    asyncio.run(run())


def test_command_palette_finds_a_topic_in_japanese(tmp_path: Path) -> None:
    async def run() -> None:
        app = make_app(tmp_path, now=NOW, seed=0, lang="ja")
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_loaded(app, pilot)
            results = app.service.search("強化学習", "ja")
            assert ("topic", "rl", "強化学習") in results  # one language, not ja / en halves
            assert ("topic", "rl", "Reinforcement learning") in app.service.search("強化学習", "en")
            assert any(kind == "question" for kind, _i, _l in app.service.search("忘却ゲート"))
            labels = [label for _k, _i, label in app.service.search("{{", "en")]
            assert labels
            assert all("{{" not in label for label in labels)  # cloze blanks shown as ___
            numeric = [label for _k, _i, label in app.service.search("{H}", "ja")]
            assert numeric
            assert all("{" not in label for label in numeric)  # parameters by their name
            from textual.app import App

            from renshu.tui.app import RenshuApp

            assert not (set(App.COMMANDS) & set(RenshuApp.COMMANDS))  # no Textual generics

    asyncio.run(run())


def test_a_failed_load_is_a_notification_and_the_app_stays_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from renshu.grader.progress import study

    def broken(*_args, **_kwargs):
        raise RuntimeError("the progress store is on fire")

    monkeypatch.setattr(study, "StudyService", broken)

    async def run() -> None:
        app = make_app(tmp_path, now=NOW, seed=0, lang="en")
        async with app.run_test(size=(80, 24)) as pilot:
            for _ in range(200):
                if app.notifications_sent:
                    break
                await pilot.pause(0.05)
            notice = app.notifications_sent[-1]
            assert notice.message == "the progress store is on fire"
            assert notice.severity == "error"
            assert app.service is None
            assert type(app.screen).__name__ == "HomeScreen"
            assert app.is_running

    asyncio.run(run())
