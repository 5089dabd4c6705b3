"""The workspace: an exercise's task and hints, a Python editor on the learner's file, the grading.

Saving (ctrl+s) writes the file and grades it in a thread worker; every run is
numbered and only the newest run's result is shown, so a slow stale grading
never overwrites a newer one. The file is polled once a second, so a change
made by any other editor (or ctrl+e, which suspends the app and runs
``$EDITOR``) reloads the editor and regrades.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import threading
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult, SuspendNotSupported
from textual.binding import Binding
from textual.containers import Container, Vertical, VerticalScroll
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import (
    Button,
    Footer,
    Header,
    Markdown,
    Static,
    TabbedContent,
    TabPane,
    TextArea,
)
from textual.worker import Worker, WorkerState

from ..bindings import relabel
from ..i18n import Lang, tr
from ..widgets.grade_view import VERDICT_STYLE, GradeView

if TYPE_CHECKING:
    from renshu.grader.exercises.catalogue import LoadedExercise
    from renshu.grader.grading.result import GradeResult

STRINGS: dict[str, tuple[str, str]] = {
    "tab.task": ("課題", "Task"),
    "tab.result": ("結果", "Result"),
    "tab.solution": ("模範解答", "Solution"),
    "hint.title": ("ヒント {i}/{n}", "Hint {i} of {n}"),
    "hint.button": ("ヒント ({i}/{n})", "Hint ({i}/{n})"),
    "hint.none_left": ("ヒントはこれで全部です", "No more hints"),
    "state.loading": ("読み込み中…", "Loading…"),
    "state.saved": ("保存済み", "saved"),
    "state.unsaved": ("● 未保存 (ctrl+s で保存して採点)", "● unsaved (ctrl+s saves and grades)"),
    "state.grading": ("採点中…", "grading…"),
    "verdict.pass": ("合格", "PASS"),
    "verdict.fail": ("不合格", "FAIL"),
    "verdict.error": ("エラー", "ERROR"),
    "notice.unknown": ("演習 {id} が見つかりません", "There is no exercise called {id}"),
    "notice.unreadable": ("作業ファイルを読めません: {error}", "Cannot read your file: {error}"),
    "notice.unwritable": ("保存できませんでした: {error}", "Could not save: {error}"),
    "notice.missing": (
        "作業ファイルがなくなっていたので、ひな形から作り直しました。"
        "エディタの内容はそのままです(ctrl+s で保存)。",
        "Your workspace file was missing, so it was recreated from the starter."
        " The editor keeps your text (ctrl+s saves it).",
    ),
    "notice.reloaded": (
        "ファイルが外部で変更されたので読み込み直して採点します",
        "The file changed on disk: reloaded, grading",
    ),
    "notice.locked": (
        "模範解答は合格すると見られます。",
        "The reference solution unlocks after you pass.",
    ),
    "notice.passed": (
        "合格です!ctrl+o で模範解答と見比べられます。",
        "Passed! ctrl+o shows the reference solution beside your code.",
    ),
    "notice.grading_failed": ("採点できませんでした", "Grading failed"),
    "notice.no_suspend": (
        "この端末ではアプリを一時停止して外部エディタを開けません",
        "This terminal cannot suspend the app to run an external editor",
    ),
    "notice.editor_failed": (
        "エディタ {cmd} を起動できません: {error}($EDITOR を設定してください)",
        "Could not start the editor {cmd}: {error} (set $EDITOR)",
    ),
    "notice.editor_exit": (
        "{cmd} が終了コード {code} で終わりました",
        "{cmd} exited with code {code}",
    ),
    "notice.solution_failed": (
        "模範解答を表示できません: {error}",
        "Cannot show the solution: {error}",
    ),
}

LABELS: dict[str, tuple[str, str]] = {
    "save": ("保存", "Save"),
    "external_editor": ("エディタ", "Editor"),
    "solution": ("解答", "Solution"),
    "hint": ("ヒント", "Hint"),
    "back": ("戻る", "Back"),
}

POLL_SECONDS = 1.0
SPINNER = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"

# One grading at a time: Hypothesis keeps global state, and a stale run still
# holding the lock lets the next one skip itself if an even newer save came in.
_GRADE_LOCK = threading.Lock()


@dataclass
class RunTags:
    """Numbers the grading runs; only the newest run's result may be shown."""

    latest: int = 0
    workers: dict[Worker, int] = field(default_factory=dict)

    def new(self) -> int:
        self.latest += 1
        return self.latest

    def is_current(self, run: int) -> bool:
        return run == self.latest


