"""Reference ESN states, ESN readout and int8 quantisation checked against independent
formulations: scalar Python loops (``math.tanh``, explicit indices), an augmented
least-squares system solved by ``np.linalg.lstsq``, exact rational arithmetic with an
explicit half-to-even rule, and values worked out by hand in the comments.

The reference is never used to compute an expected value.
"""

import math
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from renshu.reference.esn import esn_readout, esn_states
from renshu.reference.quantization import quantize_int8

LN2 = math.log(2.0)  # tanh(ln 2) = (2 - 1/2) / (2 + 1/2) = 0.6
LN3 = math.log(3.0)  # tanh(ln 3) = (3 - 1/3) / (3 + 1/3) = 0.8

SETTINGS = settings(max_examples=100, deadline=None, database=None)

sizes = st.integers(min_value=1, max_value=4)
values = st.floats(min_value=-1.0, max_value=1.0, allow_nan=False, allow_infinity=False)
leaks = st.floats(min_value=0.05, max_value=1.0, allow_nan=False)
ridges = st.floats(min_value=0.1, max_value=3.0, allow_nan=False)


def _arr(shape, elements=values):
    return arrays(np.float64, shape, elements=elements)


# ---------------------------------------------------------------------------
# esn_states
# ---------------------------------------------------------------------------


def _states_loop(u, W_in, W, leak, x0):
    """x_t[j] = (1 - a) x_{t-1}[j] + a tanh(sum_i u_t[i] W_in[i][j] + sum_k x_{t-1}[k] W[k][j])."""
    T, n_in = len(u), len(u[0])
    N = len(W)
    x = [float(v) for v in x0]
    out = []
    for t in range(T):
        new = []
        for j in range(N):
            pre = 0.0
            for i in range(n_in):
                pre += u[t][i] * W_in[i][j]
            for k in range(N):
                pre += x[k] * W[k][j]
            new.append((1.0 - leak) * x[j] + leak * math.tanh(pre))
        x = new
        out.append(x)
    return out


def test_esn_states_hand_one_unit():
    # N = I = 1, W_in = 1, W = 0.5, a = 0.5, x0 = 0.
    # t = 0: tanh(ln 2 + 0.5 * 0) = 0.6, x_0 = 0.5 * 0 + 0.5 * 0.6 = 0.3.
    # t = 1: u_1 = ln 3 - 0.15, pre = ln 3 - 0.15 + 0.5 * 0.3 = ln 3, tanh = 0.8,
    #        x_1 = 0.5 * 0.3 + 0.5 * 0.8 = 0.55.
    u = np.array([[LN2], [LN3 - 0.15]])
    X = esn_states(u, np.array([[1.0]]), np.array([[0.5]]), 0.5, np.array([0.0]))
    assert X.shape == (2, 1)
    np.testing.assert_allclose(X, [[0.3], [0.55]], rtol=1e-12, atol=1e-15)


def test_esn_states_row_convention_and_x0_not_included():
    # W = [[0, 1], [0, 0]]: as a row vector, x @ W = [0, x[0]]. x0 = [ln 3, 0], u = 0, a = 1:
    # x_0 = tanh([0, ln 3]) = [0, 0.8]; x_1 = tanh([0, 0]) = [0, 0].
    # (The column form W @ x0 = [0, 0] would give x_0 = [0, 0].)
    W = np.array([[0.0, 1.0], [0.0, 0.0]])
    X = esn_states(np.zeros((2, 1)), np.zeros((1, 2)), W, 1.0, np.array([LN3, 0.0]))
    np.testing.assert_allclose(X, [[0.0, 0.8], [0.0, 0.0]], rtol=1e-12, atol=1e-15)


def test_esn_states_leak_weights_the_new_activation():
    # u = 0, W = 0: every activation tanh(0) = 0, so x_t = (1 - a)^(t + 1) x0.
    # a = 0.25, x0 = [1, -2]: x_0 = 0.75 * x0 = [0.75, -1.5], x_1 = [0.5625, -1.125].
    X = esn_states(np.zeros((2, 3)), np.ones((3, 2)), np.zeros((2, 2)), 0.25, np.array([1.0, -2.0]))
    np.testing.assert_allclose(X, [[0.75, -1.5], [0.5625, -1.125]], rtol=1e-12, atol=0.0)


