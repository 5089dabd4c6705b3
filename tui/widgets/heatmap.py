"""A small coloured heatmap of an expected array, the submission's array and their difference.

Each cell is a two-column block: values use a diverging scale (blue below zero,
orange above, dark near zero) shared by expected and got, so the same colour
means the same number; the difference uses red intensity for ``|got - expected|``.
Values that are not finite numbers (NaN, inf, ``None``) show as ``!!``.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.color import Color
from rich.columns import Columns
from rich.console import Group, RenderableType
from rich.style import Style
from rich.text import Text
from textual.widget import Widget

from renshu.grader.presentation.matrix import Matrix, as_matrix, number_or_none
from renshu.grader.settings import Lang
from renshu.grader.wording import say

MAX_CELLS = 12  # rows and columns shown; larger arrays are cut (and say so)
CELL = "  "

__all__ = ["MAX_CELLS", "Heatmap", "Matrix", "as_matrix"]

_NEUTRAL = (48, 48, 48)
_NEGATIVE = (56, 132, 244)  # blue
_POSITIVE = (245, 140, 40)  # orange
_DIFF_NONE = (40, 40, 40)
_DIFF_MAX = (230, 30, 30)  # red
_NOT_FINITE = Style(color="white", bgcolor="rgb(150,0,150)", bold=True)


def _blend(low: tuple[int, int, int], high: tuple[int, int, int], amount: float) -> Color:
    amount = max(0.0, min(1.0, amount))
    r, g, b = (round(lo + (hi - lo) * amount) for lo, hi in zip(low, high, strict=True))
    return Color.from_rgb(r, g, b)


def value_style(value: float | None, scale: float) -> Style:
    """Diverging colour: blue below zero, orange above, dark at zero."""
    if value is None:
        return _NOT_FINITE
    amount = abs(value) / scale if scale > 0 else 0.0
    target = _POSITIVE if value >= 0 else _NEGATIVE
    return Style(bgcolor=_blend(_NEUTRAL, target, amount))


def difference_style(difference: float | None, largest: float) -> Style:
    """Red intensity for ``|difference|`` relative to the largest one shown."""
    if difference is None:
        return _NOT_FINITE
    amount = difference / largest if largest > 0 else 0.0
    # A visible floor so that any nonzero difference stands out from an exact match.
    if difference > 0:
        amount = 0.25 + 0.75 * amount
    return Style(bgcolor=_blend(_DIFF_NONE, _DIFF_MAX, amount))


def _crop(matrix: Matrix) -> Matrix:
    """The top-left ``MAX_CELLS`` square, with NaN and inf as ``None``."""
    return [[number_or_none(v) for v in row[:MAX_CELLS]] for row in matrix[:MAX_CELLS]]


def _differences(expected: Matrix, got: Matrix) -> Matrix:
    out: Matrix = []
    for erow, grow in zip(expected, got, strict=True):
        out.append(
            [
                None if e is None or g is None else abs(g - e)
                for e, g in zip(erow, grow, strict=True)
            ]
        )
    return out


def _fmt(value: float) -> str:
    return f"{value:.3g}"


class Heatmap(Widget):
    """Expected, got and ``|difference|`` of one 2-D array, side by side (wrapping when narrow)."""

    DEFAULT_CSS = """
    Heatmap {
        height: auto;
        margin: 1 0 0 0;
    }
    """

    def __init__(
        self, name: str, expected: Matrix, got: Matrix, lang: Lang = "en", *, id: str | None = None
    ) -> None:
        if len(expected) != len(got) or any(
            len(e) != len(g) for e, g in zip(expected, got, strict=False)
        ):
            raise ValueError(
                f"heatmap {name!r}: expected and got differ in shape"
                f" ({len(expected)} rows vs {len(got)} rows)"
            )
        super().__init__(id=id)
        self.array_name = name
        self.rows = len(expected)
        self.cols = len(expected[0]) if expected else 0
        self.expected = _crop(expected)
        self.got = _crop(got)
        self.difference = _differences(self.expected, self.got)
        finite = [
            abs(v) for m in (self.expected, self.got) for row in m for v in row if v is not None
        ]
        self.scale = max(finite, default=0.0)
        self.largest = max(
            (v for row in self.difference for v in row if v is not None), default=0.0
        )
        self.lang: Lang = lang

    @property
    def truncated(self) -> bool:
        return self.rows > MAX_CELLS or self.cols > MAX_CELLS

    def set_language(self, lang: Lang) -> None:
        self.lang = lang
        self.refresh(layout=True)

    def grid(self, kind: str) -> Text:
        """The cells of ``expected``, ``got`` or ``difference`` as styled blocks, one line a row."""
        text = Text()
        for i, row in enumerate(getattr(self, kind)):
            if i:
                text.append("\n")
            for value in row:
                if kind == "difference":
                    style = difference_style(value, self.largest)
                else:
                    style = value_style(value, self.scale)
                text.append("!!" if value is None else CELL, style)
        return text

    def cell_style(self, kind: str, row: int, col: int) -> Style:
        """The style of one cell (for tests and tools)."""
        line = self.grid(kind).split("\n")[row]
        offset = col * len(CELL)
        for span in line.spans:
            if span.start <= offset < span.end and isinstance(span.style, Style):
                return span.style
        return Style.null()

    def render(self) -> RenderableType:
        lang = self.lang
        panels = []
        width = 0
        for kind, name, legend in (
            (
                "expected",
                say("heatmap.expected", lang),
                say("heatmap.scale", lang, v=_fmt(self.scale)),
            ),
            ("got", say("heatmap.got", lang), ""),
            (
                "difference",
                say("heatmap.difference", lang),
                say("heatmap.largest", lang, v=_fmt(self.largest)),
            ),
        ):
            title = Text(name, style="bold")
            parts: list[RenderableType] = [title, self.grid(kind)]
            if legend:
                parts.append(Text(legend, style="dim"))
            grid_width = len(CELL) * min(self.cols, MAX_CELLS)
            width = max(width, title.cell_len, cell_len(legend), grid_width)
            panels.append(Group(*parts))
        head = Text.assemble((self.array_name, "bold"), f"  ({self.rows}×{self.cols})")
        body: list[RenderableType] = [head, Columns(panels, width=width, padding=(0, 2))]
        if self.truncated:
            note = say(
                "heatmap.truncated",
                lang,
                r=min(self.rows, MAX_CELLS),
                c=min(self.cols, MAX_CELLS),
                rows=self.rows,
                cols=self.cols,
            )
            body.append(Text(note, style="italic dim"))
        return Group(*body)
