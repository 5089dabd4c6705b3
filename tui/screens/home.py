"""Home: the curriculum's topics with mastery, questions, exercises and what is due."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import DataTable, Footer, Header, Static

from renshu.grader.progress.resume import Place
from renshu.grader.wording import say

from ..base import RenshuScreen
from ..bindings import bindings_for, label
from ..messages import ServiceReady


def mastery_bar(value: float, width: int = 10) -> str:
    """A text bar (e.g. ``██████░░░░ 60%``) that renders in any terminal."""
    filled = round(max(0.0, min(1.0, value)) * width)
    return "█" * filled + "░" * (width - filled) + f" {value:>4.0%}"


class HomeScreen(RenshuScreen[None]):
    """Topics to study; keys start a quiz, the review, the exercises or the stats."""

    SCOPE = "home"
    BINDINGS = bindings_for("home")

    def place(self) -> Place:
        return Place("home")

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        with Vertical(id="home"):
            yield Static(say("app.loading", self.renshu_app.lang), id="home-summary")
            yield DataTable(id="topics", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.update_language()

    def on_service_ready(self, _message: ServiceReady) -> None:
        self.reload()

    def on_screen_resume(self) -> None:
        if self.service is not None:
            self.reload()

    def update_language(self) -> None:
        self.reload()

    def reload(self) -> None:
        lang = self.renshu_app.lang
        table = self.query_one("#topics", DataTable)
        service = self.service
        if service is None:
            return
        home = service.home()
        summary = say(
            "home.summary",
            lang,
            reviews=home.reviews_due,
            new=home.new_today,
            streak=home.streak_days,
        )
        if not any(topic.questions for topic in home.topics):
            summary += "\n" + say("home.empty", lang)
        self.query_one("#home-summary", Static).update(summary)
        row = table.cursor_row
        table.clear(columns=True)
        for key in ("home.topic", "home.mastery", "home.questions", "home.exercises", "home.due"):
            table.add_column(say(key, lang), key=key)
        for topic in home.topics:
            title = Text(topic.title.get(lang))
            if topic.background:  # not examined in the 2024 outline
                title.append(f" ({say('home.background', lang)})", style="dim")
            table.add_row(
                title,
                mastery_bar(topic.mastery),
                str(topic.questions),
                str(topic.exercises) if topic.exercises else "·",
                str(topic.due) if topic.due else "·",
                key=topic.topic,
            )
        if home.topics:
            table.move_cursor(row=min(row, len(home.topics) - 1))
        table.focus()

    def _selected_topic(self) -> str | None:
        table = self.query_one("#topics", DataTable)
        if table.row_count == 0:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_quiz()

    def action_quiz(self) -> None:
        service = self.service
        topic = self._selected_topic()
        if service is None or topic is None:
            return
        items = service.topic_session(topic)
        if not items:
            self.notify(say("home.empty", self.renshu_app.lang))
            return
        from .quiz import QuizScreen

        title = next(
            s.title.get(self.renshu_app.lang) for s in service.home().topics if s.topic == topic
        )
        self.app.push_screen(QuizScreen(items, title=title, mode="topic"))

    def action_review(self) -> None:
        service = self.service
        if service is None:
            return
        items = service.review_session()
        if not items:
            self.notify(say("home.no_due", self.renshu_app.lang))
            return
        from .quiz import QuizScreen

        self.app.push_screen(
            QuizScreen(items, title=label("home.review", self.renshu_app.lang), mode="review")
        )

    def action_exercises(self) -> None:
        if self.service is None:
            return
        from .exercises import ExerciseListScreen

        self.app.push_screen(ExerciseListScreen())

    def action_exam(self) -> None:
        """A mock exam with the default paper (``renshu exam`` sets its size and time)."""
        service = self.service
        if service is None:
            return
        from .exam import start_exam

        start_exam(self.renshu_app, service)

    def action_stats(self) -> None:
        if self.service is None:
            return
        from .stats import StatsScreen

        self.app.push_screen(StatsScreen())
