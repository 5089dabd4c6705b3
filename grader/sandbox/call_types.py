"""What a sandbox child may use, and what one call to it gives back or how it fails.

Standard library only: the runner imports this before anything heavy.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from renshu.grader.sandbox.protocol import TracedValue

__all__ = ["CallResult", "ChildFailure", "FailureKind", "Limits"]


@dataclass(frozen=True)
class Limits:
    """Resource limits of the child and the parent's wall-clock deadlines."""

    address_space_mib: int = 1024
    cpu_seconds: int = 10
    file_size_mib: int = 1
    open_files: int = 64
    start_timeout_s: float = 5.0
    import_timeout_s: float = 5.0
    call_timeout_s: float = 2.0
    output_cap_bytes: int = 64 * 1024
    # The largest reply the grader reads: bounds its own memory per grading
    # (``wire.MAX_FRAME_BYTES``, written out so that starting a child imports no NumPy).
    reply_cap_bytes: int = 8 * 1024 * 1024


class FailureKind(enum.StrEnum):
    """Why the child could not answer; each member equals its string (``"timeout"``...)."""

    TIMEOUT = "timeout"
    CRASH = "crash"
    EXIT = "exit"
    MEMORY = "memory"
    PROTOCOL = "protocol"


class ChildFailure(Exception):
    """The child could not answer: it timed out, crashed, exited or broke the protocol.

    ``kind`` is a ``FailureKind``: ``timeout``, ``crash``, ``exit``, ``memory`` or
    ``protocol`` (a ``StrEnum``, so it compares equal to those strings).
    """

    def __init__(self, kind: FailureKind, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message


@dataclass
class CallResult:
    """What one call gave back: a value, or an exception raised in the submission."""

    ok: bool
    value: Any = None
    error: dict[str, Any] | None = None
    seconds: float = 0.0
    trace: list[TracedValue] | None = None  # the submission's locals, for a traced call
