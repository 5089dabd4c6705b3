"""Line breaking that reads well in Japanese: at BudouX phrase boundaries, with kinsoku.

Rich and Textual break lines only at spaces, so Japanese with ASCII terms in it
breaks at every space around them and leaves half-empty lines. Here Japanese
text is cut into phrases by BudouX (Google's phrase segmenter) and lines are
filled phrase by phrase; a space inside a phrase is a break only when the phrase
alone is wider than the line, and a word wider than the line is folded. Kinsoku:
no line starts with closing punctuation or a small kana (``ー``, ``。``, ``、``,
``)``, ``っ`` ...) and none ends with an opening bracket. Text without Japanese
wraps at spaces, as usual. ``Phrased`` is the rich renderable the CLI and the
TUI both show such text with.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from rich.cells import cell_len
from rich.measure import Measurement
from rich.text import Text

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult

# Japanese punctuation, kana, CJK ideographs and full-width forms: text BudouX segments,
# and (``prose_render``) where a soft line break joins without a space.
JAPANESE_CHARS = "\u3000-\u30ff\u3400-\u9fff\uff00-\uffef"
_JAPANESE = re.compile(f"[{JAPANESE_CHARS}]")
NO_LINE_START = frozenset(
    "ー。、，．,.)）]］}｝」』】〕〉》・：；:;？！?!‐゠–〜～…‥"
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ々ゝゞヽヾ"
)
NO_LINE_END = frozenset("(（[［{｛「『【〔〈《")
Span = tuple[int, int]  # [start, end) offsets into the plain text


@functools.cache
def _parser() -> Any:
    import budoux

    return budoux.load_default_japanese_parser()


def _chunks(text: str) -> list[Span]:
    """Where a line may break, as consecutive ranges: BudouX phrases for Japanese
    paragraphs, words with their trailing spaces otherwise."""
    if not _JAPANESE.search(text):
        return [m.span() for m in re.finditer(r"\s*\S+\s*|\s+", text)]
    spans: list[Span] = []
    at = 0
    for phrase in _parser().parse(text):
        if spans and _inside_ascii_word(text, at):  # "np.split" + "(gates, …)": one word
            spans[-1] = (spans[-1][0], at + len(phrase))
        else:
            spans.append((at, at + len(phrase)))
        at += len(phrase)
    return spans


def _inside_ascii_word(text: str, at: int) -> bool:
    """A boundary between two ASCII characters that are not spaces (code, a number)."""
    return 0 < at < len(text) and all(33 <= ord(c) < 127 for c in (text[at - 1], text[at]))


def _words(text: str, span: Span) -> list[Span]:
    """A phrase split at its spaces (each word keeps its trailing spaces)."""
    start = span[0]
    return [
        (start + a, start + b)
        for a, b in (m.span() for m in re.finditer(r"\s*\S+\s*|\s+", text[span[0] : span[1]]))
    ]


def wrap_offsets(text: str, width: int) -> list[Span]:
    """The lines of ``text`` (one paragraph, no newline) at ``width`` cells, as offsets
    without the spaces a break swallows."""
    width = max(width, 2)
    lines: list[Span] = []
    start = end = 0  # the line being filled: [start, end)

    def fits(a: int, b: int) -> bool:
        return cell_len(text[a:b].rstrip()) <= width

    def place(span: Span) -> None:
        nonlocal start, end
        if end == start:  # a fresh line drops the spaces the break left
            stripped = (
                span[0] + len(text[span[0] : span[1]]) - len(text[span[0] : span[1]].lstrip())
            )
            start = end = stripped
            span = (stripped, span[1])
        if fits(start, span[1]):
            end = span[1]
            return
        if end > start:
            lines.append((start, end))
            start = end = (
                span[0] + len(text[span[0] : span[1]]) - len(text[span[0] : span[1]].lstrip())
            )
        if fits(start, span[1]):
            end = span[1]
            return
        for a, b in _fold(text, (start, span[1]), width):  # wider than a line on its own
            lines.append((a, b))
        start, end = lines.pop()

    for span in _chunks(text):
        if cell_len(text[span[0] : span[1]].strip()) > width:
            for word in _words(text, span):
                place(word)
        else:
            place(span)
    if end > start or not lines:
        lines.append((start, end))
    lines = [(a, a + len(text[a:b].rstrip())) for a, b in lines]
    return _kinsoku(text, lines, width)


def _fold(text: str, span: Span, width: int) -> Iterator[Span]:
    """A run wider than the line, cut at cell boundaries."""
    start, used = span[0], 0
    for i in range(span[0], span[1]):
        w = cell_len(text[i])
        if used + w > width and i > start:
            yield start, i
            start, used = i, 0
        used += w
    yield start, span[1]


def _kinsoku(text: str, lines: list[Span], width: int) -> list[Span]:
    """Move characters so that no line starts with closing punctuation or a small kana
    and none ends with an opening bracket."""
    fixed = list(lines)
    for i in range(1, len(fixed)):
        prev, line = fixed[i - 1], fixed[i]
        lead = 0
        while line[0] + lead < line[1] and text[line[0] + lead] in NO_LINE_START:
            lead += 1
        if lead:
            if cell_len(text[prev[0] : line[0] + lead].rstrip()) <= width + 1:  # hang it
                fixed[i - 1], fixed[i] = (prev[0], line[0] + lead), (line[0] + lead, line[1])
            elif prev[1] - prev[0] > 1:  # or bring the previous character down
                fixed[i - 1], fixed[i] = (prev[0], prev[1] - 1), (prev[1] - 1, line[1])
        prev, line = fixed[i - 1], fixed[i]
        if prev[1] - prev[0] > 1 and text[prev[1] - 1] in NO_LINE_END:
            fixed[i - 1], fixed[i] = (prev[0], prev[1] - 1), (prev[1] - 1, line[1])
    out = []
    for a, b in fixed:  # a move may leave a space at either end
        while a < b and text[a] == " ":
            a += 1
        out.append((a, a + len(text[a:b].rstrip())))
    return [s for s in out if s[1] > s[0]] or [(0, 0)]


def wrap(text: Text, width: int) -> list[Text]:
    """``text`` (styles kept) wrapped at ``width`` cells; newlines start new paragraphs."""
    lines: list[Text] = []
    offset = 0
    for paragraph in text.plain.split("\n"):
        part = text[offset : offset + len(paragraph)]
        for a, b in wrap_offsets(paragraph, width) if paragraph else [(0, 0)]:
            lines.append(part[a:b])
        offset += len(paragraph) + 1
    return lines


class Phrased:
    """A rich renderable of ``text`` that wraps at phrases (see the module docstring);
    ``first`` starts the first line and ``rest`` every other (a list item's bullet and
    hanging indent)."""

    def __init__(
        self, text: Text | str, style: str = "", *, first: str = "", rest: str = ""
    ) -> None:
        self.text = text if isinstance(text, Text) else Text(text, style=style)
        self.first, self.rest = first, rest

    def __str__(self) -> str:
        return self.first + self.text.plain

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        indent = max(cell_len(self.first), cell_len(self.rest))
        lines = wrap(self.text, options.max_width - indent)
        if indent:
            lines = [
                Text(self.first if i == 0 else self.rest) + line for i, line in enumerate(lines)
            ]
        yield Text("\n").join(lines)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        plain = self.text.plain
        longest = max((cell_len(line) for line in plain.split("\n")), default=0)
        narrowest = max(
            (cell_len(plain[a:b].strip()) for line in plain.split("\n") for a, b in _chunks(line)),
            default=0,
        )
        return Measurement(min(narrowest, options.max_width), min(longest, options.max_width))
