"""``renshu`` and ``renshu study``: open the study app, or say what there is without a terminal."""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from renshu.grader.cli.common import EXIT_OK, EXIT_USAGE, Subparsers
from renshu.grader.settings import Lang, detect_language, forced_language


@dataclass(frozen=True)
class ExamRequest:
    """Open the app on a mock exam of this size (``renshu exam``)."""

    questions: int
    minutes: int
    seed: int | None = None


class StudyApp(Protocol):
    """Opens the study app: data folder, extra bank folders, language or None, and
    optionally a mock exam to start at once."""

    def __call__(
        self,
        data_dir: Path | None,
        banks: list[Path],
        lang: Lang | None,
        exam: ExamRequest | None = None,
    ) -> None: ...


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
    exam = sub.add_parser(
        "exam",
        help="a timed mock exam in the study app (100 questions, 120 minutes by default)",
        parents=[data],
    )
    exam.add_argument("--questions", type=_positive, default=100, metavar="N")
    exam.add_argument("--minutes", type=_positive, default=120, metavar="M")
    exam.add_argument("--seed", type=int, default=None, help="draw the same paper again")
    exam.add_argument("--history", action="store_true", help="print past results and stop")
    exam.add_argument("--lang", choices=("ja", "en"), default=None)
    exam.set_defaults(run=None, exam=True)


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def run(args: argparse.Namespace, parser: argparse.ArgumentParser, app: StudyApp | None) -> int:
    """The TUI on a terminal; elsewhere (piped, scripted) the help and the exercise list."""
    if getattr(args, "exam", False) and args.history:
        return _print_exams(args)
    if sys.stdout.isatty() and sys.stdin.isatty():
        return _open(args, app)
    if getattr(args, "exam", False):
        sys.stderr.write("renshu: exam needs a terminal; past results:\n")
        return _print_exams(args)
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
    exam = (
        ExamRequest(args.questions, args.minutes, args.seed)
        if getattr(args, "exam", False)
        else None
    )
    app(getattr(args, "data_dir", None), list(getattr(args, "bank", []) or []), lang, exam)
    return EXIT_OK


def _print_exams(args: argparse.Namespace) -> int:
    """Past mock exam results, newest first, with the pass line."""
    from renshu.grader.progress.exam import PASS_LINE, past_exams
    from renshu.grader.progress.store import open_store
    from renshu.grader.settings import data_dir
    from renshu.grader.wording import say

    lang = getattr(args, "lang", None) or detect_language()
    store = open_store(data_dir(getattr(args, "data_dir", None)))
    try:
        rows = past_exams(store)
    finally:
        store.close()
    if not rows:
        print(say("cli.exam.none", lang))  # noqa: T201
        return EXIT_OK
    print(say("cli.exam.header", lang, pct=round(100 * PASS_LINE)))  # noqa: T201
    for taken, correct, total in rows:
        pct = round(100 * correct / total) if total else 0
        mark = "○" if total and correct / total >= PASS_LINE else "×"
        print(f"  {taken:%Y-%m-%d %H:%M}  {correct:3d} / {total:3d}  {pct:3d}%  {mark}")  # noqa: T201
    return EXIT_OK
