"""Comparison: structure and shape exactly first, then values with a tolerance."""

from __future__ import annotations

import numpy as np

from renshu.grader.exercises.model import ArrayReturn, FloatReturn, Tolerance, TupleReturn
from renshu.grader.grading.compare import compare
from renshu.grader.sandbox.wire import Unsupported

TOL = Tolerance(rtol=1e-5, atol=1e-6)
PAIR = TupleReturn(
    kind="tuple",
    items=[
        ArrayReturn(kind="array", shape=["B", "H"], name="h"),
        ArrayReturn(kind="array", shape=["B", "H"], name="c"),
    ],
)
DIMS = {"B": 1, "H": 3}


def test_equal_within_tolerance_passes_including_float32_rounding() -> None:
    exp = np.array([[0.1, -0.7, 0.3]])
    got = exp.astype(np.float32).astype(np.float64)
    assert compare((exp, exp), (got, got), PAIR, DIMS, TOL) is None


def test_small_formula_error_fails() -> None:
    exp = np.array([[0.1, -0.7, 0.3]])
    got = exp.copy()
    got[0, 2] += 1e-3
    found = compare((exp, exp), (exp, got), PAIR, DIMS, TOL)
    assert found is not None
    assert found.kind == "value"
    assert found.where == "c[0, 2]"
    assert abs(found.max_abs_error - 1e-3) < 1e-9


def test_empty_array_that_broadcasts_is_a_shape_mismatch() -> None:
    exp = np.zeros((1, 3))
    assert np.allclose(np.zeros((0, 3)), exp)  # why shapes are compared first
    found = compare((exp, exp), (np.zeros((0, 3)), np.zeros((0, 3))), PAIR, DIMS, TOL)
    assert found is not None
    assert found.kind == "shape"


def test_tuple_length_and_type_are_checked() -> None:
    exp = np.zeros((1, 3))
    assert compare((exp, exp), (exp,), PAIR, DIMS, TOL).kind == "structure"
    assert compare((exp, exp), exp, PAIR, DIMS, TOL).kind == "type"
    found = compare((exp, exp), Unsupported("generator", "not plain data"), PAIR, DIMS, TOL)
    assert found.kind == "type"
    assert "generator" in found.message.en


def test_nan_where_a_number_is_expected_fails() -> None:
    exp = np.zeros((1, 3))
    got = exp.copy()
    got[0, 1] = np.nan
    found = compare((exp, exp), (got, exp), PAIR, DIMS, TOL)
    assert found is not None
    assert found.kind == "nan"
    assert found.where == "h[0, 1]"


def test_complex_and_bool_arrays() -> None:
    spec = ArrayReturn(kind="array", shape=["B", "H"], name="h")
    exp = np.zeros((1, 3))
    assert compare(exp, exp.astype(complex), spec, DIMS, TOL).kind == "type"
    assert compare(exp, exp.astype(bool), spec, DIMS, TOL) is None  # values judged: all zero


def test_float_result_accepts_numpy_scalars_and_rejects_arrays() -> None:
    spec = FloatReturn(kind="float", name="bleu")
    assert compare(0.5, np.float64(0.5), spec, {}, TOL) is None
    assert compare(0.5, np.array(0.5), spec, {}, TOL) is None
    assert compare(0.5, np.array([0.5]), spec, {}, TOL).kind == "type"
    assert compare(0.5, True, spec, {}, TOL).kind == "type"
    assert compare(0.5, 0.51, spec, {}, TOL).kind == "value"
    assert compare(0.5, float("nan"), spec, {}, TOL).kind == "nan"


def test_int_result_is_exact_and_refuses_bools_and_floats() -> None:
    import numpy as np

    from renshu.grader.exercises.model import IntReturn

    spec = IntReturn(kind="int", name="action")
    assert compare(2, np.int64(2), spec, {}, TOL) is None
    assert compare(2, np.array(2), spec, {}, TOL) is None
    wrong = compare(2, 1, spec, {}, TOL)
    assert wrong is not None
    assert wrong.kind == "value"
    assert "expected 2, got 1" in wrong.message.en
    assert compare(1, True, spec, {}, TOL).kind == "type"
    assert compare(2, 2.0, spec, {}, TOL).kind == "type"


def test_int_sequence_accepts_lists_and_int_arrays_and_names_the_first_difference() -> None:
    import numpy as np

    from renshu.grader.exercises.model import IntsReturn

    spec = IntsReturn(kind="ints", name="keep")
    assert compare([3, 0], [3, 0], spec, {}, TOL) is None
    assert compare([3, 0], np.array([3, 0]), spec, {}, TOL) is None
    assert compare([], np.array([]), spec, {}, TOL) is None  # np.array([]) is float64 but empty
    shorter = compare([3, 0, 2], [3, 0], spec, {}, TOL)
    assert shorter is not None
    assert "length 3" in shorter.message.en
    differs = compare([3, 0, 2], [3, 1, 2], spec, {}, TOL)
    assert differs is not None
    assert differs.where == "keep[1]"
    assert compare([1], np.array([[1]]), spec, {}, TOL).kind == "type"
    assert compare([1], np.array([1.0]), spec, {}, TOL).kind == "type"
    assert compare([1], [True], spec, {}, TOL).kind == "type"


def test_a_non_finite_expected_value_is_matched_only_by_itself() -> None:
    # Diagnosis compares a misconception's prediction (which may overflow) with the learner's.
    spec = ArrayReturn(kind="array", shape=[2])
    assert compare(np.array([np.nan, 1.0]), np.array([np.nan, 1.0]), spec, {"": 0}, TOL) is None
    assert compare(np.array([np.inf, 1.0]), np.array([np.inf, 1.0]), spec, {}, TOL) is None
    assert compare(np.array([np.nan, 1.0]), np.array([0.5, 1.0]), spec, {}, TOL) is not None
    assert compare(np.array([np.inf, 1.0]), np.array([-np.inf, 1.0]), spec, {}, TOL) is not None
