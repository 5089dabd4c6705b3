"""One grading result as the learner reads it: verdict, why, the smallest failing input, heatmaps.

The widget only renders a ``GradeResult`` it is given (it never calls the
grader), and only through its ``ResultView`` (``grader/presentation/view.py``, shared
with the CLI: the same rows, value truncation and output tail). It keeps the result
so that a language change rebuilds the view: labels, the message (worded again from its
code), where it diverged, and the misconception and hint (worded again from their data)
all follow.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from renshu.grader.presentation.formatting import format_value, spans_of
from renshu.grader.presentation.phrases import Phrased
from renshu.grader.presentation.rich_parts import VERDICT_STYLE, spans_text, verdict_text
from renshu.grader.presentation.view import CounterexampleView, ResultView, build_view
from renshu.grader.settings import Lang
from renshu.grader.wording import say

from .heatmap import Heatmap

if TYPE_CHECKING:
    from renshu.grader.grading.result import GradeResult

__all__ = ["VERDICT_STYLE", "GradeView", "format_value", "inline_code"]


def inline_code(text: str, style: str = "") -> Text:
    """``text`` with Markdown `code` spans in a code colour and **strong** spans in bold
    (nothing else is interpreted)."""
    return spans_text(spans_of(text), style)


class GradeView(VerticalScroll):
    """The last grading result (or a prompt to grade), in the app's language."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.result: GradeResult | None = None
        self.failure: str | None = None  # an exception while grading, shown instead
        self.lang: Lang = "en"
        self._shown: list[RenderableType] = []

    def compose(self) -> ComposeResult:
        yield Static(id="gv-head")
        yield Vertical(id="gv-maps")
        yield Static(id="gv-tail")

    def on_mount(self) -> None:
        self._render_all()

    # -- what the screen calls -------------------------------------------------------------

    def show(self, result: GradeResult, lang: Lang) -> None:
        self.result, self.failure, self.lang = result, None, lang
        self._render_all()
        self.scroll_home(animate=False)

    def show_failure(self, text: str, lang: Lang) -> None:
        self.result, self.failure, self.lang = None, text, lang
        self._render_all()

    def set_language(self, lang: Lang) -> None:
        self.lang = lang
        self._render_all()

    @property
    def text(self) -> str:
        """Everything shown, as plain text (for tests and screen readers)."""
        console = Console(width=200, no_color=True, record=True, file=io.StringIO())
        for renderable in self._shown:
            console.print(renderable)
        for heatmap in self.query(Heatmap):
            console.print(heatmap.render())
        return console.export_text()

    # -- rendering -------------------------------------------------------------------------

    def _render_all(self) -> None:
        if not self.is_mounted:
            return
        head = self.query_one("#gv-head", Static)
        tail = self.query_one("#gv-tail", Static)
        maps = self.query_one("#gv-maps", Vertical)
        maps.remove_children()
        lang, result = self.lang, self.result
        view = None if result is None else build_view(result, lang)
        if self.failure is not None:
            badge = Text(f" {say('gradeview.error', lang)} ", VERDICT_STYLE["error"])
            head_parts: list[RenderableType] = [
                badge + Text(f"  {say('gradeview.crashed', lang)}", "dim"),
                Text(self.failure),
            ]
        elif view is None:
            head_parts = [Text(say("gradeview.empty", lang), style="dim")]
        else:
            head_parts = _head(view)
        head.update(Group(*head_parts))
        tail_parts = [] if view is None else _output(view)
        tail.update(Group(*tail_parts))
        self._shown = head_parts + tail_parts
        if view is not None and view.heatmaps:
            maps.mount_all(Heatmap(m.name, m.expected, m.got, lang) for m in view.heatmaps)


def _head(view: ResultView) -> list[RenderableType]:
    # The workspace's status bar names the file; the isolation closes the result (``_output``).
    parts: list[RenderableType] = [
        verdict_text(view.verdict, with_file=False),
        Text(view.meta.counts, style="dim"),
    ]
    if view.meta.warning:
        parts.append(Text(view.meta.warning, style="bold yellow"))
    if view.summary:
        parts.append(Phrased(spans_text(view.summary)))
    for note in (view.divergence, view.misconception, view.hint):
        if note is not None:
            parts.append(_heading(note.title, note.detail))
            parts.append(_indented(Phrased(spans_text(note.spans))))
    if view.counterexample is not None:
        parts.extend(_counterexample(view.counterexample))
    return parts


def _counterexample(ce: CounterexampleView) -> list[RenderableType]:
    parts: list[RenderableType] = [_heading(ce.input_title)]
    width = max((len(row.name) for row in ce.inputs), default=0)
    axes_width = max((len(row.axes) for row in ce.inputs), default=0)
    for row in ce.inputs:
        line = Text("  ")
        line.append(row.name.ljust(width), "bold")
        line.append("  " + row.axes.ljust(axes_width), "dim")
        line.append("  " + row.value)
        parts.append(line)
    parts.append(_heading(ce.comparison_title))
    labels = [ce.expected_label, ce.got_label] + ([ce.got_whole[0]] if ce.got_whole else [])
    label_width = max(len(text) for text in labels)

    def pair(key: str, value: str, style: str = "") -> Text:
        return Text(f"    {key.ljust(label_width)}  ") + Text(value, style)

    for item in ce.returned:
        parts.append(Text.assemble("  ", (item.name, "bold"), ("  " + item.axes, "dim")))
        parts.append(pair(ce.expected_label, item.expected))
        if item.got is not None:
            parts.append(pair(ce.got_label, item.got))
    if ce.got_whole is not None:
        parts.append(pair(*ce.got_whole))
    if ce.no_value is not None:
        parts.append(pair(ce.got_label, ce.no_value, "dim"))
    if ce.largest is not None:
        parts.append(Text(ce.largest, style="bold red"))
    return parts


def _output(view: ResultView) -> list[RenderableType]:
    parts: list[RenderableType] = []
    for tail in view.outputs:
        parts.append(_heading(tail.title))
        if tail.hidden_note:
            parts.append(Text("  " + tail.hidden_note, style="dim"))
        parts.append(Text("\n".join("  " + line for line in tail.lines), style="grey70"))
    parts.append(Text("\n" + view.meta.isolation, style="dim"))
    return parts


def _heading(title: str, detail: str = "") -> Text:
    text = Text("\n")
    text.append(title, "bold underline")
    if detail:
        text.append("  " + detail, "bold magenta")
    return text


def _indented(text: RenderableType) -> Padding:
    return Padding(text, (0, 0, 0, 2))
