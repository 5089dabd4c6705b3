"""The parent's strict check of every message the child sends: hostile until validated.

The bootstrap is trusted, but the submission runs in the same interpreter and
can replace its helpers or write frames of its own. So each reply is checked
here against a closed schema (which keys, which types, how long, how deep)
and every text in it is capped and stripped of terminal control characters.
Anything else is a ``ProtocolViolation``: the grading ends as ``error`` with
reason ``protocol``, never as a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from renshu.grader.plain_text import clean_text
from renshu.grader.sandbox.wire import MAX_DEPTH, MAX_ITEMS, Unsupported

MAX_TYPE_CHARS = 100
MAX_MESSAGE_CHARS = 1000
MAX_TRACE_CHARS = 4000
MAX_VALUE_TEXT_CHARS = 1000
MAX_FUNCTION_NAME_CHARS = 200
MAX_LINE = 10_000_000
_REPLY_KEYS = {"ok", "value", "bye", "error", "trace"}
# A traced call's record of the submission's locals (see child_bootstrap._traced_call).
MAX_TRACE_RECORDS = 200
MAX_TRACE_ARRAYS = 48  # as many as child_bootstrap.TRACE_ARRAYS sends
MAX_TRACE_ARRAY_SIZE = 4096
MAX_TRACE_NAME_CHARS = 100
_ERROR_KEYS = {"type", "message", "where", "trace"}


class ProtocolViolation(Exception):
    """The child sent something the protocol does not allow."""


@dataclass(frozen=True)
class Reply:
    """A validated reply: a value, a goodbye, or an exception raised in the submission."""

    ok: bool
    value: Any = None
    bye: bool = False
    error: dict[str, Any] | None = None
    trace: list[TracedValue] | None = None


@dataclass(frozen=True)
class TracedValue:
    """One local value of the submission, as it was (re)bound during a traced call."""

    function: str
    name: str
    value: np.ndarray | float


def cap(text: str, limit: int) -> str:
    """``text`` stripped of control characters and cut to ``limit`` characters."""
    text = clean_text(text[: limit * 2])
    if len(text) > limit:
        return text[:limit] + f"… ({len(text) - limit}+ more characters not shown)"
    return text


def check_reply(message: Any) -> Reply:
    """Validate one decoded frame; raise ``ProtocolViolation`` for anything unexpected."""
    if type(message) is not dict or not set(message) <= _REPLY_KEYS:
        raise ProtocolViolation("the channel carried an unexpected message")
    ok = message.get("ok")
    if type(ok) is not bool:
        raise ProtocolViolation("a reply without a boolean 'ok'")
    if ok:
        if "error" in message:
            raise ProtocolViolation("a successful reply carried an error")
        bye = message.get("bye", False)
        if type(bye) is not bool:
            raise ProtocolViolation("a malformed goodbye")
        trace = check_trace(message["trace"]) if "trace" in message else None
        return Reply(ok=True, value=check_value(message.get("value")), bye=bye, trace=trace)
    if set(message) != {"ok", "error"}:
        raise ProtocolViolation("a failed reply must carry exactly one error")
    return Reply(ok=False, error=check_error(message["error"]))


def check_trace(records: Any) -> list[TracedValue]:
    """A traced call's record: at most ``MAX_TRACE_RECORDS`` entries ``[function, name,
    value]`` with short names and small real arrays or numbers, nothing else."""
    if type(records) not in (list, tuple) or len(records) > MAX_TRACE_RECORDS:
        raise ProtocolViolation("a malformed trace")
    out = []
    for record in records:
        if type(record) not in (list, tuple) or len(record) != 3:
            raise ProtocolViolation("a malformed trace record")
        function, name, value = record
        if type(function) is not str or type(name) is not str:
            raise ProtocolViolation("a trace record's names are not text")
        if type(value) in (int, float):
            number: np.ndarray | float = float(value)
        elif (
            isinstance(value, np.ndarray)
            and value.dtype.kind in "biuf"
            and 0 < value.size <= MAX_TRACE_ARRAY_SIZE
            and value.ndim <= MAX_DEPTH
        ):
            number = value
        else:
            raise ProtocolViolation("a trace record's value is not a small real array or number")
        out.append(
            TracedValue(
                cap(function, MAX_TRACE_NAME_CHARS), cap(name, MAX_TRACE_NAME_CHARS), number
            )
        )
    return out


def check_error(error: Any) -> dict[str, Any]:
    """An exception report: its type name, message, place and trace, all capped."""
    if type(error) is not dict or not set(error) <= _ERROR_KEYS or "type" not in error:
        raise ProtocolViolation("the channel carried a malformed error")
    for key in ("type", "message", "trace"):
        if key in error and type(error[key]) is not str:
            raise ProtocolViolation(f"an error's {key} is not text")
    where = error.get("where")
    if where is not None:
        valid = (
            type(where) is list
            and len(where) == 2
            and type(where[0]) is int
            and 0 < where[0] <= MAX_LINE
            and type(where[1]) is str
        )
        if not valid:
            raise ProtocolViolation("an error's place is not [line, function]")
        where = [where[0], cap(where[1], MAX_FUNCTION_NAME_CHARS)]
    return {
        "type": cap(error["type"], MAX_TYPE_CHARS),
        "message": cap(error.get("message", ""), MAX_MESSAGE_CHARS),
        "where": where,
        "trace": cap(error.get("trace", ""), MAX_TRACE_CHARS),
    }


def check_value(value: Any) -> Any:
    """A returned value with its texts capped; depth and item counts are bounded."""
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:  # iterative: a crafted tree cannot exhaust the parent's stack
        node, depth = stack.pop()
        if depth > MAX_DEPTH + 1:
            raise ProtocolViolation("a returned value is nested too deeply")
        if isinstance(node, list | tuple):
            if len(node) > MAX_ITEMS:
                raise ProtocolViolation("a returned value has too many items")
            stack.extend((item, depth + 1) for item in node)
        elif isinstance(node, dict):
            if len(node) > MAX_ITEMS:
                raise ProtocolViolation("a returned value has too many items")
            stack.extend((item, depth + 1) for item in node.values())
        elif not (
            node is None
            or type(node) in (bool, int, float, str)
            or isinstance(node, np.ndarray | np.generic | Unsupported)
        ):
            raise ProtocolViolation(f"a returned value holds a {type(node).__name__}")
    return _cap_texts(value)


def _cap_texts(value: Any) -> Any:
    if type(value) is str:
        return cap(value, MAX_VALUE_TEXT_CHARS)
    if type(value) is list:
        return [_cap_texts(v) for v in value]
    if type(value) is tuple:
        return tuple(_cap_texts(v) for v in value)
    if type(value) is dict:
        return {cap(k, MAX_VALUE_TEXT_CHARS): _cap_texts(v) for k, v in value.items()}
    if isinstance(value, Unsupported):
        return Unsupported(cap(value.type_name, 80), cap(value.reason, 200))
    return value
