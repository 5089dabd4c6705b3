"""What the app's thread workers report, as typed messages (posting is thread-safe).

The loading worker posts ``ServiceLoaded`` or ``ServiceLoadFailed`` to the app,
which then posts ``ServiceReady`` to every screen; the workspace's grading
worker posts ``GradeFinished`` or ``GradeFailed`` to its screen. Handlers are
the ``on_...`` methods named after each class (``on_grade_finished``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:  # the first screen is drawn before any domain module is imported
    from renshu.grader.grading.result import GradeResult
    from renshu.grader.progress.study import StudyService


class ServiceLoaded(Message):
    """The catalogue and progress store loaded (posted by the loading worker to the app)."""

    bubble = False

    def __init__(self, service: StudyService) -> None:
        super().__init__()
        self.service = service


class ServiceLoadFailed(Message):
    """Loading raised: the app says why and stays on the empty home screen."""

    bubble = False

    def __init__(self, error: Exception) -> None:
        super().__init__()
        self.error = error


class ServiceReady(Message):
    """The catalogue and progress store are loaded; screens may fill in."""

    bubble = False

    def __init__(self, service: StudyService) -> None:
        super().__init__()
        self.service = service


class GradeFinished(Message):
    """Run ``run`` of the workspace's grading produced ``result``."""

    bubble = False

    def __init__(self, run: int, result: GradeResult) -> None:
        super().__init__()
        self.run = run
        self.result = result


class GradeFailed(Message):
    """Run ``run`` of the grading raised ``error`` (a bug or a broken sandbox, not a fail)."""

    bubble = False

    def __init__(self, run: int, error: Exception) -> None:
        super().__init__()
        self.run = run
        self.error = error
