"""Snapshot tests of each screen at 80x24 and 120x40 (reviewed by eye before committing).

Update them only with the named command, then look at every changed SVG:
    python -m pytest tests/tui/test_snapshots.py --snapshot-update
Time, seeds and the data folder are fixed, so the snapshots do not flake.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from pilot_helpers import wait_until
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


def fixed_home(name: str) -> Path:
    """A data folder at a fixed path: the workspace shows its file's full path."""
    import shutil
    import tempfile

    folder = Path(tempfile.gettempdir()) / f"renshu-snapshot-{name}"
    shutil.rmtree(folder, ignore_errors=True)
    return folder


@pytest.fixture
def quiz_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """The quiz's own clock reads 4 s later each time; Textual keeps the real one."""
    import itertools
    from types import SimpleNamespace

    from renshu.tui.screens import quiz

    clock = itertools.count(start=100.0, step=4.0)
    monkeypatch.setattr(quiz, "time", SimpleNamespace(monotonic=lambda: next(clock)))


@pytest.mark.usefixtures("quiz_clock")
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_quiz_question_and_feedback(snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:
    app = make_app(tmp_path, now=NOW, seed=0, lang="ja")
    assert snap_compare(app, terminal_size=size, run_before=then("enter", "1"))


@pytest.mark.usefixtures("quiz_clock")
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_quiz_summary(snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:
    async def run(pilot: Pilot) -> None:
        await loaded(pilot)
        from renshu.tui.screens.quiz import QuizScreen

        service = pilot.app.service
        items = [
            service.present(service.catalogue.questions[q][0])
            for q in ("rl.paradigm-neither-supervised-nor-unsupervised",)
        ]
        await pilot.app.push_screen(QuizScreen(items, title="RL", mode="topic"))
        await pilot.pause(0.3)
        await pilot.press("1")
        await pilot.pause(0.2)
        await pilot.press("enter")
        await pilot.pause(0.4)

    app = make_app(tmp_path, now=NOW, seed=0, lang="en")
    assert snap_compare(app, terminal_size=size, run_before=run)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_exercise_list(snap_compare, size: tuple[int, int]) -> None:
    app = make_app(fixed_home(f"list-{size[0]}"), now=NOW, seed=0, lang="en")
    assert snap_compare(app, terminal_size=size, run_before=then("e"))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_workspace(snap_compare, size: tuple[int, int]) -> None:
    async def run(pilot: Pilot) -> None:
        from textual.widgets import TextArea

        from renshu.tui.screens.exercises import ExerciseListScreen
        from renshu.tui.screens.workspace import WorkspaceScreen

        await loaded(pilot)
        await pilot.press("e")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, ExerciseListScreen))
        await pilot.press("enter")
        await wait_until(
            pilot,
            lambda: (
                isinstance(pilot.app.screen, WorkspaceScreen)
                and "def " in pilot.app.screen.query_one("#ws-editor", TextArea).text
            ),
        )
        for editor in pilot.app.screen.query(TextArea):
            editor.cursor_blink = False
        await pilot.pause(0.3)

    app = make_app(fixed_home(f"ws-{size[0]}"), now=NOW, seed=0, lang="ja")
    assert snap_compare(app, terminal_size=size, run_before=run)
