"""The renshu app: a thin shell that owns the language and the study service.

The first screen is drawn before any domain module is imported; the
catalogue and the progress store load in a worker thread and the screens fill
in when ``ServiceReady`` arrives. Domain logic lives in ``renshu.grader``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.worker import Worker, WorkerState

from renshu.grader.settings import detect_language

from .commands import StudyCommands
from .i18n import Lang, t
from .screens.home import HomeScreen

if TYPE_CHECKING:
    from renshu.grader.progress.study import StudyService


def locale_language() -> Lang:
    """The language by the one rule the CLI uses too (``renshu.grader.settings``)."""
    return detect_language()


class ServiceReady(Message):
    """The catalogue and progress store are loaded; screens may fill in."""


class RenshuApp(App[None]):
    """Study topics, answer questions, review, and solve graded exercises."""

    CSS_PATH = Path(__file__).with_name("app.tcss")  # absolute: subclasses may live anywhere
    TITLE = "renshu 練習"
    COMMANDS = App.COMMANDS | {StudyCommands}
    BINDINGS = [
        Binding("q", "quit", "Quit", priority=False),
        Binding("question_mark", "help", "Help"),
        Binding("l", "toggle_language", "Lang"),
    ]

    lang: reactive[Lang] = reactive("en", init=False)

    def __init__(
        self,
        data_dir: Path | None = None,
        banks: Iterable[Path] = (),
        *,
        now: datetime | None = None,
        seed: int | None = None,
        lang: Lang | None = None,
    ) -> None:
        super().__init__()
        self._data_dir = data_dir
        self._banks = list(banks)
        self._now = now
        self._seed = seed
        self._lang_override = lang
        self.service: StudyService | None = None
        # Until the stored setting is loaded: the override, else the locale's language.
        self.set_reactive(RenshuApp.lang, lang or locale_language())

    def on_mount(self) -> None:
        self.push_screen(HomeScreen())
        # Load after the first frame is on screen: the import-heavy load would otherwise
        # compete with the first paint for the interpreter.
        self.call_after_refresh(self._start_loading)

    def _start_loading(self) -> None:
        self.run_worker(self._load_service, thread=True, name="load-service", exit_on_error=False)

    def _load_service(self) -> StudyService:
        from renshu.grader.progress.study import StudyService

        return StudyService(self._data_dir, self._banks, now=self._now, seed=self._seed)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.name != "load-service":
            return
        if event.state == WorkerState.SUCCESS:
            self.service = event.worker.result
            if self._lang_override is None:
                self.set_reactive(RenshuApp.lang, self.service.language(self.lang))
            for error in self.service.bank_errors:
                self.notify(
                    str(error),
                    title=t("notice.bank_error", self.lang),
                    severity="warning",
                    timeout=12,
                )
            for notice in self.service.notices:
                self.notify(
                    notice.message,
                    title=t("notice.store", self.lang),
                    severity="warning",
                    timeout=15,
                )
            for screen in self.screen_stack:
                screen.post_message(ServiceReady())
        elif event.state == WorkerState.ERROR:
            self.notify(str(event.worker.error), title="renshu", severity="error", timeout=30)

    # -- actions -----------------------------------------------------------------------

    def action_toggle_language(self) -> None:
        self.lang = "en" if self.lang == "ja" else "ja"

    def watch_lang(self, lang: Lang) -> None:
        if self.service is not None:
            self.service.set_language(lang)
        for screen in self.screen_stack:
            refresh = getattr(screen, "update_language", None)
            if refresh is not None:
                refresh()
        self.refresh_bindings()

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
) -> RenshuApp:
    """The one app factory, used by the console script and every Pilot and snapshot test."""
    return RenshuApp(data_dir, banks, now=now, seed=seed, lang=lang)
