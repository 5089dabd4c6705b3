"""Japanese line breaking: phrase boundaries (BudouX), kinsoku, nothing lost, no half-empty
lines; English wraps at spaces as before."""

from __future__ import annotations

import itertools
import textwrap

import pytest
from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from renshu.grader.presentation.phrases import NO_LINE_START, Phrased, _chunks, wrap, wrap_offsets

ISSUE = (
    "LSTM で、tanh で作った候補値 g_t に要素ごとに掛けられ、忘却ゲートは前のセル c_{t-1} に"
    "掛かります。ゲート i, f, o は 0〜1 に収めたいので sigmoid、セル候補 g は -1〜1 の値を"
    "作るので tanh です。ボックスの面積は `(x2 − x1) · (y2 − y1)` で、ーを含む語もあります。"
)


def _lines(text: str, width: int) -> list[str]:
    return [text[a:b] for a, b in wrap_offsets(text, width)]


@pytest.mark.parametrize("width", [12, 16, 20, 26, 33, 40, 57, 80])
def test_japanese_breaks_only_between_phrases_and_fills_every_line(width: int) -> None:
    lines = _lines(ISSUE, width)
    assert "".join(lines).replace(" ", "") == ISSUE.replace(" ", "")  # nothing lost
    boundaries = {b for _, b in _chunks(ISSUE)} | {a for a, _ in _chunks(ISSUE)}
    for line, nxt in itertools.pairwise(lines):
        assert cell_len(line) <= width + 1, line  # one hanging punctuation at most
        assert nxt[0] not in NO_LINE_START, (line, nxt)
        # Greedy: the next line's first phrase would not have fitted on this one.
        end = ISSUE.index(nxt)
        first = next(b for a, b in _chunks(ISSUE) if a <= end < b or a == end)
        assert cell_len((line + ISSUE[end:first]).rstrip()) > width or end not in boundaries


def test_the_issue_example_no_longer_strands_fragments() -> None:
    lines = _lines("LSTM で、tanh で作った候補値 g_t に要素ごとに掛けられます。", 30)
    assert lines == ["LSTM で、tanh で作った", "候補値 g_t に要素ごとに", "掛けられます。"]


def test_no_line_starts_with_a_long_vowel_mark_or_closing_punctuation_even_when_folded() -> None:
    text = "あ" * 9 + "ー" + "い" * 9 + "。" + "う" * 9 + ")"
    for width in range(4, 24):
        lines = _lines(text, width)
        assert "".join(lines) == text
        assert all(line[0] not in NO_LINE_START for line in lines[1:]), (width, lines)


def test_an_opening_bracket_never_ends_a_line() -> None:
    text = "これは長い説明です(補足があります)とても長い"
    for width in range(6, 30):
        assert all(not line.endswith("(") for line in _lines(text, width)), width


def test_code_is_never_cut_between_two_ascii_characters() -> None:
    text = "分け方を積んだ順に合わせて `i, f, o, g = np.split(gates, 4, axis=1)` とするか、名前で使います。"
    for width in range(12, 60):
        for line in _lines(text, width):
            assert not line.startswith("(gates"), (width, line)


def test_english_wraps_at_spaces_like_textwrap() -> None:
    text = "The cell candidate g uses sigmoid. Sigmoid lies in 0..1, so nothing negative can be written."
    for width in (10, 20, 33, 50):
        assert _lines(text, width) == textwrap.wrap(text, width), width


def test_styles_survive_and_the_renderable_wraps_to_the_console_width() -> None:
    text = Text("候補値 ")
    text.append("g_t", "bold cyan")
    text.append(" に要素ごとに掛けられます。忘却ゲートは前のセルに掛かります。")
    lines = wrap(text, 20)
    assert any(span.style == "bold cyan" for line in lines for span in line.spans)
    console = Console(width=24, record=True, color_system=None)
    console.print(Phrased(text))
    shown = console.export_text().splitlines()
    assert all(cell_len(line.rstrip()) <= 24 for line in shown)
    assert "".join(shown).replace(" ", "") == text.plain.replace(" ", "")
