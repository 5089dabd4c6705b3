"""The renshu app: a thin shell that owns the language and the study service.

The first screen is drawn before any domain module is imported; the
catalogue and the progress store load in a worker thread and the screens fill
in when ``ServiceReady`` arrives. Domain logic lives in ``renshu.grader``.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App
from textual.notifications import SeverityLevel
from textual.reactive import reactive

from renshu.grader.settings import Lang, detect_language
from renshu.grader.wording import say

from .actions import BY_ID
from .base import RenshuModalScreen, RenshuScreen
from .bindings import bindings_for
from .commands import ActionCommands, StudyCommands
from .messages import ServiceLoaded, ServiceLoadFailed, ServiceReady
from .screens.home import HomeScreen

if TYPE_CHECKING:
    from renshu.grader.cli.study import ExamRequest
    from renshu.grader.progress.study import StudyService

__all__ = ["Notice", "RenshuApp", "ServiceReady", "locale_language", "make_app"]


def locale_language() -> Lang:
    """The language by the one rule the CLI uses too (``renshu.grader.settings``)."""
    return detect_language()


@dataclass(frozen=True)
class Notice:
    """A notification the app showed (kept in ``RenshuApp.notifications_sent``)."""

    message: str
    title: str
    severity: SeverityLevel


class RenshuApp(App[None]):
    """Study topics, answer questions, review, and solve graded exercises."""

    CSS_PATH = Path(__file__).with_name("app.tcss")  # absolute: subclasses may live anywhere
    TITLE = say("app.title", "en")
    # Only renshu's own: its actions (quit and help included) and its content, not
    # Textual's generic commands (themes, screenshots) in English.
    COMMANDS = {StudyCommands, ActionCommands}
    COMMAND_PALETTE_BINDING = BY_ID["command_palette"].keys
    BINDINGS = bindings_for("app")
    NOTICES_KEPT = 200

    lang: reactive[Lang] = reactive("en", init=False)

    def __init__(
        self,
        data_dir: Path | None = None,
        banks: Iterable[Path] = (),
        *,
        now: datetime | None = None,
        seed: int | None = None,
        lang: Lang | None = None,
        exam: ExamRequest | None = None,
    ) -> None:
        super().__init__()
        self._exam = exam
        self._data_dir = data_dir
        self._banks = list(banks)
        self._now = now
        self._seed = seed
        self._lang_override = lang
        self.service: StudyService | None = None
        # The newest notifications, oldest first: what a learner (or a test) was told.
        self.notifications_sent: deque[Notice] = deque(maxlen=self.NOTICES_KEPT)
        # Until the stored setting is loaded: the override, else the locale's language.
        self.set_reactive(RenshuApp.lang, lang or locale_language())

    def on_mount(self) -> None:
        self.push_screen(HomeScreen())
        # Load after the first frame is on screen: the import-heavy load would otherwise
        # compete with the first paint for the interpreter.
        self.call_after_refresh(self._start_loading)

    def _start_loading(self) -> None:
        self.run_worker(self._load_service, thread=True, name="load-service", exit_on_error=False)

    def _load_service(self) -> None:
        """In a thread: load the catalogue and the store, and post the outcome to the app."""
        try:
            from renshu.grader.progress.study import StudyService

            service = StudyService(self._data_dir, self._banks, now=self._now, seed=self._seed)
        except Exception as error:  # shown to the learner; the app stays up
            self.post_message(ServiceLoadFailed(error))
        else:
            self.post_message(ServiceLoaded(service))

    def on_service_loaded(self, message: ServiceLoaded) -> None:
        service = self.service = message.service
        if self._lang_override is None:
            self.set_reactive(RenshuApp.lang, service.language(self.lang))
        for error in service.bank_errors:
            self.notify(
                str(error),
                title=say("notice.bank_error", self.lang),
                severity="warning",
                timeout=12,
            )
        for notice in service.notices:
            self.notify(
                notice.message,
                title=say("notice.store", self.lang),
                severity="warning",
                timeout=15,
            )
        for screen in self.screen_stack:
            screen.post_message(ServiceReady(service))
        if self._exam is not None:  # `renshu exam`: the paper at once, not the last place
            from .screens.exam import start_exam

            exam, self._exam = self._exam, None
            start_exam(self, service, exam.questions, exam.minutes, exam.seed)
            return
        self._resume(service)

    def _resume(self, service: StudyService) -> None:
        """Reopen the place the learner left (an exercise, a quiz's remaining questions)."""
        from renshu.grader.exercises.catalogue import builtin_exercises_dir
        from renshu.grader.progress.resume import load_place

        from .screens.home import HomeScreen

        if not isinstance(self.screen, HomeScreen) or len(self.screen_stack) > 2:
            return  # the learner already moved on while the catalogue loaded
        exercises = {p.parent.name for p in builtin_exercises_dir().glob("*/exercise.yaml")}
        place = load_place(service.store, exercises, set(service.catalogue.questions))
        if place is None or place.screen == "home":
            return
        if place.screen in ("exercises", "workspace"):
            from .screens.exercises import ExerciseListScreen

            self.push_screen(ExerciseListScreen())  # back from the exercise lands on the list
        if place.screen == "workspace" and place.exercise is not None:
            from .screens.workspace import WorkspaceScreen

            # Once the list is up: two screens pushed in one tick race their mounts.
            self.call_after_refresh(self.push_screen, WorkspaceScreen(place.exercise))
        elif place.screen == "stats":
            from .screens.stats import StatsScreen

            self.push_screen(StatsScreen())
        elif place.screen == "quiz":
            from .screens.quiz import QuizScreen

            items = [service.present(service.catalogue.questions[q][0]) for q in place.remaining]
            self.push_screen(QuizScreen(items, title=place.title, mode=place.mode))
        self.notify(say("notice.resumed", self.lang), timeout=4)

    def on_service_load_failed(self, message: ServiceLoadFailed) -> None:
        self.notify(str(message.error), title="renshu", severity="error", timeout=30)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Show a notification, and keep it in ``notifications_sent``."""
        self.notifications_sent.append(Notice(message, title, severity))
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    # -- actions -----------------------------------------------------------------------

    def action_toggle_language(self) -> None:
        self.lang = "en" if self.lang == "ja" else "ja"

    def watch_lang(self, lang: Lang) -> None:
        if self.service is not None:
            self.service.set_language(lang)
        for screen in self.screen_stack:
            if isinstance(screen, RenshuScreen | RenshuModalScreen):
                screen.update_language()
        self.refresh_bindings()  # the footer asks the screen's active_bindings again

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def on_unmount(self) -> None:
        if self.service is not None:
            self.service.close()


def make_app(
    data_dir: Path | None = None,
    banks: Iterable[Path] = (),
    *,
    now: datetime | None = None,
    seed: int | None = None,
    lang: Lang | None = None,
    exam: ExamRequest | None = None,
) -> RenshuApp:
    """The one app factory, used by the console script and every Pilot and snapshot test."""
    return RenshuApp(data_dir, banks, now=now, seed=seed, lang=lang, exam=exam)
