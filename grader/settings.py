"""Where renshu keeps the learner's data: ``--data-dir``, else ``RENSHU_HOME``, else platformdirs."""

from __future__ import annotations

import os
from pathlib import Path


def data_dir(override: Path | None = None) -> Path:
    """The user data folder (not created here)."""
    if override is not None:
        return override
    env = os.environ.get("RENSHU_HOME")
    if env:
        return Path(env)
    from platformdirs import user_data_dir

    return Path(user_data_dir("renshu", appauthor=False))
