"""The learner's progress: a SQLite store that loses nothing, FSRS review, stats, export, study.

The public API is ``__all__``; names are imported on first use, so importing the
package costs nothing until one is needed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from renshu.grader.lazy_exports import lazy_getattr

if TYPE_CHECKING:
    from renshu.grader.progress.review import due_queue, has_passed, record_answer, record_grading
    from renshu.grader.progress.stats import Stats, compute_stats
    from renshu.grader.progress.store import ProgressStore, StoreNotice, open_store
    from renshu.grader.progress.study import StudyItem, StudyService
    from renshu.grader.progress.transfer import export_progress, import_progress

_EXPORTS = {
    "ProgressStore": "store",
    "Stats": "stats",
    "StoreNotice": "store",
    "StudyItem": "study",
    "StudyService": "study",
    "compute_stats": "stats",
    "due_queue": "review",
    "export_progress": "transfer",
    "has_passed": "review",
    "import_progress": "transfer",
    "open_store": "store",
    "record_answer": "review",
    "record_grading": "review",
}
__all__ = [
    "ProgressStore",
    "Stats",
    "StoreNotice",
    "StudyItem",
    "StudyService",
    "compute_stats",
    "due_queue",
    "export_progress",
    "has_passed",
    "import_progress",
    "open_store",
    "record_answer",
    "record_grading",
]

__getattr__ = lazy_getattr(__name__, _EXPORTS)
