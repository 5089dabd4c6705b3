"""Composition root: the ``renshu`` command wires the CLI to the study app.

The grader never imports the UI; this module is the one place that knows both,
and it imports the TUI only when the study app is actually opened.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

# `python -m renshu` puts the working folder first on sys.path: a graded file's folder
# (a numpy.py, a hypothesis/ of its own) must never shadow what renshu imports.
sys.path[:] = [p for p in sys.path if p not in ("", ".", os.getcwd())]
# renshu uses no pydantic plugins; looking for them scans every installed package's
# metadata (about 30 ms of each command's start).
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

from renshu.grader.cli import main as cli_main  # noqa: E402
from renshu.grader.cli.study import ExamRequest  # noqa: E402
from renshu.grader.text import Lang  # noqa: E402


def open_study_app(
    data_dir: Path | None, banks: list[Path], lang: Lang | None, exam: ExamRequest | None = None
) -> None:
    """Start the Textual app (imported only now, so grading never loads Textual)."""
    from renshu.tui import make_app

    make_app(data_dir, banks, lang=lang, exam=exam).run()


def main(argv: list[str] | None = None) -> int:
    return cli_main(argv, study_app=open_study_app)


if __name__ == "__main__":
    sys.exit(main())
