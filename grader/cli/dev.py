"""``renshu dev check``: for bank and exercise authors, everything a contribution must pass.

Every bank and exercise file is validated (as ``renshu bank validate``), then every
exercise's reference is graded as a learner's file (it must pass) and every
misconception function (it must fail, and be named), in parallel; one line per
problem and one summary line. Exit 1 on any problem.
"""

from __future__ import annotations

import argparse
import sys

from renshu.grader.cli.common import EXIT_FAIL, EXIT_OK, Parser, Subparsers


def register(sub: Subparsers, data: argparse.ArgumentParser) -> None:
    dev = sub.add_parser("dev", help="tools for bank and exercise authors", parents=[data])
    dev_sub = dev.add_subparsers(dest="dev_command", parser_class=Parser, required=True)
    check = dev_sub.add_parser(
        "check", help="validate everything, grade every reference and misconception"
    )
    check.add_argument("--jobs", type=int, default=None, metavar="N")
    check.add_argument("--exercise", action="append", default=[], metavar="ID", help="only these")
    check.set_defaults(run=cmd_check)


def check_exercise(exercise_id: str) -> list[str]:
    """The problems of one exercise: its reference must pass, each misconception fail as itself."""
    from renshu.grader.exercises.catalogue import get_exercise
    from renshu.grader.exercises.solution_text import solution_source
    from renshu.grader.grading.engine import grade_source

    exercise = get_exercise(exercise_id)
    problems = []
    reference = grade_source(solution_source(exercise), exercise, "reference.py")
    if reference.status.value != "pass":
        problems.append(f"{exercise_id}: the reference does not pass: {reference.message}")
    module = exercise.misconceptions_path.read_text(encoding="utf-8")
    for m in exercise.spec.misconceptions:
        source = f"# exercise: {exercise_id}\n{module}\n\n{exercise.spec.function} = {m.function}\n"
        result = grade_source(source, exercise, f"{m.function}.py")
        named = result.misconception.id if result.misconception is not None else None
        if result.status.value != "fail":
            problems.append(
                f"{exercise_id}: misconception {m.id} does not fail ({result.status.value})"
            )
        elif named != m.id:
            problems.append(f"{exercise_id}: misconception {m.id} fails but is named {named!r}")
    return problems


def cmd_check(args: argparse.Namespace) -> int:
    import os
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    from renshu.grader.cli.bank import cmd_validate
    from renshu.grader.exercises.catalogue import builtin_exercise_ids

    invalid = cmd_validate([], args.data_dir)
    ids = args.exercise or builtin_exercise_ids()
    jobs = max(1, args.jobs or len(os.sched_getaffinity(0)))
    problems: list[str] = []
    with ProcessPoolExecutor(max_workers=jobs, mp_context=get_context("spawn")) as pool:
        for found in pool.map(check_exercise, ids):
            problems += found
    for problem in problems:
        sys.stdout.write(problem + "\n")
    ok = invalid == EXIT_OK and not problems
    verdict = "ok" if ok else "problems found"
    sys.stderr.write(
        f"dev check: {verdict}: banks and exercises {'valid' if invalid == EXIT_OK else 'INVALID'}; "
        f"{len(ids)} exercise(s), {len(problems)} grading problem(s)\n"
    )
    return EXIT_OK if ok else EXIT_FAIL
