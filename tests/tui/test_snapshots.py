"""Snapshot tests of each screen at 80x24 and 120x40 (reviewed by eye before committing).

Update them only with the named command, then look at every changed SVG:
    python -m pytest tests/tui/test_snapshots.py --snapshot-update
Time, seeds and the data folder are fixed, so the snapshots do not flake.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual.pilot import Pilot

from renshu.tui import make_app

NOW = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)
SIZES = [(80, 24), (120, 40)]


async def loaded(pilot: Pilot) -> None:
    """Wait until the catalogue and progress store have loaded and the screen filled in."""
    for _ in range(200):
        if pilot.app.service is not None:
            break
        await pilot.pause(0.05)
    await pilot.pause(0.2)


def then(*keys: str):
    async def run(pilot: Pilot) -> None:
        await loaded(pilot)
        for key in keys:
            await pilot.press(key)
            await pilot.pause(0.1)
        await pilot.pause(0.2)

    return run


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_home(snap_compare, tmp_path: Path, size: tuple[int, int], lang: str) -> None:
    app = make_app(tmp_path, now=NOW, seed=0, lang=lang)
    assert snap_compare(app, terminal_size=size, run_before=loaded)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_stats(snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:
    app = make_app(tmp_path, now=NOW, seed=0, lang="ja")
    assert snap_compare(app, terminal_size=size, run_before=then("s"))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_help(snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:
    app = make_app(tmp_path, now=NOW, seed=0, lang="en")
    assert snap_compare(app, terminal_size=size, run_before=then("question_mark"))
