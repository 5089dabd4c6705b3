"""Human-readable rendering of a ``GradeResult`` with rich, drawn only from its ``ResultView``."""

from __future__ import annotations

from typing import Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from renshu.grader.grading.result import GradeResult
from renshu.grader.presentation.phrases import Phrased
from renshu.grader.presentation.rich_parts import spans_text, verdict_text
from renshu.grader.presentation.view import CounterexampleView, ResultView, build_view


def render(result: GradeResult, console: Console) -> None:
    """Print the verdict, what was tried, the counterexample, diagnosis, hint and output."""
    render_view(build_view(result), console)


def render_view(view: ResultView, console: Console) -> None:
    console.print(verdict_text(view.verdict))
    console.print(Phrased(spans_text(view.summary, code_marks=True)))
    console.print(Phrased(Text(view.meta.text, style="dim")))
    if view.meta.warning:
        console.print(Text(view.meta.warning, style="bold yellow"))
    blocks: list[Any] = []
    if view.counterexample is not None:
        blocks.extend(_counterexample(view.counterexample))
    if view.divergence is not None:
        line = Text(f"{view.divergence.title}: ", style="bold cyan")
        blocks.append(Phrased(line + spans_text(view.divergence.spans, code_marks=True)))
    if view.misconception is not None:
        note = view.misconception
        blocks.append(
            Panel(
                Phrased(spans_text(note.spans, code_marks=True)),
                title=Text(f"{note.title}: {note.detail}"),
                title_align="left",
                border_style="magenta",
            )
        )
    if view.hint is not None:
        hint = Text(f"{view.hint.title}: ", style="bold yellow")
        blocks.append(Phrased(hint + spans_text(view.hint.spans, code_marks=True)))
    for tail in view.outputs:
        body = Text()  # plain text only: a submission's output is never interpreted as markup
        if tail.hidden_note:
            body.append(tail.hidden_note + "\n", "dim")
        body.append("\n".join(tail.lines))
        blocks.append(Panel(body, title=Text(tail.title), title_align="left", border_style="dim"))
    if blocks:
        console.print(Group(*blocks))


def _counterexample(ce: CounterexampleView) -> list[Any]:
    table = Table.grid(padding=(0, 1))
    table.add_column(style="bold cyan", no_wrap=True)
    table.add_column(style="dim", no_wrap=True)
    table.add_column()
    for row in ce.inputs:
        table.add_row(Text(row.name), Text(row.axes), Text(row.value))
    blocks: list[Any] = [
        Panel(table, title=Text(ce.input_title), title_align="left", border_style="cyan")
    ]
    diff = Table.grid(padding=(0, 1))
    diff.add_column(style="bold", no_wrap=True)
    diff.add_column()
    for item in ce.returned:
        diff.add_row("", Text.assemble((item.name, "bold"), (f"  {item.axes}", "dim")))
        diff.add_row(Text(ce.expected_label), Text(item.expected))
        if item.got is not None:
            diff.add_row(Text(ce.got_label), Text(item.got))
    if ce.got_whole is not None:
        diff.add_row(Text(ce.got_whole[0]), Text(ce.got_whole[1]))
    if ce.no_value is not None:
        diff.add_row(Text(ce.got_label), Text(ce.no_value, style="dim"))
    if ce.largest is not None:
        diff.add_row("", Text(ce.largest, style="bold red"))
    blocks.append(
        Panel(diff, title=Text(ce.comparison_title), title_align="left", border_style="dim")
    )
    return blocks
