"""Shared test setup: Hypothesis never writes an example database into the repository."""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault(
    "HYPOTHESIS_STORAGE_DIRECTORY", os.path.join(tempfile.gettempdir(), "renshu-test-hypothesis")
)

from hypothesis import settings

settings.register_profile("renshu", database=None, deadline=None)
settings.load_profile("renshu")
