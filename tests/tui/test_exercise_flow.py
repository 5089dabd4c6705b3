"""Pilot tests of the exercise list and the workspace: edit, save, grade, see why, and bad states."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path

from pilot_helpers import wait_until
from rich.color import Color
from textual.app import App, ComposeResult
from textual.widgets import DataTable, TextArea

from renshu.grader.grading.result import GradeResult
from renshu.tui import make_app
from renshu.tui.screens.exercises import ExerciseListScreen
from renshu.tui.screens.workspace import RunTags, WorkspaceScreen
from renshu.tui.widgets.grade_view import GradeView
from renshu.tui.widgets.heatmap import MAX_CELLS, Heatmap, as_matrix

NOW = datetime(2026, 11, 23, 3, tzinfo=UTC)
EXERCISES = Path(__file__).resolve().parents[2] / "exercises"
FORGET_GATE_MISSING = (EXERCISES / "lstm_cell" / "misconceptions.py").read_text(
    encoding="utf-8"
) + "\nlstm_cell = forget_gate_missing\n"


async def open_workspace(app, pilot, exercise_id: str = "lstm_cell") -> WorkspaceScreen:
    """Home → e → the exercise's row → enter, as a learner would."""
    await wait_until(pilot, lambda: app.service is not None)
    await pilot.pause(0.1)
    await pilot.press("e")
    await wait_until(pilot, lambda: isinstance(app.screen, ExerciseListScreen))
    table = app.screen.query_one("#exercise-table", DataTable)
    await wait_until(pilot, lambda: table.row_count > 0)
    table.move_cursor(row=table.get_row_index(exercise_id))
    await pilot.press("enter")
    await wait_until(
        pilot, lambda: isinstance(app.screen, WorkspaceScreen) and app.screen.path is not None
    )
    return app.screen


async def save_and_wait(pilot, screen: WorkspaceScreen, source: str | None = None) -> GradeResult:
    editor = screen.query_one("#ws-editor", TextArea)
    if source is not None:
        editor.load_text(source)
    editor.focus()
    before = screen.runs.latest
    await pilot.press("ctrl+s")
    await wait_until(pilot, lambda: screen.runs.latest > before and not screen.grading)
    assert screen.last_result is not None
    return screen.last_result


def notices(app) -> list[str]:
    return [n.message for n in app.notifications_sent]


def test_correct_solution_passes_and_is_recorded(tmp_path: Path) -> None:
    async def run() -> None:
        app = make_app(data_dir=tmp_path, now=NOW, seed=0, lang="en")
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await open_workspace(app, pilot)
            starter = screen.path.read_text(encoding="utf-8")
            assert screen.query_one("#ws-editor", TextArea).text == starter
            solution = app.service.solution("lstm_cell")
            result = await save_and_wait(pilot, screen, solution)
            assert str(result.status) == "pass"
            assert "PASS" in screen.query_one(GradeView).text
            assert screen.path.read_text(encoding="utf-8") == solution  # ctrl+s wrote the file
            assert app.service.has_passed("lstm_cell")
            assert any("Next exercise:" in n for n in notices(app))
            statuses = {e.id: e.status for e in app.service.exercises()}
            assert statuses["lstm_cell"] == "passed"
            await pilot.press("escape")  # leave the editor
            await pilot.press("escape")  # back to the list
            await wait_until(pilot, lambda: isinstance(app.screen, ExerciseListScreen))
            table = app.screen.query_one("#exercise-table", DataTable)
            status_cell = table.get_row("lstm_cell")[2]
            assert "passed" in str(status_cell)
            assert "not started" in str(table.get_row("gru_cell")[2])

    asyncio.run(run())


def test_wrong_solution_names_its_misconception_and_draws_heatmaps(tmp_path: Path) -> None:
    async def run() -> None:
        app = make_app(data_dir=tmp_path, now=NOW, seed=0, lang="en")
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await open_workspace(app, pilot)
            result = await save_and_wait(pilot, screen, FORGET_GATE_MISSING)
            assert str(result.status) == "fail"
            view = screen.query_one(GradeView)
            text = view.text
            assert "FAIL" in text
            assert "forget_gate_missing" in text
            assert "Minimal failing input" in text
            assert "(B, I) = (1, 1)" in text  # arguments carry their axis labels
            assert "Largest error" in text
            maps = list(view.query(Heatmap))
            assert [m.array_name for m in maps] == ["h", "c"]
            statuses = {e.id: e.status for e in app.service.exercises()}
            assert statuses["lstm_cell"] == "failing"

    asyncio.run(run())


