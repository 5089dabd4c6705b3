"""A quiz: one question at a time, hints on request, feedback after each answer, then a summary.

The question widgets post ``QuestionWidget.Answered``; this screen passes the
raw answer to ``StudyService.answer`` (which checks and records it) and shows
the verdict. Escape goes home at any time: every answer is recorded as it is given.
"""

from __future__ import annotations

import re
import time
from dataclasses import replace
from datetime import timedelta
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Header, Static

from renshu.grader.errors import StoreError
from renshu.grader.progress.resume import Mode, Place
from renshu.grader.quiz.answer_check import (
    AnswerFormatError,
    AnswerResult,
)
from renshu.grader.quiz.model import MultiSelect, text_in
from renshu.grader.settings import Lang
from renshu.grader.wording import say
from renshu.tui.widgets.prose import Prose

from ..base import RenshuScreen
from ..bindings import Scope, bindings_for
from ..widgets.question_base import QuestionWidget, inline
from ..widgets.question_factory import question_widget
from ..widgets.question_flashcard import FlashcardQuestion
from .summary import RETRY, Outcome, SummaryScreen, duration

if TYPE_CHECKING:
    from renshu.grader.progress.study import StudyItem

_BLANK = re.compile(r"\{\{(\d+)\}\}")


def interval_text(delta: timedelta, lang: Lang) -> str:
    """``10分``, ``3時間``, ``4日`` (``10m``, ``3h``, ``4d``): when a card comes back."""
    minutes = max(1, round(delta.total_seconds() / 60))
    if minutes < 60:
        return say("interval.minutes", lang, n=minutes)
    if minutes < 24 * 60:
        return say("interval.hours", lang, n=round(minutes / 60))
    return say("interval.days", lang, n=round(minutes / (24 * 60)))


def prompt_markdown(item: StudyItem, lang: Lang) -> str:
    """The prompt as Markdown; a cloze's ``{{n}}`` blanks become visible numbered gaps."""
    text = item.prompt(lang)
    if item.type == "cloze":
        text = _BLANK.sub(lambda m: f"`({m.group(1)})_____`", text)  # one word: never split
    return text


