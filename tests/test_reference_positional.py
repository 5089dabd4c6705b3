"""Reference positional_encoding checked against a literal per-element loop.

Expected values come from ``math.sin`` / ``math.cos`` applied element by
element, following the formula exactly as written in EXERCISES.md, or from
closed forms worked out by hand; the reference is never used to compute them.
"""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from renshu.reference import positional_encoding

# Loop vs vectorised float64; the absolute floor only matters at exact zeros.
RTOL = 1e-12
ATOL = 1e-14


def _pe_loop(max_len: int, d_model: int) -> list[list[float]]:
    """PE[pos, 2k] = sin(pos / 10000^(2k/d)), PE[pos, 2k+1] = cos(pos / 10000^(2k/d))."""
    table = []
    for pos in range(max_len):
        row = []
        for col in range(d_model):
            k = col // 2
            angle = pos / 10000 ** (2 * k / d_model)
            row.append(math.sin(angle) if col % 2 == 0 else math.cos(angle))
        table.append(row)
    return table


@settings(max_examples=50, deadline=None, database=None)
@given(st.integers(min_value=1, max_value=64), st.integers(min_value=1, max_value=64))
def test_positional_encoding_matches_literal_loop(max_len, d_model):
    pe = positional_encoding(max_len, d_model)
    assert isinstance(pe, np.ndarray)
    assert pe.shape == (max_len, d_model)
    assert pe.dtype == np.float64
    np.testing.assert_allclose(pe, _pe_loop(max_len, d_model), rtol=RTOL, atol=ATOL)


@pytest.mark.parametrize(
    ("max_len", "d_model"),
    [(1, 1), (1, 2), (1, 7), (5, 1), (2, 3), (7, 5), (100, 16), (50, 512), (512, 33)],
)
def test_positional_encoding_matches_literal_loop_fixed_sizes(max_len, d_model):
    pe = positional_encoding(max_len, d_model)
    assert pe.shape == (max_len, d_model)
    assert pe.dtype == np.float64
    np.testing.assert_allclose(pe, _pe_loop(max_len, d_model), rtol=RTOL, atol=ATOL)


@pytest.mark.parametrize("d_model", [1, 2, 3, 4, 7, 8, 64])
def test_positional_encoding_position_zero_is_sin0_cos0(d_model):
    # pos = 0 makes every angle 0: sin(0) = 0 in even columns, cos(0) = 1 in odd columns.
    expected = [0.0 if col % 2 == 0 else 1.0 for col in range(d_model)]
    np.testing.assert_array_equal(positional_encoding(3, d_model)[0], expected)


def test_positional_encoding_max_len_one():
    # A single position (pos = 0) for d_model = 5: [sin 0, cos 0, sin 0, cos 0, sin 0].
    pe = positional_encoding(1, 5)
    assert pe.shape == (1, 5)
    np.testing.assert_array_equal(pe, [[0.0, 1.0, 0.0, 1.0, 0.0]])


def test_positional_encoding_d_model_one_is_a_single_sine_column():
    # d_model = 1: only column 0 (k = 0, divisor 10000^0 = 1), a sine: PE[pos, 0] = sin(pos).
    pe = positional_encoding(6, 1)
    assert pe.shape == (6, 1)
    np.testing.assert_allclose(pe[:, 0], [math.sin(p) for p in range(6)], rtol=RTOL, atol=ATOL)


def test_positional_encoding_d_model_eight_closed_form():
    # d_model = 8: divisors 10000^(2k/8) for k = 0..3 are 10000^0, ^0.25, ^0.5, ^0.75
    # = 1, 10, 100, 1000, so
    # PE[pos] = [sin p, cos p, sin p/10, cos p/10, sin p/100, cos p/100, sin p/1000, cos p/1000].
    pe = positional_encoding(20, 8)
    for p in range(20):
        expected = []
        for divisor in (1.0, 10.0, 100.0, 1000.0):
            expected += [math.sin(p / divisor), math.cos(p / divisor)]
        np.testing.assert_allclose(pe[p], expected, rtol=RTOL, atol=ATOL)


def test_positional_encoding_hand_values_d_model_two_and_four():
    # d_model = 2: PE[1] = [sin 1, cos 1] = [0.8414709848078965, 0.5403023058681398].
    np.testing.assert_allclose(
        positional_encoding(2, 2)[1], [0.8414709848078965, 0.5403023058681398], rtol=RTOL
    )
    # d_model = 4: column 2 uses 10000^(2/4) = 100, so PE[1, 2] = sin(0.01), PE[1, 3] = cos(0.01).
    # sin(0.01) = 0.01 - 0.01^3/6 + 0.01^5/120 - ... = 0.009999833334166665
    # cos(0.01) = 1 - 0.01^2/2 + 0.01^4/24 - ...    = 0.9999500004166653
    np.testing.assert_allclose(
        positional_encoding(2, 4)[1, 2:], [0.009999833334166665, 0.9999500004166653], rtol=RTOL
    )


@pytest.mark.parametrize("d_model", [1, 3, 5, 9])
def test_positional_encoding_odd_d_model_last_column_is_sine(d_model):
    # With odd d_model the last column has index d_model - 1 = 2k, k = (d_model - 1) / 2:
    # PE[pos, d-1] = sin(pos / 10000^((d-1)/d)).
    pe = positional_encoding(30, d_model)
    divisor = 10000 ** ((d_model - 1) / d_model)
    expected = [math.sin(p / divisor) for p in range(30)]
    np.testing.assert_allclose(pe[:, -1], expected, rtol=RTOL, atol=ATOL)
    assert pe[0, -1] == 0.0  # a sine, not a cosine (which would be 1 at pos 0)


def test_positional_encoding_columns_interleave_sin_cos_with_shared_frequency():
    # Each (2k, 2k+1) column pair shares one angle: sin^2 + cos^2 = 1 for every row.
    pe = positional_encoding(40, 10)
    np.testing.assert_allclose(pe[:, 0::2] ** 2 + pe[:, 1::2] ** 2, 1.0, rtol=0, atol=1e-15)
    assert np.all(np.abs(pe) <= 1.0)
