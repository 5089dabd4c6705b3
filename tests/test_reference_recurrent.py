"""Reference recurrent functions checked against independent scalar formulations.

Every expected value here comes from pure-Python loops (``math.exp`` /
``math.tanh``, explicit ``W[j][k]`` indexing over the concatenated ``[h, x]``)
or from numbers worked out by hand in the comments; the reference is never
used to compute an expected value.

Hand-computed cases use weights chosen so the activations are exact:
``sigmoid(0) = 0.5``, ``sigmoid(ln 3) = 1 / (1 + 1/3) = 0.75``,
``sigmoid(-ln 3) = 1 / (1 + 3) = 0.25``, ``tanh(0) = 0``,
``tanh(ln 2) = (2 - 1/2) / (2 + 1/2) = 0.6``,
``tanh(ln 3) = (3 - 1/3) / (3 + 1/3) = 0.8``.
"""

import math
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from renshu.reference import bidirectional_rnn, gru_cell, lstm_cell, rnn_pass, rnn_step, sigmoid

LN2 = math.log(2.0)
LN3 = math.log(3.0)

# float64 loops vs vectorised NumPy: 1e-12 relative. The small absolute floor
# only matters where a value is (near) zero after cancellation, where the two
# summation orders can differ by a few ulps of the summands (magnitude <= ~100).
RTOL = 1e-12
ATOL = 1e-12

SETTINGS = settings(max_examples=50, deadline=None, database=None)

sizes = st.integers(min_value=1, max_value=4)
values = st.floats(min_value=-2.0, max_value=2.0, allow_nan=False, allow_infinity=False)


def _arr(shape):
    return arrays(np.float64, shape, elements=values)


# ---------------------------------------------------------------------------
# Independent scalar formulations (pure Python, no NumPy arithmetic).
# ---------------------------------------------------------------------------


def _sig(a: float) -> float:
    # Inputs here are bounded (|a| < 100), so the naive formula cannot overflow.
    return 1.0 / (1.0 + math.exp(-a))


def _gate(W, b, z, j):
    """b[j] + sum_k W[j][k] * z[k], with z the concatenated [h, x]."""
    total = b[j]
    for k in range(len(z)):
        total += W[j][k] * z[k]
    return total


def _lstm_loop(x, h_prev, c_prev, p):
    x, h_prev, c_prev = x.tolist(), h_prev.tolist(), c_prev.tolist()
    q = {name: value.tolist() for name, value in p.items()}
    H = len(h_prev[0])
    h_out, c_out = [], []
    for bi in range(len(x)):
        z = h_prev[bi] + x[bi]  # list concatenation: hidden state first, then input
        h_row, c_row = [], []
        for j in range(H):
            i = _sig(_gate(q["W_i"], q["b_i"], z, j))
            f = _sig(_gate(q["W_f"], q["b_f"], z, j))
            o = _sig(_gate(q["W_o"], q["b_o"], z, j))
            g = math.tanh(_gate(q["W_c"], q["b_c"], z, j))
            c = f * c_prev[bi][j] + i * g
            c_row.append(c)
            h_row.append(o * math.tanh(c))
        h_out.append(h_row)
        c_out.append(c_row)
    return np.array(h_out), np.array(c_out)


def _gru_loop(x, h_prev, p):
    x, h_prev = x.tolist(), h_prev.tolist()
    q = {name: value.tolist() for name, value in p.items()}
    H = len(h_prev[0])
    out = []
    for bi in range(len(x)):
        z_in = h_prev[bi] + x[bi]
        r = [_sig(_gate(q["W_r"], q["b_r"], z_in, j)) for j in range(H)]
        upd = [_sig(_gate(q["W_z"], q["b_z"], z_in, j)) for j in range(H)]
        reset_in = [r[m] * h_prev[bi][m] for m in range(H)] + x[bi]
        row = []
        for j in range(H):
            cand = math.tanh(_gate(q["W_h"], q["b_h"], reset_in, j))
            row.append((1.0 - upd[j]) * h_prev[bi][j] + upd[j] * cand)
        out.append(row)
    return np.array(out)


