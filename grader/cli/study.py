"""``renshu`` and ``renshu study``: open the study app, or say what there is without a terminal."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from renshu.grader.cli.common import EXIT_OK, EXIT_USAGE, Subparsers
from renshu.grader.settings import detect_language, forced_language
from renshu.grader.text import Lang

# Opens the study app: (data folder, extra bank folders, language or None).
StudyApp = Callable[[Path | None, list[Path], Lang | None], None]


def register(sub: Subparsers, data: argparse.ArgumentParser) -> None:
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
    study.set_defaults(run=None)  # dispatched by main(), which holds the study app


def run(args: argparse.Namespace, parser: argparse.ArgumentParser, app: StudyApp | None) -> int:
    """The TUI on a terminal; elsewhere (piped, scripted) the help and the exercise list."""
    if sys.stdout.isatty() and sys.stdin.isatty():
        return _open(args, app)
    if args.command == "study":
        sys.stderr.write(
            "renshu: study needs a terminal (stdin and stdout must both be one); "
            "here is what renshu can do instead\n"
        )
    from renshu.grader.cli.exercises import print_exercises

    parser.print_help()
    print()  # noqa: T201
    return print_exercises(detect_language(), getattr(args, "data_dir", None))


def _open(args: argparse.Namespace, app: StudyApp | None) -> int:
    """Open the study app that the composition root (``renshu.__main__``) passed in.

    The grader never imports the UI: without an app (``python -m renshu.grader.cli``)
    it says how to start one.
    """
    if app is None:
        sys.stderr.write("renshu: the study app is started by `renshu` or `python -m renshu`\n")
        return EXIT_USAGE
    lang = getattr(args, "lang", None) or forced_language()
    app(getattr(args, "data_dir", None), list(getattr(args, "bank", []) or []), lang)
    return EXIT_OK
