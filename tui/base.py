"""What every renshu screen shares: typed access to the app, footer labels in the app's language.

``renshu_app`` is the one place that narrows Textual's ``App`` to ``RenshuApp``;
screens use ``self.renshu_app.lang`` and ``self.renshu_app.service`` with their
real types. ``active_bindings`` (the public property the footer and the key
panel read) describes the registry's keys in the current language, so a
language switch needs only ``refresh_bindings()``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from textual import on
from textual.app import App
from textual.binding import ActiveBinding
from textual.events import ScreenResume
from textual.screen import ModalScreen, Screen

from renshu.grader.settings import Lang

from .bindings import Scope, localized

if TYPE_CHECKING:
    from renshu.grader.progress.resume import Place
    from renshu.grader.progress.study import StudyService

    from .app import RenshuApp

ResultT = TypeVar("ResultT")


def renshu_app_of(app: App[Any]) -> RenshuApp:
    """``app`` as the ``RenshuApp`` it is (a clear error if a screen is used in another app)."""
    from .app import RenshuApp

    if not isinstance(app, RenshuApp):
        raise TypeError(f"renshu's screens run inside RenshuApp, not {type(app).__name__}")
    return app


class RenshuScreen(Screen[ResultT]):
    """A full screen of the app; ``SCOPE`` names its rows in the action registry."""

    SCOPE: ClassVar[Scope]

    @property
    def renshu_app(self) -> RenshuApp:
        return renshu_app_of(self.app)

    @property
    def lang(self) -> Lang:
        """The app's language, which every text on the screen follows."""
        return self.renshu_app.lang

    @property
    def service(self) -> StudyService | None:
        """The study service, ``None`` until the catalogue and progress store have loaded."""
        return self.renshu_app.service

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        return localized(super().active_bindings, self.renshu_app.lang)

    def update_language(self) -> None:
        """Redraw every text in the app's new language (the footer follows by itself)."""

    def place(self) -> Place | None:
        """Where the app reopens if the learner leaves on this screen (None: keep the last)."""
        return None

    @on(ScreenResume)
    def remember_place(self) -> None:
        """Save this screen as the place to reopen, each time it comes to the front."""
        place, service = self.place(), self.service
        if place is not None and service is not None:
            from renshu.grader.progress.resume import save_place

            save_place(service.store, place)

    def action_back(self) -> None:
        self.app.pop_screen()


class RenshuModalScreen(ModalScreen[ResultT]):
    """A modal screen of the app (the help): the same typed access and labels."""

    SCOPE: ClassVar[Scope]

    @property
    def renshu_app(self) -> RenshuApp:
        return renshu_app_of(self.app)

    @property
    def lang(self) -> Lang:
        """The app's language, which every text on the screen follows."""
        return self.renshu_app.lang

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        return localized(super().active_bindings, self.renshu_app.lang)

    def update_language(self) -> None:
        """Redraw every text in the app's new language (the footer follows by itself)."""
