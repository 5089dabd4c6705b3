"""The sandbox: an exec'd child interpreter with limits, a plain-data channel, and a full kill.

Names are imported on first use: starting a child (``runner``) needs neither NumPy
nor the channel's checks, so ``renshu grade`` can start it before anything heavy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from renshu.grader.lazy_exports import lazy_getattr

if TYPE_CHECKING:
    from renshu.grader.sandbox.call_types import CallResult, ChildFailure, FailureKind, Limits
    from renshu.grader.sandbox.isolation import IsolationLevel, detect_isolation
    from renshu.grader.sandbox.protocol import TracedValue
    from renshu.grader.sandbox.runner import SandboxRunner

_EXPORTS = {
    "CallResult": "call_types",
    "ChildFailure": "call_types",
    "FailureKind": "call_types",
    "IsolationLevel": "isolation",
    "Limits": "call_types",
    "SandboxRunner": "runner",
    "TracedValue": "protocol",
    "detect_isolation": "isolation",
}
__all__ = [
    "CallResult",
    "ChildFailure",
    "FailureKind",
    "IsolationLevel",
    "Limits",
    "SandboxRunner",
    "TracedValue",
    "detect_isolation",
]

__getattr__ = lazy_getattr(__name__, _EXPORTS)
