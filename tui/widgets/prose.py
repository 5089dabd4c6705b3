"""Bank and exercise prose (prompts, explanations, hints) that wraps Japanese at phrases.

The text goes through ``renshu.grader.presentation.prose_render`` (the CLI's renderer
too); a text with more Markdown than that renders keeps Textual's Markdown widget.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.await_complete import AwaitComplete
from textual.containers import Vertical
from textual.widgets import Markdown, Static

from renshu.grader.presentation.prose_render import (  # noqa: F401  (plain_text for tests)
    needs_markdown,
    plain_text,
    render_prose,
)


class Prose(Vertical):
    """Shows one Markdown text through ``render_prose``, or as Markdown when it must."""

    DEFAULT_CSS = """
    Prose { height: auto; }
    Prose > .prose-text { height: auto; }
    Prose > Markdown { height: auto; }
    """

    source: str = ""  # the Markdown last shown

    def compose(self) -> ComposeResult:
        yield Static(classes="prose-text")
        yield Markdown()

    def show(self, markdown: str) -> AwaitComplete:
        """Show ``markdown``; await the result to wait for a Markdown rendering."""
        self.source = markdown
        text, rich = self.query_one(".prose-text", Static), self.query_one(Markdown)
        plain = not needs_markdown(markdown)
        text.display, rich.display = plain, not plain
        if not plain:
            text.update("")
            return rich.update(markdown)
        text.update(render_prose(markdown))
        return rich.update("")
