"""Tolerances admit float32 arithmetic; input strategies reach the cases where mistakes show."""

from __future__ import annotations

import pytest
from hypothesis import given, settings

from renshu.grader.exercises.catalogue import builtin_catalog, get_exercise
from renshu.grader.grading.engine import grade_source
from renshu.grader.grading.strategies import input_strategy, value_table
from renshu.reference import sentence_bleu

FLOAT32_POSITIONAL = """# exercise: positional_encoding
import numpy as np


def positional_encoding(max_len, d_model):
    pos = np.arange(max_len, dtype=np.float32)[:, None]
    i = np.arange(d_model, dtype=np.float32)[None, :]
    angle = pos / np.power(np.float32(10000), (2 * (i // 2)) / np.float32(d_model))
    return np.where(i % 2 == 0, np.sin(angle), np.cos(angle)).astype(np.float32)
"""

# Every exercise's reference run in float32 passes: tests/test_exercises.py.


def test_float32_positional_encoding_passes() -> None:
    result = grade_source(FLOAT32_POSITIONAL, get_exercise("positional_encoding"), "pe32.py")
    assert result.status == "pass", result.message


# Vocabularies that cannot have a single word, and why.
VOCABULARY_OF_TWO = {
    ("cbow_forward", "V"): "with one word there is nothing to predict",
    ("skipgram_loss", "V"): "with one word there is nothing to predict",
    ("greedy_decode", "V"): "ids 0 and 1 are BOS and EOS",
    ("mlm_mask", "V"): "the [MASK] id and at least one word",
}


def test_every_dimension_can_be_one() -> None:
    # Generated inputs reach size 1 (or 0 for paddings); where a drawn index needs a larger
    # range (an action in [0, 1] needs A >= 2), an explicit edge case tries size 1.
    for exercise in builtin_catalog().values():
        spec = exercise.spec
        for name, (low, _high) in spec.inputs.dims.items():
            in_edge_case = any(case.dims.get(name) == 1 for case in spec.edge_cases)
            if (exercise.id, name) in VOCABULARY_OF_TWO:
                assert low == 2, f"{exercise.id}: dimension {name} should start at 2"
                continue
            assert low <= 1 or in_edge_case, f"{exercise.id}: dimension {name} never is 1"


def test_value_table_is_simplest_first_and_within_range() -> None:
    table = value_table(-1.5, 1.5)
    assert list(table[:7]) == [0.0, 1.0, -1.0, 0.5, -0.5, 1.5, -1.5]
    assert table.min() >= -1.5
    assert table.max() <= 1.5
    assert len(set(table.tolist())) == len(table) > 100


def collect(spec, n: int = 200) -> list:
    seen: list = []

    @settings(max_examples=n, database=None, deadline=None, derandomize=True)
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


def _draws(spec_yaml: dict, n: int = 60) -> list:
    from hypothesis import HealthCheck

    from renshu.grader.exercises.model import InputSpec

    spec = InputSpec.model_validate(spec_yaml)
    found: list = []

    @settings(
        max_examples=n, database=None, derandomize=True, suppress_health_check=list(HealthCheck)
    )
    @given(input_strategy(spec))
    def collect(drawn) -> None:
        found.append(drawn)

    collect()
    return found


