"""``renshu exercises``, ``renshu start ID`` and ``renshu solution ID``."""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from renshu.grader.cli.common import EXIT_FAIL, EXIT_OK, Subparsers, lang_of
from renshu.grader.errors import UsageError
from renshu.grader.settings import Lang
from renshu.grader.wording import say


def register(sub: Subparsers, data: argparse.ArgumentParser) -> None:
    exercises = sub.add_parser(
        "exercises", help="list the exercises and how far you are", parents=[data]
    )
    exercises.add_argument("--lang", choices=("ja", "en"), default=None)
    exercises.add_argument(
        "--markdown",
        action="store_true",
        help="print the catalogue of every contract as Markdown (docs/exercises.md)",
    )
    exercises.set_defaults(run=run_exercises)

    start = sub.add_parser(
        "start",
        help="the file to work on (the study app's; or a copy in DIR, remembered)",
        parents=[data],
    )
    start.add_argument("exercise", metavar="ID")
    start.add_argument("dir", nargs="?", type=Path, default=None)
    start.set_defaults(run=lambda args: run_start(args.exercise, args.dir, args.data_dir))

    reset = sub.add_parser(
        "reset", help="put the starter back into an exercise's file (asks first)", parents=[data]
    )
    reset.add_argument("exercise", metavar="ID")
    reset.add_argument("--yes", action="store_true", help="do not ask")
    reset.set_defaults(run=lambda args: run_reset(args.exercise, args.yes, args.data_dir))


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
    return print_exercises(lang_of(args), args.data_dir)


def print_exercises(lang: Lang, data_dir: Path | None) -> int:
    """The exercises in the curriculum's order, each with its status, and N / M passed."""
    from rich.console import Console
    from rich.table import Table

    from renshu.grader.cli.progress import open_for_cli
    from renshu.grader.exercises.catalogue import builtin_catalog
    from renshu.grader.exercises.curriculum_order import ordered_exercise_ids
    from renshu.grader.presentation.phrases import Phrased
    from renshu.grader.progress.queries import exercise_outcomes
    from renshu.grader.quiz.banks import load_curriculum

    curriculum = load_curriculum()
    catalog = builtin_catalog()
    ordered = [catalog[i] for i in ordered_exercise_ids()]
    with open_for_cli(data_dir) as store:
        outcomes = exercise_outcomes(store)
    passed = sum(1 for e in ordered if outcomes.get(e.id))
    table = Table(
        title=say("cli.exercises.title", lang),
        caption=say("cli.exercises.passed", lang, passed=passed, total=len(ordered)),
    )
    table.add_column(say("cli.exercises.id", lang), style="bold cyan")
    table.add_column(say("cli.exercises.topic", lang))
    table.add_column(say("cli.exercises.status", lang))
    table.add_column(say("cli.exercises.name", lang))
    for exercise in ordered:
        outcome = outcomes.get(exercise.id)
        status = "passed" if outcome else "tried" if outcome is not None else "new"
        topic = curriculum.topics.get(exercise.spec.topic)
        table.add_row(
            exercise.id,
            Phrased(topic.title.get(lang) if topic else exercise.spec.topic),
            say(f"cli.exercises.status.{status}", lang),
            Phrased(exercise.spec.title.get(lang)),
        )
    Console().print(table)
    return EXIT_OK


def print_markdown(lang: Lang) -> int:
    from renshu.grader.exercises.docs import catalogue_markdown

    sys.stdout.write(catalogue_markdown(lang))
    return EXIT_OK


def run_start(exercise_id: str, directory: Path | None, data_dir: Path | None) -> int:
    """The exercise's workspace file, shared with the study app: the data folder's copy, or
    with DIR a new copy there, remembered so that the app opens it too."""
    from renshu.grader.exercises.catalogue import get_exercise
    from renshu.grader.progress import workspace
    from renshu.grader.settings import data_dir as default_data_dir

    exercise = get_exercise(exercise_id)
    home = data_dir or default_data_dir()
    lang = lang_of(argparse.Namespace())
    if directory is None:
        target = workspace.workspace_path(home, exercise.id)
    else:
        directory.mkdir(parents=True, exist_ok=True)
        target = directory / f"{exercise.id}.py"
        if target.exists():
            raise UsageError(f"{target} already exists; not overwriting your work")
        shutil.copyfile(exercise.starter_path, target)
        workspace.remember(home, exercise.id, target)
    sys.stdout.write(say("cli.start.where", lang, path=str(target)) + "\n")
    return EXIT_OK


def run_reset(exercise_id: str, confirmed: bool, data_dir: Path | None) -> int:
    from renshu.grader.exercises.catalogue import get_exercise
    from renshu.grader.progress import workspace
    from renshu.grader.settings import data_dir as default_data_dir

    exercise = get_exercise(exercise_id)
    home = data_dir or default_data_dir()
    lang = lang_of(argparse.Namespace())
    path = workspace.workspace_path(home, exercise.id)
    if not confirmed:
        if not sys.stdin.isatty():
            sys.stderr.write(say("cli.reset.use_yes", lang, id=exercise.id, path=str(path)) + "\n")
            return EXIT_FAIL
        sys.stderr.write(say("cli.reset.ask", lang, path=str(path)))
        sys.stderr.flush()
        if sys.stdin.readline().strip().lower() not in ("y", "yes", "はい"):
            return EXIT_FAIL
    workspace.reset(home, exercise.id)
    sys.stdout.write(say("cli.reset.done", lang, path=str(path)) + "\n")
    return EXIT_OK


def run_solution(exercise_id: str, confirmed: bool, data_dir: Path | None) -> int:
    from renshu.grader.exercises.catalogue import get_exercise
    from renshu.grader.exercises.solution_text import solution_source

    exercise = get_exercise(exercise_id)
    lang = lang_of(argparse.Namespace())
    if not confirmed and not _has_passed(exercise.id, data_dir):
        sys.stderr.write(say("cli.solution.spoiler", lang, id=exercise.id) + "\n")
        if not sys.stdin.isatty():
            sys.stderr.write(say("cli.solution.use_yes", lang, id=exercise.id) + "\n")
            return EXIT_FAIL
        sys.stderr.write(say("cli.solution.ask", lang))
        sys.stderr.flush()
        if sys.stdin.readline().strip().lower() not in ("y", "yes", "はい"):
            return EXIT_FAIL
    sys.stdout.write(solution_source(exercise))
    return EXIT_OK


def _has_passed(exercise_id: str, data_dir: Path | None) -> bool:
    from renshu.grader.cli.progress import open_for_cli
    from renshu.grader.progress.review import has_passed

    with open_for_cli(data_dir) as store:
        return has_passed(store, exercise_id)