def _step_rows(x_row, h_row, W, U):
    """One simple RNN step for a single batch row, lists in and out."""
    H = len(W)
    out = []
    for j in range(H):
        a = 0.0
        for k in range(len(x_row)):
            a += W[j][k] * x_row[k]
        for m in range(H):
            a += U[j][m] * h_row[m]
        out.append(math.tanh(a))
    return out


def _rnn_step_loop(x_t, h_prev, W, U):
    W, U = W.tolist(), U.tolist()
    return np.array(
        [_step_rows(xr, hr, W, U) for xr, hr in zip(x_t.tolist(), h_prev.tolist(), strict=True)]
    )


def _rnn_pass_loop(xs, W, U):
    W, U = W.tolist(), U.tolist()
    H = len(W)
    out = []
    for seq in xs.tolist():
        h = [0.0] * H
        states = []
        for x_row in seq:
            h = _step_rows(x_row, h, W, U)
            states.append(h)
        out.append(states)
    return np.array(out).reshape(len(out), len(xs[0]), H)


def _birnn_loop(xs, W_f, U_f, W_b, U_b, V):
    W_f, U_f, W_b, U_b, V = (m.tolist() for m in (W_f, U_f, W_b, U_b, V))
    H = len(W_f)
    n_out = len(V)
    out = []
    for seq in xs.tolist():
        T = len(seq)
        fwd = [None] * T
        h = [0.0] * H
        for t in range(T):
            h = _step_rows(seq[t], h, W_f, U_f)
            fwd[t] = h
        bwd = [None] * T
        h = [0.0] * H
        for t in range(T - 1, -1, -1):  # walk time backwards, store at the real index t
            h = _step_rows(seq[t], h, W_b, U_b)
            bwd[t] = h
        ys = []
        for t in range(T):
            y = []
            for o in range(n_out):
                total = 0.0
                for j in range(H):
                    total += V[o][j] * fwd[t][j]
                for j in range(H):
                    total += V[o][H + j] * bwd[t][j]
                y.append(total)
            ys.append(y)
        out.append(ys)
    return np.array(out).reshape(len(out), len(xs[0]), n_out)


# ---------------------------------------------------------------------------
# Hypothesis strategies for the cells and passes.
# ---------------------------------------------------------------------------


@st.composite
def lstm_inputs(draw):
    B, n_in, H = draw(sizes), draw(sizes), draw(sizes)
    params = {f"W_{g}": draw(_arr((H, H + n_in))) for g in "ifoc"}
    params.update({f"b_{g}": draw(_arr((H,))) for g in "ifoc"})
    return draw(_arr((B, n_in))), draw(_arr((B, H))), draw(_arr((B, H))), params


@st.composite
def gru_inputs(draw):
    B, n_in, H = draw(sizes), draw(sizes), draw(sizes)
    params = {f"W_{g}": draw(_arr((H, H + n_in))) for g in "rzh"}
    params.update({f"b_{g}": draw(_arr((H,))) for g in "rzh"})
    return draw(_arr((B, n_in))), draw(_arr((B, H))), params


@st.composite
def rnn_step_inputs(draw):
    B, n_in, H = draw(sizes), draw(sizes), draw(sizes)
    return draw(_arr((B, n_in))), draw(_arr((B, H))), draw(_arr((H, n_in))), draw(_arr((H, H)))


@st.composite
def rnn_pass_inputs(draw):
    B, T, n_in, H = draw(sizes), draw(sizes), draw(sizes), draw(sizes)
    return draw(_arr((B, T, n_in))), draw(_arr((H, n_in))), draw(_arr((H, H)))


