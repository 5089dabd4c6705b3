"""The ``exercise.yaml`` format: contract, texts, input spec, tolerance, misconceptions."""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import Field, model_validator

from renshu.grader.exercises.input_kinds import (  # noqa: F401  (re-exported: the input kinds)
    ArgSpec,
    ArraySpec,
    BoolArraySpec,
    BoolSpec,
    DictSpec,
    DimSpec,
    FloatSpec,
    IntArraySpec,
    IntBounds,
    IntSpec,
    ListSpec,
    Shape,
    _Strict,
    walk_specs,
)
from renshu.grader.exercises.shapes import dim_names_in
from renshu.grader.syllabus import SyllabusArea
from renshu.grader.text import Bilingual

_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


class JointSpec(_Strict):
    """Several arguments drawn together by a named strategy (e.g. BLEU candidate + references)."""

    strategy: Literal["bleu_overlap", "bleu_corpus"]
    produces: list[str]
    options: dict[str, int] = Field(default_factory=dict)


class InputSpec(_Strict):
    """How the grader draws arguments: named dimension ranges shared across arguments."""

    dims: dict[str, tuple[int, int]] = Field(default_factory=dict)
    args: dict[str, ArgSpec] = Field(default_factory=dict)
    joint: list[JointSpec] = Field(default_factory=list)

    @model_validator(mode="after")
    def _dims_known(self) -> InputSpec:
        for name, (low, high) in self.dims.items():
            if not _IDENT.match(name):
                raise ValueError(f"dimension name {name!r} is not an identifier")
            if not 0 <= low <= high:
                raise ValueError(f"dimension {name}: range must satisfy 0 <= low <= high")
        for spec in walk_specs(self.args.values()):
            if unknown := spec.dim_names() - self.dims.keys():
                raise ValueError(f"unknown dimension(s) {sorted(unknown)}; declare them in dims")
        return self

    def argument_names(self) -> list[str]:
        names = list(self.args)
        for joint in self.joint:
            names.extend(joint.produces)
        return names


class ArrayReturn(_Strict):
    kind: Literal["array"]
    shape: Shape
    name: str | None = None


class FloatReturn(_Strict):
    kind: Literal["float"]
    name: str | None = None


class IntReturn(_Strict):
    """A Python (or NumPy) integer, compared exactly."""

    kind: Literal["int"]
    name: str | None = None


class IntsReturn(_Strict):
    """A sequence of integers of any length (list, tuple or 1-D int array), compared exactly."""

    kind: Literal["ints"]
    name: str | None = None


ItemReturn = Annotated[
    ArrayReturn | FloatReturn | IntReturn | IntsReturn, Field(discriminator="kind")
]


class TupleReturn(_Strict):
    kind: Literal["tuple"]
    items: list[ItemReturn]


ReturnSpec = Annotated[
    ArrayReturn | FloatReturn | IntReturn | IntsReturn | TupleReturn, Field(discriminator="kind")
]


class Tolerance(_Strict):
    """``|got - expected| <= atol + rtol * |expected|`` element-wise."""

    rtol: float = Field(default=1e-5, ge=0, le=1e-2)
    atol: float = Field(default=1e-6, ge=0, le=1e-2)


class ReferenceSpec(_Strict):
    """Where the reference lives in ``renshu.reference`` and what it needs to stand alone."""

    module: str
    function: str
    helpers: list[str] = Field(default_factory=list)  # "module.function", written out first


class Misconception(_Strict):
    """A known-wrong implementation in ``misconceptions.py`` and what it teaches.

    ``kind: convention`` marks a function that is right in another convention (PyTorch's
    gate order, a TF-style mask): the report says which convention, not "a mistake".
    ``next_step`` is the hint shown for this mistake (else the exercise's first hint).
    """

    id: str
    function: str
    message: Bilingual
    next_step: Bilingual | None = None
    kind: Literal["mistake", "convention"] = "mistake"


class Intermediate(_Strict):
    """A value the reference computes on the way, by the name of its local variable (an
    LSTM's ``c``); listed in data flow order. ``formula`` is shown where a learner's value
    first differs from it (``f * c_prev + i * g``)."""

    name: str
    formula: str | None = None


class EdgeCase(_Strict):
    """An explicit input tried before the generated ones: fixed dims and/or literal args."""

    dims: dict[str, int] = Field(default_factory=dict)
    args: dict[str, Any] = Field(default_factory=dict)
    # What this edge is and what the contract says happens there ("an empty candidate:
    # BLEU is 0"); shown when a submission raises on it.
    about: Bilingual | None = None


def _non_string_token(value: Any, where: str = "") -> tuple[str, object] | None:
    """Where the first leaf of a (nested) token list is not a string, and what it is."""
    if isinstance(value, list):
        for i, item in enumerate(value):
            if (bad := _non_string_token(item, f"{where}[{i}]")) is not None:
                return bad
        return None
    return None if isinstance(value, str) else (where, value)


class Exercise(_Strict):
    """One exercise: the public contract of a function the learner writes."""

    schema_version: Literal[1]
    id: str
    topic: str
    concepts: list[str] = Field(min_length=1)
    title: Bilingual
    prompt: Bilingual
    function: str
    signature: list[str] = Field(min_length=1)
    returns: ReturnSpec
    inputs: InputSpec
    edge_cases: list[EdgeCase] = Field(default_factory=list)
    tolerance: Tolerance = Tolerance()
    reference: ReferenceSpec
    hints: list[Bilingual] = Field(min_length=2)
    misconceptions: list[Misconception] = Field(min_length=1)
    intermediates: list[Intermediate] = Field(default_factory=list)
    syllabus: SyllabusArea | None = None  # None: the topic's area (curriculum.yaml)

    @model_validator(mode="after")
    def _consistent(self) -> Exercise:
        if not _IDENT.match(self.id) or not _IDENT.match(self.function):
            raise ValueError("id and function must be Python identifiers")
        drawn = self.inputs.argument_names()
        if sorted(drawn) != sorted(self.signature):
            raise ValueError(
                f"signature {self.signature} and the drawn arguments {drawn} must name the same"
                " arguments"
            )
        ids = [m.id for m in self.misconceptions]
        if len(set(ids)) != len(ids):
            raise ValueError("misconception ids must be unique")
        joint_args = {name for joint in self.inputs.joint for name in joint.produces}
        for index, case in enumerate(self.edge_cases):
            for name in joint_args & case.args.keys():
                if bad := _non_string_token(case.args[name]):
                    where, value = bad
                    raise ValueError(
                        f"edge_cases[{index}].args.{name}{where} is {value!r}, not a string"
                        " token (YAML reads unquoted on, off, yes, no, true, false, null and"
                        " numbers as other types: quote such tokens)"
                    )
        for case in self.edge_cases:
            if unknown := set(case.dims) - self.inputs.dims.keys():
                raise ValueError(f"edge case names unknown dimension(s) {sorted(unknown)}")
            if unknown := set(case.args) - set(self.signature):
                raise ValueError(f"edge case names unknown argument(s) {sorted(unknown)}")
        return self

    def return_dims(self) -> set[str]:
        """Dimension names used by the return spec (for axis-named shape messages)."""
        items = self.returns.items if isinstance(self.returns, TupleReturn) else [self.returns]
        names: set[str] = set()
        for item in items:
            if isinstance(item, ArrayReturn):
                for dim in item.shape:
                    names |= dim_names_in(str(dim))
        return names