@SETTINGS
@given(st.data(), sizes, sizes, sizes, leaks)
def test_esn_states_matches_scalar_loop(data, T, n_in, N, leak):
    u = data.draw(_arr((T, n_in)))
    W_in = data.draw(_arr((n_in, N)))
    W = data.draw(_arr((N, N)))
    x0 = data.draw(_arr((N,)))
    X = esn_states(u, W_in, W, leak, x0)
    assert X.shape == (T, N)
    expected = _states_loop(u.tolist(), W_in.tolist(), W.tolist(), leak, x0.tolist())
    np.testing.assert_allclose(X, expected, rtol=1e-12, atol=1e-12)


def test_esn_states_keeps_float32_and_leaves_inputs_alone():
    rng = np.random.default_rng(0)
    u, W_in = rng.uniform(-1, 1, (4, 2)), rng.uniform(-1, 1, (2, 3))
    W, x0 = rng.uniform(-0.5, 0.5, (3, 3)), rng.uniform(-1, 1, 3)
    copies = [a.copy() for a in (u, W_in, W, x0)]
    X32 = esn_states(*(a.astype(np.float32) for a in (u, W_in, W)), 0.5, x0.astype(np.float32))
    assert X32.dtype == np.float32
    X = esn_states(u, W_in, W, 0.5, x0)
    for before, after in zip(copies, (u, W_in, W, x0), strict=True):
        np.testing.assert_array_equal(before, after)
    expected = _states_loop(u, W_in, W, 0.5, x0)
    np.testing.assert_allclose(X, expected, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(X32, expected, rtol=1e-5, atol=1e-6)


# ---------------------------------------------------------------------------
# esn_readout
# ---------------------------------------------------------------------------


def _ridge_lstsq(X, y, ridge):
    """Ridge regression as ordinary least squares on [X; sqrt(λ) I] w = [y; 0]."""
    N = X.shape[1]
    A = np.vstack([X, math.sqrt(ridge) * np.eye(N)])
    b = np.vstack([y, np.zeros((N, y.shape[1]))])
    return np.linalg.lstsq(A, b, rcond=None)[0]


def test_esn_readout_hand_one_unit():
    # T = N = I = O = 1, a = 1: x_0 = tanh(ln 2 * 1) = 0.6. With y = 1 and λ = 0.64:
    # W_out = x y / (x^2 + λ) = 0.6 / (0.36 + 0.64) = 0.6.
    W_out = esn_readout(
        np.array([[LN2]]), np.array([[1.0]]), np.array([[1.0]]), np.zeros((1, 1)), 1.0, 0.64
    )
    assert W_out.shape == (1, 1)
    np.testing.assert_allclose(W_out, [[0.6]], rtol=1e-12)


def test_esn_readout_hand_two_steps():
    # N = 1, a = 1, W = 0, W_in = 1: x_t = tanh(u_t) = [0.6, 0.8] for u = [ln 2, ln 3].
    # y = [1, 2], λ = 1: XᵀX + λ = 0.36 + 0.64 + 1 = 2, Xᵀy = 0.6 + 1.6 = 2.2, W_out = 1.1.
    u = np.array([[LN2], [LN3]])
    W_out = esn_readout(u, np.array([[1.0], [2.0]]), np.ones((1, 1)), np.zeros((1, 1)), 1.0, 1.0)
    np.testing.assert_allclose(W_out, [[1.1]], rtol=1e-12)


@SETTINGS
@given(st.data(), st.integers(1, 6), sizes, sizes, st.integers(1, 3), leaks, ridges)
def test_esn_readout_matches_augmented_lstsq(data, T, n_in, N, n_out, leak, ridge):
    u = data.draw(_arr((T, n_in)))
    y = data.draw(_arr((T, n_out)))
    W_in = data.draw(_arr((n_in, N)))
    W = data.draw(_arr((N, N), st.floats(-0.5, 0.5)))
    W_out = esn_readout(u, y, W_in, W, leak, ridge)
    assert W_out.shape == (N, n_out)
    X = np.array(_states_loop(u.tolist(), W_in.tolist(), W.tolist(), leak, [0.0] * N))
    np.testing.assert_allclose(W_out, _ridge_lstsq(X, y, ridge), rtol=1e-9, atol=1e-12)
    # Optimality: the gradient of ‖X W_out - y‖² + λ ‖W_out‖² vanishes.
    np.testing.assert_allclose(X.T @ (X @ W_out - y) + ridge * W_out, 0.0, atol=1e-12)


def test_esn_readout_leaves_the_reservoir_fixed():
    rng = np.random.default_rng(1)
    u, y = rng.uniform(-1, 1, (6, 2)), rng.uniform(-1, 1, (6, 1))
    W_in, W = rng.uniform(-1, 1, (2, 3)), rng.uniform(-0.5, 0.5, (3, 3))
    W_in_before, W_before = W_in.copy(), W.copy()
    esn_readout(u, y, W_in, W, 0.5, 0.25)
    np.testing.assert_array_equal(W_in, W_in_before)
    np.testing.assert_array_equal(W, W_before)


def test_esn_readout_ridge_shrinks_the_weights():
    # Larger λ, smaller ‖W_out‖ (ridge regression shrinks monotonically).
    rng = np.random.default_rng(2)
    u, y = rng.uniform(-1, 1, (6, 2)), rng.uniform(-1, 1, (6, 2))
    W_in, W = rng.uniform(-1, 1, (2, 4)), rng.uniform(-0.5, 0.5, (4, 4))
    norms = [np.linalg.norm(esn_readout(u, y, W_in, W, 0.5, lam)) for lam in (0.25, 1.0, 4.0)]
    assert norms[0] > norms[1] > norms[2] > 0


# ---------------------------------------------------------------------------
# quantize_int8
# ---------------------------------------------------------------------------


def _round_half_even(v: Fraction) -> int:
    floor = math.floor(v)
    rest = v - floor
    if rest > Fraction(1, 2) or (rest == Fraction(1, 2) and floor % 2 == 1):
        return floor + 1
    return floor


def _quantize_exact(values):
    """The contract in exact rational arithmetic: (q list, scale, zero point, x_hat list)."""
    xs = [Fraction(v) for v in values]
    lo, hi = min(min(xs), Fraction(0)), max(max(xs), Fraction(0))
    if hi == lo:
        return [-128] * len(xs), Fraction(1), -128, [Fraction(0)] * len(xs)
    scale = (hi - lo) / 255
    zero_point = max(-128, min(127, _round_half_even(-128 - lo / scale)))
    q = [max(-128, min(127, _round_half_even(x / scale) + zero_point)) for x in xs]
    return q, scale, zero_point, [scale * (k - zero_point) for k in q]


def _check_quantized(x, result):
    q, scale, zero_point, x_hat = result
    q_exp, scale_exp, zp_exp, x_hat_exp = _quantize_exact(x.ravel().tolist())
    assert q.shape == x.shape
    assert q.dtype == np.int8
    assert q.ravel().tolist() == q_exp
    assert type(zero_point) is int
    assert zero_point == zp_exp
    assert type(scale) is float
    assert scale == pytest.approx(float(scale_exp), rel=1e-6)
    assert x_hat.shape == x.shape
    np.testing.assert_allclose(x_hat.ravel(), [float(v) for v in x_hat_exp], rtol=1e-6, atol=1e-7)


def test_quantize_int8_hand_tie_needs_the_clip():
    # x = [1, -1]: lo = -1, hi = 1, scale = 2/255. Zero point: -128 - (-1) * 255/2 = -0.5,
    # half to even -> 0. q(1) = round(127.5) + 0 = 128 -> clipped to 127;
    # q(-1) = round(-127.5) + 0 = -128. x_hat = (2/255) * [127, -128] = [0.996078..., -1.003921...].
    q, scale, zero_point, x_hat = quantize_int8(np.array([[1.0, -1.0]]))
    assert q.tolist() == [[127, -128]]
    assert zero_point == 0
    assert scale == pytest.approx(2 / 255, rel=1e-15)
    np.testing.assert_allclose(x_hat, [[254 / 255, -256 / 255]], rtol=1e-15)


def test_quantize_int8_hand_all_positive():
    # x = [0.5, 0.25, 2]: lo = 0, hi = 2, scale = 2/255, zero point = -128.
    # x * 255/2 = 63.75, 31.875, 255 -> 64, 32, 255; q = -64, -96, 127.
    # x_hat = (2/255) * (q + 128) = (2/255) * [64, 32, 255] = [0.50196..., 0.25098..., 2.0].
    q, scale, zero_point, x_hat = quantize_int8(np.array([[0.5, 0.25, 2.0]]))
    assert scale == pytest.approx(2 / 255, rel=1e-15)
    assert q.tolist() == [[-64, -96, 127]]
    assert zero_point == -128
    np.testing.assert_allclose(x_hat, [[128 / 255, 64 / 255, 2.0]], rtol=1e-15)


def test_quantize_int8_hand_all_negative():
    # x = [-0.5, -2]: lo = -2, hi = 0, scale = 2/255; zero point -128 + 255 = 127.
    # x * 255/2 = -63.75, -255 -> -64, -255; q = 63, -128. x_hat = (2/255) * [-64, -255].
    q, scale, zero_point, x_hat = quantize_int8(np.array([[-0.5, -2.0]]))
    assert scale == pytest.approx(2 / 255, rel=1e-15)
    assert q.tolist() == [[63, -128]]
    assert zero_point == 127
    np.testing.assert_allclose(x_hat, [[-128 / 255, -2.0]], rtol=1e-15)


def test_quantize_int8_all_zeros():
    q, scale, zero_point, x_hat = quantize_int8(np.zeros((2, 3)))
    assert q.dtype == np.int8
    assert q.tolist() == [[-128] * 3] * 2
    assert (scale, zero_point) == (1.0, -128)
    assert type(scale) is float
    np.testing.assert_array_equal(x_hat, np.zeros((2, 3)))


def test_quantize_int8_large_values():
    # lo = -250, hi = 1000, scale = 1250/255; zero point = round(-128 + 250 * 255/1250) = -77.
    # 1000 * 255/1250 = 204 -> 127; -250 -> -51 - 77 = -128; 3.7 * 255/1250 = 0.7548 -> 1 - 77.
    x = np.array([[1000.0, -250.0, 3.7]])
    q, _, zero_point, x_hat = quantize_int8(x)
    assert q.tolist() == [[127, -128, -76]]
    assert zero_point == -77
    np.testing.assert_allclose(x_hat, [[1000.0, -250.0, 1250 / 255]], rtol=1e-12)


grid = st.integers(-128, 128).map(lambda k: k / 64)  # the grader's 1/64 grid on [-2, 2]


@SETTINGS
@given(arrays(np.float64, st.tuples(sizes, sizes), elements=grid))
def test_quantize_int8_matches_exact_arithmetic_on_the_grid(x):
    _check_quantized(x, quantize_int8(x))


@SETTINGS
@given(arrays(np.float64, st.tuples(sizes, sizes), elements=grid))
def test_quantize_int8_float32_gives_the_same_integers_on_the_grid(x):
    # x * 255 and hi - lo are exact in float32, so exact .5 ties survive and q is unchanged.
    q, scale, zero_point, x_hat = quantize_int8(x.astype(np.float32))
    q_exp, scale_exp, zp_exp, x_hat_exp = _quantize_exact(x.ravel().tolist())
    assert scale == pytest.approx(float(scale_exp), rel=1e-6)
    assert q.ravel().tolist() == q_exp
    assert zero_point == zp_exp
    assert x_hat.dtype == np.float32
    np.testing.assert_allclose(x_hat.ravel(), [float(v) for v in x_hat_exp], rtol=1e-6, atol=1e-6)


@SETTINGS
@given(
    arrays(np.float64, st.tuples(sizes, sizes), elements=st.floats(-50, 50, allow_subnormal=False))
)
def test_quantize_int8_round_trip_error_and_exact_zero(x):
    q, scale, zero_point, x_hat = quantize_int8(x)
    lo, hi = min(x.min(), 0.0), max(x.max(), 0.0)
    assert -128 <= zero_point <= 127
    # Unclipped codes are off by at most half a step; a clipped one (128 -> 127) by at most one.
    err = np.abs(x_hat - x)
    assert np.all(err <= scale * (1 + 1e-9))
    assert np.all(err[(q > -128) & (q < 127)] <= scale / 2 * (1 + 1e-9) + 1e-12)
    # 0 is exactly representable: its code is the zero point and it comes back as 0.
    assert np.all(q[x == 0] == zero_point)
    assert np.all(x_hat[x == 0] == 0)
    assert lo - scale <= x_hat.min()
    assert x_hat.max() <= hi + scale
