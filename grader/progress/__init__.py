"""The learner's progress: a SQLite store that loses nothing, FSRS review, stats, export."""

from renshu.grader.progress.store import ProgressStore, StoreNotice, open_store

__all__ = ["ProgressStore", "StoreNotice", "open_store"]
