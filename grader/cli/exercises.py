"""``renshu exercises``, ``renshu start ID`` and ``renshu solution ID``."""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from renshu.grader.cli.common import EXIT_OK, Subparsers, lang_of
from renshu.grader.errors import UsageError
from renshu.grader.text import Lang
from renshu.grader.wording import say


def register(sub: Subparsers, data: argparse.ArgumentParser) -> None:
    exercises = sub.add_parser("exercises", help="list the exercises")
    exercises.add_argument("--lang", choices=("ja", "en"), default=None)
    exercises.add_argument(
        "--markdown",
        action="store_true",
        help="print the catalogue of every contract as Markdown (docs/exercises.md)",
    )
    exercises.set_defaults(run=run_exercises)

    start = sub.add_parser("start", help="copy an exercise's starter file to work on")
    start.add_argument("exercise", metavar="ID")
    start.add_argument("dir", nargs="?", type=Path, default=Path("."))
    start.set_defaults(run=lambda args: run_start(args.exercise, args.dir))


def register_solution(sub: Subparsers, data: argparse.ArgumentParser) -> None:
    solution = sub.add_parser(
        "solution", help="show the reference solution (spoiler!)", parents=[data]
    )
    solution.add_argument("exercise", metavar="ID")
    solution.add_argument("--yes", action="store_true", help="skip the spoiler warning")
    solution.set_defaults(run=lambda args: run_solution(args.exercise, args.yes, args.data_dir))


def run_exercises(args: argparse.Namespace) -> int:
    if args.markdown:
        return print_markdown(lang_of(args, default="en"))
    return print_exercises(lang_of(args))


def print_exercises(lang: Lang) -> int:
    from rich.console import Console
    from rich.table import Table

    from renshu.grader.exercises.catalogue import builtin_catalog

    table = Table(title=say("cli.exercises.title", lang))
    table.add_column("id", style="bold cyan")
    table.add_column("topic")
    table.add_column("title")
    for exercise in builtin_catalog().values():
        title = exercise.spec.title.get(lang)
        table.add_row(exercise.id, exercise.spec.topic, title)
    Console().print(table)
    return EXIT_OK


def print_markdown(lang: Lang) -> int:
    from renshu.grader.exercises.docs import catalogue_markdown

    sys.stdout.write(catalogue_markdown(lang))
    return EXIT_OK


def run_start(exercise_id: str, directory: Path) -> int:
    from renshu.grader.exercises.catalogue import get_exercise

    exercise = get_exercise(exercise_id)
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / f"{exercise.id}.py"
    if target.exists():
        raise UsageError(f"{target} already exists; not overwriting your work")
    shutil.copyfile(exercise.starter_path, target)
    sys.stdout.write(f"wrote {target}\nedit it, then run: renshu grade {target}\n")
    return EXIT_OK


def run_solution(exercise_id: str, confirmed: bool, data_dir: Path | None) -> int:
    from renshu.grader.exercises.catalogue import get_exercise
    from renshu.grader.exercises.solution_text import solution_source

    exercise = get_exercise(exercise_id)
    if not confirmed and not _has_passed(exercise.id, data_dir):
        sys.stderr.write(
            "spoiler: this is the full reference solution of "
            f"{exercise.id}. Try the hints first (renshu grade shows one).\n\n"
        )
    sys.stdout.write(solution_source(exercise))
    return EXIT_OK


def _has_passed(exercise_id: str, data_dir: Path | None) -> bool:
    from renshu.grader.cli.progress import open_for_cli
    from renshu.grader.progress.review import has_passed

    with open_for_cli(data_dir) as store:
        return has_passed(store, exercise_id)
