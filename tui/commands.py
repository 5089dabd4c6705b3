"""Command palette: find any topic, question or exercise by name, in Japanese or English."""

from __future__ import annotations

from functools import partial

from textual.command import Hit, Hits, Provider


class StudyCommands(Provider):
    """Topics open a quiz, questions open a one-question quiz, exercises open the workspace."""

    async def search(self, query: str) -> Hits:
        app = self.app
        service = getattr(app, "service", None)
        if service is None or not query.strip():
            return
        matcher = self.matcher(query)
        for kind, ident, label in service.search(query.strip())[:40]:
            text = f"{kind}: {label}"
            score = matcher.match(text) or 0.5
            yield Hit(
                score, matcher.highlight(text[:120]), partial(self._open, kind, ident), help=ident
            )

    def _open(self, kind: str, ident: str) -> None:
        app = self.app
        service = app.service
        if kind == "exercise":
            from .screens.workspace import WorkspaceScreen

            app.push_screen(WorkspaceScreen(ident))
            return
        from .screens.quiz import QuizScreen

        if kind == "topic":
            items = service.topic_session(ident)
            title = ident
        else:
            items = [service.present(service.catalogue.questions[ident][0])]
            title = ident
        app.push_screen(QuizScreen(items, title=title, mode="topic"))
