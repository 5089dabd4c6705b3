"""The command line: one module per command group; ``main`` parses and dispatches."""

from renshu.grader.cli.main import StudyApp, build_parser, main

__all__ = ["StudyApp", "build_parser", "main"]
