"""The workspace: an exercise's task and hints, a Python editor on the learner's file, the grading.

Saving (ctrl+s) writes the file and grades it in a thread worker, which posts
``GradeFinished`` or ``GradeFailed``; every run is numbered and only the newest
run's result is shown, so a slow stale grading never overwrites a newer one.
A file watcher (``renshu.grader.file_watch``, as in ``renshu watch``) sees a change
made by any other editor (or ctrl+e, which suspends the app and runs ``$EDITOR``),
which reloads the editor and regrades. The file side lives in
``renshu.tui.workspace_files``; the panels, hints and solution in ``workspace_panels``.
"""

from __future__ import annotations

import threading
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from rich.cells import cell_len
from textual import on
from textual.app import ComposeResult, SuspendNotSupported
from textual.containers import Container, Vertical, VerticalScroll
from textual.timer import Timer
from textual.widgets import (
    Button,
    Footer,
    Header,
    Static,
    TabbedContent,
    TabPane,
    TextArea,
)

from renshu.grader.progress.resume import Place
from renshu.grader.settings import Lang
from renshu.grader.wording import say

from ..bindings import bindings_for
from ..messages import GradeFailed, GradeFinished, ServiceReady
from ..widgets.grade_view import GradeView
from ..widgets.prose import Prose
from ..workspace_files import POLL_SECONDS, EditorError, RunTags, WorkspaceFile, WorkspaceFileError
from .workspace_panels import WorkspacePanels
from .workspace_text import hint_button_label, hints_markdown, state_line

if TYPE_CHECKING:
    from renshu.grader.exercises.catalogue import LoadedExercise
    from renshu.grader.grading.result import GradeResult
    from renshu.grader.progress.study import StudyService

__all__ = ["RunTags", "WorkspaceScreen"]


