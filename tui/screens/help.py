"""Help: every key binding, in the current language (built from the action registry)."""

from __future__ import annotations

from rich.console import RenderableType
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from ..base import RenshuModalScreen
from ..bindings import bindings_for, help_renderable


class HelpScreen(RenshuModalScreen[None]):
    SCOPE = "help"
    BINDINGS = bindings_for("help")

    def _body(self) -> RenderableType:
        return help_renderable(self.renshu_app.lang)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(self._body(), id="help-body")

    def update_language(self) -> None:
        self.query_one("#help-body", Static).update(self._body())