class QuizScreen(RenshuScreen[None]):
    """Questions one at a time; the summary follows the last one."""

    SCOPE: ClassVar[Scope] = "quiz"
    BINDINGS = bindings_for("quiz")

    def __init__(self, items: list[StudyItem], title: str = "", mode: str = "topic") -> None:
        super().__init__()
        self.items = items
        self.quiz_title = title
        self.mode = mode
        self.index = 0
        self.outcomes: list[Outcome] = []
        self.answered = False
        self.raw: Any = None
        self.result: AnswerResult | None = None
        self.started = time.monotonic()
        self.shown = self.started

    # -- layout ------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="quiz"):
            yield Static(id="quiz-head")
            with VerticalScroll(id="quiz-body"):
                yield Prose(id="quiz-prompt")
                yield Vertical(id="quiz-slot")
                yield Prose(id="quiz-hints")
                with Vertical(id="quiz-feedback"):
                    yield Static(id="quiz-verdict")
                    yield Vertical(id="quiz-lines")
                    yield Static(id="quiz-explanation-title", markup=False)
                    yield Prose(id="quiz-explanation")
                    yield Static(id="quiz-next", markup=False)
        yield Footer()

    async def on_mount(self) -> None:
        self.sub_title = self.quiz_title
        if not self.items:
            self.dismiss()
            return
        await self.show_question()

    @property
    def item(self) -> StudyItem:
        return self.items[self.index]

    @property
    def widget(self) -> QuestionWidget:
        return self.query_one("#question", QuestionWidget)

    async def show_question(self) -> None:
        """Draw the current item with a fresh answer widget and start its clock."""
        lang: Lang = self.renshu_app.lang
        self.answered, self.raw, self.result = False, None, None
        slot = self.query_one("#quiz-slot")
        await slot.remove_children()
        widget = question_widget(self.item, lang)
        if isinstance(widget, FlashcardQuestion) and self.renshu_app.service is not None:
            intervals = self.renshu_app.service.next_intervals(self.item.id)
            widget.intervals = {n: interval_text(d, lang) for n, d in intervals.items()}
        await slot.mount(widget)
        self.query_one("#quiz-feedback").display = False
        self._draw_head(lang)
        self._draw_hints(lang)
        await self.query_one("#quiz-prompt", Prose).show(prompt_markdown(self.item, lang))
        self.query_one("#quiz-body", VerticalScroll).scroll_home(animate=False)
        self.widget.focus_answer()
        self.refresh_bindings()
        self.shown = time.monotonic()

    def _draw_head(self, lang: Lang) -> None:
        total = len(self.items)
        done = self.index + (1 if self.answered else 0)
        width = 12
        filled = round(width * done / total) if total else 0
        parts: list[str | tuple[str, str]] = [
            (say("quizscreen.progress", lang, n=self.index + 1, total=total), "bold $accent"),
            "  ",
            ("━" * filled, "$accent"),
            ("━" * (width - filled), "$panel-lighten-2"),
            "  ",
            (say(f"qtype.{self.item.type}", lang), "$text-muted"),
        ]
        if self.item.kind in ("review", "new"):
            parts += ["  ·  ", (say(f"quizscreen.kind.{self.item.kind}", lang), "$text-muted")]
        self.query_one("#quiz-head", Static).update(Content.assemble(*parts))

    def _draw_hints(self, lang: Lang) -> None:
        hints = self.item.question.hints
        shown = self.item.hints_shown
        box = self.query_one("#quiz-hints", Prose)
        box.display = shown > 0
        box.show(
            "\n\n".join(
                f"**{say('quizscreen.hint', lang, n=n, total=len(hints))}** {text_in(hint, lang)}"
                for n, hint in enumerate(hints[:shown], start=1)
            )
        )

    def _draw_feedback(self, lang: Lang) -> None:
        result = self.result
        if result is None:
            return
        result = result.in_language(lang)  # the same verdict re-worded, nothing checked again
        feedback = self.query_one("#quiz-feedback")
        feedback.set_class(result.correct, "-right")
        feedback.set_class(not result.correct, "-wrong")
        style = "bold $success" if result.correct else "bold $error"
        if self.item.type == "flashcard" and result.rating is not None:
            rating = say(f"rating.{result.rating}", lang)
            words = say("quizscreen.rated", lang, n=result.rating, label=rating)
            if not result.correct:
                words += " " + say("quizscreen.again", lang)
        elif result.correct:
            words = say("quizscreen.right", lang)
        else:
            words = say("quizscreen.wrong", lang)
        seconds = self.outcomes[-1].seconds if self.outcomes else 0.0
        self.query_one("#quiz-verdict", Static).update(
            Content.assemble(
                ("○ " if result.correct else "× ", style),
                (words, style),
                ("  ·  " + duration(seconds, lang), "$text-muted"),
            )
        )
        feedback_lines = result.feedback
        if self.item.type == "cloze":  # the checker names blanks {{n}}; the prompt shows (n)
            feedback_lines = [_BLANK.sub(r"(\1)", line) for line in feedback_lines]
        lines = [("•", line) for line in feedback_lines]
        if not result.correct and result.expected and self.item.type != "flashcard":
            lines.append((say("quizscreen.expected", lang), self._expected_as_shown(result, lang)))
        box = self.query_one("#quiz-lines", Vertical)
        box.remove_children()
        box.mount_all(
            # label and text side by side: wrapped text keeps its indent, in Japanese too
            Horizontal(
                Static(label, classes="line-label", markup=False),
                Static(inline(text), classes="line-text", markup=False),
                classes="line",
            )
            for label, text in lines
        )
        box.display = bool(lines)
        self.query_one("#quiz-explanation-title", Static).update(
            say("quizscreen.explanation", lang)
        )
        self.query_one("#quiz-explanation", Prose).show(result.explanation)
        for name in ("#quiz-explanation-title", "#quiz-explanation"):
            self.query_one(name).display = bool(result.explanation)
        last = self.index == len(self.items) - 1
        next_line = say("quizscreen.finish", lang) if last else say("quizscreen.next", lang)
        self.query_one("#quiz-next", Static).update(next_line)

    # -- answering ---------------------------------------------------------------------

    @on(QuestionWidget.Answered)
    def answered_question(self, event: QuestionWidget.Answered) -> None:
        event.stop()
        service = self.service
        if self.answered or service is None:
            return
        lang: Lang = self.renshu_app.lang
        seconds = time.monotonic() - self.shown
        try:
            result = service.answer(self.item, event.raw, lang, seconds)
        except AnswerFormatError as error:
            if self.item.type == "numeric":
                event.widget.note("quizscreen.unreadable.numeric")
            else:
                event.widget.note("quizscreen.unreadable", error=error)
            return
        except StoreError as error:  # checked but not saved: say so and let them try again
            self.notify(str(error), title=say("quizscreen.not_saved", lang), severity="error")
            return
        self.answered, self.raw, self.result = True, event.raw, result
        self.outcomes.append(Outcome(self.item, result.correct, seconds))
        self.remember_place()  # a restart goes on with the questions not yet answered
        if self.after_answer(result):
            return
        event.widget.freeze()
        self._draw_head(lang)
        self._draw_feedback(lang)
        feedback = self.query_one("#quiz-feedback")
        feedback.display = True
        body = self.query_one("#quiz-body", VerticalScroll)
        body.focus()
        self.call_after_refresh(self.query_one("#quiz-verdict").scroll_visible, animate=False)
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "next":
            return self.answered
        if action in ("hint", "hint_typing"):  # until answered; it says when there is none
            if self.answered or not self.items:
                return False
            return self._typing() == (action == "hint_typing")
        return True

    def _expected_as_shown(self, result: AnswerResult, lang: Lang) -> str:
        """The right choices of a multi-select in the order the screen lists them (the
        checker lists them in the bank's order)."""
        question = self.item.question
        if not isinstance(question, MultiSelect) or not self.item.choice_order:
            return result.expected
        right = [i for i in self.item.choice_order if question.choices[i].correct]
        return " / ".join(text_in(question.choices[i].text, lang) for i in right)

    def _typing(self) -> bool:
        widgets = self.query("#question").results(QuestionWidget)
        return any(w.typing for w in widgets)

    def action_hint(self) -> None:
        if self.answered:
            return
        hints = self.item.question.hints
        if not hints:
            self.widget.note("quizscreen.no_hints")
            return
        if self.item.hints_shown >= len(hints):
            self.widget.note("quizscreen.no_more_hints")
            return
        self.item.hints_shown += 1
        self._draw_hints(self.renshu_app.lang)
        self.call_after_refresh(self.query_one("#quiz-hints").scroll_visible, animate=False)

    def action_hint_typing(self) -> None:
        self.action_hint()

    async def action_next(self) -> None:
        if not self.answered:
            return
        if self.index + 1 < len(self.items):
            self.index += 1
            self.answered = False  # show_question resets it too; the place counts on it
            await self.show_question()
            return
        summary = SummaryScreen(
            self.outcomes, self.quiz_title, self.mode, time.monotonic() - self.started
        )
        self.app.push_screen(summary, callback=self._after_summary)

    def _after_summary(self, choice: str | None) -> None:
        """Home, or (``r`` on the summary) a new quiz of the questions missed."""
        app = self.app
        missed = [replace(o.item, hints_shown=0) for o in self.outcomes if not o.correct]
        self.dismiss()
        if choice == RETRY and missed:
            app.push_screen(QuizScreen(missed, title=self.quiz_title, mode=self.mode))

    def after_answer(self, result: AnswerResult) -> bool:
        """A subclass's turn after an answer is recorded; True: show no feedback."""
        return False

    def place(self) -> Place:
        """This quiz with the questions not answered yet (the app reopens on them)."""
        left = self.items[self.index + (1 if self.answered else 0) :]
        if not left:
            return Place("home")
        mode: Mode = "review" if self.mode == "review" else "topic"
        return Place(
            "quiz", mode=mode, title=self.quiz_title, remaining=tuple(i.question.id for i in left)
        )

    def action_back(self) -> None:
        if self.outcomes:
            self.notify(say("quizscreen.saved", self.renshu_app.lang, n=len(self.outcomes)))
        self.dismiss()

    # -- language ----------------------------------------------------------------------

    def update_language(self) -> None:
        """Redraw the question, hints, feedback and footer in the app's new language."""
        lang: Lang = self.renshu_app.lang
        if not self.is_mounted or not self.query("#question"):
            return
        self._draw_head(lang)
        self._draw_hints(lang)
        self.query_one("#quiz-prompt", Prose).show(prompt_markdown(self.item, lang))
        self.widget.set_language(lang)
        if self.answered:
            self._draw_feedback(lang)
