"""Footer labels follow the language: bindings are relabelled when it changes."""

from __future__ import annotations

import dataclasses

from textual.dom import DOMNode

from .i18n import Lang

# action -> (ja, en) footer label
LABELS: dict[str, tuple[str, str]] = {
    "quit": ("終了", "Quit"),
    "help": ("ヘルプ", "Help"),
    "toggle_language": ("English", "日本語"),
    "quiz": ("クイズ", "Quiz"),
    "review": ("復習", "Review"),
    "exercises": ("演習", "Exercises"),
    "stats": ("統計", "Stats"),
    "back": ("戻る", "Back"),
    "app.pop_screen": ("戻る", "Back"),
    "dismiss": ("閉じる", "Close"),
}


def relabel(node: DOMNode, lang: Lang, extra: dict[str, tuple[str, str]] | None = None) -> None:
    """Replace the descriptions of ``node``'s bindings with the labels for ``lang``."""
    labels = {**LABELS, **(extra or {})}
    for key, bindings in node._bindings.key_to_bindings.items():
        node._bindings.key_to_bindings[key] = [
            dataclasses.replace(b, description=labels[b.action][0 if lang == "ja" else 1])
            if b.action in labels and b.show
            else b
            for b in bindings
        ]