@st.composite
def birnn_inputs(draw, min_T=1):
    B, n_in, H, n_out = draw(sizes), draw(sizes), draw(sizes), draw(sizes)
    T = draw(st.integers(min_value=min_T, max_value=4))
    xs = draw(_arr((B, T, n_in)))
    W_f, W_b = draw(_arr((H, n_in))), draw(_arr((H, n_in)))
    U_f, U_b = draw(_arr((H, H))), draw(_arr((H, H)))
    return xs, W_f, U_f, W_b, U_b, draw(_arr((n_out, 2 * H)))


def _copies(*arrays_):
    return [a.copy() for a in arrays_]


def _assert_unchanged(before, after):
    for b, a in zip(before, after, strict=True):
        np.testing.assert_array_equal(a, b)


# ---------------------------------------------------------------------------
# sigmoid
# ---------------------------------------------------------------------------


def test_sigmoid_known_values():
    # sigmoid(0) = 1 / (1 + 1) = 0.5 exactly.
    assert sigmoid(np.array(0.0)) == 0.5
    # sigmoid(ln 3) = 1 / (1 + 1/3) = 3/4; sigmoid(-ln 3) = 1 / (1 + 3) = 1/4.
    np.testing.assert_allclose(sigmoid(np.array([LN3, -LN3])), [0.75, 0.25], rtol=1e-15)
    # sigmoid(ln 9) = 1 / (1 + 1/9) = 0.9.
    np.testing.assert_allclose(sigmoid(np.array([math.log(9.0)])), [0.9], rtol=1e-15)


def test_sigmoid_extremes_no_overflow_or_nan():
    a = np.array([-1000.0, 1000.0, -1e308, 1e308])
    # Overflow, invalid (NaN) and divide-by-zero must not occur. Underflow is
    # not checked: the true exp(-1000) ~ 5e-435 is below the smallest float64,
    # so any correct formula (naive included, at a = +1000) underflows there.
    with np.errstate(over="raise", invalid="raise", divide="raise"), warnings.catch_warnings():
        warnings.simplefilter("error")
        s = sigmoid(a)
    assert not np.isnan(s).any()
    # The true values round to exactly 0 and 1 in float64.
    np.testing.assert_array_equal(s, [0.0, 1.0, 0.0, 1.0])


def test_sigmoid_shape_and_dtype():
    for shape in [(), (3,), (2, 3), (2, 1, 4)]:
        out = sigmoid(np.zeros(shape))
        assert out.shape == shape
        assert out.dtype == np.float64
        np.testing.assert_array_equal(out, np.full(shape, 0.5))
    assert sigmoid(np.zeros(2, dtype=np.float32)).dtype == np.float32
    assert sigmoid(np.array([0, 1])).dtype == np.float64


@SETTINGS
@given(arrays(np.float64, st.integers(1, 6), elements=st.floats(-700.0, 700.0)))
def test_sigmoid_matches_scalar_formula(a):
    # In [-700, 700] math.exp(-a) stays finite, so the literal formula is exact enough.
    expected = np.array([1.0 / (1.0 + math.exp(-v)) for v in a.tolist()])
    np.testing.assert_allclose(sigmoid(a), expected, rtol=RTOL, atol=0.0)


@SETTINGS
@given(arrays(np.float64, st.integers(1, 6), elements=st.floats(-1000.0, 1000.0)))
def test_sigmoid_symmetry(a):
    # s(-a) = 1 - s(a); checked as s(a) + s(-a) = 1 within a couple of ulps of 1.
    np.testing.assert_allclose(sigmoid(a) + sigmoid(-a), np.ones_like(a), rtol=0.0, atol=1e-15)
    s = sigmoid(a)
    assert ((s >= 0.0) & (s <= 1.0)).all()


# ---------------------------------------------------------------------------
# lstm_cell
# ---------------------------------------------------------------------------


