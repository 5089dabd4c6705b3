"""Human-readable rendering of a ``GradeResult`` with rich."""

from __future__ import annotations

import json
from typing import Any

from rich.console import Console, Group
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from .result import GradeResult, Status

_LABELS = {
    "ja": {
        "pass": "合格",
        "fail": "不合格",
        "error": "エラー",
        "tried": "試した入力",
        "input": "最小の失敗入力",
        "expected": "期待値",
        "got": "あなたの出力",
        "largest": "最大誤差",
        "at": "位置",
        "misconception": "よくある誤り",
        "hint": "ヒント",
        "printed": "提出コードの出力",
        "isolation": "隔離",
        "seed": "シード",
    },
    "en": {
        "pass": "PASS",
        "fail": "FAIL",
        "error": "ERROR",
        "tried": "inputs tried",
        "input": "minimal failing input",
        "expected": "expected",
        "got": "got",
        "largest": "largest error",
        "at": "at",
        "misconception": "misconception",
        "hint": "hint",
        "printed": "the submission printed",
        "isolation": "isolation",
        "seed": "seed",
    },
}
_STYLE = {Status.PASS: "bold green", Status.FAIL: "bold red", Status.ERROR: "bold yellow"}
MAX_OUTPUT_LINES = 20


def _fmt_value(value: Any, limit: int = 1200) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value
    if isinstance(value, list) and value and isinstance(value[0], list):
        text = "\n".join(json.dumps(row, ensure_ascii=False) for row in value)
    return text if len(text) <= limit else text[:limit] + " …"


def render(result: GradeResult, console: Console) -> None:
    """Print the verdict, what was tried, the counterexample, diagnosis, hint and output."""
    lab = _LABELS[result.lang]
    head = Text()
    head.append(f" {lab[result.status.value]} ", style=f"reverse {_STYLE[result.status]}")
    head.append(f"  {result.exercise}  ", style="bold")
    head.append(result.file, style="dim")
    console.print(head)
    console.print(escape(result.message))
    meta = (
        f"{lab['tried']}: {result.examples} · {lab['seed']}: {result.seed} · "
        f"{result.duration_s:.2f} s · {lab['isolation']}: {result.isolation}"
    )
    console.print(Text(meta, style="dim"))
    blocks: list[Any] = []
    ce = result.counterexample
    if ce is not None:
        table = Table.grid(padding=(0, 1))
        table.add_column(style="bold cyan", no_wrap=True)
        table.add_column()
        for name, value in ce.args.items():
            table.add_row(escape(name), escape(_fmt_value(value)))
        blocks.append(Panel(table, title=lab["input"], title_align="left", border_style="cyan"))
        if ce.got is not None or result.status is Status.FAIL:
            diff = Table.grid(padding=(0, 1))
            diff.add_column(style="bold", no_wrap=True)
            diff.add_column()
            diff.add_row(lab["expected"], escape(_fmt_value(ce.expected)))
            diff.add_row(lab["got"], escape(_fmt_value(ce.got)))
            if ce.max_abs_error is not None:
                diff.add_row(lab["largest"], f"{ce.max_abs_error:.3g} ({lab['at']} {ce.where})")
            blocks.append(diff)
    if result.misconception is not None:
        blocks.append(
            Panel(
                escape(result.misconception.message),
                title=f"{lab['misconception']}: {result.misconception.id}",
                title_align="left",
                border_style="magenta",
            )
        )
    if result.hint and result.status is not Status.PASS:
        blocks.append(Text.assemble((f"{lab['hint']}: ", "bold yellow"), result.hint))
    printed = (result.stdout + result.stderr).strip()
    if printed:
        lines = printed.splitlines()
        shown = "\n".join(lines[:MAX_OUTPUT_LINES])
        if len(lines) > MAX_OUTPUT_LINES:
            shown += f"\n… ({len(lines) - MAX_OUTPUT_LINES} more lines)"
        # Shown as plain text only: a submission's output is never interpreted as markup.
        blocks.append(
            Panel(Text(shown), title=lab["printed"], title_align="left", border_style="dim")
        )
    if blocks:
        console.print(Group(*blocks))
