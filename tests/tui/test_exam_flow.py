"""The mock exam in the app: no feedback while it runs, the result per area at the end,
the clock ends it, and the result and the missed questions are kept."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from pilot_helpers import wait_until

from renshu.grader.cli.study import ExamRequest
from renshu.grader.progress.exam import past_exams
from renshu.grader.progress.store import open_store
from renshu.tui import make_app
from renshu.tui.screens import exam as exam_screen
from renshu.tui.screens.exam import ExamResultScreen, ExamScreen
from renshu.tui.screens.home import HomeScreen


def _some_answer(question):  # type: ignore[no-untyped-def]
    return {
        "single_choice": 0,
        "multi_select": [0],
        "true_false": True,
        "ordering": list(range(len(getattr(question, "items", [])))),
        "cloze": ["x"] * len(getattr(question, "blanks", [])),
    }.get(question.type, "0")


async def _answer(pilot, screen: ExamScreen) -> None:  # type: ignore[no-untyped-def]
    before = screen.index, len(screen.answers)
    await wait_until(pilot, lambda: bool(screen.query("#question")) and not screen.answered)
    widget = screen.widget
    widget.post_message(widget.Answered(widget, _some_answer(screen.item.question)))
    await wait_until(pilot, lambda: len(screen.answers) > before[1])
    assert not screen.query_one("#quiz-feedback").display  # nothing shown while it runs


def test_an_exam_shows_nothing_until_handed_in_then_scores_and_keeps_it(tmp_path: Path) -> None:
    async def run() -> None:
        app = make_app(tmp_path, seed=0, lang="en", exam=ExamRequest(5, 10, seed=2))
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_until(pilot, lambda: isinstance(app.screen, ExamScreen))
            screen = app.screen
            assert isinstance(screen, ExamScreen)
            assert len(screen.items) == 5
            await _answer(pilot, screen)
            await wait_until(pilot, lambda: screen.index == 1)  # on to the next, at once
            await _answer(pilot, screen)
            head = str(screen.query_one("#quiz-head").render())
            assert "left" in head, head
            assert "2 of 5 answered" in head, head
            await pilot.press("escape")  # hand in with three left
            await wait_until(pilot, lambda: isinstance(app.screen, ExamResultScreen))
            result = app.screen.result
            assert result.total == 5
            assert len(result.unanswered) == 3
            assert len(result.wrong) + result.correct == 2
            await wait_until(  # composed and filled in
                pilot,
                lambda: "Pass line about 65%" in str(app.screen.query_one("#exam-score").render()),
            )
            await pilot.pause(0.3)
            await pilot.press("escape")
            await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen))
            await pilot.pause(0.2)
        store = open_store(tmp_path)
        try:
            ((_taken, _correct, total),) = past_exams(store)
            assert total == 5
            boosted = {r[0] for r in store.db.execute("SELECT question_id FROM boosts")}
            assert set(result.unanswered) <= boosted  # missed: due in spaced review
            answers = store.db.execute("SELECT count(*) FROM answers").fetchone()[0]
            assert answers == 2  # the answered ones are recorded like any answer
        finally:
            store.close()

    asyncio.run(run())


def test_when_the_time_is_up_the_paper_is_handed_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Clock:
        now = 1000.0

        def monotonic(self) -> float:
            return self.now

    clock = Clock()
    monkeypatch.setattr(exam_screen, "time", clock)

    async def run() -> None:
        app = make_app(tmp_path, seed=0, lang="ja", exam=ExamRequest(3, 1, seed=1))
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_until(
                pilot,
                lambda: isinstance(app.screen, ExamScreen) and bool(app.screen.query("#question")),
            )
            await pilot.pause(0.2)
            clock.now += 61  # a minute and a second later
            await wait_until(pilot, lambda: isinstance(app.screen, ExamResultScreen), timeout=5)
            result = app.screen.result
            assert result.timed_out
            assert len(result.unanswered) == 3
            await wait_until(  # composed: the score line is there and says why it ended
                pilot, lambda: "時間切れ" in str(app.screen.query_one("#exam-score").render())
            )
            await pilot.pause(0.3)  # let the screen settle before the app closes

    asyncio.run(run())


def test_an_unanswered_question_still_shows_its_answer() -> None:
    from renshu.grader.progress.study import StudyItem
    from renshu.grader.quiz.banks import load_catalogue
    from renshu.grader.quiz.model import SingleChoice, TrueFalse, text_in
    from renshu.tui.screens.exam import right_answer

    catalogue = load_catalogue()
    single = next(q for q, _ in catalogue.questions.values() if isinstance(q, SingleChoice))
    right = next(c for c in single.choices if c.correct)
    assert right_answer(StudyItem(single, "exam"), "en") == text_in(right.text, "en")
    truth = next(q for q, _ in catalogue.questions.values() if isinstance(q, TrueFalse))
    assert right_answer(StudyItem(truth, "exam"), "ja") == ("○" if truth.answer else "×")
