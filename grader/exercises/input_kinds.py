"""The kinds of argument an exercise can ask for, each knowing how it is drawn and shown.

One class per ``kind`` of ``inputs.args`` and every operation on it as a method, so the
grader dispatches once, by the value's class, and nowhere lists the kinds again:

- ``draw(draws, dims)``: a value from a ``Draws`` source (the grader's Hypothesis
  strategies; this module does not import Hypothesis);
- ``sample(dims, rng)``: a value from a NumPy generator (edge cases fill their gaps);
- ``literal(value)``: an edge case's YAML literal in the promised type;
- ``describe()``: the one-line type in the exercise docs;
- ``dim_names()`` / ``children()`` / ``axes``: what validation and the result echo need.

Adding a kind: a class here with these methods and its place in ``ArgSpec``.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, Protocol

import numpy as np
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from renshu.grader.exercises.shapes import dim_names_in, eval_dim, parse_dim_expr
from renshu.grader.exercises.value_layout import apply_layout, value_table


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _check_shape(shape: list[str | int]) -> list[str | int]:
    for dim in shape:
        parse_dim_expr(str(dim))
    return shape


def _check_bounds(bounds: tuple[int | str, int | str]) -> tuple[int | str, int | str]:
    _check_shape(list(bounds))
    return bounds


Shape = Annotated[list[str | int], AfterValidator(_check_shape)]
IntBounds = Annotated[tuple[int | str, int | str], AfterValidator(_check_bounds)]
Dims = dict[str, int]


class Draws(Protocol):
    """Where drawn values come from (the grader's shrinking Hypothesis strategies)."""

    def integer(self, low: int, high: int) -> int: ...
    def boolean(self) -> bool: ...
    def floats(self, value_range: tuple[float, float], shape: tuple[int, ...]) -> np.ndarray: ...
    def ints(self, low: int, high: int, shape: tuple[int, ...]) -> np.ndarray: ...


def shape_text(shape: list[str | int]) -> str:
    """``(B, H+I)``: a spec shape as the docs and messages write it."""
    inner = ", ".join(str(d).replace(" ", "") for d in shape)
    return f"({inner},)" if len(shape) == 1 else f"({inner})"


def sizes_of(shape: list[str | int], dims: Dims) -> tuple[int, ...]:
    return tuple(eval_dim(d, dims) for d in shape)


class _Kind(_Strict):
    """What every kind can do; the defaults suit a scalar without dimensions."""

    @property
    def axes(self) -> list[str | int] | None:
        """The spec shape of an array kind (for axis-named echoes), else None."""
        return None

    def dim_names(self) -> set[str]:
        return set()

    def children(self) -> list[ArgSpec]:
        return []

    def literal(self, value: Any) -> Any:
        return value

    def draw(self, draws: Draws, dims: Dims) -> Any:
        raise NotImplementedError

    def sample(self, dims: Dims, rng: np.random.Generator) -> Any:
        raise NotImplementedError

    def describe(self) -> str:
        raise NotImplementedError


class _ArrayKind(_Kind):
    shape: Shape

    @property
    def axes(self) -> list[str | int] | None:
        return self.shape

    def dim_names(self) -> set[str]:
        return {name for dim in self.shape for name in dim_names_in(str(dim))}


class ArraySpec(_ArrayKind):
    """A float64 array whose shape is written with named dimensions (``[B, H + I]``).

    ``layout`` shapes the values for a domain: ``stochastic`` makes every row (last
    axis) non-negative and sum to 1; ``boxes`` turns each row of 4 into a box
    ``(x1, y1, x2, y2)`` with ``x2 > x1`` and ``y2 > y1``.
    """

    kind: Literal["array"]
    range: tuple[float, float] = (-1.0, 1.0)
    layout: Literal["plain", "stochastic", "boxes"] = "plain"

    @model_validator(mode="after")
    def _layout_fits(self) -> ArraySpec:
        if self.range[0] > self.range[1]:
            raise ValueError("range must satisfy low <= high")
        if self.layout == "boxes" and (not self.shape or str(self.shape[-1]) != "4"):
            raise ValueError("layout boxes needs a last dimension of 4: (x1, y1, x2, y2)")
        if self.layout == "stochastic" and self.range[0] < 0:
            raise ValueError("layout stochastic needs a non-negative range")
        return self

    def draw(self, draws: Draws, dims: Dims) -> Any:
        return apply_layout(draws.floats(self.range, sizes_of(self.shape, dims)), self.layout)

    def sample(self, dims: Dims, rng: np.random.Generator) -> Any:
        return apply_layout(rng.uniform(*self.range, size=sizes_of(self.shape, dims)), self.layout)

    def literal(self, value: Any) -> Any:
        return np.asarray(value, dtype=np.float64)

    def describe(self) -> str:
        shape = shape_text(self.shape)
        if self.layout == "stochastic":
            return f"float64 {shape}, rows sum to 1"
        if self.layout == "boxes":
            return f"float64 {shape}, boxes (x1, y1, x2, y2)"
        return f"float64 {shape} in [{self.range[0]:g}, {self.range[1]:g}]"


class IntArraySpec(_ArrayKind):
    """An int64 array; its bounds may name dimensions (``[0, V - 1]`` for token ids)."""

    kind: Literal["int_array"]
    range: IntBounds

    def dim_names(self) -> set[str]:
        return super().dim_names() | {n for b in self.range for n in dim_names_in(str(b))}

    def draw(self, draws: Draws, dims: Dims) -> Any:
        low, high = (eval_dim(b, dims) for b in self.range)
        return draws.ints(low, high, sizes_of(self.shape, dims))

    def sample(self, dims: Dims, rng: np.random.Generator) -> Any:
        low, high = (eval_dim(b, dims) for b in self.range)
        return rng.integers(low, high + 1, size=sizes_of(self.shape, dims)).astype(np.int64)

    def literal(self, value: Any) -> Any:
        return np.asarray(value, dtype=np.int64)

    def describe(self) -> str:
        return f"int64 {shape_text(self.shape)} in [{self.range[0]}, {self.range[1]}]"


class BoolArraySpec(_ArrayKind):
    """A bool array (e.g. an attention mask); ``optional`` also draws ``None``."""

    kind: Literal["bool_array"]
    optional: bool = False

    def draw(self, draws: Draws, dims: Dims) -> Any:
        if self.optional and draws.boolean():
            return None
        return draws.ints(0, 1, sizes_of(self.shape, dims)).astype(bool)

    def sample(self, dims: Dims, rng: np.random.Generator) -> Any:
        return rng.random(sizes_of(self.shape, dims)) < 0.5

    def literal(self, value: Any) -> Any:
        return None if value is None else np.asarray(value, dtype=bool)

    def describe(self) -> str:
        return f"bool {shape_text(self.shape)}" + (" or None" if self.optional else "")


class DimSpec(_Kind):
    """A Python int equal to one named dimension (so outputs can name it as an axis)."""

    kind: Literal["dim"]
    name: str

    def dim_names(self) -> set[str]:
        return {self.name}

    def draw(self, draws: Draws, dims: Dims) -> Any:
        return dims[self.name]

    def sample(self, dims: Dims, rng: np.random.Generator) -> Any:
        return dims[self.name]

    def describe(self) -> str:
        return f"int (= {self.name})"


class IntSpec(_Kind):
    """A Python int drawn from an inclusive range; a bound may name dimensions
    (``[0, A - 1]``: a valid action index for every drawn ``A``)."""

    kind: Literal["int"]
    range: IntBounds

    def dim_names(self) -> set[str]:
        return {n for b in self.range for n in dim_names_in(str(b))}

    def draw(self, draws: Draws, dims: Dims) -> Any:
        low, high = (eval_dim(b, dims) for b in self.range)
        return draws.integer(low, high)

    def sample(self, dims: Dims, rng: np.random.Generator) -> Any:
        low, high = (eval_dim(b, dims) for b in self.range)
        return int(rng.integers(low, high + 1))

    def describe(self) -> str:
        return f"int in [{self.range[0]}, {self.range[1]}]"


class FloatSpec(_Kind):
    """A Python float drawn from an inclusive range (on the 1/64 grid, simplest first)."""

    kind: Literal["float"]
    range: tuple[float, float]

    def draw(self, draws: Draws, dims: Dims) -> Any:
        table = value_table(*self.range)
        return float(table[draws.integer(0, len(table) - 1)])

    def sample(self, dims: Dims, rng: np.random.Generator) -> Any:
        return float(rng.choice(value_table(*self.range)))

    def literal(self, value: Any) -> Any:
        return float(value)

    def describe(self) -> str:
        return f"float in [{self.range[0]:g}, {self.range[1]:g}]"


class BoolSpec(_Kind):
    """A Python bool."""

    kind: Literal["bool"]

    def draw(self, draws: Draws, dims: Dims) -> Any:
        return draws.boolean()

    def sample(self, dims: Dims, rng: np.random.Generator) -> Any:
        return bool(rng.random() < 0.5)

    def describe(self) -> str:
        return "bool"


class DictSpec(_Kind):
    """A dict of named arguments, e.g. the gate weights of a cell."""

    kind: Literal["dict"]
    entries: dict[str, ArgSpec]

    def children(self) -> list[ArgSpec]:
        return list(self.entries.values())

    def draw(self, draws: Draws, dims: Dims) -> Any:
        return {k: v.draw(draws, dims) for k, v in self.entries.items()}

    def sample(self, dims: Dims, rng: np.random.Generator) -> Any:
        return {k: v.sample(dims, rng) for k, v in self.entries.items()}

    def literal(self, value: Any) -> Any:
        if not isinstance(value, dict):
            return value
        return {k: self.entries[k].literal(v) if k in self.entries else v for k, v in value.items()}

    def describe(self) -> str:
        return "dict {" + "; ".join(f"`{k}`: {v.describe()}" for k, v in self.entries.items()) + "}"


class ListSpec(_Kind):
    """A list with one value per item spec, e.g. the gradients of several weights."""

    kind: Literal["list"]
    items: list[ArgSpec] = Field(min_length=1)

    def children(self) -> list[ArgSpec]:
        return list(self.items)

    def draw(self, draws: Draws, dims: Dims) -> Any:
        return [item.draw(draws, dims) for item in self.items]

    def sample(self, dims: Dims, rng: np.random.Generator) -> Any:
        return [item.sample(dims, rng) for item in self.items]

    def literal(self, value: Any) -> Any:
        if not isinstance(value, list):
            return value
        return [item.literal(v) for item, v in zip(self.items, value, strict=True)]

    def describe(self) -> str:
        return "list [" + "; ".join(item.describe() for item in self.items) + "]"


ArgSpec = Annotated[
    ArraySpec
    | IntArraySpec
    | BoolArraySpec
    | DimSpec
    | IntSpec
    | FloatSpec
    | BoolSpec
    | DictSpec
    | ListSpec,
    Field(discriminator="kind"),
]
DictSpec.model_rebuild()
ListSpec.model_rebuild()


def walk_specs(specs: Any) -> list[ArgSpec]:
    """Every spec in ``specs`` and, depth first, the specs nested in dicts and lists."""
    out: list[ArgSpec] = []
    for spec in specs:
        out.append(spec)
        out.extend(walk_specs(spec.children()))
    return out
