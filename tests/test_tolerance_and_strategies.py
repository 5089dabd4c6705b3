"""Tolerances admit float32 arithmetic; input strategies reach the cases where mistakes show."""

from __future__ import annotations

import pytest
from hypothesis import given, settings

from renshu.grader.catalog import builtin_catalog, get_exercise
from renshu.grader.grading import grade_source
from renshu.grader.solution_text import solution_source
from renshu.grader.strategies import input_strategy, value_table
from renshu.reference import sentence_bleu

FLOAT32_WRAPPER = """

import numpy as _np

_impl = {function}


def _to32(value):
    if isinstance(value, _np.ndarray):
        return value.astype(_np.float32)
    if isinstance(value, dict):
        return {{k: _to32(v) for k, v in value.items()}}
    return value


def {function}(*args):
    return _impl(*[_to32(a) for a in args])
"""

FLOAT32_POSITIONAL = """# exercise: positional_encoding
import numpy as np


def positional_encoding(max_len, d_model):
    pos = np.arange(max_len, dtype=np.float32)[:, None]
    i = np.arange(d_model, dtype=np.float32)[None, :]
    angle = pos / np.power(np.float32(10000), (2 * (i // 2)) / np.float32(d_model))
    return np.where(i % 2 == 0, np.sin(angle), np.cos(angle)).astype(np.float32)
"""

ARRAY_EXERCISES = ["lstm_cell", "gru_cell", "bidirectional_rnn"]


@pytest.mark.parametrize("exercise_id", ARRAY_EXERCISES)
def test_float32_solution_passes(exercise_id: str) -> None:
    exercise = get_exercise(exercise_id)
    source = solution_source(exercise) + FLOAT32_WRAPPER.format(function=exercise.spec.function)
    result = grade_source(source, exercise, "float32.py")
    assert result.status == "pass", result.message


def test_float32_positional_encoding_passes() -> None:
    result = grade_source(FLOAT32_POSITIONAL, get_exercise("positional_encoding"), "pe32.py")
    assert result.status == "pass", result.message


def test_every_dimension_can_be_one() -> None:
    for exercise in builtin_catalog().values():
        for name, (low, _high) in exercise.spec.inputs.dims.items():
            assert low == 1, f"{exercise.id}: dimension {name} starts at {low}"


def test_value_table_is_simplest_first_and_within_range() -> None:
    table = value_table(-1.5, 1.5)
    assert list(table[:7]) == [0.0, 1.0, -1.0, 0.5, -0.5, 1.5, -1.5]
    assert table.min() >= -1.5
    assert table.max() <= 1.5
    assert len(set(table.tolist())) == len(table) > 100


def collect(spec, n: int = 200) -> list:
    seen: list = []

    @settings(max_examples=n, database=None, deadline=None)
    @given(input_strategy(spec))
    def run(drawn) -> None:
        seen.append(drawn)

    run()
    return seen


def test_bleu_strategy_overlaps_and_reaches_the_brevity_penalty() -> None:
    spec = get_exercise("sentence_bleu").spec.inputs
    draws = collect(spec)
    scores, shorter, longer = 0, 0, 0
    for _dims, args in draws:
        cand, refs = args["candidate"], args["references"]
        if sentence_bleu(cand, refs, args["max_n"]) > 0:
            scores += 1
            closest = min((len(r) for r in refs), key=lambda r: (abs(r - len(cand)), r))
            shorter += len(cand) < closest
            longer += len(cand) > closest
    assert scores >= len(draws) // 4, f"only {scores} of {len(draws)} scored above zero"
    assert shorter >= 5, "brevity penalty below 1 must be exercised"
    assert longer >= 5, "candidates longer than the closest reference must occur"


def test_positional_strategy_reaches_odd_and_size_one_d_model() -> None:
    draws = collect(get_exercise("positional_encoding").spec.inputs, 100)
    d_models = {args["d_model"] for _dims, args in draws}
    assert {1, 3} <= d_models
    assert any(d % 2 == 1 and d > 3 for d in d_models)


def test_shared_dimensions_agree_across_arguments() -> None:
    for _dims, args in collect(get_exercise("lstm_cell").spec.inputs, 50):
        b, i = args["x"].shape
        h = args["h_prev"].shape[1]
        assert args["c_prev"].shape == (b, h)
        assert args["params"]["W_f"].shape == (h, h + i)
        assert args["params"]["b_o"].shape == (h,)
