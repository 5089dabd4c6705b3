"""The TUI shows what a hostile submission printed or raised without any control character."""

from __future__ import annotations

import asyncio

from textual.app import App, ComposeResult

from renshu.grader.exercises.catalogue import get_exercise
from renshu.grader.grading.engine import grade_source
from renshu.tui.widgets.grade_view import GradeView

ESCAPES = "\\x1b]0;pwned\\x07\\x1b[2J\\x1b[32mPASS\\x1b[0m\\r\\x9b2J"
HOSTILE = f'''# exercise: lstm_cell
import sys
print("{ESCAPES}")
sys.stderr.write("{ESCAPES}")

def lstm_cell(x, h_prev, c_prev, params):
    raise ValueError("{ESCAPES}")
'''
CONTROL = {chr(c) for c in [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)]}


class _Host(App[None]):
    def compose(self) -> ComposeResult:
        yield GradeView(id="view")


def test_escape_sequences_from_a_submission_never_reach_the_tui() -> None:
    result = grade_source(HOSTILE, get_exercise("lstm_cell"), "hostile.py", max_examples=3)
    assert "PASS" in result.stdout  # what it printed is shown, as text
    assert result.status.value == "error"

    async def run() -> str:
        app = _Host()
        async with app.run_test(size=(100, 40)) as pilot:
            view = app.query_one(GradeView)
            view.show(result, "en")
            await pilot.pause()
            return view.text

    shown = asyncio.run(run())
    assert "PASS" in shown
    assert not CONTROL & set(shown), sorted(hex(ord(c)) for c in CONTROL & set(shown))
