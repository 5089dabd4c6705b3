"""One recorded call: the input a submission got and what it returned."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Observation:
    """One input and what the learner's function returned for it."""

    dims: dict[str, int]
    args: dict[str, Any]
    got: Any
    failed: bool
