"""Command palette: find any topic, question or exercise by name, in Japanese or English,
and run any key's action by its label (the action registry in ``bindings.py``)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.dom import DOMNode

from renshu.grader.wording import say

from .base import RenshuModalScreen, RenshuScreen, renshu_app_of
from .bindings import KeyAction, palette_rows

if TYPE_CHECKING:
    from .app import RenshuApp


class StudyCommands(Provider):
    """Topics open a quiz, questions open a one-question quiz, exercises open the workspace."""

    @property
    def renshu_app(self) -> RenshuApp:
        return renshu_app_of(self.app)

    async def search(self, query: str) -> Hits:
        service = self.renshu_app.service
        if service is None or not query.strip():
            return
        matcher = self.matcher(query)
        lang = self.renshu_app.lang
        for kind, ident, label in service.search(query.strip(), lang)[:40]:
            text = f"{say(f'palette.kind.{kind}', lang)}: {label}"
            score = matcher.match(text) or 0.5
            yield Hit(
                score, matcher.highlight(text[:120]), partial(self._open, kind, ident), help=ident
            )

    def _open(self, kind: str, ident: str) -> None:
        app = self.renshu_app
        service = app.service
        if service is None:
            return
        if kind == "exercise":
            from .screens.workspace import WorkspaceScreen

            app.push_screen(WorkspaceScreen(ident))
            return
        from .screens.quiz import QuizScreen

        if kind == "topic":
            items = service.topic_session(ident)
        else:
            items = [service.present(service.catalogue.questions[ident][0])]
        app.push_screen(QuizScreen(items, title=ident, mode="topic"))


class ActionCommands(Provider):
    """The keys of the app and of the screen the palette was opened on, by their labels."""

    def _rows(self) -> list[tuple[KeyAction, DOMNode, str]]:
        """(row, the node that runs it, its text) for each action enabled right now."""
        screen = self.screen
        scope = screen.SCOPE if isinstance(screen, RenshuScreen | RenshuModalScreen) else None
        lang = renshu_app_of(self.app).lang
        found = []
        for row in palette_rows(scope):
            node: DOMNode = self.app if "app" in row.scopes else screen
            if row.label is None or node.check_action(row.action, ()) is not True:
                continue
            found.append((row, node, say(row.label, lang)))
        return found

    def _command(self, row: KeyAction, node: DOMNode) -> Callable[[], object]:
        return partial(self.app.run_action, row.action, node)

    def _help(self, row: KeyAction) -> str:
        lang = renshu_app_of(self.app).lang
        words = say(row.help, lang) if row.help else ""
        return f"{row.key_display()}  {words}".rstrip()

    async def discover(self) -> Hits:
        for row, node, text in self._rows():
            yield DiscoveryHit(text, self._command(row, node), text=text, help=self._help(row))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for row, node, text in self._rows():
            score = matcher.match(text)
            if score > 0:
                command = self._command(row, node)
                yield Hit(score, matcher.highlight(text), command, text=text, help=self._help(row))
