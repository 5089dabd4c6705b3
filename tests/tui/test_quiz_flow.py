"""Pilot tests of the quiz: every question type answered with its keys, feedback, hints,
language, unreadable answers and the summary, against the built-in banks.

Each test drives the real app at 80x24 and checks both the screen and the
progress store, so a key that stops working or an answer that is no longer
recorded fails here.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from rich.console import Group
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Input, Static

from renshu.grader.presentation.phrases import Phrased
from renshu.grader.quiz.model import fill_params, text_in
from renshu.tui import make_app
from renshu.tui.app import RenshuApp
from renshu.tui.screens.quiz import QuizScreen
from renshu.tui.widgets.prose import Prose, plain_text
from renshu.tui.widgets.question_choices import ChoiceQuestion

NOW = datetime(2026, 11, 23, 3, tzinfo=UTC)


# -- helpers -----------------------------------------------------------------------------


def run_quiz(
    tmp_path: Path, body: Callable[[RenshuApp, Pilot], Awaitable[None]], lang: str = "en"
) -> None:
    """Start the app at 80x24, wait for the service, then run ``body``."""

    async def main() -> None:
        app = make_app(data_dir=tmp_path, now=NOW, seed=0, lang=lang)
        async with app.run_test(size=(80, 24)) as pilot:
            for _ in range(200):
                if app.service is not None:
                    break
                await pilot.pause(0.05)
            assert app.service is not None, "the study service did not load"
            await pilot.pause(0.1)
            await body(app, pilot)

    asyncio.run(main())


def question(app: RenshuApp, question_id: str) -> Any:
    return app.service.catalogue.questions[question_id][0]


def questions_of(app: RenshuApp, kind: str) -> list[Any]:
    return [q for q, _bank in app.service.catalogue.questions.values() if q.type == kind]


async def open_quiz(app: RenshuApp, pilot: Pilot, *questions: Any) -> QuizScreen:
    items = [app.service.present(q) for q in questions]
    screen = QuizScreen(items, title="test", mode="topic")
    await app.push_screen(screen)
    await pilot.pause(0.2)
    assert app.screen is screen
    return screen


async def press(pilot: Pilot, *keys: str) -> None:
    """Press ``keys`` in turn, then let the screen settle (Markdown updates are async)."""
    await pilot.press(*keys)
    await pilot.pause(0.1)


def answer_counts(app: RenshuApp) -> tuple[int, int]:
    count, correct = app.service.store.db.execute(
        "SELECT count(*), sum(correct) FROM answers"
    ).fetchone()
    return count, correct or 0


def last_answer(app: RenshuApp) -> tuple[str, Any, int, int]:
    qid, raw, correct, hints = app.service.store.db.execute(
        "SELECT question_id, answer, correct, hints_used FROM answers ORDER BY rowid DESC LIMIT 1"
    ).fetchone()
    return qid, json.loads(raw), correct, hints


def shown(widget: Widget) -> bool:
    return all(node.display for node in widget.ancestors_with_self if isinstance(node, Widget))


def screen_text(app: RenshuApp) -> str:
    """The plain text of every displayed Static (Markdown blocks included) on the screen."""
    return "\n".join(
        plain_text(s.content) if isinstance(s.content, Phrased | Group) else str(s.render())
        for s in app.screen.query(Static)
        if shown(s)
    )


def markdown(app: RenshuApp, selector: str) -> str:
    widget = app.screen.query_one(selector, Prose)
    return widget.source if shown(widget) else ""


def plain(text: str) -> str:
    return text.replace("`", "")


def with_why(app: RenshuApp) -> tuple[Any, int, int]:
    """A single-choice question, its correct index and a wrong index whose `why` is set."""
    for q in questions_of(app, "single_choice"):
        right = next(i for i, c in enumerate(q.choices) if c.correct)
        wrong = [i for i, c in enumerate(q.choices) if not c.correct and c.why is not None]
        if wrong:
            return q, right, wrong[0]
    raise AssertionError("no single_choice question with a `why` in the built-in banks")


def key_for(screen: QuizScreen, index: int) -> str:
    """The number key of choice ``index`` (choices are shown shuffled)."""
    return str(screen.query_one(ChoiceQuestion).order.index(index) + 1)


def ordering_keys(order: list[int]) -> list[str]:
    """Keys that sort ``order`` (item indices as shown) with ↑/↓ and shift+↑."""
    arrangement, cursor, keys = list(order), 0, []
    for target in range(len(arrangement)):
        at = arrangement.index(target)
        keys += ["down" if at > cursor else "up"] * abs(at - cursor)
        for position in range(at, target, -1):
            keys.append("shift+up")
            arrangement[position - 1], arrangement[position] = (
                arrangement[position],
                arrangement[position - 1],
            )
        cursor = target
    assert arrangement == sorted(order)
    return keys


# -- tests -------------------------------------------------------------------------------


def test_single_choice_right_then_wrong_is_recorded_with_why_and_explanation(
    tmp_path: Path,
) -> None:
    async def body(app: RenshuApp, pilot: Pilot) -> None:
        q, right, wrong = with_why(app)
        screen = await open_quiz(app, pilot, q, q)
        assert answer_counts(app) == (0, 0)

        await press(pilot, key_for(screen, right))
        assert answer_counts(app) == (1, 1)
        assert last_answer(app)[:3] == (q.id, right, 1)
        assert "○ Correct" in screen_text(app)
        assert markdown(app, "#quiz-explanation") == text_in(q.explanation, "en")

        await press(pilot, "enter")
        assert "2 / 2" in screen_text(app)
        assert "Correct" not in screen_text(app)  # the feedback of question 1 is gone

        await press(pilot, key_for(screen, wrong))
        assert answer_counts(app) == (2, 1)
        assert last_answer(app)[:3] == (q.id, wrong, 0)
        text = screen_text(app)
        assert "× Not quite" in text
        assert plain(text_in(q.choices[wrong].why, "en")) in text
        assert "Answer:" in text
        assert plain(text_in(q.choices[right].text, "en")) in text
        assert markdown(app, "#quiz-explanation") == text_in(q.explanation, "en")

    run_quiz(tmp_path, body)


def test_every_question_type_is_answered_with_its_keys(tmp_path: Path) -> None:
    async def body(app: RenshuApp, pilot: Pilot) -> None:
        picked = {
            "single_choice": questions_of(app, "single_choice")[0],
            "multi_select": questions_of(app, "multi_select")[0],
            "true_false": questions_of(app, "true_false")[0],
            "numeric": question(app, "cnn.conv-output-size"),  # drawn params
            "short_answer": question(app, "seq2seq.japanese-morphological-analysis"),
            "ordering": question(app, "attention.computation-order"),
            "cloze": question(app, "attention.qkv-sources-cloze"),
            "flashcard": questions_of(app, "flashcard")[0],
        }
        screen = await open_quiz(app, pilot, *picked.values())
        for n, (kind, q) in enumerate(picked.items(), start=1):
            item = screen.item
            assert item.id == q.id
            if kind == "single_choice":
                right = next(i for i, c in enumerate(q.choices) if c.correct)
                await press(pilot, "down", "up", key_for(screen, right))
                expected: Any = right
            elif kind == "multi_select":
                ticks = [i for i, c in enumerate(q.choices) if c.correct]
                await press(pilot, *(key_for(screen, i) for i in ticks), "enter")
                expected = ticks
            elif kind == "true_false":
                await press(pilot, "t" if q.answer else "f")
                expected = q.answer
            elif kind == "numeric":
                typed = f"{item.numeric.answer:g}"
                await press(pilot, *typed)
                assert screen.query_one(Input).value == typed
                await press(pilot, "enter")
                expected = typed
            elif kind == "short_answer":
                await press(pilot, *"形態素解析")
                assert screen.query_one(Input).value == "形態素解析"
                await press(pilot, "enter")
                expected = "形態素解析"
            elif kind == "ordering":
                await press(pilot, *ordering_keys(item.order), "enter")
                expected = list(range(len(q.items)))
            elif kind == "cloze":
                expected = [accepted[0] for accepted in q.blanks]
                for blank in expected:  # enter moves on; on the last blank it answers
                    await press(pilot, *blank, "enter")
            else:  # flashcard: turn over, then rate "good"
                await press(pilot, "3")
                assert answer_counts(app)[0] == n - 1, "rated before the card was turned"
                await press(pilot, "space", "3")
                expected = 3
            assert answer_counts(app) == (n, n), f"{kind} was not recorded as correct"
            assert last_answer(app)[:3] == (q.id, expected, 1), kind
            assert "○ " in screen_text(app), kind
            await press(pilot, "enter")
        assert type(app.screen).__name__ == "SummaryScreen"
        assert "8 / 8 correct (100%)" in screen_text(app)

    run_quiz(tmp_path, body)


def test_a_finished_session_shows_the_summary_then_home(tmp_path: Path) -> None:
    async def body(app: RenshuApp, pilot: Pilot) -> None:
        tf = questions_of(app, "true_false")[0]
        q, _right, wrong = with_why(app)
        screen = await open_quiz(app, pilot, tf, q)
        await press(pilot, "1" if tf.answer else "2", "enter")
        await press(pilot, key_for(screen, wrong), "right")  # → also goes on
        assert type(app.screen).__name__ == "SummaryScreen"
        text = screen_text(app)
        assert "1 / 2 correct (50%)" in text
        assert "Time taken" in text
        assert "What to review" in text
        assert q.id in text
        assert tf.id not in text
        await press(pilot, "enter")
        assert type(app.screen).__name__ == "HomeScreen"
        assert answer_counts(app) == (2, 1)

    run_quiz(tmp_path, body)


def test_r_on_the_summary_retries_only_the_questions_missed(tmp_path: Path) -> None:
    async def body(app: RenshuApp, pilot: Pilot) -> None:
        tf = questions_of(app, "true_false")[0]
        q, _right, wrong = with_why(app)
        screen = await open_quiz(app, pilot, tf, q)
        await press(pilot, "1" if tf.answer else "2", "enter")
        await press(pilot, key_for(screen, wrong), "right")
        assert type(app.screen).__name__ == "SummaryScreen"
        assert "r: try the 1 you missed again" in screen_text(app)
        await press(pilot, "r")
        await pilot.pause(0.2)
        retry = app.screen
        assert isinstance(retry, QuizScreen)
        assert retry is not screen
        assert [item.id for item in retry.items] == [q.id]

    run_quiz(tmp_path, body)


def test_a_multi_select_answer_lists_the_right_choices_in_screen_order(tmp_path: Path) -> None:
    async def body(app: RenshuApp, pilot: Pilot) -> None:
        multi = next(
            q for q in questions_of(app, "multi_select") if sum(c.correct for c in q.choices) >= 2
        )
        screen = await open_quiz(app, pilot, multi)
        order = screen.item.choice_order
        wrong_key = str(
            next(n for n, i in enumerate(order, start=1) if not multi.choices[i].correct)
        )
        await press(pilot, wrong_key, "enter")
        shown = [text_in(multi.choices[i].text, "en") for i in order if multi.choices[i].correct]
        assert " / ".join(plain(t) for t in shown) in plain(screen_text(app))

    run_quiz(tmp_path, body)


def test_hint_key_shows_the_next_hint_and_is_recorded(tmp_path: Path) -> None:
    async def body(app: RenshuApp, pilot: Pilot) -> None:
        ordering = question(app, "attention.computation-order")  # one hint
        numeric = question(app, "cnn.conv-output-size")  # typed: the hint key is ctrl+g
        screen = await open_quiz(app, pilot, ordering, numeric)
        assert markdown(app, "#quiz-hints") == ""
        await press(pilot, "h")
        assert screen.item.hints_shown == 1
        assert text_in(ordering.hints[0], "en") in markdown(app, "#quiz-hints")
        await press(pilot, "h")  # no more hints: a note, no count
        assert screen.item.hints_shown == 1
        assert "That was the last hint." in screen_text(app)
        await press(pilot, "enter")
        assert last_answer(app)[3] == 1  # hints_used

        await press(pilot, "enter")
        await press(pilot, "ctrl+g")
        assert screen.item.hints_shown == 1
        assert screen.query_one(Input).value == ""
        await press(pilot, "h")  # typed into the answer, not a hint
        assert screen.item.hints_shown == 1
        assert screen.query_one(Input).value == "h"

    run_quiz(tmp_path, body)


def test_hint_key_on_a_question_without_hints_says_so(tmp_path: Path) -> None:
    async def body(app: RenshuApp, pilot: Pilot) -> None:
        # Built-ins all have hints; a user bank's question may not.
        plain = question(app, "word2vec.vocabulary-from-corpus").model_copy(update={"hints": []})
        screen = await open_quiz(app, pilot, plain)
        await press(pilot, "h")
        assert screen.item.hints_shown == 0
        assert "This question has no hints." in screen_text(app)

    run_quiz(tmp_path, body)


def test_language_key_redraws_question_and_feedback(tmp_path: Path) -> None:
    async def body(app: RenshuApp, pilot: Pilot) -> None:
        q, _right, wrong = with_why(app)
        numeric = question(app, "cnn.conv-output-size")
        screen = await open_quiz(app, pilot, q, numeric)
        assert markdown(app, "#quiz-prompt") == text_in(q.prompt, "en")
        await press(pilot, "l")
        assert app.lang == "ja"
        assert markdown(app, "#quiz-prompt") == text_in(q.prompt, "ja")
        text = screen_text(app)
        assert plain(text_in(q.choices[0].text, "ja")) in text
        assert "1–9 で解答" in text

        await press(pilot, key_for(screen, wrong))
        assert "× 不正解" in screen_text(app)
        assert markdown(app, "#quiz-explanation") == text_in(q.explanation, "ja")
        await press(pilot, "l")
        text = screen_text(app)
        assert "× Not quite" in text
        assert plain(text_in(q.choices[wrong].why, "en")) in text
        assert markdown(app, "#quiz-explanation") == text_in(q.explanation, "en")
        assert answer_counts(app) == (1, 0)  # redrawing records nothing

        # In a typed answer `l` is a letter; ctrl+l switches, and the drawn values stay.
        await press(pilot, "enter", "l", "ctrl+l")
        assert app.lang == "ja"
        assert screen.query_one(Input).value == "l"
        values = screen.item.numeric.values
        assert markdown(app, "#quiz-prompt") == fill_params(text_in(numeric.prompt, "ja"), values)

    run_quiz(tmp_path, body)


def test_a_non_number_is_a_gentle_message_and_records_nothing(tmp_path: Path) -> None:
    async def body(app: RenshuApp, pilot: Pilot) -> None:
        q = question(app, "cnn.conv-output-size")
        screen = await open_quiz(app, pilot, q)
        await press(pilot, *"abc", "enter")
        assert "not a number we can read" in screen_text(app)
        assert "Not quite" not in screen_text(app)
        assert answer_counts(app) == (0, 0)
        field = screen.query_one(Input)
        assert not field.disabled
        assert field.has_focus

        field.value = ""
        await press(pilot, *f"{screen.item.numeric.answer:g}", "enter")
        assert answer_counts(app) == (1, 1)
        await press(pilot, "escape")  # home; the answer stays recorded
        assert type(app.screen).__name__ == "HomeScreen"
        assert answer_counts(app) == (1, 1)

    run_quiz(tmp_path, body)
