"""One error root for everything a user can cause, each carrying where it came from."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Location:
    """A place in a user's file; line and column are 1-based, either may be unknown."""

    path: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        parts = [self.path]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)


class RenshuError(Exception):
    """An error a user caused and can fix; ``str()`` is one sentence with the place."""

    def __init__(self, message: str, location: Location | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.location = location

    def __str__(self) -> str:
        return f"{self.location}: {self.message}" if self.location else self.message


class BankError(RenshuError):
    """A question bank or exercise file that cannot be loaded as written."""


class ExerciseNotFound(RenshuError):
    """An exercise id that no catalogue holds."""


class SubmissionError(RenshuError):
    """A learner's file that cannot be graded (unreadable, not UTF-8, ...)."""


class StoreError(RenshuError):
    """The progress database cannot be opened or written."""


class UsageError(RenshuError):
    """Bad command-line usage (exit status 2)."""
