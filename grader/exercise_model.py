"""The ``exercise.yaml`` format: contract, texts, input spec, tolerance, misconceptions."""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .shape_expr import dim_names_in, parse_dim_expr
from .text import Bilingual

_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ArraySpec(_Strict):
    """A float64 array whose shape is written with named dimensions (``[B, H + I]``)."""

    kind: Literal["array"]
    shape: list[str | int]
    range: tuple[float, float] = (-1.0, 1.0)

    @field_validator("shape")
    @classmethod
    def _shape_parses(cls, shape: list[str | int]) -> list[str | int]:
        for dim in shape:
            parse_dim_expr(str(dim))
        return shape


class DimSpec(_Strict):
    """A Python int equal to one named dimension (so outputs can name it as an axis)."""

    kind: Literal["dim"]
    name: str


class IntSpec(_Strict):
    """A Python int drawn from an inclusive range."""

    kind: Literal["int"]
    range: tuple[int, int]


class DictSpec(_Strict):
    """A dict of named arguments, e.g. the gate weights of a cell."""

    kind: Literal["dict"]
    entries: dict[str, ArgSpec]


ArgSpec = Annotated[ArraySpec | DimSpec | IntSpec | DictSpec, Field(discriminator="kind")]
DictSpec.model_rebuild()


class JointSpec(_Strict):
    """Several arguments drawn together by a named strategy (e.g. BLEU candidate + references)."""

    strategy: Literal["bleu_overlap"]
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
            if not 1 <= low <= high:
                raise ValueError(f"dimension {name}: range must satisfy 1 <= low <= high")
        for spec in _walk_specs(self.args.values()):
            used: set[str] = set()
            if isinstance(spec, ArraySpec):
                for dim in spec.shape:
                    used |= dim_names_in(str(dim))
            elif isinstance(spec, DimSpec):
                used.add(spec.name)
            if unknown := used - self.dims.keys():
                raise ValueError(f"unknown dimension(s) {sorted(unknown)}; declare them in dims")
        return self

    def argument_names(self) -> list[str]:
        names = list(self.args)
        for joint in self.joint:
            names.extend(joint.produces)
        return names


def _walk_specs(specs: Any) -> list[Any]:
    out: list[Any] = []
    for spec in specs:
        out.append(spec)
        if isinstance(spec, DictSpec):
            out.extend(_walk_specs(spec.entries.values()))
    return out


class ArrayReturn(_Strict):
    kind: Literal["array"]
    shape: list[str | int]
    name: str | None = None


class FloatReturn(_Strict):
    kind: Literal["float"]
    name: str | None = None


class TupleReturn(_Strict):
    kind: Literal["tuple"]
    items: list[Annotated[ArrayReturn | FloatReturn, Field(discriminator="kind")]]


ReturnSpec = Annotated[ArrayReturn | FloatReturn | TupleReturn, Field(discriminator="kind")]


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
    """A known-wrong implementation in ``misconceptions.py`` and what it teaches."""

    id: str
    function: str
    message: Bilingual


class EdgeCase(_Strict):
    """An explicit input tried before the generated ones: fixed dims and/or literal args."""

    dims: dict[str, int] = Field(default_factory=dict)
    args: dict[str, Any] = Field(default_factory=dict)


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
