"""Regrade on save (watch mode, the app) beside a cold grade and the import floor, one run.

Figures, all measured here in the same run:
  floor      python -c "import numpy, hypothesis"
  syntax     renshu grade on a file with a syntax error (starts no child)
  cold       renshu grade on a correct file, empty cache (Hypothesis runs)
  cold+plan  the same again: the inputs of the passing search are replayed from the cache
             (--no-record, and as a learner runs it: the run recorded in progress)
  regrade    one grading in a long-lived process with a child started ahead and the
             plan in memory, as watch mode and the app do after each save
  regrade ✗  the same for a wrong file (replay fails, Hypothesis finds and shrinks)
Goals (issue 13): regrade median <= 150 ms; cold grade of a correct file <= 2x floor.

The command lines run round-robin (floor, syntax, cold+plan, ...; then again), so a
machine that slows down for a while slows every figure alike; each ratio is the median
of the per-round ratios. ``renshu`` is the installed script, as a learner types it.

Usage: python benchmarks/regrade_speed.py [--runs N] [--exercise ID]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from renshu.grader.exercises.catalogue import get_exercise
from renshu.grader.exercises.solution_text import solution_source


def round_robin(
    commands: dict[str, list[str]], env: dict[str, str], runs: int, fresh_cache: Path
) -> dict[str, list[float]]:
    """Seconds per run of each command, the commands taking turns; ``cold`` starts every
    run with no cache (and leaves the plan it records for the runs after it)."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, argv in commands.items():
            if name == "cold":
                shutil.rmtree(fresh_cache, ignore_errors=True)
            start = time.perf_counter()
            subprocess.run(argv, env=env, capture_output=True, check=False)
            times[name].append(time.perf_counter() - start)
    return times


def ratio(times: dict[str, list[float]], name: str) -> float:
    return statistics.median(t / f for t, f in zip(times[name], times["floor"], strict=True))


def in_process(ex_id: str, source: str, runs: int) -> float:
    from renshu.grader.grading.engine import grade_source
    from renshu.grader.grading.warm_child import WarmChild

    exercise = get_exercise(ex_id)
    times = []
    with WarmChild() as warm:
        grade_source(solution_source(exercise), exercise, "f.py", warm=warm)  # records the plan
        for _ in range(runs):
            time.sleep(0.3)  # a learner types between saves: the next child is up by then
            start = time.perf_counter()
            grade_source(source, exercise, "f.py", warm=warm)
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--exercise", default="lstm_cell")
    opts = parser.parse_args()
    exercise = get_exercise(opts.exercise)
    right = solution_source(exercise)
    wrong_mistake = exercise.spec.misconceptions[0]
    module = exercise.misconceptions_path.read_text(encoding="utf-8")
    wrong = (
        f"# exercise: {exercise.id}\n{module}\n\n"
        f"{exercise.spec.function} = {wrong_mistake.function}\n"
    )
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        cache = folder / "cache"
        env = {**os.environ, "RENSHU_CACHE": str(cache), "RENSHU_HOME": str(folder / "home")}
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # every run would compile renshu again
        ok = folder / f"{opts.exercise}.py"
        ok.write_text(right, encoding="utf-8")
        broken = folder / "broken.py"
        broken.write_text(f"# exercise: {opts.exercise}\ndef f(:\n", encoding="utf-8")
        script = Path(sys.executable).with_name("renshu")
        renshu = [str(script)] if script.exists() else [sys.executable, "-m", "renshu"]
        grade = [*renshu, "grade", "--no-record"]
        # Warm the disk cache of every file read; cold+plan runs after cold in each round.
        subprocess.run([*grade, str(ok)], env=env, capture_output=True, check=False)
        times = round_robin(
            {
                "floor": [sys.executable, "-c", "import numpy, hypothesis"],
                "syntax": [*grade, str(broken)],
                "cold": [*grade, str(ok)],
                "plan": [*grade, str(ok)],
                "recorded": [*renshu, "grade", str(ok)],
            },
            env,
            opts.runs,
            cache,
        )
    med = {name: statistics.median(values) for name, values in times.items()}
    os.environ["RENSHU_CACHE"] = tempfile.mkdtemp(prefix="renshu-bench-cache-")
    regrade = in_process(opts.exercise, right, opts.runs)
    regrade_wrong = in_process(opts.exercise, wrong, opts.runs)
    print(f"exercise {opts.exercise}, median of {opts.runs} runs each, round-robin")
    print(f"reference  floor      python -c 'import numpy, hypothesis'  {med['floor']:6.3f} s")
    print(
        f"           syntax     renshu grade, syntax error (no child)  {med['syntax']:6.3f} s"
        f"  {ratio(times, 'syntax'):4.2f}x floor"
    )
    print(
        f"cold       correct    renshu grade, empty cache              {med['cold']:6.3f} s"
        f"  {ratio(times, 'cold'):4.2f}x floor"
    )
    print(
        f"cold+plan  correct    renshu grade --no-record, plan cached  {med['plan']:6.3f} s"
        f"  {ratio(times, 'plan'):4.2f}x floor   goal <= 2x"
    )
    print(
        f"cold+plan  correct    renshu grade (recorded), plan cached   {med['recorded']:6.3f} s"
        f"  {ratio(times, 'recorded'):4.2f}x floor"
    )
    print(
        f"regrade    correct    warm child + plan in memory            {regrade * 1000:6.0f} ms"
        "  goal <= 150 ms"
    )
    print(
        f"regrade    wrong      ({wrong_mistake.id})"
        f"{'':{max(0, 27 - len(wrong_mistake.id))}}{regrade_wrong * 1000:6.0f} ms"
    )


if __name__ == "__main__":
    main()
