"""``renshu watch FILE``: regrade on every save in the learner's own editor.

The file's folder is watched (``renshu.grader.file_watch``, shared with the app);
each save regrades the file with a sandbox child started ahead (``WarmChild``) and
the inputs a passing search tried replayed first (``example_plan``), then clears the
screen and redraws the report. Typing ``h`` then Enter shows the next hint, ``q`` then Enter (or
Ctrl-C) stops. After a pass the next exercise in the curriculum is offered.
"""

from __future__ import annotations

import argparse
import queue
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from renshu.grader.cli.common import EXIT_OK, Subparsers, lang_of
from renshu.grader.errors import UsageError
from renshu.grader.settings import Lang
from renshu.grader.wording import say

if TYPE_CHECKING:
    from rich.console import Console

    from renshu.grader.grading.result import GradeResult
    from renshu.grader.grading.warm_child import WarmChild


def register(sub: Subparsers, data: argparse.ArgumentParser) -> None:
    watch = sub.add_parser("watch", help="regrade a file every time it is saved", parents=[data])
    watch.add_argument("file", type=Path)
    watch.add_argument("--exercise", metavar="ID", help="exercise id (default: from the file)")
    watch.add_argument("--seed", type=int, default=0, metavar="N", help="inputs seed (default 0)")
    watch.add_argument("--lang", choices=("ja", "en"), default=None, help="language of the report")
    watch.add_argument(
        "--no-record", action="store_true", help="do not record the runs in progress"
    )
    watch.set_defaults(run=run)


@dataclass
class WatchSession:
    """What one ``renshu watch`` keeps between saves: the last result and hints shown."""

    path: Path
    exercise_id: str | None
    seed: int
    lang: Lang
    record: Callable[[GradeResult, str], None] | None = None
    hints_shown: int = 0
    last: GradeResult | None = field(default=None, repr=False)
    warm: WarmChild | None = field(default=None, repr=False)

    def grade(self) -> GradeResult | None:
        """Grade the file as it is now; None when it is missing (mid-save)."""
        from renshu.grader.errors import SubmissionError
        from renshu.grader.grading.engine import grade_file
        from renshu.grader.grading.submission import source_hash, unreadable_result

        if not self.path.is_file():
            return None
        try:
            result = grade_file(
                self.path, self.exercise_id, seed=self.seed, lang=self.lang, warm=self.warm
            )
        except SubmissionError as e:
            result = unreadable_result(self.path, self.exercise_id, str(e), self.seed)
        if self.record is not None and result.reason.value != "unreadable":
            text = self.path.read_bytes().decode("utf-8", "replace")
            self.record(result, source_hash(text))
        self.last = result
        self._keep_a_child_ready(result.exercise)
        if result.hint_detail is not None and result.exercise and not result.misconception:
            self.hints_shown = max(self.hints_shown, 1)  # the report shows hint 1 already
        return result

    def _keep_a_child_ready(self, exercise_id: str | None) -> None:
        """Once the exercise is known, keep a child started for the next save."""
        from renshu.grader.grading.warm_child import WarmChild

        if exercise_id is None or self.warm is not None:
            return
        self.warm = WarmChild()
        self.warm.start_next()

    def close(self) -> None:
        if self.warm is not None:
            self.warm.close()

    def next_hint(self) -> str:
        """The next hint of the exercise (they run out), worded in the session's language."""
        from renshu.grader.exercises.catalogue import get_exercise

        exercise_id = self.exercise_id or (self.last.exercise if self.last else None)
        if exercise_id is None:
            return say("watch.no_exercise", self.lang)
        hints = get_exercise(exercise_id).spec.hints
        if self.hints_shown >= len(hints):
            return say("watch.no_more_hints", self.lang)
        self.hints_shown += 1
        n = self.hints_shown
        return say("watch.hint", self.lang, n=n, total=len(hints), text=hints[n - 1].get(self.lang))


def show(console: Console, session: WatchSession, result: GradeResult | None) -> None:
    """Clear the screen and draw the report and what to do next."""
    from renshu.grader.exercises.curriculum_order import next_exercise
    from renshu.grader.presentation.rich_report import render

    console.clear()
    if result is None:
        console.print(say("watch.waiting", session.lang, path=str(session.path)), markup=False)
    else:
        render(result, console)
        if result.status.value == "pass" and result.exercise:
            following = next_exercise(result.exercise)
            if following:
                console.print(say("watch.next_exercise", session.lang, id=following), markup=False)
    console.print(
        say("watch.footer", session.lang, path=str(session.path)), style="dim", markup=False
    )


def _read_commands(commands: queue.Queue[str]) -> None:
    for line in sys.stdin:
        commands.put(line.strip().lower())
    commands.put("q")  # stdin closed


def run(args: argparse.Namespace) -> int:
    from rich.console import Console

    from renshu.grader.cli.grade import exit_cleanly_on_signals
    from renshu.grader.file_watch import file_changes
    from renshu.grader.presentation.phrases import Phrased

    exit_cleanly_on_signals()
    if not args.file.is_file():
        raise UsageError(f"no such file: {args.file}")
    target = args.file.resolve()
    record = None
    if not args.no_record:
        from renshu.grader.cli.grade import keep_if_workspace
        from renshu.grader.progress.recording import record_grading_result

        def record(result: GradeResult, digest: str) -> None:
            record_grading_result(args.data_dir, result, digest)
            keep_if_workspace(args.data_dir, result, target)

    session = WatchSession(target, args.exercise, args.seed, lang_of(args), record)
    console = Console(highlight=False)
    show(console, session, session.grade())
    commands: queue.Queue[str] = queue.Queue()
    threading.Thread(target=_read_commands, args=(commands,), daemon=True).start()
    stop = threading.Event()
    try:
        for saved in file_changes(target, stop):
            while not commands.empty():
                command = commands.get()
                if command in ("q", "quit", "exit"):
                    return EXIT_OK
                if command == "h":
                    console.print(Phrased(session.next_hint()))
            if saved:
                show(console, session, session.grade())
    except KeyboardInterrupt:
        pass
    finally:
        session.close()
    return EXIT_OK
