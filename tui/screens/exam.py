"""The mock exam: the quiz screen without feedback, against the clock, scored at the end.

Answers are recorded as they are given (so a wrong one becomes due in review) but
nothing is shown until the paper is handed in (escape) or the time is up; then the
result screen shows the score per syllabus area beside the pass line, and every
question missed, each reviewable (enter opens it with its explanation).
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.events import Mount
from textual.widgets import DataTable, Footer, Header, Static

from renshu.grader.progress.exam import (
    DEFAULT_MINUTES,
    DEFAULT_QUESTIONS,
    PASS_LINE,
    ExamResult,
    Paper,
    draw_paper,
    record_exam,
    score_exam,
)
from renshu.grader.progress.resume import Place
from renshu.grader.quiz.answer_check import AnswerResult
from renshu.grader.quiz.model import text_in
from renshu.grader.settings import Lang
from renshu.grader.syllabus import AREA_TITLES
from renshu.grader.wording import say

from ..base import RenshuScreen, renshu_app_of
from ..bindings import bindings_for
from .home import mastery_bar
from .quiz import QuizScreen

if TYPE_CHECKING:
    from textual.app import App

    from renshu.grader.progress.study import StudyItem, StudyService


def start_exam(
    app: App[None],
    service: StudyService,
    questions: int = DEFAULT_QUESTIONS,
    minutes: int = DEFAULT_MINUTES,
    seed: int | None = None,
) -> None:
    """Draw a paper and open it (a notice instead when the banks hold no question)."""
    paper = draw_paper(service.catalogue, questions, minutes, seed)
    if not paper.question_ids:
        app.notify(say("exam.empty", renshu_app_of(app).lang))
        return
    catalogue = service.catalogue.questions
    items = [service.present(catalogue[q][0]) for q in paper.question_ids]
    app.push_screen(ExamScreen(items, paper, say("exam.title", renshu_app_of(app).lang)))


def right_answer(item: StudyItem, lang: Lang) -> str:
    """The answer of a question nobody answered (the checker words it once answered)."""
    from renshu.grader.quiz.model import (
        Cloze,
        MultiSelect,
        Numeric,
        Ordering,
        ShortAnswer,
        SingleChoice,
        TrueFalse,
    )

    q = item.question
    if isinstance(q, SingleChoice | MultiSelect):
        return " / ".join(text_in(c.text, lang) for c in q.choices if c.correct)
    if isinstance(q, TrueFalse):
        return "○" if q.answer else "×"
    if isinstance(q, Numeric):
        value = item.numeric.answer if item.numeric is not None else q.answer
        return f"{value:g}" if value is not None else ""
    if isinstance(q, ShortAnswer):
        return q.accepted[0]
    if isinstance(q, Cloze):
        return " / ".join(answers[0] for answers in q.blanks)
    if isinstance(q, Ordering):
        return " → ".join(text_in(t, lang) for t in q.items)
    return ""


class ExamScreen(QuizScreen):
    """A timed paper: no feedback, no hints; escape hands it in."""

    SCOPE = "exam"
    BINDINGS = bindings_for("exam")

    def __init__(self, items: list[StudyItem], paper: Paper, title: str = "") -> None:
        super().__init__(items, title=title, mode="exam")
        self.paper = paper
        self.deadline = time.monotonic() + paper.minutes * 60
        self.begun = time.monotonic()
        self.answers: dict[str, bool] = {}
        self.expected: dict[str, str] = {}
        self.finished = False

    @on(Mount)
    def _start_clock(self) -> None:
        # (QuizScreen.on_mount draws the first question: Textual calls it for this class too.)
        self.set_interval(1.0, self._tick, name="exam-clock")

    def place(self) -> Place:
        return Place("home")  # a timed paper is not resumed

    def _left(self) -> float:
        return max(self.deadline - time.monotonic(), 0.0)

    def _draw_head(self, lang: Lang) -> None:
        left = int(self._left())
        clock = say("exam.clock", self.lang, m=left // 60, s=f"{left % 60:02d}")
        answered = say("exam.answered", self.lang, n=len(self.answers), total=len(self.items))
        self.query_one("#quiz-head", Static).update(
            Content.assemble(
                (
                    say("quizscreen.progress", self.lang, n=self.index + 1, total=len(self.items)),
                    "bold $accent",
                ),
                "  ·  ",
                (clock, "bold $warning" if left < 300 else "bold"),
                "  ·  ",
                (answered, "$text-muted"),
            )
        )

    def _tick(self) -> None:
        if self.finished or not self.is_mounted:
            return
        if self._left() <= 0:
            self.finish(timed_out=True)
            return
        self._draw_head(self.lang)

    def after_answer(self, result: AnswerResult) -> bool:
        """Nothing shown until the end: the answer is kept and the next question drawn."""
        qid = self.item.question.id
        self.answers[qid] = result.correct
        self.expected[qid] = self._expected_as_shown(result, self.lang)
        self.call_later(self.action_next)
        return True

    async def action_next(self) -> None:
        if not self.answered:
            return
        if self.index + 1 < len(self.items):
            self.index += 1
            self.answered = False
            await self.show_question()
            return
        self.finish()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("hint", "hint_typing", "next"):  # no hints; the next comes by itself
            return False
        return super().check_action(action, parameters)

    def action_back(self) -> None:
        self.finish()  # hand the paper in: what is answered is scored

    def finish(self, *, timed_out: bool = False) -> None:
        if self.finished:
            return
        self.finished = True
        result = score_exam(
            self.paper, self.answers, time.monotonic() - self.begun, timed_out=timed_out
        )
        if self.service is not None:
            record_exam(self.service.store, result)
        app = self.app
        screen = ExamResultScreen(result, self.expected, self.items, self.quiz_title)
        self.dismiss()
        app.push_screen(screen)


class ExamResultScreen(RenshuScreen[None]):
    """The score per area beside the pass line; the questions missed, each reviewable."""

    SCOPE = "exam_result"
    BINDINGS = bindings_for("exam_result")

    def __init__(
        self, result: ExamResult, expected: dict[str, str], items: list[StudyItem], title: str = ""
    ) -> None:
        super().__init__()
        self.sub_title = title
        self.result = result
        self.expected = expected
        self.items = {item.question.id: item for item in items}

    def place(self) -> Place:
        return Place("home")

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="exam-result"):
            yield Static(id="exam-score")
            yield DataTable(id="exam-areas", cursor_type="none", zebra_stripes=True)
            yield Static(id="exam-missed-title")
            yield DataTable(id="exam-missed", cursor_type="row")
        yield Footer()

    def on_mount(self) -> None:
        self.update_language()

    def update_language(self) -> None:
        lang = self.lang
        r = self.result
        verdict = say("exam.pass" if r.passed else "exam.below", lang)
        lines = [
            say("exam.score", lang, correct=r.correct, total=r.total, pct=round(100 * r.score)),
            say("exam.pass_line", lang, pct=round(100 * PASS_LINE)) + " · " + verdict,
            say(
                "exam.time",
                lang,
                m=int(r.seconds // 60),
                limit=r.minutes,
                timed_out=say("exam.timed_out", lang) if r.timed_out else "",
            ),
        ]
        if not any(a.area == "math" for a in r.areas):
            lines.append(say("exam.no_math", lang))
        self.query_one("#exam-score", Static).update("\n".join(lines))
        areas = self.query_one("#exam-areas", DataTable)
        areas.clear(columns=True)
        for key in ("exam.area", "exam.area_score", "exam.area_bar"):
            areas.add_column(say(key, lang), key=key)
        for a in r.areas:
            style = "" if a.share >= PASS_LINE else "bold red"
            areas.add_row(
                AREA_TITLES[a.area].get(lang),
                Text(f"{a.correct} / {a.total}", style=style),
                mastery_bar(a.share),
            )
        missed = [*r.wrong, *r.unanswered]
        self.query_one("#exam-missed-title", Static).update(
            say("exam.missed", lang, n=len(missed)) if missed else say("exam.none_missed", lang)
        )
        table = self.query_one("#exam-missed", DataTable)
        table.clear(columns=True)
        for key in ("exam.question", "exam.answer"):
            table.add_column(say(key, lang), key=key)
        width = max(self.size.width, 60)
        for qid in missed:
            item = self.items[qid]
            prompt = Text(text_in(item.question.prompt, lang).strip().splitlines()[0])
            prompt.truncate(int(width * 0.55), overflow="ellipsis")
            given = self.expected.get(qid)
            answer = Text(given or f"{right_answer(item, lang)} {say('exam.unanswered', lang)}")
            answer.truncate(int(width * 0.35), overflow="ellipsis")
            table.add_row(prompt, answer, key=qid)
        table.display = bool(missed)
        table.focus()

    @on(DataTable.RowSelected, "#exam-missed")
    def _row_chosen(self) -> None:
        self.action_review()  # enter on the table (the table takes the key itself)

    def action_review(self) -> None:
        """The missed question again, with its feedback and explanation after answering."""
        table = self.query_one("#exam-missed", DataTable)
        service = self.service
        if table.row_count == 0 or service is None:
            return
        qid = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        if qid is None:
            return
        item = service.present(self.items[qid].question)
        self.app.push_screen(QuizScreen([item], title=say("exam.review", self.lang), mode="topic"))
