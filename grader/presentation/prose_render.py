"""A small Markdown subset as rich renderables that wrap Japanese at phrases.

Paragraphs, `code` and **strong** spans, bullet and numbered lists (nested by
indentation, with a hanging indent) and fenced code, each through ``Phrased``;
shared by the CLI (``renshu task``) and the TUI's ``Prose`` widget. ``needs_markdown``
says when a text has more (links, headings, quotes, tables) than this renders.
"""

from __future__ import annotations

import re

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.text import Text

from renshu.grader.presentation.formatting import spans_of
from renshu.grader.presentation.phrases import JAPANESE_CHARS, Phrased
from renshu.grader.presentation.rich_parts import spans_text

_NEEDS_MARKDOWN = re.compile(r"\]\(|^#|^\s*>|^\s*\|", re.M)
_ITEM = re.compile(r"^(\s*)([-*+]|\d+\.)\s+(.*)$")
_JAPANESE_END = re.compile(f"[{JAPANESE_CHARS}]$")
_JAPANESE_START = re.compile(f"^[{JAPANESE_CHARS}]")


def _join(lines: list[str]) -> str:
    """Soft line breaks joined: nothing between two Japanese characters, else a space."""
    text = lines[0] if lines else ""
    for line in lines[1:]:
        glue = "" if _JAPANESE_END.search(text) and _JAPANESE_START.search(line) else " "
        text += glue + line
    return text


def needs_markdown(markdown: str) -> bool:
    return bool(_NEEDS_MARKDOWN.search(markdown))


def render_prose(markdown: str) -> RenderableType:
    """The Markdown subset as rich renderables, blocks separated by a blank line."""
    blocks: list[RenderableType] = []
    lines = markdown.strip("\n").splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        if line.lstrip().startswith("```"):
            body = []
            i += 1
            while i < len(lines) and not lines[i].lstrip().startswith("```"):
                body.append(lines[i])
                i += 1
            i += 1
            blocks.append(Padding(Text("\n".join(body), style="cyan", no_wrap=True), (0, 0, 0, 2)))
            continue
        if _ITEM.match(line):
            items, i = _list(lines, i)
            blocks.append(Group(*items))
            continue
        para = []
        while i < len(lines) and lines[i].strip() and not _ITEM.match(lines[i]):
            if lines[i].lstrip().startswith("```"):
                break
            para.append(lines[i].strip())
            i += 1
        blocks.append(Phrased(spans_text(spans_of(_join(para)))))
    spaced: list[RenderableType] = []
    for block in blocks:
        if spaced:
            spaced.append(Text(""))
        spaced.append(block)
    return Group(*spaced)


def _list(lines: list[str], i: int) -> tuple[list[RenderableType], int]:
    """A list starting at line ``i``: each item's bullet and hanging indent by depth."""
    items: list[RenderableType] = []
    while i < len(lines) and lines[i].strip():
        match = _ITEM.match(lines[i])
        if not match:
            break
        depth = len(match.group(1).expandtabs(4)) // 2
        marker = "•" if not match.group(2)[0].isdigit() else match.group(2)
        text = [match.group(3).strip()]
        i += 1
        while i < len(lines) and lines[i].strip() and not _ITEM.match(lines[i]):
            text.append(lines[i].strip())
            i += 1
        pad = "  " * depth
        items.append(
            Phrased(
                spans_text(spans_of(_join(text))),
                first=f"{pad}{marker} ",
                rest=pad + " " * (len(marker) + 1),
            )
        )
        while (
            i < len(lines)
            and not lines[i].strip()
            and i + 1 < len(lines)
            and _ITEM.match(lines[i + 1])
        ):
            i += 1  # a loose list: blank lines between its items
    return items, i


def plain_text(renderable: object) -> str:
    """The text of what ``render_prose`` (or ``Phrased``) made, without styles."""
    if isinstance(renderable, Group):
        return "\n".join(plain_text(r) for r in renderable.renderables)
    if isinstance(renderable, Padding):
        return plain_text(renderable.renderable)
    if isinstance(renderable, Text):
        return renderable.plain
    return str(renderable)
