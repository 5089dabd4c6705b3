"""The class report opens in a real headless browser (Chromium): per exercise a pass rate and
a bar per finding sized by its students, a row per student, and no markup from a file name
or a student folder ever becomes part of the page."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from renshu.grader.grading.batch import Row
from renshu.grader.grading.class_report import render_html

pytestmark = pytest.mark.slow
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
HOSTILE = "<script>document.title='pwned'</script>"


def _row(student: str, exercise: str, status: str, finding: str = "") -> Row:
    return Row(
        student,
        f"{student}/{exercise}.py",
        exercise,
        status,
        "mismatch" if finding else "passed",
        finding,
        100,
        5,
        0.5,
        "h",
    )


ROWS = [
    _row("ann", "softmax", "pass"),
    _row("ben", "softmax", "fail", "no_max_shift"),
    _row("cat", "softmax", "fail", "no_max_shift"),
    _row("dan", "softmax", "fail", "global_max_shift"),
    _row("ann", "gru_cell", "pass"),
    _row(HOSTILE, "gru_cell", "fail", HOSTILE),
]


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is installed by .ci/run (apt)")
def test_the_report_renders_in_a_browser_with_its_bars_and_nothing_injected(tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(render_html(ROWS, seed=5), encoding="utf-8")
    profile = ["--user-data-dir=" + str(tmp_path / "profile")]
    dom = subprocess.run(
        [str(CHROMIUM), *FLAGS, *profile, "--dump-dom", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    ).stdout
    assert "<title>renshu class report</title>" in dom  # the script did not run
    assert "pwned" not in dom.split("<body>")[0]
    assert "<script>" not in dom  # shown as text, never as an element
    assert dom.count('class="bar"') == 3  # softmax: two findings; gru_cell: one
    assert 'style="width:12.0rem"' in dom  # no_max_shift: the most students, the longest
    assert 'style="width:6.0rem"' in dom  # global_max_shift: half of it
    assert "passed 1 / 4" in dom
    assert "passed 1 / 2" in dom
    shot = tmp_path / "report.png"
    subprocess.run(
        [
            str(CHROMIUM),
            *FLAGS,
            *profile,
            f"--screenshot={shot}",
            "--window-size=1000,800",
            page.as_uri(),
        ],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 10_000  # a drawn page, not a blank one
