"""The grading result: versioned data that the CLI, the JSON output and the TUI all render."""

from __future__ import annotations

import enum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, field_validator

from renshu.grader.text import clean_tree

RESULT_SCHEMA_VERSION = 1


class Status(enum.StrEnum):
    """``fail``: the code ran and a value was wrong; ``error``: it could not be run or judged."""

    PASS = "pass"
    FAIL = "fail"
    ERROR = "error"


class Reason(enum.StrEnum):
    """Why a grading ended as it did (stable codes for tools and tests)."""

    PASSED = "passed"
    MISMATCH = "mismatch"
    UNFINISHED = "unfinished"
    BAD_RETURN = "bad_return"
    SYNTAX = "syntax"
    TOO_COMPLEX = "too_complex"  # valid Python nested too deeply for the parser
    MISSING_FUNCTION = "missing_function"
    NOT_A_FUNCTION = "not_a_function"
    SIGNATURE = "signature"
    IMPORT_ERROR = "import_error"
    EXCEPTION = "exception"
    TIMEOUT = "timeout"
    MEMORY = "memory"
    CRASH = "crash"
    EXIT = "exit"
    PROTOCOL = "protocol"
    UNREADABLE = "unreadable"


class Counterexample(BaseModel):
    """The minimal input on which the submission differs (or fails), as plain JSON data."""

    model_config = ConfigDict(frozen=True)

    args: dict[str, Any]
    expected: Any
    got: Any
    max_abs_error: float | None
    where: str | None
    # Axis names and sizes per argument (dict entries as "params.W_i") and per returned
    # array, e.g. {"xs": "(B, T, I) = (1, 2, 2)"}.
    shapes: dict[str, str] = {}

    @field_validator("*", mode="after")
    @classmethod
    def _no_control_characters(cls, value: Any) -> Any:
        return clean_tree(value)


class MisconceptionHit(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    message: str

    @field_validator("*", mode="after")
    @classmethod
    def _no_control_characters(cls, value: Any) -> Any:
        return clean_tree(value)


class GradeResult(BaseModel):
    """Everything a grading found. ``schema_version`` changes when a field's meaning does."""

    model_config = ConfigDict(frozen=True)

    schema_version: Literal[1] = RESULT_SCHEMA_VERSION
    exercise: str | None
    file: str
    status: Status
    reason: Reason
    message: str
    examples: int
    seed: int
    duration_s: float
    isolation: str
    counterexample: Counterexample | None = None
    misconception: MisconceptionHit | None = None
    hint: str | None = None
    stdout: str = ""
    stderr: str = ""
    lang: Literal["ja", "en"] = "en"

    @field_validator("*", mode="after")
    @classmethod
    def _no_control_characters(cls, value: Any) -> Any:
        """Whatever the submission made it print or raise, no escape reaches a terminal."""
        return clean_tree(value)

    def as_json(self) -> str:
        return self.model_dump_json(indent=2)
