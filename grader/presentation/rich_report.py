"""Human-readable rendering of a ``GradeResult`` with rich."""

from __future__ import annotations

import json
from typing import Any

import numpy as np
from rich.console import Console, Group
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from renshu.grader.grading.result import GradeResult, Status

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
        "weak_isolation": "注意: この隔離は弱いものです。他人のファイルを採点するには bubblewrap を"
        "入れてください (sudo apt install bubblewrap、詳しくは renshu doctor)。",
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
        "weak_isolation": "warning: this isolation is weaker; untrusted files need bubblewrap "
        "(sudo apt install bubblewrap; see renshu doctor).",
        "seed": "seed",
    },
}
_STYLE = {Status.PASS: "bold green", Status.FAIL: "bold red", Status.ERROR: "bold yellow"}
MAX_OUTPUT_LINES = 20


def _fmt_value(value: Any, limit: int = 1500) -> str:
    """Numeric nested lists as NumPy prints them; anything else as JSON."""
    text = None
    if isinstance(value, list) and value:
        try:
            arr = np.asarray(value)
        except ValueError:  # ragged, e.g. BLEU references of different lengths
            arr = None
        if arr is not None and arr.dtype.kind in "biuf":
            text = np.array2string(
                arr, precision=4, suppress_small=True, separator=", ", max_line_width=72
            )
    if text is None:
        text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= limit else text[:limit] + " …"


def _arg_rows(args: dict[str, Any], shapes: dict[str, str]) -> list[tuple[str, str, str]]:
    """(name, axes, value) rows; dicts and lists of arrays are flattened (``params.W_i``,
    ``grads[0]``)."""
    rows = []
    for name, value in args.items():
        if isinstance(value, list) and f"{name}[0]" in shapes:
            for i, entry in enumerate(value):
                path = f"{name}[{i}]"
                rows.append((path, shapes.get(path, ""), _fmt_value(entry)))
        elif isinstance(value, dict):
            for key, entry in value.items():
                path = f"{name}.{key}"
                rows.append((path, shapes.get(path, ""), _fmt_value(entry)))
        else:
            rows.append((name, shapes.get(name, ""), _fmt_value(value)))
    return rows


def _returned_items(shapes: dict[str, str], expected: Any, got: Any) -> list[tuple[str, Any, Any]]:
    """(label, expected, got) per returned item: a tuple is split item by item when it can be."""
    labels = [
        f"{k.removeprefix('return.')} {v}" for k, v in shapes.items() if k.startswith("return.")
    ]
    if (
        len(labels) > 1
        and isinstance(expected, list)
        and isinstance(got, list)
        and len(expected) == len(got) == len(labels)
    ):
        return list(zip(labels, expected, got, strict=True))
    return [("; ".join(labels), expected, got)]


def render(result: GradeResult, console: Console) -> None:
    """Print the verdict, what was tried, the counterexample, diagnosis, hint and output."""
    lab = _LABELS[result.lang]
    head = Text()
    head.append(f" {lab[result.status.value]} ", style=f"reverse {_STYLE[result.status]}")
    head.append(f"  {result.exercise or ''}  ", style="bold")
    head.append(result.file, style="dim")
    console.print(head)
    console.print(escape(result.message))
    meta = (
        f"{lab['tried']}: {result.examples} · {lab['seed']}: {result.seed} · "
        f"{result.duration_s:.2f} s · {lab['isolation']}: {result.isolation}"
    )
    console.print(Text(meta, style="dim"))
    if result.isolation.startswith("weak"):
        console.print(Text(lab["weak_isolation"], style="bold yellow"))
    blocks: list[Any] = []
    ce = result.counterexample
    if ce is not None:
        table = Table.grid(padding=(0, 1))
        table.add_column(style="bold cyan", no_wrap=True)
        table.add_column(style="dim", no_wrap=True)
        table.add_column()
        for name, axes, value in _arg_rows(ce.args, ce.shapes):
            table.add_row(escape(name), escape(axes), escape(value))
        blocks.append(Panel(table, title=lab["input"], title_align="left", border_style="cyan"))
        if ce.got is not None or result.status is Status.FAIL:
            diff = Table.grid(padding=(0, 1))
            diff.add_column(style="bold", no_wrap=True)
            diff.add_column()
            for label, expected, got in _returned_items(ce.shapes, ce.expected, ce.got):
                if label:
                    diff.add_row("", Text(label, style="dim"))
                diff.add_row(lab["expected"], escape(_fmt_value(expected)))
                diff.add_row(lab["got"], escape(_fmt_value(got)))
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
