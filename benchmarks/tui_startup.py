"""Time launching the study app to its first drawn screen, beside a minimal Textual app (issue 6).

Both run as whole processes, headless at 80x24, exiting right after the first
refresh. The reference is a minimal app with a header, a 16-item list and a
footer (about 0.43 s on the 2-core machine). Goal: within 1.5x of it.
Usage: python benchmarks/tui_startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

MINIMAL = """
from textual.app import App
from textual.widgets import Footer, Header, ListItem, ListView, Label

class Minimal(App):
    def compose(self):
        yield Header()
        yield ListView(*[ListItem(Label(f"item {i}")) for i in range(16)])
        yield Footer()

    def on_mount(self):
        self.call_after_refresh(self.exit)

Minimal().run(headless=True, size=(80, 24))
"""

RENSHU = """
from renshu.tui.app import RenshuApp

class FirstPaint(RenshuApp):
    def on_mount(self):
        super().on_mount()
        self.call_after_refresh(self.exit)

FirstPaint().run(headless=True, size=(80, 24))
"""

RENSHU_LOADED = """
from renshu.tui.app import RenshuApp

class Loaded(RenshuApp):
    def on_service_ready(self):
        self.call_after_refresh(self.exit)

Loaded().run(headless=True, size=(80, 24))
"""


def median_seconds(code: str, runs: int, env: dict[str, str]) -> float:
    times = []
    for i in range(runs + 1):
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False
        )
        elapsed = time.perf_counter() - start
        if done.returncode != 0:
            raise SystemExit(done.stderr)
        if i:  # the first run warms the file cache
            times.append(elapsed)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    opts = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, RENSHU_HOME=home)
        minimal = median_seconds(MINIMAL, opts.runs, env)
        renshu = median_seconds(RENSHU, opts.runs, env)
        loaded = median_seconds(RENSHU_LOADED, opts.runs, env)
    print(f"minimal Textual app (header, 16-item list, footer)  {minimal:.3f} s median")
    print(f"renshu to first screen                              {renshu:.3f} s median")
    print(f"ratio {renshu / minimal:.2f}x (goal <= 1.5x)")
    print(
        f"renshu until topics, mastery and due counts shown   {loaded:.3f} s median (for information)"
    )


if __name__ == "__main__":
    main()
