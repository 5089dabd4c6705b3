"""The ``renshu`` command line: grade, exercises, start, solution.

Exit status: 0 pass (or success), 1 fail or error, 2 bad usage. User errors
are one clear message on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import sys
from collections.abc import Callable
from pathlib import Path

from renshu.grader.errors import ExerciseNotFound, RenshuError, UsageError
from renshu.grader.settings import LANG_VARIABLE, detect_language

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2


def _default_lang() -> str:
    return detect_language()


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"{self.prog}: error: {message}\n")
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="renshu",
        description="renshu (練習): study deep-learning sequence models offline; "
        "grade NumPy exercises against a reference on generated inputs.",
    )
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    data = argparse.ArgumentParser(add_help=False)
    data.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        metavar="DIR",
        help="where progress is kept (default: RENSHU_HOME, else the user data folder)",
    )

    grade = sub.add_parser(
        "grade", help="grade a solution file against its exercise", parents=[data]
    )
    grade.add_argument("file", type=Path)
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

    stats = sub.add_parser(
        "stats", help="answers, accuracy, mastery, streak, what is due", parents=[data]
    )
    stats.add_argument("--json", action="store_true")
    stats.add_argument("--lang", choices=("ja", "en"), default=None)

    progress = sub.add_parser("progress", help="export, import or restore your progress")
    progress_sub = progress.add_subparsers(
        dest="progress_command", parser_class=_Parser, required=True
    )
    export = progress_sub.add_parser(
        "export", help="write all progress to a JSON file", parents=[data]
    )
    export.add_argument("file", type=Path)
    imp = progress_sub.add_parser(
        "import", help="merge a JSON export (no duplicates)", parents=[data]
    )
    imp.add_argument("file", type=Path)
    restore = progress_sub.add_parser(
        "restore", help="list backups, or restore one", parents=[data]
    )
    restore.add_argument("backup", nargs="?", help="number, date (YYYY-MM-DD) or path")

    study = sub.add_parser("study", help="open the study app (the default)", parents=[data])
    study.add_argument(
        "--bank",
        action="append",
        type=Path,
        default=[],
        metavar="DIR",
        help="also load question banks from DIR (repeatable)",
    )
    study.add_argument("--lang", choices=("ja", "en"), default=None)

    exercises = sub.add_parser("exercises", help="list the exercises")
    exercises.add_argument("--lang", choices=("ja", "en"), default=None)
    exercises.add_argument(
        "--markdown",
        action="store_true",
        help="print the catalogue of every contract as Markdown (docs/exercises.md)",
    )

    start = sub.add_parser("start", help="copy an exercise's starter file to work on")
    start.add_argument("exercise", metavar="ID")
    start.add_argument("dir", nargs="?", type=Path, default=Path("."))

    bank = sub.add_parser("bank", help="validate and inspect question banks", parents=[data])
    bank_sub = bank.add_subparsers(dest="bank_command", parser_class=_Parser, required=True)
    validate = bank_sub.add_parser("validate", help="check bank files and exercise.yaml files")
    validate.add_argument("paths", nargs="*", type=Path, help="files or folders (default: all)")
    bank_sub.add_parser("schema", help="print the JSON Schema of a bank file")
    stats = bank_sub.add_parser("stats", help="questions per topic, type and language; coverage")
    stats.add_argument("--bank", action="append", type=Path, default=[], metavar="DIR")
    stats.add_argument("--json", action="store_true")
    new = bank_sub.add_parser("new", help="write a commented starter bank for a topic")
    new.add_argument("topic")
    new.add_argument("-o", "--output", type=Path, default=None)

    solution = sub.add_parser(
        "solution", help="show the reference solution (spoiler!)", parents=[data]
    )
    solution.add_argument("exercise", metavar="ID")
    solution.add_argument("--yes", action="store_true", help="skip the spoiler warning")

    doctor = sub.add_parser(
        "doctor", help="how well graded files are isolated here, and how to make it full"
    )
    doctor.add_argument("--json", action="store_true", help="print one JSON object")
    doctor.add_argument("--lang", choices=["ja", "en"], default=None)
    return parser


# Opens the study app: (data folder, extra bank folders, language or None).
StudyApp = Callable[[Path | None, list[Path], str | None], None]


def main(argv: list[str] | None = None, *, study: StudyApp | None = None) -> int:
    """Run one CLI command; ``study`` is the UI to open for ``renshu`` / ``renshu study``."""
    # `python -m renshu.grader.cli.main` puts the working folder first on sys.path; a graded
    # file's folder must never shadow the modules the grader imports (renshu is installed).
    cwd = os.getcwd()
    sys.path[:] = [p for p in sys.path if p not in ("", ".", cwd)]
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "grade":
            _exit_cleanly_on_signals()
            return _cmd_grade(args)
        if args.command == "doctor":
            return _cmd_doctor(args.json, args.lang or _default_lang())
        if args.command == "exercises":
            if args.markdown:
                return _cmd_exercises_markdown(args.lang or "en")
            return _cmd_exercises(args.lang or _default_lang())
        if args.command == "start":
            return _cmd_start(args.exercise, args.dir)
        if args.command == "solution":
            return _cmd_solution(args.exercise, args.yes, args.data_dir)
        if args.command == "stats":
            from renshu.grader.cli.progress import cmd_stats

            return cmd_stats(args.data_dir, args.json, args.lang or _default_lang())
        if args.command == "progress":
            return _cmd_progress(args)
        if args.command == "bank":
            return _cmd_bank(args)
        if args.command in ("study", None):
            if sys.stdout.isatty() and sys.stdin.isatty():
                return _cmd_study(args, study)
            if args.command == "study":
                sys.stderr.write(
                    "renshu: study needs a terminal (stdin and stdout must both be one); "
                    "here is what renshu can do instead\n"
                )
        # Not a terminal (piped, scripted): a TUI cannot be drawn, so say what there is.
        parser.print_help()
        print()  # noqa: T201
        return _cmd_exercises(_default_lang())
    except (UsageError, ExerciseNotFound) as e:
        sys.stderr.write(f"renshu: error: {e}\n")
        return EXIT_USAGE
    except RenshuError as e:
        sys.stderr.write(f"renshu: {e}\n")
        return EXIT_FAIL
    except KeyboardInterrupt:
        sys.stderr.write("renshu: interrupted\n")
        return 130


def _exit_cleanly_on_signals() -> None:
    """SIGTERM and SIGHUP unwind like Ctrl-C, so the sandbox is killed and cleaned up."""

    def stop(signum: int, _frame: object) -> None:
        raise SystemExit(128 + signum)

    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, stop)


def _cmd_doctor(as_json: bool, lang: str) -> int:
    from renshu.grader.cli.doctor import render, report

    data = report()
    if as_json:
        print(json_dumps(data))  # noqa: T201
    else:
        print(render(data, "ja" if lang == "ja" else "en"))  # noqa: T201
    return 0


def _cmd_grade(args: argparse.Namespace) -> int:
    from renshu.grader.errors import SubmissionError
    from renshu.grader.grading.engine import (
        DEFAULT_MAX_EXAMPLES,
        DEFAULT_SEED,
        grade_file,
        unreadable_result,
    )

    lang = args.lang or _default_lang()
    max_examples = args.max_examples if args.max_examples is not None else DEFAULT_MAX_EXAMPLES
    if max_examples < 1 or max_examples > 100_000:
        raise UsageError("--max-examples must be between 1 and 100000")
    seed = args.seed if args.seed is not None else DEFAULT_SEED
    if not args.file.is_file():
        raise UsageError(f"no such file: {args.file}")
    try:
        result = grade_file(
            args.file, args.exercise, seed=seed, max_examples=max_examples, lang=lang
        )
    except SubmissionError as e:
        result = unreadable_result(args.file, args.exercise, str(e), seed)
    if not args.no_record and result.reason.value != "unreadable":
        from renshu.grader.cli.progress import record_grading_result
        from renshu.grader.grading.engine import source_hash

        record_grading_result(
            args.data_dir, result, source_hash(args.file.read_bytes().decode("utf-8", "replace"))
        )
    if args.json:
        sys.stdout.write(result.as_json() + "\n")
    else:
        from rich.console import Console

        from renshu.grader.presentation.rich_report import render

        render(result, Console(highlight=False))
    return EXIT_OK if result.status.value == "pass" else EXIT_FAIL


def _cmd_bank(args: argparse.Namespace) -> int:
    from renshu.grader.cli import bank as bank_cli
    from renshu.grader.settings import data_dir

    if args.bank_command == "validate":
        return bank_cli.cmd_validate(args.paths, data_dir(args.data_dir))
    if args.bank_command == "schema":
        return bank_cli.cmd_schema()
    if args.bank_command == "stats":
        return bank_cli.cmd_stats(args.bank, data_dir(args.data_dir), args.json)
    return bank_cli.cmd_new(args.topic, args.output)


def _cmd_study(args: argparse.Namespace, study: StudyApp | None) -> int:
    """Open the study app that the composition root (``renshu.__main__``) passed in.

    The grader never imports the UI: without an app (``python -m renshu.grader.cli``)
    it says how to start one.
    """
    if study is None:
        sys.stderr.write("renshu: the study app is started by `renshu` or `python -m renshu`\n")
        return EXIT_USAGE
    lang = getattr(args, "lang", None) or (
        os.environ.get(LANG_VARIABLE) if os.environ.get(LANG_VARIABLE) in ("ja", "en") else None
    )
    study(getattr(args, "data_dir", None), list(getattr(args, "bank", []) or []), lang)
    return EXIT_OK


def _cmd_progress(args: argparse.Namespace) -> int:
    from renshu.grader.cli import progress as progress_cli

    if args.progress_command == "export":
        return progress_cli.cmd_export(args.data_dir, args.file)
    if args.progress_command == "import":
        return progress_cli.cmd_import(args.data_dir, args.file)
    return progress_cli.cmd_restore(args.data_dir, args.backup)


def _cmd_exercises(lang: str) -> int:
    from rich.console import Console
    from rich.table import Table

    from renshu.grader.exercises.catalogue import builtin_catalog

    table = Table(title="exercises" if lang == "en" else "演習")
    table.add_column("id", style="bold cyan")
    table.add_column("topic")
    table.add_column("title")
    for exercise in builtin_catalog().values():
        table.add_row(exercise.id, exercise.spec.topic, exercise.spec.title.get(lang))  # type: ignore[arg-type]
    Console().print(table)
    return EXIT_OK


def _cmd_exercises_markdown(lang: str) -> int:
    from renshu.grader.exercises.docs import catalogue_markdown

    sys.stdout.write(catalogue_markdown(lang))  # type: ignore[arg-type]
    return EXIT_OK


def _cmd_start(exercise_id: str, directory: Path) -> int:
    from renshu.grader.exercises.catalogue import get_exercise

    exercise = get_exercise(exercise_id)
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / f"{exercise.id}.py"
    if target.exists():
        raise UsageError(f"{target} already exists; not overwriting your work")
    shutil.copyfile(exercise.starter_path, target)
    sys.stdout.write(f"wrote {target}\nedit it, then run: renshu grade {target}\n")
    return EXIT_OK


def _cmd_solution(exercise_id: str, confirmed: bool, data_dir: Path | None) -> int:
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


def json_dumps(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False)


if __name__ == "__main__":
    sys.exit(main())