def test_heatmap_highlights_the_differing_cell() -> None:
    expected = [[0.0, 1.0], [-1.0, 0.5]]
    got = [[0.0, 1.0], [-1.0, 2.5]]

    class HeatmapApp(App[None]):
        def compose(self) -> ComposeResult:
            yield Heatmap("h", expected, got, "en", id="map")

    async def run() -> None:
        app = HeatmapApp()
        async with app.run_test(size=(60, 12)) as pilot:
            await pilot.pause()
            heatmap = app.query_one(Heatmap)
            assert heatmap.region.height >= 4  # title, labels, two rows of cells
            differing = heatmap.cell_style("difference", 1, 1).bgcolor
            same = heatmap.cell_style("difference", 0, 0).bgcolor
            assert differing is not None
            assert same is not None
            red, green, blue = differing.get_truecolor()
            assert red > 200
            assert green < 80
            assert blue < 80
            assert same.get_truecolor().red < 60  # dark where they agree
            # Values use a diverging scale: negative and positive differ in hue.
            negative = heatmap.cell_style("expected", 1, 0).bgcolor
            positive = heatmap.cell_style("expected", 0, 1).bgcolor
            assert negative.get_truecolor().blue > negative.get_truecolor().red
            assert positive.get_truecolor().red > positive.get_truecolor().blue
            assert not heatmap.truncated

    asyncio.run(run())
    # A leading batch axis of size one is dropped; 1-D and ragged values are not heatmaps.
    assert as_matrix([[[1.0, 2.0]]]) == [[1.0, 2.0]]
    assert as_matrix([1.0, 2.0]) is None
    assert as_matrix([[1.0], [1.0, 2.0]]) is None
    assert as_matrix([[float("nan")]]) == [[None]]
    broken = Heatmap("h", [[1.0, 2.0]], [[1.0, float("nan")]])
    assert broken.grid("got").plain == "  !!"  # not a number: marked, not coloured as one
    assert broken.difference == [[0.0, None]]
    big = [[float(i + j) for j in range(20)] for i in range(15)]
    heatmap = Heatmap("big", big, big)
    assert heatmap.truncated
    assert len(heatmap.expected) == MAX_CELLS
    assert len(heatmap.expected[0]) == MAX_CELLS
    red = Color.parse("rgb(230,30,30)")
    assert heatmap.cell_style("difference", 0, 0).bgcolor != red  # equal arrays: no red


def _result(status: str, message: str) -> GradeResult:
    return GradeResult(
        exercise="lstm_cell",
        file="lstm_cell.py",
        status=status,
        reason="passed" if status == "pass" else "mismatch",
        message=message,
        examples=1,
        seed=0,
        duration_s=0.1,
        isolation="none",
    )


def test_a_stale_run_never_overwrites_a_newer_one(tmp_path: Path) -> None:
    tags = RunTags()
    first, second = tags.new(), tags.new()
    assert not tags.is_current(first)
    assert tags.is_current(second)

    async def run() -> None:
        app = make_app(data_dir=tmp_path, now=NOW, seed=0, lang="en")
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await open_workspace(app, pilot)
            old, new = screen.runs.new(), screen.runs.new()
            assert screen.apply_result(new, _result("pass", "newest run"))
            assert not screen.apply_result(old, _result("fail", "stale run"))
            await pilot.pause()
            text = screen.query_one(GradeView).text
            assert "newest run" in text
            assert "stale run" not in text

            # Two real saves in a row: the second one's result is what stays on screen.
            editor = screen.query_one("#ws-editor", TextArea)
            editor.load_text(FORGET_GATE_MISSING)
            await pilot.press("ctrl+s")
            editor.load_text(app.service.solution("lstm_cell"))
            await pilot.press("ctrl+s")
            latest = screen.runs.latest
            await wait_until(pilot, lambda: not screen.grading)
            await pilot.pause(1.0)  # give a stale worker time to (wrongly) report
            assert screen.runs.latest == latest
            assert str(screen.last_result.status) == "pass"
            assert "PASS" in screen.query_one(GradeView).text

    asyncio.run(run())


def test_an_external_change_to_the_file_reloads_and_regrades(tmp_path: Path) -> None:
    async def run() -> None:
        app = make_app(data_dir=tmp_path, now=NOW, seed=0, lang="en")
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await open_workspace(app, pilot)
            assert screen.last_result is None
            solution = app.service.solution("lstm_cell")
            screen.path.write_text(solution, encoding="utf-8")  # as another editor would
            await wait_until(pilot, lambda: screen.last_result is not None, timeout=30)
            assert screen.query_one("#ws-editor", TextArea).text == solution
            assert str(screen.last_result.status) == "pass"
            assert any("changed on disk" in m for m in notices(app))

    asyncio.run(run())


