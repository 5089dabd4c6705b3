"""The app reopens where the learner left: a quiz's unanswered questions, stats, or Home."""

from __future__ import annotations

import asyncio
from pathlib import Path

from pilot_helpers import wait_until
from textual.widgets import DataTable

from renshu.grader.progress.resume import SETTING
from renshu.grader.progress.store import open_store
from renshu.tui import make_app
from renshu.tui.screens.home import HomeScreen
from renshu.tui.screens.quiz import QuizScreen
from renshu.tui.screens.stats import StatsScreen


async def _start_topic_quiz(app, pilot) -> QuizScreen:  # type: ignore[no-untyped-def]
    """Home → the first topic's row → enter, as a learner would."""
    await wait_until(pilot, lambda: app.service is not None)
    await wait_until(pilot, lambda: app.screen.query_one("#topics", DataTable).row_count > 0)
    await pilot.pause(0.1)
    await pilot.press("enter")
    await wait_until(pilot, lambda: isinstance(app.screen, QuizScreen))
    return app.screen


def _some_answer(question):  # type: ignore[no-untyped-def]
    kind = question.type
    if kind in ("single_choice",):
        return 0
    if kind == "multi_select":
        return [0]
    if kind == "true_false":
        return True
    if kind == "ordering":
        return list(range(len(question.items)))
    if kind == "cloze":
        return ["x"] * len(question.blanks)
    if kind == "flashcard":
        return 3
    return "0"


def test_a_quiz_left_half_way_reopens_on_the_questions_not_answered(tmp_path: Path) -> None:
    async def run() -> list[str]:
        app = make_app(data_dir=tmp_path, seed=0, lang="en")
        async with app.run_test(size=(120, 40)) as pilot:
            quiz = await _start_topic_quiz(app, pilot)
            ids = [item.question.id for item in quiz.items]
            assert len(ids) > 2
            widget = quiz.widget  # any answer, right or wrong, counts as answered
            widget.post_message(widget.Answered(widget, _some_answer(quiz.item.question)))
            await wait_until(pilot, lambda: quiz.answered)
        return ids

    ids = asyncio.run(run())

    async def again() -> None:
        app = make_app(data_dir=tmp_path, seed=0, lang="en")
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_until(pilot, lambda: isinstance(app.screen, QuizScreen))
            quiz = app.screen
            assert isinstance(quiz, QuizScreen)
            assert [item.question.id for item in quiz.items] == ids[1:]
            assert any("where you left off" in n.message for n in app.notifications_sent)
            await pilot.press("escape")
            await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen))

    asyncio.run(again())


def test_stats_reopens_and_a_damaged_place_opens_home(tmp_path: Path) -> None:
    async def run(expect: type) -> None:
        app = make_app(data_dir=tmp_path, seed=0, lang="en")
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_until(pilot, lambda: app.service is not None)
            await pilot.pause(0.2)
            assert isinstance(app.screen, expect)
            if expect is HomeScreen:
                await pilot.press("s")
                await wait_until(pilot, lambda: isinstance(app.screen, StatsScreen))

    asyncio.run(run(HomeScreen))
    asyncio.run(run(StatsScreen))  # left on Stats: reopens there
    for damaged in ('{"screen": "workspace", "exercise": "no_such"}', "not json", '["quiz"]'):
        store = open_store(tmp_path)
        store.set_setting(SETTING, damaged)
        store.close()
        asyncio.run(run(HomeScreen))
