"""What full isolation costs: `renshu grade` of a correct file under each sandbox, one run.

Measured in the same run, as whole processes (median wall time after a warm-up):
  bubblewrap   this checkout, the primary level (minimal root, seccomp, uid 65534)
  namespaces   this checkout with RENSHU_SANDBOX_ISOLATION=namespaces (the fallback)
  before v2    the grader as it was before Sandbox v2 (git ref, default 5688db7), from a
               temporary git worktree: "today's figure" of issue 10
Goal (issue 10): a correct file under bubblewrap stays under 1.0 s median and within
1.3x of the figure before v2.

Usage: python benchmarks/sandbox_overhead.py [--runs N] [--ref REF] [--exercise ID ...]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from renshu.grader.exercises.catalogue import builtin_catalog
from renshu.grader.exercises.solution_text import solution_source

ROOT = Path(__file__).resolve().parent.parent
GOAL_SECONDS = 1.0
GOAL_RATIO = 1.3


def median_seconds(argv: list[str], env: dict[str, str], cwd: Path, runs: int) -> float:
    times = []
    for i in range(runs + 1):
        start = time.perf_counter()
        done = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, check=False)
        if done.returncode != 0:
            sys.exit(f"{argv} failed ({done.returncode}):\n{done.stdout[-800:]!r}")
        if i:  # the first run only warms the disk cache
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def old_checkout(ref: str, into: Path) -> Path:
    """A folder whose ``renshu`` is the grader at ``ref`` (for PYTHONPATH)."""
    tree = into / "tree"
    subprocess.run(
        ["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(tree), ref], check=True
    )
    (into / "path").mkdir()
    (into / "path" / "renshu").symlink_to(tree)
    return into / "path"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--ref", default="5688db7")
    parser.add_argument("--exercise", nargs="*", default=["lstm_cell", "gru_cell", "nms"])
    args = parser.parse_args()
    catalog = builtin_catalog()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        old_path = old_checkout(args.ref, work / "old")
        try:
            base = {k: v for k, v in os.environ.items() if not k.startswith("RENSHU_")}
            base["RENSHU_HOME"] = str(work / "home")
            setups = {
                "bubblewrap": base,
                "namespaces": base | {"RENSHU_SANDBOX_ISOLATION": "namespaces"},
                "before v2": base | {"PYTHONPATH": str(old_path)},
            }
            print(f"{'exercise':<12}" + "".join(f"{name:>13}" for name in setups) + "   ratio")
            worst_ratio, worst_seconds = 0.0, 0.0
            for exercise in args.exercise:
                path = work / f"{exercise}.py"
                path.write_text(solution_source(catalog[exercise]), encoding="utf-8")
                # the grader before v2 had no renshu/__main__.py
                module = {"before v2": "renshu.grader.cli"}
                figures = {
                    name: median_seconds(
                        [
                            sys.executable,
                            "-m",
                            module.get(name, "renshu"),
                            "grade",
                            str(path),
                            "--no-record",
                        ],
                        env,
                        work,
                        args.runs,
                    )
                    for name, env in setups.items()
                }
                ratio = figures["bubblewrap"] / figures["before v2"]
                worst_ratio = max(worst_ratio, ratio)
                worst_seconds = max(worst_seconds, figures["bubblewrap"])
                cells = "".join(f"{figures[name]:>11.3f} s" for name in setups)
                print(f"{exercise:<12}{cells}   {ratio:.2f}x")
            ok = worst_seconds < GOAL_SECONDS and worst_ratio <= GOAL_RATIO
            print(
                f"\nbubblewrap: slowest median {worst_seconds:.3f} s (goal < {GOAL_SECONDS} s), "
                f"largest ratio to before v2 {worst_ratio:.2f}x (goal <= {GOAL_RATIO}x): "
                + ("met" if ok else "NOT met")
            )
        finally:
            tree = work / "old" / "tree"
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], check=False
            )


if __name__ == "__main__":
    main()
