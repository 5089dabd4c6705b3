"""The graded exercises with the learner's status; enter opens one in the workspace."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import DataTable, Footer, Header, Static

from renshu.grader.progress.resume import Place
from renshu.grader.settings import Lang
from renshu.grader.wording import say

from ..base import RenshuScreen
from ..bindings import bindings_for, label
from ..messages import ServiceReady

STATUS_STYLE = {"not_started": "dim", "failing": "bold red", "passed": "bold green"}
STATUS_MARK = {"not_started": "·", "failing": "✗", "passed": "✓"}


def status_cell(status: str, lang: Lang) -> Text:
    """``✓ passed`` in green, ``✗ failing`` in red, ``· not started`` dimmed."""
    words = say(f"exercises.{status}", lang)
    return Text(f"{STATUS_MARK[status]} {words}", style=STATUS_STYLE[status])


class ExerciseListScreen(RenshuScreen[None]):
    """Every exercise with its title, topic and whether the learner has passed it."""

    SCOPE = "exercises"
    BINDINGS = bindings_for("exercises")

    def place(self) -> Place:
        return Place("exercises")

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="exercises"):
            yield Static(id="exercises-intro")
            yield DataTable(id="exercise-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_service_ready(self, _message: ServiceReady) -> None:
        self.reload()

    def on_screen_resume(self) -> None:
        self.reload()  # a pass in the workspace changes the status

    def on_resize(self) -> None:
        self.reload()

    def update_language(self) -> None:
        self.reload()

    def reload(self) -> None:
        lang: Lang = self.renshu_app.lang
        self.sub_title = label("home.exercises", lang)
        self.query_one("#exercises-intro", Static).update(say("exercises.intro", lang))
        service = self.service
        if service is None:
            return
        from renshu.grader.quiz.banks import load_curriculum

        topics = load_curriculum().topics
        table = self.query_one("#exercise-table", DataTable)
        row = table.cursor_row
        table.clear(columns=True)
        table.add_column(say("exercises.title", lang), key="title")
        table.add_column(say("exercises.topic", lang), key="topic")
        table.add_column(say("exercises.status", lang), key="status")
        rows = service.exercises()
        cells = []
        for item in rows:
            spec = item.exercise.spec
            topic = topics[spec.topic].title.get(lang) if spec.topic in topics else spec.topic
            cells.append((Text(spec.title.get(lang)), Text(topic), status_cell(item.status, lang)))
        # Titles give way so that the topic and status columns always fit on screen.
        others = max((c[1].cell_len for c in cells), default=0) + max(
            (c[2].cell_len for c in cells), default=0
        )
        # 2 for the screen's border and 2 for the table's scrollbar when the list overflows.
        room = max(16, self.app.size.width - 4 - others - 3 * 2 * table.cell_padding)
        for item, (title, topic_cell, status) in zip(rows, cells, strict=True):
            title.truncate(room, overflow="ellipsis")
            table.add_row(title, topic_cell, status, key=item.id)
        if rows:
            table.move_cursor(row=min(max(row, 0), len(rows) - 1))
        table.focus()

    def selected_exercise(self) -> str | None:
        table = self.query_one("#exercise-table", DataTable)
        if table.row_count == 0:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    def action_open(self) -> None:
        exercise_id = self.selected_exercise()
        if exercise_id is None:
            return
        from .workspace import WorkspaceScreen

        self.app.push_screen(WorkspaceScreen(exercise_id))