def test_a_deleted_workspace_file_is_recreated_and_the_editor_text_kept(tmp_path: Path) -> None:
    async def run() -> None:
        app = make_app(data_dir=tmp_path, now=NOW, seed=0, lang="en")
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await open_workspace(app, pilot)
            editor = screen.query_one("#ws-editor", TextArea)
            editor.load_text("# my work in progress\n")
            screen.path.unlink()
            await wait_until(pilot, lambda: any("missing" in m for m in notices(app)))
            assert screen.path.exists()  # the starter again
            assert editor.text == "# my work in progress\n"

    asyncio.run(run())


def test_solution_is_locked_before_a_pass_and_the_external_editor_fails_softly(
    tmp_path: Path,
) -> None:
    async def run() -> None:
        app = make_app(data_dir=tmp_path, now=NOW, seed=0, lang="en")
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await open_workspace(app, pilot)
            await pilot.press("ctrl+o")
            await pilot.pause()
            assert any("unlocks after you pass" in m for m in notices(app))
            assert screen.query_one("#ws-solution", TextArea).text == ""
            await pilot.press("ctrl+e")  # the headless driver cannot suspend: a notice, no crash
            await pilot.pause()
            assert any("suspend" in m for m in notices(app))
            assert app.screen is screen

    asyncio.run(run())


def test_typing_l_in_the_editor_types_and_outside_it_switches_language(tmp_path: Path) -> None:
    async def run() -> None:
        app = make_app(data_dir=tmp_path, now=NOW, seed=0, lang="en")
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await open_workspace(app, pilot)
            editor = screen.query_one("#ws-editor", TextArea)
            assert app.focused is editor
            editor.load_text("")
            await pilot.press("l", "h", "q")
            await pilot.pause()
            assert editor.text == "lhq"  # not the language, the hint or quit
            assert app.lang == "en"
            assert screen.hints_shown == 0
            await pilot.press("escape")  # leave the editor
            await pilot.pause()
            assert app.focused is not editor
            await pilot.press("l")
            await pilot.pause()
            assert app.lang == "ja"
            assert screen.query_one(GradeView).lang == "ja"
            assert "ctrl+s" in screen.query_one(GradeView).text  # the placeholder, in Japanese
            assert "採点" in screen.query_one(GradeView).text
            await pilot.press("h")
            await pilot.pause()
            assert screen.hints_shown == 1

    asyncio.run(run())


def test_grading_errors_and_worker_exceptions_show_in_the_results_view(tmp_path: Path) -> None:
    async def run() -> None:
        app = make_app(data_dir=tmp_path, now=NOW, seed=0, lang="en")
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await open_workspace(app, pilot)
            result = await save_and_wait(pilot, screen, "def lstm_cell(x, h_prev:\n")
            assert str(result.status) == "error"
            text = screen.query_one(GradeView).text
            assert "ERROR" in text
            assert "syntax" in text

            def broken_grade(*_args, **_kwargs):
                raise RuntimeError("the sandbox fell over")

            app.service.grade = broken_grade  # the worker raises: a notice and the view, no crash
            screen.query_one("#ws-editor", TextArea).load_text("# anything\n")
            await pilot.press("ctrl+s")
            await wait_until(pilot, lambda: not screen.grading)
            await pilot.pause()
            assert "the sandbox fell over" in screen.query_one(GradeView).text
            assert any("the sandbox fell over" in m for m in notices(app))
            assert app.screen is screen
            assert app.is_running

    asyncio.run(run())


def test_messages_show_code_and_strong_spans_without_their_markers() -> None:
    from renshu.tui.widgets.grade_view import inline_code

    text = inline_code("keep boxes of the **same class**: `classes == classes[i]`")
    assert text.plain == "keep boxes of the same class: classes == classes[i]"
    styles = {text.plain[span.start : span.end]: str(span.style) for span in text.spans}
    assert styles["same class"] == "bold"
    assert styles["classes == classes[i]"] == "bold cyan"