def test_lstm_cell_hand_computed():
    # B = H = I = 1, x = 1, h_prev = 0, c_prev = 4 (ln 2 - 0.45); z = [h_prev, x] = [0, 1].
    # i = s(7*0 + ln3*1 + 0)   = s(ln 3)  = 0.75  (column order matters: [x, h] would give s(7))
    # f = s(9*0 + 0*1 - ln 3)  = s(-ln 3) = 0.25
    # o = s(0 + 0 + 0)         = 0.5
    # g = tanh(4*0 + ln2*1)    = tanh(ln 2) = 0.6
    # c = f c_prev + i g = 0.25 * 4 (ln 2 - 0.45) + 0.75 * 0.6 = ln 2 - 0.45 + 0.45 = ln 2
    # h = o tanh(c) = 0.5 * 0.6 = 0.3
    params = {
        "W_i": np.array([[7.0, LN3]]),
        "W_f": np.array([[9.0, 0.0]]),
        "W_o": np.array([[0.0, 0.0]]),
        "W_c": np.array([[4.0, LN2]]),
        "b_i": np.array([0.0]),
        "b_f": np.array([-LN3]),
        "b_o": np.array([0.0]),
        "b_c": np.array([0.0]),
    }
    h, c = lstm_cell(np.array([[1.0]]), np.array([[0.0]]), np.array([[4 * (LN2 - 0.45)]]), params)
    np.testing.assert_allclose(c, [[LN2]], rtol=1e-12)
    np.testing.assert_allclose(h, [[0.3]], rtol=1e-12)


def test_lstm_cell_hand_computed_zero_weights_batch_of_two():
    # All weights and biases 0: i = f = o = s(0) = 0.5, g = tanh(0) = 0.
    # c = 0.5 c_prev, h = 0.5 tanh(0.5 c_prev). With c_prev rows [2, -4] and [0, 2 ln 3]:
    # c = [[1, -2], [0, ln 3]]; h = 0.5 tanh(c) = [[0.5 tanh 1, -0.5 tanh 2], [0, 0.4]].
    H, n_in = 2, 3
    params = {f"W_{g}": np.zeros((H, H + n_in)) for g in "ifoc"}
    params.update({f"b_{g}": np.zeros(H) for g in "ifoc"})
    x = np.array([[1.0, -2.0, 3.0], [0.5, 0.5, 0.5]])
    h_prev = np.array([[1.0, 1.0], [-1.0, 2.0]])
    c_prev = np.array([[2.0, -4.0], [0.0, 2 * LN3]])
    h, c = lstm_cell(x, h_prev, c_prev, params)
    np.testing.assert_allclose(c, [[1.0, -2.0], [0.0, LN3]], rtol=1e-12)
    np.testing.assert_allclose(
        h, [[0.5 * math.tanh(1.0), -0.5 * math.tanh(2.0)], [0.0, 0.4]], rtol=1e-12
    )


@SETTINGS
@given(lstm_inputs())
def test_lstm_cell_matches_scalar_loop(case):
    x, h_prev, c_prev, params = case
    before = _copies(x, h_prev, c_prev, *params.values())
    h, c = lstm_cell(x, h_prev, c_prev, params)
    h_exp, c_exp = _lstm_loop(x, h_prev, c_prev, params)
    assert h.shape == c.shape == h_prev.shape
    assert h.dtype == c.dtype == np.float64
    np.testing.assert_allclose(c, c_exp, rtol=RTOL, atol=ATOL)
    np.testing.assert_allclose(h, h_exp, rtol=RTOL, atol=ATOL)
    _assert_unchanged(before, [x, h_prev, c_prev, *params.values()])


# ---------------------------------------------------------------------------
# gru_cell
# ---------------------------------------------------------------------------


