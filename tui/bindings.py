"""From the action registry (``renshu.tui.actions``) to Textual: bindings, labels, help, palette.

* ``bindings_for(scope)``: a class's ``BINDINGS`` (English descriptions, each
  ``Binding.id`` the row's id);
* ``localized``: the footer's labels in the current language, for the screens'
  public ``active_bindings`` property (no binding is edited in place);
* ``help_text``: the help screen's body as text; ``help_renderable`` the same as the
  screen draws it (descriptions wrapped at phrases under themselves);
* ``palette_rows``: the actions the command palette offers on a screen.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from textual.binding import ActiveBinding, Binding, BindingType

from renshu.grader.settings import Lang
from renshu.grader.wording import say

from .actions import BY_ID, HELP, ROWS, KeyAction, Scope

if TYPE_CHECKING:
    from rich.console import RenderableType

__all__ = [
    "KeyAction",
    "Scope",
    "bindings_for",
    "help_renderable",
    "help_text",
    "label",
    "label_for",
    "localized",
    "palette_rows",
]


def label(row_id: str, lang: Lang) -> str:
    """The footer label of the registry row ``row_id`` (a screen titled after its key)."""
    key = BY_ID[row_id].label
    if key is None:
        raise KeyError(f"{row_id} has no label")
    return say(key, lang)


def rows_for(scope: Scope) -> Iterator[KeyAction]:
    return (row for row in ROWS if scope in row.scopes)


def bindings_for(scope: Scope) -> list[BindingType]:
    """The ``BINDINGS`` of the class that ``scope`` names, in registry order."""
    return [binding for row in rows_for(scope) for binding in row.bindings()]


def label_for(binding: Binding, lang: Lang) -> str | None:
    """The footer label of a registry binding in ``lang`` (``None`` for any other binding)."""
    row = BY_ID.get(binding.id or "")
    return say(row.label, lang) if row is not None and row.label is not None else None


def localized(active: dict[str, ActiveBinding], lang: Lang) -> dict[str, ActiveBinding]:
    """``active`` with the registry's bindings described in ``lang`` (others untouched)."""
    out: dict[str, ActiveBinding] = {}
    for key, item in active.items():
        label = label_for(item.binding, lang)
        if label is not None and label != item.binding.description:
            item = ActiveBinding(
                item.node, replace(item.binding, description=label), item.enabled, item.tooltip
            )
        out[key] = item
    return out


def help_text(lang: Lang) -> str:
    """The help screen's body: each section's keys and what they do, in ``lang``."""
    sections = []
    for title, ids in HELP:
        lines = []
        for row_id in ids:
            row = BY_ID[row_id]
            if row.help is None:
                raise ValueError(f"{row_id} is on the help screen but has no help text")
            lines.append(f"  {row.key_display().ljust(8)} {say(row.help, lang)}\n")
        sections.append(f"[b]{say(title, lang)}[/b]\n" + "".join(lines))
    return "\n".join(sections)


def help_renderable(lang: Lang) -> RenderableType:
    """The help screen's body as rich renderables: each description wraps at phrases
    under itself (a hanging indent past the key column), never under the keys."""
    from rich.console import Group
    from rich.text import Text

    from renshu.grader.presentation.phrases import Phrased

    parts: list[RenderableType] = [Text(say("help.title", lang), style="bold"), Text("")]
    for title, ids in HELP:
        parts.append(Text(say(title, lang), style="bold"))
        for row_id in ids:
            row = BY_ID[row_id]
            if row.help is None:
                raise ValueError(f"{row_id} is on the help screen but has no help text")
            keys = f"  {row.key_display().ljust(8)} "
            parts.append(Phrased(say(row.help, lang), first=keys, rest=" " * len(keys)))
        parts.append(Text(""))
    return Group(*parts)


def palette_rows(scope: Scope | None) -> list[KeyAction]:
    """The rows the command palette offers on a screen of ``scope``: the app's and the screen's
    labelled, single actions (not families such as the number keys)."""
    scopes: set[Scope] = {"app"} if scope is None else {"app", scope}
    return [
        row for row in ROWS if row.label is not None and not row.args and scopes & set(row.scopes)
    ]
