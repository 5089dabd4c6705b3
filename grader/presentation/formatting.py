"""How a result's texts and values become one-line strings (the rules every renderer shares)."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any

MAX_VALUE_CHARS = 400
NUMBER_FORMAT = ".4g"
OUTPUT_TAIL_LINES = 12


class SpanKind(enum.StrEnum):
    PLAIN = "plain"
    STRONG = "strong"
    CODE = "code"


@dataclass(frozen=True)
class Span:
    text: str
    kind: SpanKind = SpanKind.PLAIN


def spans_of(text: str) -> tuple[Span, ...]:
    """``text`` split at Markdown `code` and **strong** markers (nothing else is interpreted)."""
    out: list[Span] = []
    for i, part in enumerate(text.split("`")):
        if i % 2:
            if part:
                out.append(Span(part, SpanKind.CODE))
            continue
        for j, piece in enumerate(part.split("**")):
            if piece:
                out.append(Span(piece, SpanKind.STRONG if j % 2 else SpanKind.PLAIN))
    return tuple(out)


def format_number(value: float) -> str:
    return f"{value:{NUMBER_FORMAT}}"


class _Full(Exception):
    pass


def format_value(value: Any, limit: int = MAX_VALUE_CHARS) -> str:
    """JSON-like data on one line, numbers as ``NUMBER_FORMAT``, at most ``limit`` characters."""
    parts: list[str] = []
    size = 0

    def emit(text: str) -> None:
        nonlocal size
        parts.append(text)
        size += len(text)
        if size > limit:
            raise _Full

    def walk(v: Any) -> None:
        if isinstance(v, bool) or v is None:
            emit(repr(v))
        elif isinstance(v, float):
            emit(format_number(v))
        elif isinstance(v, int):
            emit(str(v))
        elif isinstance(v, list | tuple):
            emit("[")
            for i, item in enumerate(v):
                emit(", " if i else "")
                walk(item)
            emit("]")
        elif isinstance(v, dict):
            emit("{")
            for i, (key, item) in enumerate(v.items()):
                emit(f"{', ' if i else ''}{key}: ")
                walk(item)
            emit("}")
        else:
            emit(repr(v))

    try:
        walk(value)
    except _Full:
        pass
    except RecursionError:
        size = limit + 1
    text = "".join(parts)
    return text if size <= limit else text[: limit - 1] + "…"


def output_tail(text: str, limit: int = OUTPUT_TAIL_LINES) -> tuple[tuple[str, ...], int]:
    """The last ``limit`` lines of ``text`` and how many earlier lines are left out."""
    lines = text.rstrip("\n").splitlines()
    hidden = max(len(lines) - limit, 0)
    return tuple(lines[hidden:]), hidden


def axes_label(axes: list[str], sizes: list[int]) -> str:
    return f"({', '.join(axes)}) = ({', '.join(map(str, sizes))})" if axes else ""