def test_gru_cell_hand_computed():
    # B = H = I = 1, h_prev = 2, x = -1; [h_prev, x] = [2, -1].
    # r = s(0*2 + 0*(-1) + 0) = 0.5, so r * h_prev = 1.
    # z = s(0*2 + (-ln3)*(-1) + 0) = s(ln 3) = 0.75   ([x, h] order would give s(-2 ln 3) = 0.1)
    # h_cand = tanh(ln2 * (r h_prev) + 0 * x + 0) = tanh(ln 2) = 0.6
    #          (without the reset: tanh(2 ln 2) = 15/17; with [x, r h] order: -0.6)
    # h = (1 - z) h_prev + z h_cand = 0.25 * 2 + 0.75 * 0.6 = 0.5 + 0.45 = 0.95
    params = {
        "W_r": np.array([[0.0, 0.0]]),
        "W_z": np.array([[0.0, -LN3]]),
        "W_h": np.array([[LN2, 0.0]]),
        "b_r": np.array([0.0]),
        "b_z": np.array([0.0]),
        "b_h": np.array([0.0]),
    }
    h = gru_cell(np.array([[-1.0]]), np.array([[2.0]]), params)
    np.testing.assert_allclose(h, [[0.95]], rtol=1e-12)


def test_gru_cell_hand_computed_biases_only():
    # Zero weights, b_z = ln 3 (z = 0.75), b_h = ln 3 (h_cand = 0.8), b_r arbitrary
    # (r only multiplies h_prev inside a zero-weight product).
    # h = 0.25 h_prev + 0.75 * 0.8 = 0.25 h_prev + 0.6 for every unit and batch row.
    H, n_in = 3, 2
    params = {f"W_{g}": np.zeros((H, H + n_in)) for g in "rzh"}
    params.update({"b_r": np.full(H, 5.0), "b_z": np.full(H, LN3), "b_h": np.full(H, LN3)})
    h_prev = np.array([[4.0, -4.0, 0.0], [1.0, 2.0, -2.0]])
    h = gru_cell(np.ones((2, n_in)), h_prev, params)
    np.testing.assert_allclose(h, [[1.6, -0.4, 0.6], [0.85, 1.1, 0.1]], rtol=1e-12)


@SETTINGS
@given(gru_inputs())
def test_gru_cell_matches_scalar_loop(case):
    x, h_prev, params = case
    before = _copies(x, h_prev, *params.values())
    h = gru_cell(x, h_prev, params)
    assert h.shape == h_prev.shape
    assert h.dtype == np.float64
    np.testing.assert_allclose(h, _gru_loop(x, h_prev, params), rtol=RTOL, atol=ATOL)
    _assert_unchanged(before, [x, h_prev, *params.values()])


# ---------------------------------------------------------------------------
# rnn_step and rnn_pass
# ---------------------------------------------------------------------------


def test_rnn_step_hand_computed():
    # B = 1, I = 1, H = 2. x = [1], h_prev = [0, ln 3].
    # W = [[0], [ln 2]] -> x Wᵀ = [0, ln 2]
    # U = [[0, 1], [0, 0]] -> h_prev Uᵀ = [U[0][0]*0 + U[0][1]*ln3, 0] = [ln 3, 0]
    #   (h_prev U without the transpose would give [0, 0])
    # h = tanh([ln 3, ln 2]) = [0.8, 0.6]
    h = rnn_step(
        np.array([[1.0]]),
        np.array([[0.0, LN3]]),
        np.array([[0.0], [LN2]]),
        np.array([[0.0, 1.0], [0.0, 0.0]]),
    )
    np.testing.assert_allclose(h, [[0.8, 0.6]], rtol=1e-12)


@SETTINGS
@given(rnn_step_inputs())
def test_rnn_step_matches_scalar_loop(case):
    x_t, h_prev, W, U = case
    before = _copies(*case)
    h = rnn_step(x_t, h_prev, W, U)
    assert h.shape == h_prev.shape
    assert h.dtype == np.float64
    np.testing.assert_allclose(h, _rnn_step_loop(x_t, h_prev, W, U), rtol=RTOL, atol=ATOL)
    _assert_unchanged(before, list(case))


def test_rnn_pass_hand_computed():
    # B 1, T 2, I 1, H 1; xs = [1, 0]; W = [[ln 3]], U = [[1.25 ln 2]]; h_{-1} = 0.
    # h_0 = tanh(ln3 * 1 + 1.25 ln2 * 0) = tanh(ln 3) = 0.8
    # h_1 = tanh(ln3 * 0 + 1.25 ln2 * 0.8) = tanh(ln 2) = 0.6
    hs = rnn_pass(np.array([[[1.0], [0.0]]]), np.array([[LN3]]), np.array([[1.25 * LN2]]))
    np.testing.assert_allclose(hs, [[[0.8], [0.6]]], rtol=1e-12)


