"""The submission as text: which exercise it is for, reading it safely, its hash."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from renshu.grader.errors import SubmissionError, UsageError
from renshu.grader.exercises.catalogue import LoadedExercise, builtin_exercise_ids, get_exercise
from renshu.grader.grading.result import (
    GradeResult,
    Reason,
    Status,
)
from renshu.grader.wording import MessageCode as C
from renshu.grader.wording import msg

EXERCISE_LINE = re.compile(r"^#\s*exercise:\s*([A-Za-z_][A-Za-z0-9_]*)\s*$")


def resolve_exercise(path: Path, source: str, exercise_id: str | None) -> LoadedExercise:
    """``--exercise``, else the ``# exercise: <id>`` line, else a file name matching an id."""
    if exercise_id:
        return get_exercise(exercise_id)
    for line in source.splitlines()[:5]:
        match = EXERCISE_LINE.match(line.strip())
        if match:
            return get_exercise(match.group(1))
    known = builtin_exercise_ids()
    if path.stem in known:
        return get_exercise(path.stem)
    raise UsageError(
        f"cannot tell which exercise {path.name} is for: add a first line "
        f"'# exercise: <id>' or pass --exercise ID (known: {', '.join(known)})"
    )


def read_submission(path: Path) -> str:
    """The submission's text; ``SubmissionError`` for a missing, huge or non-UTF-8 file.

    At most 1 MB + 1 byte is ever read (the size is checked first), so a huge or sparse
    file costs no memory; a FIFO or device is refused without blocking on it.
    """
    import os  # imported here: the rest of this module needs neither
    import stat

    cap = 1_000_000
    too_big = f"{path} is larger than 1 MB; is it really a solution file?"
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as f:
            info = os.fstat(f.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise SubmissionError(f"{path} is not a regular file")
            if info.st_size > cap:
                raise SubmissionError(too_big)
            raw = f.read(cap + 1)  # the file may have grown since fstat
    except OSError as e:
        raise SubmissionError(f"cannot read {path}: {e.strerror}") from e
    if len(raw) > cap:
        raise SubmissionError(too_big)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        column = e.start - (raw.rfind(b"\n", 0, e.start) + 1) + 1
        raise SubmissionError(
            f"{path}:{line}:{column}: the file is not UTF-8 text; save it as UTF-8"
        ) from e


def unreadable_result(path: Path, exercise_id: str | None, message: str, seed: int) -> GradeResult:
    """The result for a file that cannot even be read as text (so nothing ran)."""
    return GradeResult(
        exercise=exercise_id,
        file=str(path),
        status=Status.ERROR,
        reason=Reason.UNREADABLE,
        message=message,
        detail=msg(C.UNREADABLE, detail=message),
        examples=0,
        seed=seed,
        duration_s=0.0,
        isolation="none (not run)",
    )


def source_hash(source: str) -> str:
    return hashlib.sha256(source.encode()).hexdigest()
