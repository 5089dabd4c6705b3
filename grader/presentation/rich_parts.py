"""Rich ``Text`` for the parts of a ``ResultView`` that the CLI and the TUI draw alike."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text

from renshu.grader.presentation.formatting import Span, SpanKind
from renshu.grader.presentation.view import VerdictLine

VERDICT_STYLE = {
    "pass": "bold black on green3",
    "fail": "bold white on red3",
    "error": "bold black on dark_orange",
}
SPAN_STYLE = {SpanKind.PLAIN: "", SpanKind.STRONG: "bold", SpanKind.CODE: "bold cyan"}


def spans_text(spans: Iterable[Span], style: str = "", *, code_marks: bool = False) -> Text:
    """The spans styled (never parsed as markup); ``code_marks`` keeps backticks around code,
    for a terminal that may show no colour."""
    out = Text(style=style)
    for span in spans:
        text = f"`{span.text}`" if code_marks and span.kind is SpanKind.CODE else span.text
        out.append(text, SPAN_STYLE[span.kind])
    return out


def verdict_text(verdict: VerdictLine, *, with_file: bool = True) -> Text:
    """`` FAIL   lstm_cell  mine.py · mismatch`` (the file left out where it is shown already)."""
    text = Text()
    text.append(f" {verdict.label} ", VERDICT_STYLE[verdict.status.value])
    if verdict.exercise:
        text.append(f"  {verdict.exercise}", "bold")
    if with_file:
        text.append(f"  {verdict.file}", "dim")
    if verdict.reason:
        text.append(f" · {verdict.reason}", "dim")
    return text
