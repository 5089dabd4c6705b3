"""The workspace's panel side: the task, result and solution tabs (read full screen at 80
columns), hints, the solution after a pass, and the next exercise's offer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.containers import VerticalScroll
from textual.notifications import SeverityLevel as Level
from textual.widgets import Button, TabbedContent, TextArea

from renshu.grader.wording import say

from ..base import RenshuScreen

if TYPE_CHECKING:
    from renshu.grader.exercises.catalogue import LoadedExercise


class WorkspacePanels(RenshuScreen[None]):
    """What ``WorkspaceScreen`` shows beside the editor (it sets these attributes)."""

    exercise_id: str
    exercise: LoadedExercise | None
    hints_shown: int
    passed: bool

    def _render_hints(self) -> None:
        """Redraw the hints shown and the hint button (``WorkspaceScreen`` does)."""

    def _say(
        self, key: str, level: Level = "information", timeout: float | None = None, **values: object
    ) -> None:
        """Notify the learner of the catalogue text ``key`` in the app's language."""
        self.notify(say(key, self.lang, **values), severity=level, timeout=timeout)

    def action_show_panel(self, tab: str) -> None:
        """Show the result or the task, wherever the focus is. Narrow (80 columns), the panel
        then fills the screen to be read (↑↓ scroll it); the same key again, or escape,
        goes back to the editor."""
        tabs = self.query_one(TabbedContent)
        if not self.has_class("-narrow"):
            tabs.active = tab
            return
        if self.has_class("-reading") and tabs.active == tab:
            self._stop_reading()
            return
        tabs.active = tab
        self.add_class("-reading")
        target = "#ws-result" if tab == "tab-result" else "#ws-task"
        self.query_one(target).focus()

    def _stop_reading(self) -> None:
        self.remove_class("-reading")
        self.query_one("#ws-editor", TextArea).focus()

    def _offer_next(self) -> None:
        from renshu.grader.exercises.catalogue import get_exercise
        from renshu.grader.exercises.curriculum_order import next_exercise

        following = next_exercise(self.exercise_id)
        if following is not None:
            title = get_exercise(following).spec.title.get(self.lang)
            self._say("workspace.notice.next", title=title)

    # -- hints and the solution --------------------------------------------------------------

    def action_hint(self) -> None:
        if self.exercise is None:
            return
        if self.hints_shown >= len(self.exercise.spec.hints):
            self._say("workspace.hint.none_left")
            return
        self.hints_shown += 1
        if self.service is not None:
            self.service.reveal_exercise_hint(self.exercise.id, self.hints_shown)
        self._render_hints()
        self.query_one(TabbedContent).active = "tab-task"
        self.query_one("#ws-task", VerticalScroll).scroll_end(animate=False)

    @on(Button.Pressed, "#ws-hint-button")
    def _hint_pressed(self) -> None:
        self.action_hint()

    def action_solution(self) -> None:
        service = self.service
        if service is None or self.exercise is None:
            return
        if not (self.passed or service.has_passed(self.exercise_id)):
            self._say("workspace.notice.locked")
            return
        try:
            source = service.solution(self.exercise_id)
        except Exception as error:  # the reference is shipped data: say what broke, keep going
            self._say("workspace.notice.solution_failed", "error", error=error)
            return
        self.query_one("#ws-solution", TextArea).load_text(source)
        tabs = self.query_one(TabbedContent)
        tabs.show_tab("tab-solution")
        tabs.active = "tab-solution"
