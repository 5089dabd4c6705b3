"""The ``renshu`` command line: one module per command group, dispatched by ``set_defaults``.

Exit status: 0 pass (or success), 1 fail or error, 2 bad usage. User errors
are one clear message on stderr, never a traceback. The study app is not
imported here: the composition root (``renshu.__main__``) passes it in.
"""

from __future__ import annotations

import argparse
import os
import sys

from renshu.grader.cli import bank, dev, doctor, exercises, grade, progress, study, task, watch
from renshu.grader.cli.common import EXIT_FAIL, EXIT_USAGE, Parser, data_option, json_dumps
from renshu.grader.cli.study import StudyApp
from renshu.grader.errors import ExerciseNotFound, RenshuError, UsageError

__all__ = ["StudyApp", "build_parser", "json_dumps", "main"]


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="renshu",
        description="renshu (練習): study deep-learning sequence models offline; "
        "grade NumPy exercises against a reference on generated inputs.",
    )
    parser.add_argument("--version", action="version", version=f"renshu {_version()}")
    sub = parser.add_subparsers(dest="command", parser_class=Parser)
    data = data_option()
    grade.register(sub, data)
    watch.register(sub, data)
    progress.register(sub, data)
    progress.register_progress(sub, data)
    study.register(sub, data)
    exercises.register(sub, data)
    task.register(sub, data)
    bank.register(sub, data)
    exercises.register_solution(sub, data)
    doctor.register(sub, data)
    dev.register(sub, data)
    return parser


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("renshu")
    except PackageNotFoundError:  # run from a checkout that is not installed
        return "(not installed)"


def main(argv: list[str] | None = None, *, study_app: StudyApp | None = None) -> int:
    """Run one CLI command; ``study_app`` is the UI for ``renshu`` / ``renshu study``."""
    # `python -m renshu.grader.cli` puts the working folder first on sys.path; a graded
    # file's folder must never shadow the modules the grader imports (renshu is installed).
    cwd = os.getcwd()
    sys.path[:] = [p for p in sys.path if p not in ("", ".", cwd)]
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        run = getattr(args, "run", None)
        if run is None:  # `renshu` alone or `renshu study`
            return study.run(args, parser, study_app)
        return int(run(args))
    except (UsageError, ExerciseNotFound) as e:
        sys.stderr.write(f"renshu: error: {e}\n")
        return EXIT_USAGE
    except RenshuError as e:
        sys.stderr.write(f"renshu: {e}\n")
        return EXIT_FAIL
    except KeyboardInterrupt:
        sys.stderr.write("renshu: interrupted\n")
        return 130


if __name__ == "__main__":
    sys.exit(main())
