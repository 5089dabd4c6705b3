"""Composition root: the ``renshu`` command wires the CLI to the study app.

The grader never imports the UI; this module is the one place that knows both,
and it imports the TUI only when the study app is actually opened.
"""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

# `python -m renshu` puts the working folder first on sys.path: a graded file's folder
# (a numpy.py, a hypothesis/ of its own) must never shadow what renshu imports.
sys.path[:] = [p for p in sys.path if p not in ("", ".", os.getcwd())]
# renshu uses no pydantic plugins; looking for them scans every installed package's
# metadata (about 30 ms of each command's start).
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

from typing import TYPE_CHECKING  # noqa: E402

if TYPE_CHECKING:
    from renshu.grader.cli.study import ExamRequest
    from renshu.grader.text import Lang

# The largest file worth starting a child for before the CLI has parsed its arguments
# (the grader reads at most 1 MB of a submission).
_EARLY_SOURCE_LIMIT = 1_000_000


def open_study_app(
    data_dir: Path | None, banks: list[Path], lang: Lang | None, exam: ExamRequest | None = None
) -> None:
    """Start the Textual app (imported only now, so grading never loads Textual)."""
    from renshu.tui import make_app

    make_app(data_dir, banks, lang=lang, exam=exam).run()


def grades_one_file(args: list[str]) -> bool:
    """True for ``renshu grade FILE ...`` naming one file that compiles.

    Only a guess, made before the arguments are parsed: a child started for it and
    not taken (a usage error, an unfinished starter) is killed at exit.
    """
    if not args or args[0] != "grade" or "-h" in args or "--help" in args:
        return False
    named = [a for a in args[1:] if not a.startswith("-")]
    if any(os.path.isdir(a) for a in named):
        return False  # a class's folder: graded by worker processes
    files = [a for a in named if a.endswith(".py") and os.path.isfile(a)]
    if len(files) != 1:
        return False
    try:
        with open(files[0], "rb") as f:
            source = f.read(_EARLY_SOURCE_LIMIT + 1)
        if len(source) > _EARLY_SOURCE_LIMIT:
            return False
        compile(source, files[0], "exec", dont_inherit=True)  # compiled, never run
    except Exception:  # unreadable, a syntax error, nesting too deep: no child is needed
        return False
    return True


def main(argv: list[str] | None = None) -> int:
    if grades_one_file(sys.argv[1:] if argv is None else argv):
        # Before the grader's imports: the child boots (bubblewrap, Python, NumPy) on the
        # other core while this process imports NumPy, the models and the report.
        from renshu.grader.grading.warm_child import start_early

        start_early()
    from renshu.grader.cli import main as cli_main

    try:
        return cli_main(argv, study_app=open_study_app)
    finally:
        if argv is None:  # the process's own command, about to exit
            # Nothing is collected any more: the interpreter's final collections then
            # skip every object (about 50 ms with NumPy and pydantic loaded). Files are
            # flushed and finalizers run as objects are freed; the OS takes the rest.
            gc.freeze()


if __name__ == "__main__":
    sys.exit(main())