class WorkspaceScreen(WorkspacePanels):
    """Solve one exercise: read the task, edit the code, save to grade, see why it failed."""

    SCOPE = "workspace"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    BINDINGS = bindings_for("workspace")

    def place(self) -> Place:
        return Place("workspace", exercise=self.exercise_id)

    def __init__(self, exercise_id: str) -> None:
        super().__init__()
        self.exercise_id = exercise_id
        self.exercise: LoadedExercise | None = None
        self.files = WorkspaceFile(self._locate)
        self.hints_shown = 0
        self.passed = False
        self.runs = RunTags()
        self.grading = False
        self.last_result: GradeResult | None = None
        self._editor_text = ""
        self._spinner: Timer | None = None
        self._spin = 0
        self._watch_stop: threading.Event | None = None

    @property
    def path(self) -> Path | None:
        """The learner's file (``None`` until the exercise is open)."""
        return self.files.path

    def _locate(self) -> Path:
        if self.service is None:
            raise RuntimeError("the study service has not loaded yet")
        return self.service.workspace_file(self.exercise_id)

    # -- layout ------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with Container(id="ws-body"):
            with TabbedContent(id="ws-panel", initial="tab-task"):
                with TabPane("Task", id="tab-task"), VerticalScroll(id="ws-task"):
                    yield Prose(id="ws-prompt")
                    yield Prose(id="ws-hints")
                    yield Button("Hint", id="ws-hint-button", compact=True)
                with TabPane("Result", id="tab-result"):
                    yield GradeView(id="ws-result")
                with TabPane("Solution", id="tab-solution"):
                    yield TextArea.code_editor(
                        "", language="python", read_only=True, id="ws-solution"
                    )
            with Vertical(id="ws-code"):
                yield TextArea.code_editor("", language="python", id="ws-editor")
                yield Static(id="ws-state")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(TabbedContent).hide_tab("tab-solution")
        self.update_language()
        if self.service is not None:
            self.open_exercise(self.service)

    def on_service_ready(self, message: ServiceReady) -> None:
        if self.exercise is None:
            self.open_exercise(message.service)

    def open_exercise(self, service: StudyService) -> None:
        found = [e.exercise for e in service.exercises() if e.id == self.exercise_id]
        if not found:
            self._say("workspace.notice.unknown", "error", id=self.exercise_id)
            self.app.pop_screen()
            return
        self.exercise = found[0]
        try:
            text = self.files.open()
        except WorkspaceFileError as error:
            self._say("workspace.notice.unreadable", "error", error=error)
            text = ""
        editor = self.query_one("#ws-editor", TextArea)
        editor.load_text(text)
        self._editor_text = text
        self.passed = service.has_passed(self.exercise_id)
        self.hints_shown = service.exercise_hints_shown(self.exercise_id)
        last = service.last_result(self.exercise_id)  # reopening shows where the learner was
        if last is not None and self.last_result is None:
            self.last_result = last
            self.query_one(GradeView).show(last, self.lang)
        self.update_language()
        self.set_interval(POLL_SECONDS, self.check_disk, name="workspace-poll")
        if self.path is not None:
            service.prepare_grading(self.exercise_id, self.path)
            self._watch_stop = threading.Event()
            self.run_worker(
                partial(self._watch_disk, self.path, self._watch_stop),
                name="workspace-watch",
                group="watch",
                thread=True,
                exit_on_error=False,
            )
        editor.focus()

    def _watch_disk(self, path: Path, stop: threading.Event) -> None:
        """In a thread: each save of the file (in any editor) reloads and regrades it."""
        from renshu.grader.file_watch import file_changes

        for saved in file_changes(path, stop):
            if saved and not stop.is_set():
                try:
                    self.app.call_from_thread(self.check_disk)
                except RuntimeError:  # the app is closing
                    return

    # -- language ----------------------------------------------------------------------------

    def update_language(self) -> None:
        lang = self.lang
        tabs = self.query_one(TabbedContent)
        tabs.get_tab("tab-task").label = say("workspace.tab.task", lang)
        tabs.get_tab("tab-result").label = say("workspace.tab.result", lang)
        tabs.get_tab("tab-solution").label = say("workspace.tab.solution", lang)
        self.query_one(GradeView).set_language(lang)
        if self.exercise is not None:
            self.sub_title = self.exercise.spec.title.get(lang)
            self.query_one("#ws-prompt", Prose).show(self.exercise.spec.prompt.get(lang))
        self._render_hints()
        self._render_state()

    def _render_hints(self) -> None:
        button = self.query_one("#ws-hint-button", Button)
        button.display = self.exercise is not None
        if self.exercise is None:
            return
        self.query_one("#ws-hints", Prose).show(
            hints_markdown(self.exercise, self.hints_shown, self.lang)
        )
        button.label = hint_button_label(self.exercise, self.hints_shown, self.lang)
        button.disabled = self.hints_shown >= len(self.exercise.spec.hints)

    def _render_state(self) -> None:
        status = str(self.last_result.status) if self.last_result is not None else None
        unsaved = self.files.is_unsaved(self._editor_text)
        line = state_line(self.path, unsaved, self.grading, self._spin, status, self.lang)
        self.query_one("#ws-state", Static).update(line)

    # -- editing and saving ------------------------------------------------------------------

    @on(TextArea.SelectionChanged, "#ws-editor")
    def _editor_cursor_moved(self, event: TextArea.SelectionChanged) -> None:
        """Back on a line that fits, scroll the view back to the left edge (Textual keeps
        the sideways offset a long line needed, hiding the start of every other line)."""
        editor = event.text_area
        if editor.scroll_x <= 0:
            return
        row, column = editor.cursor_location
        line = editor.document.get_line(row)
        visible = editor.content_size.width - editor.gutter_width - 1
        if cell_len(line[:column]) < visible:
            editor.scroll_to(x=0, animate=False)

    @on(TextArea.Changed, "#ws-editor")
    def _editor_changed(self, event: TextArea.Changed) -> None:
        self._editor_text = event.text_area.text
        self._render_state()

    def write_file(self, text: str) -> bool:
        """Write the editor's text to the workspace file (a notice, not a crash, if it fails)."""
        if self.path is None:
            return False
        try:
            self.files.save(text)
        except WorkspaceFileError as error:
            self._say("workspace.notice.unwritable", "error", error=error)
            return False
        self._render_state()
        return True

    def action_save(self) -> None:
        if self.path is None:
            return
        text = self.query_one("#ws-editor", TextArea).text
        if self.write_file(text):
            self.start_grading(text)

    def action_back(self) -> None:
        if self.has_class("-reading"):  # reading the result full-screen: back to the code
            self._stop_reading()
            return
        self.files.save_quietly(self._editor_text)  # leaving anyway: a notice would not be seen
        self.app.pop_screen()

    def on_unmount(self) -> None:
        self.files.save_quietly(self._editor_text)  # quitting never loses typed work
        if self._watch_stop is not None:
            self._watch_stop.set()

    # -- grading -----------------------------------------------------------------------------

    def start_grading(self, source: str) -> int:
        """Grade ``source`` in a thread; a newer call replaces (and outdates) this one."""
        run = self.runs.new()
        service, path = self.service, self.path
        if service is None or path is None:
            return run
        job = partial(self._grade_job, service, run, source, path, self.lang)
        self.run_worker(
            job,
            name=f"grade-{run}",
            group="grade",
            exclusive=True,
            thread=True,
            exit_on_error=False,
        )
        self._set_grading(True)
        return run

    def _grade_job(
        self, service: StudyService, run: int, source: str, path: Path, lang: Lang
    ) -> None:
        """In a thread: grade unless a newer save came in, and post the outcome."""
        grade = partial(service.grade, self.exercise_id, source, path, lang)
        try:
            result = self.runs.run_if_current(run, grade)
        except Exception as error:  # shown in the results view; the app stays up
            self.post_message(GradeFailed(run, error))
            return
        if result is not None:
            self.post_message(GradeFinished(run, result))

    def on_grade_finished(self, message: GradeFinished) -> None:
        self.apply_result(message.run, message.result)

    def on_grade_failed(self, message: GradeFailed) -> None:
        if not self.runs.is_current(message.run):
            return
        self._set_grading(False)
        text = f"{type(message.error).__name__}: {message.error}"
        self.query_one(GradeView).show_failure(text, self.lang)
        self.query_one(TabbedContent).active = "tab-result"
        self.notify(text, title=say("workspace.notice.grading_failed", self.lang), severity="error")

    def apply_result(self, run: int, result: GradeResult) -> bool:
        """Show ``result`` unless a newer run has started since (then it is ignored)."""
        if not self.runs.is_current(run):
            return False
        self.last_result = result
        self._set_grading(False)
        if str(result.status) == "pass":
            self.passed = True
            self._say("workspace.notice.passed")
            self._offer_next()
        self.query_one(GradeView).show(result, self.lang)
        self.query_one(TabbedContent).active = "tab-result"
        self._render_state()
        return True

    def _set_grading(self, grading: bool) -> None:
        self.grading = grading
        self.query_one(GradeView).loading = grading
        if grading and self._spinner is None:
            self._spinner = self.set_interval(0.1, self._tick)
        elif not grading and self._spinner is not None:
            self._spinner.stop()
            self._spinner = None
        self._render_state()

    def _tick(self) -> None:
        self._spin += 1
        self._render_state()

    # -- the file on disk --------------------------------------------------------------------

    def check_disk(self) -> None:
        """Reload and regrade when the file changed on disk; recreate it if it is gone."""
        if self.path is None or not self.is_mounted:
            return
        try:
            change = self.files.poll()
        except WorkspaceFileError as error:
            self._say("workspace.notice.unreadable", "error", error=error)
            return
        if change.kind == "recreated":  # the editor keeps the learner's text
            self._say("workspace.notice.missing", "warning", timeout=10)
            self._render_state()
        elif change.kind == "changed":
            editor = self.query_one("#ws-editor", TextArea)
            if editor.text != change.text:
                # An edit, not load_text: ctrl+z in the editor brings back what was there.
                editor.replace(change.text, editor.document.start, editor.document.end)
            self._editor_text = change.text
            self._say("workspace.notice.reloaded")
            self.start_grading(change.text)

    def action_external_editor(self) -> None:
        if self.path is None:
            return
        if self.files.is_unsaved(self._editor_text) and not self.write_file(self._editor_text):
            return  # the other editor must see what is on screen
        try:
            code = self.files.run_editor(self.app.suspend())
        except SuspendNotSupported:
            self._say("workspace.notice.no_suspend", "warning")
            return
        except EditorError as error:
            self._say(
                "workspace.notice.editor_failed", "error", 10, cmd=error.command, error=error.error
            )
            return
        if code != 0:
            self._say(
                "workspace.notice.editor_exit",
                "warning",
                cmd=self.files.editor_command()[0],
                code=code,
            )
        self.check_disk()
