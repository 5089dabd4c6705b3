"""Text a submission produced, made safe to show: no terminal control characters.

Standard library only, so the sandbox's parent side can import it without
pulling in the models (``renshu.grader.text`` re-exports both functions).
"""

from __future__ import annotations

__all__ = ["clean_text", "clean_tree"]

# C0 controls except tab and newline, DEL, and the C1 controls (0x9b is a one-byte CSI).
_CONTROL = {c: None for c in [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)]}
_CONTROL.update({0x2028: None, 0x2029: None})  # line/paragraph separators redraw lines too


def clean_text(text: str) -> str:
    """``text`` without terminal control characters (all but ``\\n`` and ``\\t``).

    The one function every text a submission produced goes through before it is
    shown or written: an escape sequence cannot retitle the terminal, clear the
    screen or draw a fake verdict in the CLI, the JSON or the TUI. Invalid
    surrogates are replaced, so the text always encodes as UTF-8.
    """
    cleaned = text.translate(_CONTROL)
    try:
        cleaned.encode("utf-8")
    except UnicodeEncodeError:
        cleaned = cleaned.encode("utf-8", errors="replace").decode("utf-8")
    return cleaned


def clean_tree(value: object) -> object:
    """``value`` with ``clean_text`` applied to every plain string in it (keys included).

    Enum members (``StrEnum`` codes) are not plain strings and stay as they are.
    """
    if type(value) is str:
        return clean_text(value)
    if type(value) is dict:
        return {clean_tree(k): clean_tree(v) for k, v in value.items()}
    if type(value) is list:
        return [clean_tree(v) for v in value]
    if type(value) is tuple:
        return tuple(clean_tree(v) for v in value)
    return value
