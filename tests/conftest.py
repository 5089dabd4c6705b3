"""Shared test setup: no test writes outside temporary folders.

Hypothesis keeps no example database in the repository, and every renshu
process a test starts (they inherit this environment) keeps its progress in a
throwaway folder, never in a learner's real data folder.
"""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault(
    "HYPOTHESIS_STORAGE_DIRECTORY", os.path.join(tempfile.gettempdir(), "renshu-test-hypothesis")
)
os.environ["RENSHU_HOME"] = tempfile.mkdtemp(prefix="renshu-test-home-")

from hypothesis import settings

settings.register_profile("renshu", database=None, deadline=None)
settings.load_profile("renshu")