FileSignature = tuple[int, int, int]  # (inode, size, mtime in ns)


def file_signature(path: Path) -> FileSignature | None:
    """What changes when a file is rewritten or replaced (``None`` if it is gone)."""
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def home_relative(path: Path) -> str:
    try:
        return "~/" + str(path.relative_to(Path.home()))
    except ValueError:
        return str(path)


class WorkspaceScreen(Screen[None]):
    """Solve one exercise: read the task, edit the code, save to grade, see why it failed."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    BINDINGS = [
        # Priority: the editor has focus while typing and binds ctrl+e (end of line) itself.
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("ctrl+e", "external_editor", "Editor", priority=True),
        Binding("ctrl+o", "solution", "Solution", priority=True),
        # Not priority: in the editor these keys type themselves (escape leaves the editor).
        Binding("h", "hint", "Hint"),
        Binding("escape", "back", "Back"),
    ]

    def __init__(self, exercise_id: str) -> None:
        super().__init__()
        self.exercise_id = exercise_id
        self.exercise: LoadedExercise | None = None
        self.path: Path | None = None
        self.hints_shown = 0
        self.passed = False
        self.runs = RunTags()
        self.grading = False
        self.last_result: GradeResult | None = None
        self._disk_text = ""  # what the file held when last read or written by this screen
        self._disk_signature: FileSignature | None = None
        self._editor_text = ""
        self._spinner: Timer | None = None
        self._spin = 0

    # -- layout ------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with Container(id="ws-body"):
            with TabbedContent(id="ws-panel", initial="tab-task"):
                with TabPane("Task", id="tab-task"), VerticalScroll(id="ws-task"):
                    yield Markdown(id="ws-prompt")
                    yield Markdown(id="ws-hints")
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
        if self.app.service is not None:
            self.open_exercise()

    def on_service_ready(self) -> None:
        if self.exercise is None:
            self.open_exercise()

    def open_exercise(self) -> None:
        service = self.app.service
        lang: Lang = self.app.lang
        found = [e.exercise for e in service.exercises() if e.id == self.exercise_id]
        if not found:
            self.notify(tr(STRINGS, "notice.unknown", lang, id=self.exercise_id), severity="error")
            self.app.pop_screen()
            return
        self.exercise = found[0]
        try:
            self.path = service.workspace_file(self.exercise_id)
            text = self.path.read_text(encoding="utf-8", errors="replace")
        except OSError as error:
            self.notify(tr(STRINGS, "notice.unreadable", lang, error=error), severity="error")
            text = ""
        self._disk_text = text
        self._disk_signature = file_signature(self.path) if self.path else None
        editor = self.query_one("#ws-editor", TextArea)
        editor.load_text(text)
        self._editor_text = text
        self.passed = service.has_passed(self.exercise_id)
        self.update_language()
        self.set_interval(POLL_SECONDS, self.check_disk, name="workspace-poll")
        editor.focus()

    # -- language ----------------------------------------------------------------------------

    def update_language(self) -> None:
        lang: Lang = self.app.lang
        relabel(self, lang, LABELS)
        relabel(self.app, lang)
        tabs = self.query_one(TabbedContent)
        for pane in ("task", "result", "solution"):
            tabs.get_tab(f"tab-{pane}").label = tr(STRINGS, f"tab.{pane}", lang)
        self.query_one(GradeView).set_language(lang)
        if self.exercise is not None:
            self.sub_title = self.exercise.spec.title.get(lang)
            self.query_one("#ws-prompt", Markdown).update(self.exercise.spec.prompt.get(lang))
        self._render_hints()
        self._render_state()

    def _render_hints(self) -> None:
        lang: Lang = self.app.lang
        button = self.query_one("#ws-hint-button", Button)
        if self.exercise is None:
            button.display = False
            return
        hints = self.exercise.spec.hints
        shown = [
            f"**{tr(STRINGS, 'hint.title', lang, i=i + 1, n=len(hints))}**  \n{hint.get(lang)}"
            for i, hint in enumerate(hints[: self.hints_shown])
        ]
        self.query_one("#ws-hints", Markdown).update("\n\n".join(shown))
        button.display = True
        if self.hints_shown < len(hints):
            button.label = tr(STRINGS, "hint.button", lang, i=self.hints_shown + 1, n=len(hints))
            button.disabled = False
        else:
            button.label = tr(STRINGS, "hint.none_left", lang)
            button.disabled = True

    def _render_state(self) -> None:
        lang: Lang = self.app.lang
        state = Text()
        if self.path is None:
            state.append(tr(STRINGS, "state.loading", lang), "dim")
        else:
            state.append(home_relative(self.path), "dim")
            state.append("  ")
            if self._editor_text != self._disk_text:
                state.append(tr(STRINGS, "state.unsaved", lang), "bold yellow")
            else:
                state.append(tr(STRINGS, "state.saved", lang), "dim")
        if self.grading:
            state.append(f"  {SPINNER[self._spin % len(SPINNER)]} ", "bold cyan")
            state.append(tr(STRINGS, "state.grading", lang), "bold cyan")
        elif self.last_result is not None:
            status = str(self.last_result.status)
            state.append("  ")
            state.append(f" {tr(STRINGS, f'verdict.{status}', lang)} ", VERDICT_STYLE[status])
        self.query_one("#ws-state", Static).update(state)

    # -- editing and saving ------------------------------------------------------------------

    @on(TextArea.Changed, "#ws-editor")
    def _editor_changed(self, event: TextArea.Changed) -> None:
        self._editor_text = event.text_area.text
        self._render_state()

    def write_file(self, text: str) -> bool:
        """Write the editor's text to the workspace file (a notice, not a crash, if it fails)."""
        if self.path is None:
            return False
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.path.write_text(text, encoding="utf-8")
        except OSError as error:
            self.notify(
                tr(STRINGS, "notice.unwritable", self.app.lang, error=error), severity="error"
            )
            return False
        self._disk_text = text
        self._disk_signature = file_signature(self.path)
        self._render_state()
        return True

    def action_save(self) -> None:
        if self.path is None:
            return
        text = self.query_one("#ws-editor", TextArea).text
        if self.write_file(text):
            self.start_grading(text)

    def action_back(self) -> None:
        self._save_if_changed()
        self.app.pop_screen()

    def on_unmount(self) -> None:
        self._save_if_changed()  # quitting never loses typed work

    def _save_if_changed(self) -> None:
        if self.path is not None and self._editor_text != self._disk_text:
            try:
                self.path.write_text(self._editor_text, encoding="utf-8")
            except OSError:
                pass  # leaving the screen anyway; the notice would not be seen
            else:
                self._disk_text = self._editor_text

    # -- grading -----------------------------------------------------------------------------

    def start_grading(self, source: str) -> int:
        """Grade ``source`` in a thread; a newer call replaces (and outdates) this one."""
        run = self.runs.new()
        job = partial(self._grade_job, self.app.service, run, source, self.path, self.app.lang)
        worker = self.run_worker(
            job,
            name=f"grade-{run}",
            group="grade",
            exclusive=True,
            thread=True,
            exit_on_error=False,
        )
        self.runs.workers[worker] = run
        self._set_grading(True)
        return run

    def _grade_job(
        self, service, run: int, source: str, path: Path, lang: Lang
    ) -> tuple[int, GradeResult | None]:
        with _GRADE_LOCK:
            if not self.runs.is_current(run):
                return run, None  # a newer save came in while this one waited
            return run, service.grade(self.exercise_id, source, path, lang)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker.group != "grade" or event.state not in (
            WorkerState.SUCCESS,
            WorkerState.ERROR,
            WorkerState.CANCELLED,
        ):
            return
        run = self.runs.workers.pop(worker, 0)
        if event.state == WorkerState.SUCCESS:
            _run, result = worker.result
            self.apply_result(run, result)
        elif event.state == WorkerState.ERROR and self.runs.is_current(run):
            lang: Lang = self.app.lang
            self._set_grading(False)
            text = f"{type(worker.error).__name__}: {worker.error}"
            self.query_one(GradeView).show_failure(text, lang)
            self.query_one(TabbedContent).active = "tab-result"
            self.notify(text, title=tr(STRINGS, "notice.grading_failed", lang), severity="error")

    def apply_result(self, run: int, result: GradeResult | None) -> bool:
        """Show ``result`` unless a newer run has started since (then it is ignored)."""
        if result is None or not self.runs.is_current(run):
            return False
        self.last_result = result
        self._set_grading(False)
        if str(result.status) == "pass":
            self.passed = True
            self.notify(tr(STRINGS, "notice.passed", self.app.lang))
        self.query_one(GradeView).show(result, self.app.lang)
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
        lang: Lang = self.app.lang
        signature = file_signature(self.path)
        if signature is None:
            try:
                self.path = self.app.service.workspace_file(self.exercise_id)
                self._disk_text = self.path.read_text(encoding="utf-8", errors="replace")
            except OSError as error:
                self.notify(tr(STRINGS, "notice.unreadable", lang, error=error), severity="error")
                return
            self._disk_signature = file_signature(self.path)
            self.notify(tr(STRINGS, "notice.missing", lang), severity="warning", timeout=10)
            self._render_state()
            return
        if signature == self._disk_signature:
            return
        self._disk_signature = signature
        try:
            text = self.path.read_text(encoding="utf-8", errors="replace")
        except OSError as error:
            self.notify(tr(STRINGS, "notice.unreadable", lang, error=error), severity="error")
            return
        if text == self._disk_text:
            return  # touched, not changed
        self._disk_text = text
        editor = self.query_one("#ws-editor", TextArea)
        if editor.text != text:
            # An edit, not load_text: ctrl+z in the editor brings back what was there.
            editor.replace(text, editor.document.start, editor.document.end)
        self._editor_text = text
        self.notify(tr(STRINGS, "notice.reloaded", lang))
        self.start_grading(text)

    def action_external_editor(self) -> None:
        if self.path is None:
            return
        lang: Lang = self.app.lang
        if self._editor_text != self._disk_text and not self.write_file(self._editor_text):
            return  # the other editor must see what is on screen
        command = os.environ.get("EDITOR") or "vi"
        try:
            argv = [*shlex.split(command), str(self.path)]
        except ValueError as error:
            self.notify(
                tr(STRINGS, "notice.editor_failed", lang, cmd=command, error=error),
                severity="error",
            )
            return
        try:
            with self.app.suspend():
                code = subprocess.call(argv)
        except SuspendNotSupported:
            self.notify(tr(STRINGS, "notice.no_suspend", lang), severity="warning")
            return
        except OSError as error:
            self.notify(
                tr(STRINGS, "notice.editor_failed", lang, cmd=argv[0], error=error),
                severity="error",
                timeout=10,
            )
            return
        if code != 0:
            self.notify(
                tr(STRINGS, "notice.editor_exit", lang, cmd=argv[0], code=code),
                severity="warning",
            )
        self.check_disk()

    # -- hints and the solution --------------------------------------------------------------

    def action_hint(self) -> None:
        if self.exercise is None:
            return
        if self.hints_shown >= len(self.exercise.spec.hints):
            self.notify(tr(STRINGS, "hint.none_left", self.app.lang))
            return
        self.hints_shown += 1
        self._render_hints()
        self.query_one(TabbedContent).active = "tab-task"
        self.query_one("#ws-task", VerticalScroll).scroll_end(animate=False)

    @on(Button.Pressed, "#ws-hint-button")
    def _hint_pressed(self) -> None:
        self.action_hint()

    def action_solution(self) -> None:
        service = self.app.service
        if service is None or self.exercise is None:
            return
        lang: Lang = self.app.lang
        if not (self.passed or service.has_passed(self.exercise_id)):
            self.notify(tr(STRINGS, "notice.locked", lang))
            return
        try:
            source = service.solution(self.exercise_id)
        except Exception as error:  # the reference is shipped data: say what broke, keep going
            self.notify(tr(STRINGS, "notice.solution_failed", lang, error=error), severity="error")
            return
        self.query_one("#ws-solution", TextArea).load_text(source)
        tabs = self.query_one(TabbedContent)
        tabs.show_tab("tab-solution")
        tabs.active = "tab-solution"
