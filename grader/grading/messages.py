"""The messages for exceptions, failed imports and stopped children (codes, not sentences)."""

from __future__ import annotations

from typing import Any

from renshu.grader.grading.result import Reason
from renshu.grader.sandbox import ChildFailure, Limits
from renshu.grader.wording import Message, msg
from renshu.grader.wording import MessageCode as C


def exception_message(error: dict[str, Any], display_name: str) -> Message:
    etype = str(error.get("type", "Exception"))
    text = str(error.get("message", ""))
    where = error.get("where")
    place = f"{display_name}:{where[0]} ({where[1]})" if where else display_name
    if etype == "MemoryError":
        return msg(C.RAISED_MEMORY, place=place)
    return msg(C.RAISED, place=place, etype=etype, text=text)


def import_problem(
    error: dict[str, Any], function: str, display_name: str
) -> tuple[Reason, Message]:
    if error.get("type") == "MissingFunction":
        return Reason.MISSING_FUNCTION, msg(C.MISSING_CALLABLE, function=function)
    etype = str(error.get("type"))
    text = str(error.get("message", ""))
    where = error.get("where")
    place = f"{display_name}:{where[0]}" if where else display_name
    if etype in ("SystemExit", "KeyboardInterrupt"):
        return Reason.EXIT, msg(C.IMPORT_EXIT, place=place, etype=etype)
    if etype == "MemoryError":
        return Reason.MEMORY, msg(C.IMPORT_MEMORY, place=place)
    return Reason.IMPORT_ERROR, msg(C.IMPORT_RAISED, place=place, etype=etype, text=text)


def load_failure_message(failure: ChildFailure, limits: Limits) -> Message:
    if failure.kind == "timeout":
        return msg(C.LOAD_TIMEOUT, limit=limits.start_timeout_s + limits.import_timeout_s)
    return msg(C.LOAD_STOPPED, detail=failure.message)


def call_failure_message(failure: ChildFailure, limits: Limits) -> Message:
    """A call that timed out or whose process stopped (after the file was imported)."""
    if failure.kind == "timeout":
        return msg(C.CALL_TIMEOUT, limit=limits.call_timeout_s, detail=failure.message)
    return msg(C.CHILD_STOPPED, detail=failure.message)
