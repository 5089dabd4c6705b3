"""Shared test setup: no test writes outside temporary folders.

Hypothesis keeps no example database in the repository, and every renshu
process a test starts (they inherit this environment) keeps its progress in a
throwaway folder (and its replay plans in a throwaway cache), never in a
learner's real folders.
"""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault(
    "HYPOTHESIS_STORAGE_DIRECTORY", os.path.join(tempfile.gettempdir(), "renshu-test-hypothesis")
)
os.environ["RENSHU_HOME"] = tempfile.mkdtemp(prefix="renshu-test-home-")
os.environ["RENSHU_CACHE"] = tempfile.mkdtemp(prefix="renshu-test-cache-")

import pytest
from hypothesis import settings

settings.register_profile("renshu", database=None, deadline=None)
settings.load_profile("renshu")


# Test tiers: `pytest -m "not slow"` is the fast loop (no sandbox child, no TUI). These
# modules start sandboxed children or drive the Textual app; everything in them is slow.
SLOW_MODULES = {
    "test_cli.py",
    "test_divergence_end_to_end.py",
    "test_exercise_catalogue.py",
    "test_generic_mistakes_end_to_end.py",
    "test_exercises.py",
    "test_hostile_submissions.py",
    "test_inputs_reach_mistakes.py",
    "test_isolation_level.py",
    "test_progress_concurrency.py",
    "test_progress_reliability.py",
    "test_sandbox_attacks.py",
    "test_sandbox_attacks_grader.py",
    "test_sandbox_attacks_leaks.py",
    "test_sandbox_lifetime.py",
    "test_study.py",
    "test_tolerance_and_strategies.py",
    "test_watch.py",
}


def pytest_collection_modifyitems(config: object, items: list[pytest.Item]) -> None:
    for item in items:
        path = item.path
        if path.name in SLOW_MODULES or "tui" in path.parent.parts[-1:]:
            item.add_marker(pytest.mark.slow)
