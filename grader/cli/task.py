"""``renshu task ID`` (the exercise's text) and ``renshu hint ID`` (the next hint, remembered)."""

from __future__ import annotations

import argparse
from pathlib import Path

from renshu.grader.cli.common import EXIT_OK, Subparsers, lang_of
from renshu.grader.wording import say


def register(sub: Subparsers, data: argparse.ArgumentParser) -> None:
    task = sub.add_parser("task", help="show an exercise's task", parents=[data])
    task.add_argument("exercise", metavar="ID")
    task.add_argument("--lang", choices=("ja", "en"), default=None)
    task.set_defaults(run=run_task)

    hint = sub.add_parser(
        "hint", help="reveal the next hint of an exercise (remembered)", parents=[data]
    )
    hint.add_argument("exercise", metavar="ID")
    hint.add_argument("--lang", choices=("ja", "en"), default=None)
    hint.set_defaults(run=run_hint)


def run_task(args: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.text import Text

    from renshu.grader.exercises.catalogue import get_exercise
    from renshu.grader.presentation.prose_render import render_prose
    from renshu.grader.progress import workspace
    from renshu.grader.settings import data_dir

    exercise = get_exercise(args.exercise)
    lang = lang_of(args)
    console = Console(highlight=False)
    console.print(Text(f"{exercise.spec.title.get(lang)}  ({exercise.id})", style="bold"))
    console.print()
    console.print(render_prose(exercise.spec.prompt.get(lang)))
    console.print()
    path = workspace.workspace_path(args.data_dir or data_dir(), exercise.id)
    console.print(say("cli.task.next", lang, path=str(path), id=exercise.id), markup=False)
    return EXIT_OK


def run_hint(args: argparse.Namespace) -> int:
    from rich.console import Console

    from renshu.grader.exercises.catalogue import get_exercise
    from renshu.grader.presentation.phrases import Phrased
    from renshu.grader.progress import workspace
    from renshu.grader.settings import data_dir

    exercise = get_exercise(args.exercise)
    lang = lang_of(args)
    home: Path = args.data_dir or data_dir()
    hints = exercise.spec.hints
    shown = workspace.hints_shown(home, exercise.id)
    console = Console(highlight=False)
    if shown >= len(hints):
        console.print(say("watch.no_more_hints", lang), markup=False)
        return EXIT_OK
    shown += 1
    workspace.set_hints_shown(home, exercise.id, shown)
    text = say("watch.hint", lang, n=shown, total=len(hints), text=hints[shown - 1].get(lang))
    console.print(Phrased(text))
    return EXIT_OK
