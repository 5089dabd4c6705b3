"""One grading result as the learner reads it: verdict, why, the smallest failing input, heatmaps.

The widget only renders a ``GradeResult`` it is given (it never calls the
grader); it keeps the result so that a language change re-renders the labels.
The result's own texts (message, misconception, hint) stay in the language they
were graded in.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from ..i18n import Lang, tr
from .heatmap import Heatmap, as_matrix

if TYPE_CHECKING:
    from renshu.grader.grading.result import Counterexample, GradeResult

STRINGS: dict[str, tuple[str, str]] = {
    "empty": (
        "まだ採点していません。ctrl+s で保存して採点します。",
        "Not graded yet. Press ctrl+s to save and grade.",
    ),
    "pass": ("合格", "PASS"),
    "fail": ("不合格", "FAIL"),
    "error": ("エラー", "ERROR"),
    "summary": ("{n} 例 · {s:.2f} 秒", "{n} examples · {s:.2f} s"),
    "misconception": ("よくある誤り", "Misconception"),
    "hint": ("ヒント", "Hint"),
    "input": ("最小の失敗入力", "Minimal failing input"),
    "expected_got": ("期待値とあなたの値", "Expected vs got"),
    "expected": ("期待値", "expected"),
    "got": ("あなたの値", "got"),
    "largest": ("最大誤差 {v} (位置 {where})", "Largest error {v} at {where}"),
    "largest_nowhere": ("最大誤差 {v}", "Largest error {v}"),
    "stdout": ("あなたのコードの出力 (stdout)", "What your code printed (stdout)"),
    "stderr": ("エラー出力 (stderr)", "Error output (stderr)"),
    "more_lines": ("…(先頭 {n} 行を省略)", "… ({n} earlier lines not shown)"),
    "crashed": ("採点中に問題が起きました", "Grading could not finish"),
}

VERDICT_STYLE = {
    "pass": "bold black on green3",
    "fail": "bold white on red3",
    "error": "bold black on dark_orange",
}
VALUE_LIMIT = 160  # characters of one formatted value
OUTPUT_LINES = 12  # last lines of stdout / stderr shown


def format_value(value: Any, limit: int = VALUE_LIMIT) -> str:
    """A compact one-line rendering of JSON-like data (numbers to 4 significant digits)."""

    def fmt(v: Any) -> str:
        if isinstance(v, bool) or v is None:
            return repr(v)
        if isinstance(v, float):
            return f"{v:.4g}"
        if isinstance(v, list):
            return "[" + ", ".join(fmt(x) for x in v) + "]"
        if isinstance(v, dict):
            return "{" + ", ".join(f"{k}: {fmt(x)}" for k, x in v.items()) + "}"
        return repr(v)

    text = fmt(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def inline_code(text: str, style: str = "") -> Text:
    """``text`` with Markdown `code` spans in a code colour and **strong** spans in bold
    (nothing else is interpreted)."""
    out = Text(style=style)
    for i, part in enumerate(text.split("`")):
        if i % 2:
            out.append(part, "bold cyan")
            continue
        for j, piece in enumerate(part.split("**")):
            out.append(piece, "bold" if j % 2 else "")
    return out


def flat_args(
    args: dict[str, Any], prefix: str = "", shapes: dict[str, str] | None = None
) -> list[tuple[str, Any]]:
    """Arguments with dict entries spelled ``params.W_i`` and list items ``grads[0]`` (as in
    ``Counterexample.shapes``)."""
    out: list[tuple[str, Any]] = []
    for name, value in args.items():
        if isinstance(value, list) and shapes and f"{prefix}{name}[0]" in shapes:
            out.extend((f"{prefix}{name}[{i}]", item) for i, item in enumerate(value))
        elif isinstance(value, dict):
            out.extend(flat_args(value, f"{prefix}{name}.", shapes))
        else:
            out.append((f"{prefix}{name}", value))
    return out


def returned_arrays(ce: Counterexample) -> list[tuple[str, str, Any, Any]]:
    """``(name, axis label, expected, got)`` per returned value (tuples split by their names)."""
    names = [k.removeprefix("return.") for k in ce.shapes if k.startswith("return.")]
    exp, got = ce.expected, ce.got
    if (
        len(names) > 1
        and isinstance(exp, list)
        and isinstance(got, list)
        and len(exp) == len(got) == len(names)
    ):
        return [
            (name, ce.shapes[f"return.{name}"], e, g)
            for name, e, g in zip(names, exp, got, strict=True)
        ]
    if len(names) == 1:
        return [(names[0], ce.shapes[f"return.{names[0]}"], exp, got)]
    return [("", "", exp, got)]


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
        if self.failure is not None:
            head_parts: list[RenderableType] = [
                _verdict("error", lang, tr(STRINGS, "crashed", lang)),
                Text(self.failure),
            ]
        elif result is None:
            head_parts = [Text(tr(STRINGS, "empty", lang), style="dim")]
        else:
            head_parts = self._head(result, lang)
        head.update(Group(*head_parts))
        tail_parts = [] if result is None else self._output(result, lang)
        tail.update(Group(*tail_parts))
        self._shown = head_parts + tail_parts
        if result is None:
            return
        if result.counterexample is not None:
            heatmaps = []
            for name, _axes, exp, got in returned_arrays(result.counterexample):
                expected_m, got_m = as_matrix(exp), as_matrix(got)
                if expected_m is None or got_m is None:
                    continue
                try:
                    heatmaps.append(Heatmap(name or "result", expected_m, got_m, lang))
                except ValueError:
                    continue  # shapes differ: the message says how; nothing to compare cell by cell
            if heatmaps:
                maps.mount_all(heatmaps)

    def _head(self, result: GradeResult, lang: Lang) -> list[RenderableType]:
        status = str(result.status)
        summary = tr(STRINGS, "summary", lang, n=result.examples, s=result.duration_s)
        if status != "pass":
            summary += f" · {result.reason}"
        parts: list[RenderableType] = [_verdict(status, lang, summary)]
        if result.message:
            parts.append(inline_code(result.message))
        if result.misconception is not None:
            parts.append(_heading(tr(STRINGS, "misconception", lang), result.misconception.id))
            parts.append(_indented(inline_code(result.misconception.message)))
        if result.hint and status != "pass":
            parts.append(_heading(tr(STRINGS, "hint", lang)))
            parts.append(_indented(inline_code(result.hint)))
        ce = result.counterexample
        if ce is not None:
            parts.extend(self._counterexample(ce, lang))
        return parts

    def _counterexample(self, ce: Counterexample, lang: Lang) -> list[RenderableType]:
        parts: list[RenderableType] = [_heading(tr(STRINGS, "input", lang))]
        args = flat_args(ce.args, shapes=ce.shapes)
        width = max((len(name) for name, _ in args), default=0)
        axes_width = max((len(ce.shapes.get(name, "")) for name, _ in args), default=0)
        for name, value in args:
            line = Text("  ")
            line.append(name.ljust(width), "bold")
            line.append("  " + ce.shapes.get(name, "").ljust(axes_width), "dim")
            line.append("  " + format_value(value))
            parts.append(line)
        parts.append(_heading(tr(STRINGS, "expected_got", lang)))
        exp_label, got_label = tr(STRINGS, "expected", lang), tr(STRINGS, "got", lang)
        label_width = max(len(exp_label), len(got_label))
        for name, axes, exp, got in returned_arrays(ce):
            indent = "  "
            if name:
                parts.append(Text.assemble("  ", (name, "bold"), ("  " + axes, "dim")))
                indent = "    "
            parts.append(Text(f"{indent}{exp_label.ljust(label_width)}  {format_value(exp)}"))
            parts.append(Text(f"{indent}{got_label.ljust(label_width)}  {format_value(got)}"))
        if ce.max_abs_error is not None:
            value = f"{ce.max_abs_error:.4g}"
            key = "largest" if ce.where else "largest_nowhere"
            parts.append(Text(tr(STRINGS, key, lang, v=value, where=ce.where), style="bold red"))
        return parts

    def _output(self, result: GradeResult, lang: Lang) -> list[RenderableType]:
        parts: list[RenderableType] = []
        for key, stream in (("stdout", result.stdout), ("stderr", result.stderr)):
            if not stream.strip():
                continue
            lines = stream.rstrip("\n").splitlines()
            parts.append(_heading(tr(STRINGS, key, lang)))
            if len(lines) > OUTPUT_LINES:
                hidden = len(lines) - OUTPUT_LINES
                parts.append(Text("  " + tr(STRINGS, "more_lines", lang, n=hidden), style="dim"))
                lines = lines[-OUTPUT_LINES:]
            parts.append(Text("\n".join("  " + line for line in lines), style="grey70"))
        return parts


def _verdict(status: str, lang: Lang, summary: str) -> Text:
    label = tr(STRINGS, status if status in VERDICT_STYLE else "error", lang)
    return Text.assemble(
        (f" {label} ", VERDICT_STYLE.get(status, VERDICT_STYLE["error"])), "  ", (summary, "dim")
    )


def _heading(title: str, detail: str = "") -> Text:
    text = Text("\n")
    text.append(title, "bold underline")
    if detail:
        text.append("  " + detail, "bold magenta")
    return text


def _indented(text: Text) -> Padding:
    return Padding(text, (0, 0, 0, 2))
