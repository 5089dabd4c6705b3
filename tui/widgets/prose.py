"""Bank prose (a prompt, an explanation, hints) that wraps Japanese at phrase boundaries.

Most texts are paragraphs with `code` and **strong** spans: those are shown through
``Phrased`` (BudouX phrases, kinsoku), the same helper as the CLI's reports. The few
with lists, fenced code or links keep Textual's Markdown, which renders them fully.
"""

from __future__ import annotations

import re

from textual.app import ComposeResult
from textual.await_complete import AwaitComplete
from textual.containers import Vertical
from textual.widgets import Markdown, Static

from renshu.grader.presentation.formatting import spans_of
from renshu.grader.presentation.phrases import Phrased
from renshu.grader.presentation.rich_parts import spans_text

_NEEDS_MARKDOWN = re.compile(r"```|^\s*([-*+]|\d+\.)\s|\]\(|^#|^\s*>", re.M)
_JAPANESE_END = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]$")
_JAPANESE_START = re.compile(r"^[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]")


def paragraphs(markdown: str) -> list[str]:
    """Markdown paragraphs with soft line breaks joined: nothing between two Japanese
    characters, a space elsewhere (as a browser would show them)."""
    out = []
    for block in re.split(r"\n\s*\n", markdown.strip()):
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        text = lines[0] if lines else ""
        for line in lines[1:]:
            glue = "" if _JAPANESE_END.search(text) and _JAPANESE_START.search(line) else " "
            text += glue + line
        out.append(text)
    return out


def needs_markdown(markdown: str) -> bool:
    return bool(_NEEDS_MARKDOWN.search(markdown))


class Prose(Vertical):
    """Shows one Markdown text: as phrase-wrapped paragraphs, or as Markdown when needed."""

    DEFAULT_CSS = """
    Prose { height: auto; }
    Prose > .prose-text { height: auto; }
    Prose > Markdown { height: auto; }
    """

    def compose(self) -> ComposeResult:
        yield Static(classes="prose-text")
        yield Markdown()

    source: str = ""  # the Markdown last shown

    def show(self, markdown: str) -> AwaitComplete:
        """Show ``markdown``; await the result to wait for a Markdown rendering."""
        self.source = markdown
        text, rich = self.query_one(".prose-text", Static), self.query_one(Markdown)
        plain = not needs_markdown(markdown)
        text.display, rich.display = plain, not plain
        if not plain:
            text.update("")
            return rich.update(markdown)
        shown = [spans_text(spans_of(p)) for p in paragraphs(markdown)]
        body = shown[0] if shown else spans_text(())
        for paragraph in shown[1:]:
            body = body + "\n\n" + paragraph
        text.update(Phrased(body))
        return rich.update("")
