"""Time `renshu grade` as a whole process beside two reference figures, in one run.

References (measured here, same run):
  floor   python -c "import numpy, hypothesis"            (about 0.35 s on the 2-core machine)
  pytest  pytest on a file of 10 fixed random lstm_cell cases (about 1.3 s there)
Goals: issue 3, a correct submission graded in under 1.0 s median and faster than
the 10-case pytest run while trying ten times as many inputs, a failing one
(shrinking and diagnosis included) in under 3 s; issue 7, every exercise's correct
file under 1.5 s median and a failing one under 3 s. The slowest three are printed.

Usage: python benchmarks/grading_speed.py [--runs N] [--exercise ID ...]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

from renshu.grader.exercises.catalogue import builtin_catalog
from renshu.grader.exercises.solution_text import solution_source

PYTEST_FILE = textwrap.dedent(
    """
    import numpy as np
    import pytest

    from solution import lstm_cell
    from renshu.reference import lstm_cell as reference


    def make_case(seed):
        rng = np.random.default_rng(seed)
        B, I, H = rng.integers(1, 4, size=3)
        p = {k: rng.uniform(-1.5, 1.5, (H, H + I)) for k in ("W_i", "W_f", "W_o", "W_c")}
        p |= {k: rng.uniform(-1, 1, H) for k in ("b_i", "b_f", "b_o", "b_c")}
        return rng.uniform(-2, 2, (B, I)), rng.uniform(-1, 1, (B, H)), rng.uniform(-2, 2, (B, H)), p


    @pytest.mark.parametrize("seed", range(10))
    def test_lstm_cell(seed):
        args = make_case(seed)
        for got, want in zip(lstm_cell(*args), reference(*args)):
            np.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-6)
    """
)


def time_command(argv: list[str], runs: int, cwd: Path, expect: int | None = None) -> float:
    """Median wall time of ``argv`` over ``runs`` runs (after one warm-up run)."""
    times = []
    for i in range(runs + 1):
        start = time.perf_counter()
        done = subprocess.run(argv, cwd=cwd, capture_output=True, text=True, check=False)
        elapsed = time.perf_counter() - start
        if expect is not None and done.returncode != expect:
            raise SystemExit(f"{argv} exited {done.returncode}:\n{done.stdout}\n{done.stderr}")
        if i:
            times.append(elapsed)
    return statistics.median(times)


def renshu_argv() -> list[str]:
    script = Path(sys.executable).with_name("renshu")
    return [str(script)] if script.exists() else [sys.executable, "-m", "renshu"]


def print_slowest(
    rows: list[tuple[str, float, float]], column: int, label: str, goal: float, pytest_s: float
) -> None:
    """The three slowest exercises for one column, and how many miss the goal."""
    ranked = sorted(rows, key=lambda r: r[column], reverse=True)
    top = ", ".join(f"{r[0]} {r[column]:.3f} s" for r in ranked[:3])
    over = [r[0] for r in rows if r[column] >= goal]
    print(f"slowest {label}: {top}")
    print(
        f"  goal < {goal:.1f} s median for every exercise: "
        + ("met" if not over else f"MISSED by {', '.join(over)}")
        + (f"; pytest on 10 cases took {pytest_s:.3f} s" if label == "correct" else "")
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--exercise", nargs="*", default=None)
    opts = parser.parse_args()
    catalog = builtin_catalog()
    ids = opts.exercise or list(catalog)
    work = Path(tempfile.mkdtemp(prefix="renshu-bench-"))
    # Gradings are recorded (as a learner's would be), in a throwaway data folder.
    os.environ["RENSHU_HOME"] = str(work / "home")
    try:
        floor = time_command([sys.executable, "-c", "import numpy, hypothesis"], opts.runs, work, 0)
        (work / "solution.py").write_text(solution_source(catalog["lstm_cell"]), encoding="utf-8")
        (work / "test_lstm_10_cases.py").write_text(PYTEST_FILE, encoding="utf-8")
        pytest_argv = [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "test_lstm_10_cases.py",
        ]
        pytest_s = time_command(pytest_argv, opts.runs, work, 0)
        print(f"reference  floor  python -c 'import numpy, hypothesis'   {floor:6.3f} s")
        print(f"reference  pytest 10 fixed lstm_cell cases             {pytest_s:6.3f} s")
        print()
        print(
            f"{'exercise':28} {'inputs':>6} {'correct':>9} {'vs floor':>9} {'vs pytest':>10}"
            f" {'failing':>9}  misconception named"
        )
        rows = []
        for ex_id in ids:
            ex = catalog[ex_id]
            good = work / f"good_{ex_id}.py"
            good.write_text(solution_source(ex), encoding="utf-8")
            bad = work / f"bad_{ex_id}.py"
            first = ex.spec.misconceptions[0]
            mis = ex.misconceptions_path.read_text(encoding="utf-8")
            bad.write_text(
                f"# exercise: {ex_id}\n{mis}\n{ex.spec.function} = {first.function}\n",
                encoding="utf-8",
            )
            correct_s = time_command([*renshu_argv(), "grade", str(good)], opts.runs, work, 0)
            failing_s = time_command(
                [*renshu_argv(), "grade", str(bad)], max(3, opts.runs // 2), work, 1
            )
            report = json.loads(
                subprocess.run(
                    [*renshu_argv(), "grade", str(bad), "--json"],
                    cwd=work,
                    capture_output=True,
                    text=True,
                ).stdout
            )
            inputs = json.loads(
                subprocess.run(
                    [*renshu_argv(), "grade", str(good), "--json"],
                    cwd=work,
                    capture_output=True,
                    text=True,
                ).stdout
            )
            named = (report.get("misconception") or {}).get("id")
            rows.append((ex_id, correct_s, failing_s))
            print(
                f"{ex_id:28} {inputs['examples']:6d} {correct_s:8.3f}s {correct_s / floor:8.2f}x"
                f" {correct_s / pytest_s:9.2f}x {failing_s:8.3f}s  {named}"
            )
        print()
        print_slowest(rows, 1, "correct", 1.5, pytest_s)
        print_slowest(rows, 2, "failing", 3.0, pytest_s)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
