"""The command line: one module per command group; ``main`` parses and dispatches."""

from renshu.grader.cli.main import StudyApp, main

__all__ = ["StudyApp", "main"]