def test_int_bool_float_and_list_arguments_follow_their_spec() -> None:
    import numpy as np

    draws = _draws(
        {
            "dims": {"N": [1, 4], "V": [2, 5], "P": [0, 2]},
            "args": {
                "ids": {"kind": "int_array", "shape": ["N"], "range": [0, "V - 1"]},
                "mask": {"kind": "bool_array", "shape": ["N", "N"], "optional": True},
                "gamma": {"kind": "float", "range": [0, 1]},
                "done": {"kind": "bool"},
                "pad": {"kind": "dim", "name": "P"},
                "grads": {
                    "kind": "list",
                    "items": [
                        {"kind": "array", "shape": ["N"]},
                        {"kind": "array", "shape": ["(N + 2 * P) // 2 + 1", 2]},
                    ],
                },
            },
        }
    )
    masks_none = masks_array = 0
    for dims, args in draws:
        assert args["ids"].dtype == np.int64
        assert args["ids"].shape == (dims["N"],)
        assert ((args["ids"] >= 0) & (args["ids"] <= dims["V"] - 1)).all()
        if args["mask"] is None:
            masks_none += 1
        else:
            masks_array += 1
            assert args["mask"].dtype == bool
            assert args["mask"].shape == (dims["N"], dims["N"])
        assert type(args["gamma"]) is float
        assert 0 <= args["gamma"] <= 1
        assert (args["gamma"] * 64).is_integer()
        assert type(args["done"]) is bool
        assert args["pad"] == dims["P"]
        assert 0 <= dims["P"] <= 2
        first, second = args["grads"]
        assert first.shape == (dims["N"],)
        assert second.shape == ((dims["N"] + 2 * dims["P"]) // 2 + 1, 2)
    assert masks_none
    assert masks_array
    assert any(d["P"] == 0 for d, _ in draws)


def test_stochastic_rows_and_boxes_layouts() -> None:
    import numpy as np

    draws = _draws(
        {
            "dims": {"A": [1, 3], "S": [1, 4]},
            "args": {
                "P": {
                    "kind": "array",
                    "shape": ["A", "S", "S"],
                    "range": [0, 1],
                    "layout": "stochastic",
                },
                "boxes": {"kind": "array", "shape": ["S", 4], "range": [0, 8], "layout": "boxes"},
            },
        }
    )
    smallest_side = np.inf
    for _dims, args in draws:
        assert (args["P"] >= 0).all()
        np.testing.assert_allclose(args["P"].sum(axis=-1), 1.0)
        b = args["boxes"]
        assert (b[:, 2] - b[:, 0] >= 1e-3 - 1e-12).all()
        assert (b[:, 3] - b[:, 1] >= 1e-3 - 1e-12).all()
        smallest_side = min(smallest_side, (b[:, 2] - b[:, 0]).min(), (b[:, 3] - b[:, 1]).min())
    # Sides far below 1 are drawn: an epsilon in a union must make a difference somewhere.
    assert smallest_side < 0.01


def test_bleu_corpus_draws_one_reference_list_per_candidate() -> None:
    draws = _draws({"joint": [{"strategy": "bleu_corpus", "produces": ["cands", "refs"]}]})
    for _dims, args in draws:
        assert len(args["cands"]) == len(args["refs"]) >= 1
        for refs in args["refs"]:
            assert refs
            assert all(isinstance(w, str) for ref in refs for w in ref)
    assert any(len(args["cands"]) > 1 for _d, args in draws)


def test_edge_case_literals_take_the_promised_types() -> None:
    import numpy as np

    from renshu.grader.exercises.model import EdgeCase, InputSpec
    from renshu.grader.grading.strategies import edge_case_args

    spec = InputSpec.model_validate(
        {
            "dims": {"N": [1, 3]},
            "args": {
                "ids": {"kind": "int_array", "shape": ["N"], "range": [0, 3]},
                "mask": {"kind": "bool_array", "shape": ["N"], "optional": True},
                "grads": {"kind": "list", "items": [{"kind": "array", "shape": ["N"]}]},
                "rate": {"kind": "float", "range": [0, 1]},
            },
        }
    )
    case = EdgeCase(dims={"N": 2}, args={"ids": [1, 3], "mask": None, "grads": [[1, 2]], "rate": 1})
    dims, args = edge_case_args(spec, case, seed=0)
    assert dims == {"N": 2}
    assert args["ids"].dtype == np.int64
    assert args["ids"].tolist() == [1, 3]
    assert args["mask"] is None
    assert args["grads"][0].dtype == np.float64
    assert args["grads"][0].tolist() == [1.0, 2.0]
    assert type(args["rate"]) is float


def test_bad_specs_are_refused_with_the_reason() -> None:
    from pydantic import ValidationError

    from renshu.grader.exercises.model import ArraySpec, InputSpec

    with pytest.raises(ValidationError, match="last dimension of 4"):
        ArraySpec(kind="array", shape=["N", 3], layout="boxes")
    with pytest.raises(ValidationError, match="non-negative range"):
        ArraySpec(kind="array", shape=["N"], range=(-1, 1), layout="stochastic")
    with pytest.raises(ValidationError, match="unknown dimension"):
        InputSpec.model_validate(
            {"args": {"ids": {"kind": "int_array", "shape": [2], "range": [0, "V - 1"]}}}
        )
    with pytest.raises(ValidationError, match="names, integers"):
        ArraySpec(kind="array", shape=["N / 2"])