@SETTINGS
@given(rnn_pass_inputs())
def test_rnn_pass_matches_scalar_loop(case):
    xs, W, U = case
    before = _copies(*case)
    hs = rnn_pass(xs, W, U)
    assert hs.shape == (xs.shape[0], xs.shape[1], W.shape[0])
    assert hs.dtype == np.float64
    np.testing.assert_allclose(hs, _rnn_pass_loop(xs, W, U), rtol=RTOL, atol=ATOL)
    _assert_unchanged(before, list(case))


# ---------------------------------------------------------------------------
# bidirectional_rnn
# ---------------------------------------------------------------------------


def test_bidirectional_rnn_hand_computed():
    # B 1, T 2, I 1, H 1, O 2; xs = [1, -1] over time.
    # Forward, W_f = ln 3, U_f = 1.25 ln 3:
    #   hf_0 = tanh(ln 3) = 0.8;  hf_1 = tanh(-ln 3 + 1.25 ln3 * 0.8) = tanh(0) = 0
    # Backward (runs t = 1 then t = 0), W_b = ln 2, U_b = ln2 / 0.6:
    #   hb_1 = tanh(ln2 * (-1)) = -0.6;  hb_0 = tanh(ln2 * 1 + (ln2 / 0.6) * (-0.6)) = tanh(0) = 0
    # hs[t] = [hf_t, hb_t]: hs_0 = [0.8, 0], hs_1 = [0, -0.6].
    # V = [[1, 0], [2, 10]]: y_t = [hf_t, 2 hf_t + 10 hb_t]
    #   y_0 = [0.8, 1.6], y_1 = [0, -6]
    #   (not reversing back would give hb = [-0.6, 0] and y_0 = [0.8, -4.4])
    ys = bidirectional_rnn(
        np.array([[[1.0], [-1.0]]]),
        np.array([[LN3]]),
        np.array([[1.25 * LN3]]),
        np.array([[LN2]]),
        np.array([[LN2 / 0.6]]),
        np.array([[1.0, 0.0], [2.0, 10.0]]),
    )
    np.testing.assert_allclose(ys, [[[0.8, 1.6], [0.0, -6.0]]], rtol=1e-12, atol=1e-15)


@SETTINGS
@given(birnn_inputs())
def test_bidirectional_rnn_matches_scalar_loop(case):
    xs, V = case[0], case[-1]
    before = _copies(*case)
    ys = bidirectional_rnn(*case)
    assert ys.shape == (xs.shape[0], xs.shape[1], V.shape[0])
    assert ys.dtype == np.float64
    np.testing.assert_allclose(ys, _birnn_loop(*case), rtol=RTOL, atol=ATOL)
    _assert_unchanged(before, list(case))


def _selector(H, forward):
    """V that copies out the forward ([I | 0]) or backward ([0 | I]) states: O = H."""
    eye, zero = np.eye(H), np.zeros((H, H))
    return np.concatenate([eye, zero] if forward else [zero, eye], axis=1)


@SETTINGS
@given(birnn_inputs(min_T=2), st.data())
def test_bidirectional_rnn_backward_state_at_last_step_sees_only_last_input(case, data):
    xs, W_f, U_f, W_b, U_b, _ = case
    B, T, n_in = xs.shape
    H = W_f.shape[0]
    V = _selector(H, forward=False)
    ys = bidirectional_rnn(xs, W_f, U_f, W_b, U_b, V)  # ys == hs_b
    # The backward state aligned with t = T-1 is its first step: tanh(x[T-1] W_bᵀ + 0).
    expected = np.array(
        [
            [math.tanh(sum(W_b[j, k] * xs[b, T - 1, k] for k in range(n_in))) for j in range(H)]
            for b in range(B)
        ]
    )
    np.testing.assert_allclose(ys[:, T - 1], expected, rtol=RTOL, atol=ATOL)
    # Changing every earlier input leaves it bit-for-bit unchanged.
    perturbed = xs.copy()
    perturbed[:, : T - 1] = data.draw(_arr((B, T - 1, n_in)))
    ys2 = bidirectional_rnn(perturbed, W_f, U_f, W_b, U_b, V)
    np.testing.assert_array_equal(ys2[:, T - 1], ys[:, T - 1])


