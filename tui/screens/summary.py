"""The end of a quiz: score, time taken, and the questions to review."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.cells import cell_len, set_cell_size
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Header, Static

from renshu.grader.progress.resume import Place
from renshu.grader.settings import Lang
from renshu.grader.wording import say

from ..base import RenshuScreen
from ..bindings import bindings_for

if TYPE_CHECKING:
    from renshu.grader.progress.study import StudyItem


@dataclass(frozen=True)
class Outcome:
    """One answered question of a session."""

    item: StudyItem
    correct: bool
    seconds: float


def duration(seconds: float, lang: Lang) -> str:
    """``42s`` or ``3m 05s`` (``42秒``, ``3分05秒``)."""
    whole = round(seconds)
    if whole < 60:
        return say("summary.sec", lang, s=whole)
    return say("summary.min_sec", lang, m=whole // 60, s=whole % 60)


def short_prompt(item: StudyItem, lang: Lang, width: int = 66) -> str:
    """The prompt's first line as plain text, cut to ``width`` terminal cells (kanji take two)."""
    text = item.prompt(lang)
    text = re.sub(r"\{\{\d+\}\}", "___", text)
    first = text.strip().splitlines()[0] if text.strip() else ""
    # Markdown markers only: backticks, ** and __ emphasis, a leading # or >; an
    # underscore inside a name (g_t, W_in) is part of it.
    first = re.sub(r"^[#>\s]+", "", first)
    text = re.sub(r"`|\*\*|(?<!\w)__|__(?!\w)", "", first)
    text = " ".join(text.split())
    return text if cell_len(text) <= width else set_cell_size(text, width - 1).rstrip() + "…"


RETRY = "retry"  # what the summary is dismissed with when the learner asks to retry


class SummaryScreen(RenshuScreen[str | None]):
    """Score, time and the wrongly answered questions; enter or escape goes home, ``r``
    retries the ones missed."""

    SCOPE = "summary"
    BINDINGS = bindings_for("summary")

    def place(self) -> Place:
        return Place("home")  # the quiz is over: a restart opens on Home

    def __init__(self, outcomes: list[Outcome], title: str, mode: str, elapsed: float) -> None:
        super().__init__()
        self.outcomes = outcomes
        self.quiz_title = title
        self.mode = mode
        self.elapsed = elapsed

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="summary"):
            yield Static(id="summary-title", markup=False)
            yield Static(id="summary-score")
            yield Static(id="summary-time", markup=False)
            yield Static(id="summary-review-title", markup=False)
            yield Static(id="summary-review")
            yield Static(id="summary-back", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.update_language()

    def update_language(self) -> None:
        lang: Lang = self.renshu_app.lang
        self.sub_title = self.quiz_title
        done = (
            say("summary.done.review", lang)
            if self.mode == "review"
            else say("summary.done.topic", lang, title=self.quiz_title)
        )
        self.query_one("#summary-title", Static).update(done)
        total = len(self.outcomes)
        correct = sum(o.correct for o in self.outcomes)
        score = self.query_one("#summary-score", Static)
        if total:
            pct = f"{correct / total:.0%}"
            score.update(
                Content.styled(
                    say("summary.score", lang, correct=correct, total=total, pct=pct),
                    "bold $success" if correct == total else "bold",
                )
            )
            mean = sum(o.seconds for o in self.outcomes) / total
            self.query_one("#summary-time", Static).update(
                say(
                    "summary.time",
                    lang,
                    total=duration(self.elapsed, lang),
                    mean=duration(mean, lang),
                )
            )
        else:
            score.update(say("summary.nothing", lang))
            self.query_one("#summary-time", Static).update("")
        wrong = [o for o in self.outcomes if not o.correct]
        self.query_one("#summary-review-title", Static).update(
            say("summary.review", lang)
            if wrong
            else (say("summary.all_right", lang) if total else "")
        )
        review = self.query_one("#summary-review", Static)
        review.display = bool(wrong)
        review.update(
            Content("\n").join(
                Content.assemble(
                    ("× ", "bold $error"),
                    (o.item.id, "$accent"),
                    "\n  ",
                    (short_prompt(o.item, lang), "$text-muted"),
                )
                for o in wrong
            )
        )
        back = say("summary.back", lang)
        if wrong:
            back = say("summary.retry_hint", lang, n=len(wrong)) + "\n" + back
        self.query_one("#summary-back", Static).update(back)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "retry":
            return any(not o.correct for o in self.outcomes)
        return True

    def action_close(self) -> None:
        self.dismiss()

    def action_retry(self) -> None:
        if any(not o.correct for o in self.outcomes):
            self.dismiss(RETRY)
