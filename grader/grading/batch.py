"""Grading a class: every ``.py`` under a folder, one row per file, never a stop.

The student is the first path component below the folder (one folder per
student, as LMS exports are) or, in a flat folder, the file's stem; the exercise
comes from ``--exercise``, the ``# exercise:`` line or the file name. A file
that cannot be graded (unreadable, not UTF-8, an unknown exercise, a symlink out
of the folder, a second file of one student for one exercise) is a row saying
so. Rows are graded in worker processes (each grading runs its own sandbox);
``shard`` takes a deterministic share of the files for spreading a cohort over
machines.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path

from renshu.grader.grading.result import GradeResult
from renshu.grader.grading.submission import EXERCISE_LINE, read_submission

CSV_COLUMNS = (
    "student",
    "file",
    "exercise",
    "status",
    "reason",
    "finding",
    "examples",
    "seed",
    "duration_s",
    "file_hash",
)


@dataclass(frozen=True)
class Submission:
    """One file of the class: who, which exercise, or why it cannot be graded."""

    student: str
    path: Path
    rel: str  # the path below the folder, as rows name it
    exercise: str | None
    problem: str | None = None  # symlink_outside | unreadable | duplicate | unknown_exercise


@dataclass(frozen=True)
class Row:
    """One line of the class report (``CSV_COLUMNS``), with the full result when graded."""

    student: str
    file: str
    exercise: str
    status: str
    reason: str
    finding: str  # the misconception named, else where it diverged, else ""
    examples: int
    seed: int
    duration_s: float
    file_hash: str

    def as_csv(self) -> dict[str, str]:
        return {k: str(v) for k, v in asdict(self).items()}


def file_hash(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()[:1_000_001]).hexdigest()
    except OSError:
        return ""


def _exercise_of(path: Path, given: str | None, known: set[str]) -> str | None:
    if given:
        return given
    try:
        with path.open("rb") as f:
            head = f.read(4096).decode("utf-8", "replace")
    except OSError:
        return None
    for line in head.splitlines()[:5]:
        match = EXERCISE_LINE.match(line.strip())
        if match:
            return match.group(1)
    return path.stem if path.stem in known else None


def _readable_text(path: Path) -> bool:
    """Whether the grader will read the file (``read_submission``'s rules)."""
    from renshu.grader.errors import SubmissionError

    try:
        read_submission(path)
    except SubmissionError:
        return False
    return True


def find_submissions(root: Path, exercise: str | None, known: set[str]) -> list[Submission]:
    """Every ``.py`` under ``root`` in a stable order, each with its student and exercise."""
    base = root.resolve()
    found: list[Submission] = []
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root)
        student = rel.parts[0] if len(rel.parts) > 1 else path.stem
        resolved = path.resolve()
        if base not in resolved.parents:  # a symlink (of the file or a folder) out of root
            found.append(Submission(student, path, str(rel), None, "symlink_outside"))
            continue
        if not _readable_text(path):
            found.append(Submission(student, path, str(rel), exercise, "unreadable"))
            continue
        ex = _exercise_of(path, exercise, known)
        problem = None if ex in known else "unknown_exercise"
        found.append(Submission(student, path, str(rel), ex, problem))
    seen = Counter((s.student, s.exercise) for s in found if s.problem is None)
    return [
        Submission(s.student, s.path, s.rel, s.exercise, "duplicate")
        if s.problem is None and seen[(s.student, s.exercise)] > 1
        else s
        for s in found
    ]


def shard(submissions: list[Submission], index: int, count: int) -> list[Submission]:
    """The ``index``-th of ``count`` shares (1-based), by a hash of each file's path: the
    shares are disjoint, cover every file, and do not depend on the machine or the order."""
    return [
        s
        for s in submissions
        if int(hashlib.sha256(s.rel.encode()).hexdigest(), 16) % count == index - 1
    ]


def row_of(sub: Submission, result: GradeResult | None, seed: int, digest: str) -> Row:
    """The report line: a graded result, or the reason the file could not be graded."""
    if result is None:
        return Row(
            sub.student,
            sub.rel,
            sub.exercise or "",
            "error",
            sub.problem or "",
            "",
            0,
            seed,
            0.0,
            digest,
        )
    finding = ""
    if result.misconception is not None:
        finding = result.misconception.id
    elif result.divergence is not None and result.divergence.intermediate:
        finding = f"diverged at {result.divergence.intermediate}"
    return Row(
        sub.student,
        sub.rel,
        result.exercise or sub.exercise or "",
        result.status.value,
        result.reason.value,
        finding,
        result.examples,
        result.seed,
        result.duration_s,
        digest,
    )


def grade_submission(
    sub: Submission, seed: int, max_examples: int, lang: str
) -> tuple[Row, str | None]:
    """Grade one file (in a worker); the row and the result as JSON (None if not graded)."""
    from renshu.grader.errors import RenshuError, SubmissionError
    from renshu.grader.grading.engine import grade_file
    from renshu.grader.grading.submission import unreadable_result

    digest = "" if sub.problem == "symlink_outside" else file_hash(sub.path)  # never read it
    if sub.problem is not None:
        return row_of(sub, None, seed, digest), None
    try:
        result = grade_file(sub.path, sub.exercise, seed=seed, max_examples=max_examples, lang=lang)  # type: ignore[arg-type]
    except SubmissionError as e:
        result = unreadable_result(sub.path, sub.exercise, str(e), seed)
    except RenshuError as e:  # e.g. an exercise that cannot be loaded
        result = unreadable_result(sub.path, sub.exercise, str(e), seed)
    row = row_of(sub, result, seed, digest)
    data = result.model_copy(update={"file": sub.rel})
    return row, data.as_json()
