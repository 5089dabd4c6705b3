"""Grading a file: static checks, the sandboxed search, comparison, diagnosis, the result.

The public API is ``__all__``; names are imported on first use, so importing the
package costs nothing until one is needed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from renshu.grader.lazy_exports import lazy_getattr

if TYPE_CHECKING:
    from renshu.grader.grading.engine import (
        DEFAULT_MAX_EXAMPLES,
        DEFAULT_SEED,
        grade_file,
        grade_source,
    )
    from renshu.grader.grading.result import (
        Counterexample,
        GradeResult,
        HitKind,
        MisconceptionHit,
        Reason,
        Status,
    )
    from renshu.grader.grading.submission import (
        read_submission,
        resolve_exercise,
        source_hash,
        unreadable_result,
    )

_EXPORTS = {
    "Counterexample": "result",
    "DEFAULT_MAX_EXAMPLES": "engine",
    "DEFAULT_SEED": "engine",
    "GradeResult": "result",
    "HitKind": "result",
    "MisconceptionHit": "result",
    "Reason": "result",
    "Status": "result",
    "grade_file": "engine",
    "grade_source": "engine",
    "read_submission": "submission",
    "resolve_exercise": "submission",
    "source_hash": "submission",
    "unreadable_result": "submission",
}
__all__ = [
    "DEFAULT_MAX_EXAMPLES",
    "DEFAULT_SEED",
    "Counterexample",
    "GradeResult",
    "HitKind",
    "MisconceptionHit",
    "Reason",
    "Status",
    "grade_file",
    "grade_source",
    "read_submission",
    "resolve_exercise",
    "source_hash",
    "unreadable_result",
]

__getattr__ = lazy_getattr(__name__, _EXPORTS)
