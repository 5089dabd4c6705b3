"""The copy the reference works on: the learner's arguments stay exactly as drawn."""

from __future__ import annotations

import copy

import numpy as np

from renshu.grader.grading.search import fresh_copy


def test_a_copy_shares_no_mutable_part_with_the_arguments() -> None:
    params = {"W": np.arange(6.0).reshape(2, 3), "b": np.zeros(2)}
    args = [np.ones((2, 2)), params, [np.array([1, 2]), ("tok", 3)], 0.5, "the", None]
    before = copy.deepcopy(args)
    copied = fresh_copy(args)
    copied[0][0, 0] = 99.0
    copied[1]["W"][1, 2] = -1.0
    copied[1]["b"] += 5
    copied[2][0][0] = 7
    copied[1]["new"] = 1
    np.testing.assert_array_equal(args[0], before[0])
    np.testing.assert_array_equal(args[1]["W"], before[1]["W"])
    np.testing.assert_array_equal(args[1]["b"], before[1]["b"])
    np.testing.assert_array_equal(args[2][0], before[2][0])
    assert "new" not in args[1]
    assert args[2][1] == ("tok", 3)
    assert args[3:] == [0.5, "the", None]


def test_a_copy_equals_what_deepcopy_gives() -> None:
    args = [np.float64(2.5), {"k": [np.int64(3), np.eye(2)]}, (1, "a")]
    mine, theirs = fresh_copy(args), copy.deepcopy(args)
    assert type(mine[0]) is type(theirs[0])
    assert mine[0] == theirs[0]
    assert type(mine[1]["k"][0]) is np.int64
    np.testing.assert_array_equal(mine[1]["k"][1], theirs[1]["k"][1])
    assert mine[1]["k"][1] is not args[1]["k"][1]
    assert mine[2] == theirs[2]
