"""The grading result: versioned data that the CLI, the JSON output and the TUI all render."""

from __future__ import annotations

import enum
from typing import Any, Final, Literal

from pydantic import BaseModel, ConfigDict, field_validator, model_validator

from renshu.grader.text import clean_tree
from renshu.grader.wording import Message

RESULT_SCHEMA_VERSION: Final = 2


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


class MismatchKind(enum.StrEnum):
    """What differed first: the type, the tuple's structure, the shape, a NaN/inf, a value."""

    TYPE = "type"
    STRUCTURE = "structure"
    SHAPE = "shape"
    NAN = "nan"
    VALUE = "value"


class CallOutcome(enum.StrEnum):
    """How the failing call ended: only a call that ``returned`` has ``got`` values."""

    RETURNED = "returned"
    RAISED = "raised"  # the submission raised an exception
    STOPPED = "stopped"  # its process stopped: timeout, memory, crash, exit


class ValueKind(enum.StrEnum):
    """The exercise spec's kind of an argument or returned item (``other``: not in the spec)."""

    ARRAY = "array"
    INT_ARRAY = "int_array"
    BOOL_ARRAY = "bool_array"
    DIM = "dim"
    INT = "int"
    FLOAT = "float"
    BOOL = "bool"
    INTS = "ints"
    OTHER = "other"


class _Entry(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str
    kind: ValueKind
    # One axis name per dimension as the spec writes it ("B", "H+I") and its size here;
    # both empty for scalars and values the spec gives no shape.
    axes: list[str] = []
    sizes: list[int] = []

    @field_validator("*", mode="after")
    @classmethod
    def _no_control_characters(cls, value: Any) -> Any:
        return clean_tree(value)

    @model_validator(mode="after")
    def _one_size_per_axis(self) -> _Entry:
        if len(self.axes) != len(self.sizes):
            raise ValueError("axes and sizes must have the same length")
        return self


class ArgumentEntry(_Entry):
    """One argument of the failing call; a dict argument gives one entry per key
    (``params.W_i``), a list argument one per item (``grads[0]``)."""

    value: Any


class ReturnedEntry(_Entry):
    """One returned item (each item of a tuple return, named as in the spec)."""

    expected: Any
    got: Any = None  # null unless ``call`` is ``returned`` and the value split into the items


class Counterexample(BaseModel):
    """The minimal input on which the submission differs (or fails), as plain JSON data."""

    model_config = ConfigDict(frozen=True)

    call: CallOutcome
    arguments: list[ArgumentEntry]
    returned: list[ReturnedEntry]
    # The whole returned value when it could not be split into the spec's items (a tuple
    # of the wrong length, an array where a tuple was expected); null otherwise.
    got_whole: Any = None
    mismatch: MismatchKind | None = None
    max_abs_error: float | None = None
    where: str | None = None

    @field_validator("*", mode="after")
    @classmethod
    def _no_control_characters(cls, value: Any) -> Any:
        return clean_tree(value)


class HitKind(enum.StrEnum):
    """What was named: an exercise's misconception, another convention, a generic mistake."""

    MISTAKE = "mistake"
    CONVENTION = "convention"
    GENERIC = "generic"


class MisconceptionHit(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str  # the exercise's misconception id, or "generic.<name>"
    message: str  # ``detail`` worded in the result's language
    kind: HitKind = HitKind.MISTAKE
    detail: Message | None = None  # the message as data, for rewording

    @field_validator("*", mode="after")
    @classmethod
    def _no_control_characters(cls, value: Any) -> Any:
        return clean_tree(value)


class Divergence(BaseModel):
    """The JSON ``divergence`` object: where the learner's values first differ, or, when
    ``intermediate`` is None, that none of them could be matched to the reference's."""

    model_config = ConfigDict(frozen=True)

    intermediate: str | None  # the reference's name for it ("c")
    step: int | None = None  # which time step, for an intermediate computed in a loop
    index: list[int] = []  # the element that differs most
    expected: float | None = None
    got: float | None = None
    formula: str | None = None
    learner_name: str | None = None  # what the learner called the differing value
    matched: list[str] = []  # the intermediates before it that the learner got right
    # False when the values are from another failing input (one with varied values, where
    # the divergence was found) because the minimal input does not show it.
    on_minimal_input: bool = True


class GradeResult(BaseModel):
    """Everything a grading found. ``schema_version`` changes when a field's meaning does."""

    model_config = ConfigDict(frozen=True)

    schema_version: Literal[2] = RESULT_SCHEMA_VERSION
    exercise: str | None
    file: str
    status: Status
    reason: Reason
    message: str  # ``detail`` worded in ``lang``, for readers of the JSON
    # The message as data (a catalogue code and its parameters): what a renderer words in
    # its own language. None only for results written by hand (tests, old files).
    detail: Message | None = None
    examples: int
    seed: int
    duration_s: float
    isolation: str
    counterexample: Counterexample | None = None
    misconception: MisconceptionHit | None = None
    hint: str | None = None  # the named mistake's own next step, else the exercise's first hint
    hint_detail: Message | None = None  # ``hint`` as data, for rewording
    divergence: Divergence | None = None  # where the learner's values first differ
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
