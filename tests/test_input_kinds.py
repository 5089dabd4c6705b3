"""Every input kind answers every operation itself: draw, sample, literal, describe."""

from __future__ import annotations

from typing import get_args

import numpy as np
import pytest

from renshu.grader.exercises.input_kinds import (
    ArgSpec,
    ArraySpec,
    BoolArraySpec,
    BoolSpec,
    DictSpec,
    DimSpec,
    FloatSpec,
    IntArraySpec,
    IntSpec,
    ListSpec,
    walk_specs,
)


class FakeDraws:
    """Draws that return fixed, recognisable values (no Hypothesis)."""

    def integer(self, low: int, high: int) -> int:
        return high

    def boolean(self) -> bool:
        return False

    def floats(self, value_range: tuple[float, float], shape: tuple[int, ...]) -> np.ndarray:
        return np.full(shape, value_range[1])

    def ints(self, low: int, high: int, shape: tuple[int, ...]) -> np.ndarray:
        return np.full(shape, high, dtype=np.int64)


DIMS = {"B": 2, "V": 5}
ONE_OF_EACH = [
    ArraySpec(kind="array", shape=["B", 3], range=(-2.0, 2.0)),
    IntArraySpec(kind="int_array", shape=["B"], range=(0, "V - 1")),
    BoolArraySpec(kind="bool_array", shape=["B", "B"]),
    DimSpec(kind="dim", name="V"),
    IntSpec(kind="int", range=(3, 7)),
    FloatSpec(kind="float", range=(0.0, 1.0)),
    BoolSpec(kind="bool"),
    DictSpec(kind="dict", entries={"w": IntSpec(kind="int", range=(0, 1))}),
    ListSpec(kind="list", items=[BoolSpec(kind="bool")]),
]
# (what FakeDraws gives, the docs' type text) for each kind above
EXPECTED = [
    (np.full((2, 3), 2.0), "float64 (B, 3) in [-2, 2]"),
    (np.array([4, 4]), "int64 (B,) in [0, V - 1]"),
    (np.ones((2, 2), bool), "bool (B, B)"),
    (5, "int (= V)"),
    (7, "int in [3, 7]"),
    (1.0, "float in [0, 1]"),  # index high of the simplest-first table: 1 is in it
    (False, "bool"),
    ({"w": 1}, "dict {`w`: int in [0, 1]}"),
    ([False], "list [bool]"),
]


def test_every_kind_of_the_union_is_covered_here() -> None:
    members = get_args(get_args(ArgSpec)[0])
    assert {type(s) for s in ONE_OF_EACH} == set(members)


@pytest.mark.parametrize(("spec", "expected"), list(zip(ONE_OF_EACH, EXPECTED, strict=True)))
def test_draw_and_describe(spec: ArgSpec, expected: tuple[object, str]) -> None:
    value, text = expected
    drawn = spec.draw(FakeDraws(), DIMS)
    if isinstance(spec, FloatSpec):
        assert 0.0 <= drawn <= 1.0
    else:
        np.testing.assert_equal(drawn, value)
    assert spec.describe() == text


@pytest.mark.parametrize("spec", ONE_OF_EACH)
def test_sampled_values_have_the_promised_type_and_bounds(spec: ArgSpec) -> None:
    rng = np.random.default_rng(0)
    value = spec.sample(DIMS, rng)
    if isinstance(spec, ArraySpec):
        assert value.dtype == np.float64
        assert value.shape == (2, 3)
        assert ((value >= -2) & (value <= 2)).all()
    elif isinstance(spec, IntArraySpec):
        assert value.dtype == np.int64
        assert ((value >= 0) & (value <= 4)).all()
    elif isinstance(spec, BoolArraySpec):
        assert value.dtype == bool
        assert value.shape == (2, 2)
    elif isinstance(spec, IntSpec):
        assert 3 <= value <= 7
    elif isinstance(spec, DimSpec):
        assert value == 5
    elif isinstance(spec, DictSpec):
        assert set(value) == {"w"}
    elif isinstance(spec, ListSpec):
        assert len(value) == 1
        assert isinstance(value[0], bool)
    else:
        assert isinstance(value, float | bool)


def test_literals_take_the_promised_types() -> None:
    assert ONE_OF_EACH[0].literal([[1, 2, 3]]).dtype == np.float64
    assert ONE_OF_EACH[1].literal([1]).dtype == np.int64
    assert ONE_OF_EACH[2].literal(None) is None
    assert isinstance(ONE_OF_EACH[5].literal(1), float)
    assert ONE_OF_EACH[7].literal({"w": 1, "extra": "x"}) == {"w": 1, "extra": "x"}


def test_dimension_names_and_nesting() -> None:
    assert ONE_OF_EACH[1].dim_names() == {"B", "V"}
    assert ONE_OF_EACH[3].dim_names() == {"V"}
    nested = ListSpec(kind="list", items=[ONE_OF_EACH[7], ONE_OF_EACH[0]])
    assert [type(s).__name__ for s in walk_specs([nested])] == [
        "ListSpec",
        "DictSpec",
        "IntSpec",
        "ArraySpec",
    ]


def test_an_int_bound_may_name_a_dimension_so_every_valid_index_is_drawn() -> None:
    from hypothesis import given, settings

    from renshu.grader.exercises.model import InputSpec
    from renshu.grader.grading.strategies import input_strategy

    spec = InputSpec.model_validate(
        {"dims": {"A": [2, 6]}, "args": {"a": {"kind": "int", "range": [0, "A - 1"]}}}
    )
    assert spec.args["a"].dim_names() == {"A"}
    seen: set[tuple[int, int]] = set()

    @settings(max_examples=300, database=None)
    @given(input_strategy(spec))
    def collect(drawn: tuple[dict[str, int], dict[str, object]]) -> None:
        dims, args = drawn
        assert 0 <= args["a"] <= dims["A"] - 1
        seen.add((dims["A"], args["a"]))

    collect()
    assert (6, 5) in seen  # the last action of the largest A is reached
