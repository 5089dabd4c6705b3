"""``renshu grade FILE``: grade one file, print the report or one JSON object, record it."""

from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path

from renshu.grader.cli.common import EXIT_FAIL, EXIT_OK, EXIT_USAGE, Subparsers, lang_of
from renshu.grader.errors import UsageError


def register(sub: Subparsers, data: argparse.ArgumentParser) -> None:
    grade = sub.add_parser(
        "grade", help="grade a solution file against its exercise", parents=[data]
    )
    grade.add_argument("file", type=Path, help="a solution file, or a class's folder")
    grade.add_argument("--exercise", metavar="ID", help="exercise id (default: from the file)")
    grade.add_argument("--json", action="store_true", help="print one JSON object, nothing else")
    grade.add_argument(
        "--seed", type=int, default=None, metavar="N", help="reproduce a run (default 0)"
    )
    grade.add_argument(
        "--max-examples",
        type=int,
        default=None,
        metavar="N",
        help="generated inputs to try (default 100)",
    )
    grade.add_argument("--lang", choices=("ja", "en"), default=None, help="language of the report")
    grade.add_argument(
        "--no-record", action="store_true", help="do not record this run in progress"
    )
    from renshu.grader.cli import grade_class

    grade_class.add_options(grade)
    grade.set_defaults(run=run)


def exit_cleanly_on_signals() -> None:
    """SIGTERM and SIGHUP unwind like Ctrl-C, so the sandbox is killed and cleaned up."""

    def stop(signum: int, _frame: object) -> None:
        raise SystemExit(128 + signum)

    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, stop)


def keep_if_workspace(data_dir: Path | None, result: object, path: Path) -> None:
    """Keep the result for the study app when ``path`` is the exercise's workspace file."""
    from renshu.grader.grading.result import GradeResult
    from renshu.grader.progress.workspace import is_workspace_file, save_last_result
    from renshu.grader.settings import data_dir as default_data_dir

    if not isinstance(result, GradeResult) or result.exercise is None:
        return
    home = data_dir or default_data_dir()
    if is_workspace_file(home, result.exercise, path):
        save_last_result(home, result)


def run(args: argparse.Namespace) -> int:
    from renshu.grader.errors import SubmissionError
    from renshu.grader.grading.engine import (
        DEFAULT_MAX_EXAMPLES,
        DEFAULT_SEED,
        grade_file,
    )
    from renshu.grader.grading.submission import unreadable_result

    exit_cleanly_on_signals()
    if args.file.is_dir():
        from renshu.grader.cli import grade_class

        return grade_class.run(args)
    lang = lang_of(args)
    max_examples = args.max_examples if args.max_examples is not None else DEFAULT_MAX_EXAMPLES
    if max_examples < 1 or max_examples > 100_000:
        raise UsageError("--max-examples must be between 1 and 100000")
    seed = args.seed if args.seed is not None else DEFAULT_SEED
    if not args.file.is_file():
        if args.json:  # --json promises one JSON object, whatever happens
            missing = unreadable_result(
                args.file, args.exercise, f"no such file: {args.file}", seed
            )
            sys.stdout.write(missing.as_json() + "\n")
            return EXIT_USAGE
        raise UsageError(f"no such file: {args.file}")
    try:
        result = grade_file(
            args.file,
            args.exercise,
            seed=seed,
            max_examples=max_examples,
            lang=lang,
        )
    except SubmissionError as e:
        result = unreadable_result(args.file, args.exercise, str(e), seed)
    if not args.no_record and result.reason.value != "unreadable":
        from renshu.grader.grading.submission import source_hash
        from renshu.grader.progress.recording import record_grading_result

        record_grading_result(
            args.data_dir, result, source_hash(args.file.read_bytes().decode("utf-8", "replace"))
        )
        keep_if_workspace(args.data_dir, result, args.file)
    if args.json:
        sys.stdout.write(result.as_json() + "\n")
    else:
        from rich.console import Console

        from renshu.grader.presentation.rich_report import render

        console = Console(highlight=False)
        render(result, console)
        if result.status.value == "pass" and result.exercise:
            from renshu.grader.exercises.curriculum_order import next_exercise
            from renshu.grader.wording import say

            following = next_exercise(result.exercise)
            if following:
                console.print(say("watch.next_exercise", lang, id=following), markup=False)
    return EXIT_OK if result.status.value == "pass" else EXIT_FAIL