@SETTINGS
@given(birnn_inputs(min_T=2), st.data())
def test_bidirectional_rnn_forward_state_at_first_step_sees_only_first_input(case, data):
    xs, W_f, U_f, W_b, U_b, _ = case
    B, T, n_in = xs.shape
    H = W_f.shape[0]
    V = _selector(H, forward=True)
    ys = bidirectional_rnn(xs, W_f, U_f, W_b, U_b, V)  # ys == hs_f
    expected = np.array(
        [
            [math.tanh(sum(W_f[j, k] * xs[b, 0, k] for k in range(n_in))) for j in range(H)]
            for b in range(B)
        ]
    )
    np.testing.assert_allclose(ys[:, 0], expected, rtol=RTOL, atol=ATOL)
    perturbed = xs.copy()
    perturbed[:, 1:] = data.draw(_arr((B, T - 1, n_in)))
    ys2 = bidirectional_rnn(perturbed, W_f, U_f, W_b, U_b, V)
    np.testing.assert_array_equal(ys2[:, 0], ys[:, 0])


def test_bidirectional_rnn_backward_alignment_detects_a_change_in_the_last_input():
    # Counterpart of the two properties above, with fixed numbers: with V = [0 | I] the
    # output is hs_b. Perturbing only x[T-1] must change hs_b at t = T-1 (its own input)
    # and at t = 0 (the backward pass reaches t = 0 last), while hs_f at t = 0 stays put.
    rng = np.random.default_rng(0)
    B, T, n_in, H = 2, 4, 3, 2
    xs = rng.normal(size=(B, T, n_in))
    W_f, W_b = rng.normal(size=(H, n_in)), rng.normal(size=(H, n_in))
    U_f, U_b = rng.normal(size=(H, H)), rng.normal(size=(H, H))
    perturbed = xs.copy()
    perturbed[:, T - 1] += 1.0
    back = _selector(H, forward=False)
    fwd = _selector(H, forward=True)
    hb, hb2 = (bidirectional_rnn(a, W_f, U_f, W_b, U_b, back) for a in (xs, perturbed))
    hf, hf2 = (bidirectional_rnn(a, W_f, U_f, W_b, U_b, fwd) for a in (xs, perturbed))
    assert np.all(np.abs(hb2[:, T - 1] - hb[:, T - 1]) > 1e-6)
    assert np.all(np.abs(hb2[:, 0] - hb[:, 0]) > 1e-9)
    np.testing.assert_array_equal(hf2[:, : T - 1], hf[:, : T - 1])
    # And every value agrees with the scalar loop.
    np.testing.assert_allclose(hb2, _birnn_loop(perturbed, W_f, U_f, W_b, U_b, back), rtol=RTOL)


@pytest.mark.parametrize("T", [1, 3])
def test_bidirectional_rnn_all_sizes_one_and_t(T):
    # B = I = H = O = 1, W = U = 0 except W_f = ln 3, W_b = ln 2, V = [[1, 1]]:
    # each state sees only its own input (U = 0), x_t = 1, so y_t = tanh(ln 3) + tanh(ln 2) = 1.4.
    xs = np.ones((1, T, 1))
    zero = np.zeros((1, 1))
    ys = bidirectional_rnn(xs, np.array([[LN3]]), zero, np.array([[LN2]]), zero, np.ones((1, 2)))
    np.testing.assert_allclose(ys, np.full((1, T, 1), 1.4), rtol=1e-12)
