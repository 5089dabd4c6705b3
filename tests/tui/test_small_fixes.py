"""Small learner-loop fixes that a reader would notice."""

from __future__ import annotations

from types import SimpleNamespace

from renshu.tui.screens.summary import short_prompt


def _item(text: str) -> SimpleNamespace:
    return SimpleNamespace(prompt=lambda lang: text)


def test_the_summary_keeps_underscores_in_names_and_drops_markdown_markers() -> None:
    shown = short_prompt(
        _item("**LSTM** の候補値 `g_t` と `W_in`、__強調__ はどう使われますか"), "ja"
    )  # type: ignore[arg-type]
    assert "g_t" in shown
    assert "W_in" in shown
    assert "*" not in shown
    assert "`" not in shown
    assert "__" not in shown
