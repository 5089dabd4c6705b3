"""Gradings per second for a class folder, beside a loop of single `renshu grade` calls, one run.

The class is generated: students × exercises, right and wrong files mixed (the
wrong ones run the exercises' own misconception functions). Goal (issue 15):
`renshu grade DIR --jobs 2` at least 1.8× the loop's throughput.

Usage: python benchmarks/class_grading.py [--students 30] [--exercises 5]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from renshu.grader.exercises.catalogue import builtin_catalog
from renshu.grader.exercises.solution_text import solution_source


def make_class(root: Path, students: int, exercises: list[str]) -> list[Path]:
    files = []
    catalog = builtin_catalog()
    for n in range(students):
        folder = root / f"s{n:03d}"
        folder.mkdir(parents=True)
        for k, ex_id in enumerate(exercises):
            ex = catalog[ex_id]
            if (n + k) % 2:
                mod = ex.misconceptions_path.read_text(encoding="utf-8")
                mistake = ex.spec.misconceptions[n % len(ex.spec.misconceptions)].function
                source = f"# exercise: {ex_id}\n{mod}\n\n{ex.spec.function} = {mistake}\n"
            else:
                source = solution_source(ex)
            path = folder / f"{ex_id}.py"
            path.write_text(source, encoding="utf-8")
            files.append(path)
    return files


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--students", type=int, default=30)
    parser.add_argument("--exercises", type=int, default=5)
    opts = parser.parse_args()
    exercises = ["softmax", "gru_cell", "discounted_returns", "cosine_similarity", "layer_norm"]
    exercises = exercises[: opts.exercises]
    env = {**os.environ, "RENSHU_HOME": tempfile.mkdtemp(), "RENSHU_CACHE": tempfile.mkdtemp()}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "class"
        files = make_class(root, opts.students, exercises)
        grade = [sys.executable, "-m", "renshu", "grade"]
        start = time.perf_counter()
        for path in files:
            subprocess.run(
                [*grade, str(path), "--no-record", "--seed", "3"],
                env=env,
                capture_output=True,
                check=False,
            )
        loop = len(files) / (time.perf_counter() - start)
        rates = {}
        for jobs in (1, 2):
            start = time.perf_counter()
            subprocess.run(
                [
                    *grade,
                    str(root),
                    "--no-record",
                    "--seed",
                    "3",
                    "--jobs",
                    str(jobs),
                    "--csv",
                    str(Path(tmp) / f"j{jobs}.csv"),
                ],
                env=env,
                capture_output=True,
                check=True,
            )
            rates[jobs] = len(files) / (time.perf_counter() - start)
    print(
        f"{len(files)} files ({opts.students} students x {len(exercises)} exercises), cores: {os.cpu_count()}"
    )
    print(f"reference  loop of single `renshu grade` calls   {loop:6.2f} gradings/s")
    for jobs, rate in rates.items():
        print(
            f"grade DIR  --jobs {jobs}                         {rate:6.2f} gradings/s  {rate / loop:4.2f}x loop"
        )
    print("goal: --jobs 2 >= 1.8x the loop")


if __name__ == "__main__":
    main()
