"""Failing-file grading time with diagnosis v2 on (generic mistakes, traced divergence)
beside the same grading with both off (the diagnosis of issue 7), measured in one run.

For every exercise, the failing file is the reference written out as a learner's file
with its middle declared intermediate computed wrong (the broken-intermediate variant of
tests/test_divergence_end_to_end.py), so the divergence search runs; an exercise without
intermediates uses its first misconception. Times are whole `grade_source` calls in this
process (sandbox start, search, shrinking, diagnosis), median of --runs.
Goal (issue 12): under 1.5 s median for every exercise; the slowest three are printed.

Usage: python benchmarks/diagnosis_speed.py [--runs N] [--exercise ID ...]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from renshu.grader.exercises.catalogue import LoadedExercise, builtin_catalog
from renshu.grader.grading import diagnosis, engine
from renshu.grader.grading.engine import grade_source

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from test_divergence_end_to_end import perturbed_source

GOAL_S = 1.5


def failing_source(exercise: LoadedExercise) -> str:
    names = [i.name for i in exercise.spec.intermediates]
    if names:
        body = perturbed_source(exercise, names[len(names) // 2])
        return f"# exercise: {exercise.id}\n{body}"
    first = exercise.spec.misconceptions[0]
    module = exercise.misconceptions_path.read_text(encoding="utf-8")
    return f"# exercise: {exercise.id}\n{module}\n{exercise.spec.function} = {first.function}\n"


@contextmanager
def diagnosis_v1() -> Iterator[None]:
    """Generic mistakes, the argument-order probe and the traced divergence switched off."""
    saved = (engine.learner_values, engine.arguments_that_fix_it, diagnosis.find_generic_mistake)
    off: Callable[..., Any] = lambda *a, **k: None  # noqa: E731
    engine.learner_values = off  # type: ignore[assignment]
    engine.arguments_that_fix_it = off  # type: ignore[assignment]
    diagnosis.find_generic_mistake = off  # type: ignore[assignment]
    try:
        yield
    finally:
        (
            engine.learner_values,  # type: ignore[assignment]
            engine.arguments_that_fix_it,  # type: ignore[assignment]
            diagnosis.find_generic_mistake,  # type: ignore[assignment]
        ) = saved


def timed(source: str, exercise: LoadedExercise, runs: int) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = grade_source(source, exercise, "broken.py")
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--exercise", nargs="*", default=None)
    opts = parser.parse_args()
    catalog = builtin_catalog()
    rows = []
    print(f"{'exercise':28} {'v1 (today)':>10} {'v2':>8}  divergence at / named")
    for ex_id in opts.exercise or list(catalog):
        exercise = catalog[ex_id]
        source = failing_source(exercise)
        grade_source(source, exercise, "warm.py")  # imports and caches out of the timing
        with diagnosis_v1():
            before, _ = timed(source, exercise, opts.runs)
        after, result = timed(source, exercise, opts.runs)
        where = result.divergence.intermediate if result.divergence else None
        named = result.misconception.id if result.misconception else None
        rows.append((ex_id, before, after))
        print(f"{ex_id:28} {before:9.3f}s {after:7.3f}s  {where} / {named}")
    ranked = sorted(rows, key=lambda r: r[2], reverse=True)[:3]
    print()
    print("slowest three with diagnosis v2 (beside v1 in the same run):")
    for ex_id, before, after in ranked:
        print(f"  {ex_id:28} {after:.3f} s (v1 {before:.3f} s)")
    over = [r[0] for r in rows if r[2] >= GOAL_S]
    print(
        f"goal < {GOAL_S} s median for every exercise: "
        + ("met" if not over else f"MISSED by {', '.join(over)}")
    )


if __name__ == "__main__":
    main()