def test_reopening_an_exercise_shows_its_last_result(tmp_path: Path) -> None:
    async def run() -> None:
        app = make_app(data_dir=tmp_path, now=NOW, seed=0, lang="en")
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await open_workspace(app, pilot)
            result = await save_and_wait(pilot, screen, FORGET_GATE_MISSING)
            assert str(result.status) == "fail"
        again = make_app(data_dir=tmp_path, now=NOW, seed=0, lang="en")
        async with again.run_test(size=(120, 40)) as pilot:
            # The app reopens where the learner left: this exercise, its last result shown.
            await wait_until(pilot, lambda: isinstance(again.screen, WorkspaceScreen))
            screen = again.screen
            assert isinstance(screen, WorkspaceScreen)
            assert screen.exercise_id == "lstm_cell"
            await wait_until(pilot, lambda: screen.last_result is not None)
            assert screen.last_result is not None
            assert screen.last_result.misconception is not None
            assert "forget_gate_missing" in screen.query_one(GradeView).text
            await pilot.press("escape", "escape")  # out of the editor, then back: the list
            await wait_until(pilot, lambda: isinstance(again.screen, ExerciseListScreen))

    asyncio.run(run())


def test_ctrl_r_and_ctrl_t_reach_the_result_and_the_task_from_the_editor(tmp_path: Path) -> None:
    from textual.widgets import TabbedContent

    async def run() -> None:
        app = make_app(data_dir=tmp_path, now=NOW, seed=0, lang="en")
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await open_workspace(app, pilot)
            editor = screen.query_one("#ws-editor", TextArea)
            editor.focus()
            await pilot.press("ctrl+r")
            assert screen.query_one(TabbedContent).active == "tab-result"
            assert editor.has_focus  # beside the code: the editor keeps the focus and its text
            await pilot.press("ctrl+t")
            assert screen.query_one(TabbedContent).active == "tab-task"
            assert "\t" not in editor.text
        app = make_app(data_dir=tmp_path, now=NOW, seed=0, lang="en")
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_until(  # resumed, and its widgets mounted
                pilot,
                lambda: (
                    isinstance(app.screen, WorkspaceScreen)
                    and app.screen.path is not None
                    and bool(app.screen.query("#ws-editor"))
                ),
            )
            screen = app.screen
            editor = screen.query_one("#ws-editor", TextArea)
            tabs = screen.query_one(TabbedContent)
            await wait_until(pilot, lambda: tabs.active == "tab-task")  # mounted and shown
            await pilot.pause(0.2)
            text = editor.text
            editor.focus()
            await pilot.press("ctrl+t")  # at 80 columns the task is read full screen
            assert screen.query_one(TabbedContent).active == "tab-task"
            assert screen.has_class("-reading")
            await pilot.press("ctrl+r")  # another panel: stays full screen, on the result
            assert screen.query_one(TabbedContent).active == "tab-result"
            assert screen.has_class("-reading")
            await pilot.press("escape")
            assert editor.has_focus
            assert editor.text == text  # no key reached the editor meanwhile

    asyncio.run(run())


def test_at_80x24_the_result_is_read_full_screen_and_escape_returns_to_the_code(
    tmp_path: Path,
) -> None:
    async def run() -> None:
        app = make_app(data_dir=tmp_path, now=NOW, seed=0, lang="en")
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await open_workspace(app, pilot)
            await save_and_wait(pilot, screen, FORGET_GATE_MISSING)
            editor = screen.query_one("#ws-editor", TextArea)
            result = screen.query_one(GradeView)
            await pilot.press("ctrl+r")
            await pilot.pause(0.2)
            assert screen.has_class("-reading")
            assert not editor.display  # the result has the whole screen
            assert result.has_focus  # ↑↓ and page keys scroll it
            assert result.region.height >= 18
            # The minimal input and the misconception are on it, not below a fold.
            text = result.text
            assert "forget_gate_missing" in text
            await pilot.press("ctrl+r")  # the same key again: back to the code
            await pilot.pause(0.1)
            assert not screen.has_class("-reading")
            assert editor.has_focus
            await pilot.press("ctrl+r")
            await pilot.press("escape")  # escape too, without leaving the exercise
            await pilot.pause(0.1)
            assert app.screen is screen
            assert editor.has_focus
            assert editor.display

    asyncio.run(run())


def test_after_a_long_line_the_editor_scrolls_back_to_the_left_edge(tmp_path: Path) -> None:
    async def run() -> None:
        app = make_app(data_dir=tmp_path, now=NOW, seed=0, lang="en")
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await open_workspace(app, pilot)
            editor = screen.query_one("#ws-editor", TextArea)
            editor.load_text("x = 1\ny = " + "1 + " * 60 + "1\nz = 2\n")
            editor.focus()
            editor.move_cursor((1, 0))
            await pilot.press("end")
            await pilot.pause(0.1)
            assert editor.scroll_x > 0  # the long line's end is in view
            await pilot.press("down")
            await pilot.pause(0.1)
            assert editor.scroll_x == 0  # `z = 2` is shown from its first column

    asyncio.run(run())
