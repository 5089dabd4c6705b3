"""Snapshot tests of every screen in Japanese and English at 80x24 and 120x40 (each one
reviewed by eye before committing).

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
LANGS = ["ja", "en"]
ROOT = Path(__file__).resolve().parent.parent.parent


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
@pytest.mark.parametrize("lang", LANGS)
def test_home(snap_compare, tmp_path: Path, size: tuple[int, int], lang: str) -> None:
    app = make_app(tmp_path, now=NOW, seed=0, lang=lang)
    assert snap_compare(app, terminal_size=size, run_before=loaded)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", LANGS)
def test_stats(snap_compare, tmp_path: Path, size: tuple[int, int], lang: str) -> None:
    app = make_app(tmp_path, now=NOW, seed=0, lang=lang)
    assert snap_compare(app, terminal_size=size, run_before=then("s"))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", LANGS)
def test_help(snap_compare, tmp_path: Path, size: tuple[int, int], lang: str) -> None:
    app = make_app(tmp_path, now=NOW, seed=0, lang=lang)
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
@pytest.mark.parametrize("lang", LANGS)
def test_quiz_question_and_feedback(
    snap_compare, tmp_path: Path, size: tuple[int, int], lang: str
) -> None:
    app = make_app(tmp_path, now=NOW, seed=0, lang=lang)
    assert snap_compare(app, terminal_size=size, run_before=then("enter", "1"))


@pytest.mark.usefixtures("quiz_clock")
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", LANGS)
def test_quiz_summary(snap_compare, tmp_path: Path, size: tuple[int, int], lang: str) -> None:
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

    app = make_app(tmp_path, now=NOW, seed=0, lang=lang)
    assert snap_compare(app, terminal_size=size, run_before=run)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", LANGS)
def test_exercise_list(snap_compare, size: tuple[int, int], lang: str) -> None:
    app = make_app(fixed_home(f"list-{size[0]}-{lang}"), now=NOW, seed=0, lang=lang)
    assert snap_compare(app, terminal_size=size, run_before=then("e"))


async def open_lstm_cell(pilot: Pilot) -> None:
    from textual.widgets import DataTable, TextArea

    from renshu.tui.screens.exercises import ExerciseListScreen
    from renshu.tui.screens.workspace import WorkspaceScreen

    await loaded(pilot)
    await pilot.press("e")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, ExerciseListScreen))
    table = pilot.app.screen.query_one("#exercise-table", DataTable)
    await wait_until(pilot, lambda: table.row_count > 0)
    table.move_cursor(row=table.get_row_index("lstm_cell"))
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


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", LANGS)
def test_workspace_result(snap_compare, size: tuple[int, int], lang: str) -> None:
    """A failing grade's report: full screen at 80 columns (ctrl+r), beside the code wider.
    The grading is real; its duration and the isolation label (they vary by machine) are
    fixed before it is shown."""

    async def run(pilot: Pilot) -> None:
        from renshu.tui.screens.workspace import WorkspaceScreen
        from renshu.tui.widgets.grade_view import GradeView

        await open_lstm_cell(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, WorkspaceScreen)
        service, path = pilot.app.service, screen.path
        module = (ROOT / "exercises" / "lstm_cell" / "misconceptions.py").read_text("utf-8")
        wrong = module + "\nlstm_cell = forget_gate_missing\n"
        result = service.grade("lstm_cell", wrong, path, lang).model_copy(
            update={"duration_s": 0.5, "isolation": "bubblewrap"}
        )
        screen.last_result = result
        screen.query_one(GradeView).show(result, lang)
        if size[0] < 100:
            await pilot.press("ctrl+r")
        else:
            screen.action_show_panel("tab-result")
        await pilot.pause(0.4)

    app = make_app(fixed_home(f"wsr-{size[0]}-{lang}"), now=NOW, seed=0, lang=lang)
    assert snap_compare(app, terminal_size=size, run_before=run)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", LANGS)
def test_workspace(snap_compare, size: tuple[int, int], lang: str) -> None:
    async def run(pilot: Pilot) -> None:
        await open_lstm_cell(pilot)
        await pilot.pause(0.3)

    app = make_app(fixed_home(f"ws-{size[0]}-{lang}"), now=NOW, seed=0, lang=lang)
    assert snap_compare(app, terminal_size=size, run_before=run)
