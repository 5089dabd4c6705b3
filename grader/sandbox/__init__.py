"""The sandbox: an exec'd child interpreter with limits, a plain-data channel, and a full kill."""

from renshu.grader.sandbox.isolation import IsolationLevel, detect_isolation
from renshu.grader.sandbox.protocol import TracedValue
from renshu.grader.sandbox.runner import (
    CallResult,
    ChildFailure,
    FailureKind,
    Limits,
    SandboxRunner,
)

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
