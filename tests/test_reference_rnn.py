"""Reference simple RNN, BPTT and gradient clipping, checked against independent formulations.

Expected values come from pure-Python loops (``math.tanh``, explicit ``W[k][j]``
indexing in the row-vector convention ``a_j = Σ_k x_k W_in[k][j] + Σ_m h_m W[m][j]
+ b_j``), from central finite differences of such a loop, or from numbers worked
out by hand in the comments; the reference never computes an expected value.

Hand-computed cases use pre-activations whose tanh is exact:
``tanh(ln 2) = (2 - 1/2) / (2 + 1/2) = 0.6`` and ``tanh(ln 3) = (3 - 1/3) / (3 + 1/3) = 0.8``.
"""

import math
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from renshu.reference.rnn import clip_grad_norm, rnn_bptt, rnn_forward

LN2 = math.log(2.0)
LN3 = math.log(3.0)

# float64 loops vs vectorised NumPy: only the summation order differs.
RTOL = 1e-12
ATOL = 1e-12

SETTINGS = settings(max_examples=40, deadline=None, database=None)

sizes = st.integers(min_value=1, max_value=3)
values = st.floats(min_value=-1.5, max_value=1.5, allow_nan=False, allow_infinity=False)


def _arr(shape):
    return arrays(np.float64, shape, elements=values)


# ---------------------------------------------------------------------------
# Independent scalar formulation of the forward pass (pure Python lists).
# ---------------------------------------------------------------------------


def _forward_loop(xs, h0, W_in, W, W_out, b, c):
    """(hs, ys) as nested lists; every argument a nested list."""
    hs_all, ys_all = [], []
    for seq, h in zip(xs, h0, strict=True):
        hs_seq, ys_seq = [], []
        for x_t in seq:
            new_h = []
            for j in range(len(b)):
                a = b[j]
                for k in range(len(x_t)):
                    a += x_t[k] * W_in[k][j]
                for m in range(len(h)):
                    a += h[m] * W[m][j]
                new_h.append(math.tanh(a))
            h = new_h
            y = []
            for o in range(len(c)):
                total = c[o]
                for j in range(len(h)):
                    total += h[j] * W_out[j][o]
                y.append(total)
            hs_seq.append(h)
            ys_seq.append(y)
        hs_all.append(hs_seq)
        ys_all.append(ys_seq)
    return hs_all, ys_all


def _loss_loop(xs, h0, W_in, W, W_out, b, c, dys):
    """L = Σ_{b,t,o} dys[b][t][o] * ys[b][t][o], from the scalar forward pass."""
    _, ys = _forward_loop(xs, h0, W_in, W, W_out, b, c)
    total = 0.0
    for ys_seq, dys_seq in zip(ys, dys, strict=True):
        for y, dy in zip(ys_seq, dys_seq, strict=True):
            for y_o, dy_o in zip(y, dy, strict=True):
                total += y_o * dy_o
    return total


def _central_differences(weights, which, loss, eps=1e-5):
    """dL/dweights[which] entry by entry: (L(w + eps) - L(w - eps)) / (2 eps)."""
    rows = weights[which]
    grad = [[0.0] * len(rows[0]) for _ in rows]
    for r in range(len(rows)):
        for s in range(len(rows[0])):
            plus = {k: [list(row) for row in v] for k, v in weights.items()}
            minus = {k: [list(row) for row in v] for k, v in weights.items()}
            plus[which][r][s] += eps
            minus[which][r][s] -= eps
            grad[r][s] = (loss(**plus) - loss(**minus)) / (2.0 * eps)
    return np.array(grad)


@st.composite
def rnn_inputs(draw):
    B, n_in, H, n_out = draw(sizes), draw(sizes), draw(sizes), draw(sizes)
    T = draw(st.integers(min_value=1, max_value=4))
    return {
        "xs": draw(_arr((B, T, n_in))),
        "h0": draw(_arr((B, H))),
        "W_in": draw(_arr((n_in, H))),
        "W": draw(_arr((H, H))),
        "W_out": draw(_arr((H, n_out))),
        "b": draw(_arr((H,))),
        "c": draw(_arr((n_out,))),
        "dys": draw(_arr((B, T, n_out))),
    }


# ---------------------------------------------------------------------------
# rnn_forward
# ---------------------------------------------------------------------------


@SETTINGS
@given(rnn_inputs())
def test_rnn_forward_matches_scalar_loops(inp):
    args = [inp[k] for k in ("xs", "h0", "W_in", "W", "W_out", "b", "c")]
    hs, ys = rnn_forward(*args)
    want_hs, want_ys = _forward_loop(*(a.tolist() for a in args))
    B, T, _ = inp["xs"].shape
    np.testing.assert_allclose(hs, np.array(want_hs).reshape(B, T, -1), rtol=RTOL, atol=ATOL)
    np.testing.assert_allclose(ys, np.array(want_ys).reshape(B, T, -1), rtol=RTOL, atol=ATOL)


def _hand_case():
    """B = I = H = O = 1, T = 2, with h0 = 0.5, W_in = W = W_out = 1, b = 0.

    x_0 = ln 3 - 0.5: a_0 = x_0 + h0 * 1 = ln 3, h_0 = 0.8.
    x_1 = ln 2 - 0.8: a_1 = x_1 + h_0 * 1 = ln 2, h_1 = 0.6.
    """
    xs = np.array([[[LN3 - 0.5], [LN2 - 0.8]]])
    h0 = np.array([[0.5]])
    one = np.array([[1.0]])
    return xs, h0, one, one.copy(), one.copy(), np.array([0.0])


def test_rnn_forward_by_hand():
    xs, h0, W_in, W, W_out, b = _hand_case()
    hs, ys = rnn_forward(xs, h0, W_in, W, W_out, b, np.array([0.25]))
    # hs = [0.8, 0.6] (see _hand_case); ys = hs * 1 + 0.25 = [1.05, 0.85] (linear output).
    np.testing.assert_allclose(hs, [[[0.8], [0.6]]], rtol=1e-12)
    np.testing.assert_allclose(ys, [[[1.05], [0.85]]], rtol=1e-12)


def test_rnn_forward_applies_the_weights_on_the_right():
    # h0 = [1, 0], W = [[0, 1], [0, 0]], zero input and bias: a_0 = h0 W = [0, 1],
    # so h_0 = [tanh 0, tanh 1] = [0, 0.76159...]; W_out = I, c = 0 gives y_0 = h_0.
    # (With W applied transposed, h0 Wᵀ = [0, 0] and h_0 would be [0, 0].)
    xs = np.zeros((1, 1, 1))
    W = np.array([[0.0, 1.0], [0.0, 0.0]])
    hs, ys = rnn_forward(
        xs, np.array([[1.0, 0.0]]), np.zeros((1, 2)), W, np.eye(2), np.zeros(2), np.zeros(2)
    )
    np.testing.assert_allclose(hs, [[[0.0, math.tanh(1.0)]]], rtol=1e-12)
    np.testing.assert_allclose(ys, hs, rtol=1e-12)


def test_rnn_forward_keeps_float32():
    xs, h0, W_in, W, W_out, b = (a.astype(np.float32) for a in _hand_case())
    hs, ys = rnn_forward(xs, h0, W_in, W, W_out, b, np.zeros(1, dtype=np.float32))
    assert hs.dtype == np.float32
    assert ys.dtype == np.float32


# ---------------------------------------------------------------------------
# rnn_bptt
# ---------------------------------------------------------------------------


@settings(max_examples=30, deadline=None, database=None)
@given(rnn_inputs())
def test_rnn_bptt_matches_central_differences_for_every_weight_entry(inp):
    lists = {k: v.tolist() for k, v in inp.items()}
    fixed = {k: lists[k] for k in ("xs", "h0", "b", "c", "dys")}

    def loss(W_in, W, W_out):
        return _loss_loop(W_in=W_in, W=W, W_out=W_out, **fixed)

    weights = {"W_in": lists["W_in"], "W": lists["W"], "W_out": lists["W_out"]}
    got = rnn_bptt(*(inp[k] for k in ("xs", "h0", "W_in", "W", "W_out", "b", "dys")))
    assert len(got) == 3
    for name, grad in zip(("W_in", "W", "W_out"), got, strict=True):
        assert grad.shape == inp[name].shape
        # Central differences: truncation ~ eps² = 1e-10 times a third derivative of
        # order 10 here, rounding ~ 1e-16 * |L| / eps; 1e-6 leaves a wide margin.
        want = _central_differences(weights, name, loss)
        np.testing.assert_allclose(grad, want, rtol=1e-6, atol=1e-6, err_msg=name)


def test_rnn_bptt_by_hand():
    xs, h0, W_in, W, W_out, b = _hand_case()
    dys = np.array([[[1.0], [1.0]]])
    dW_in, dW, dW_out = rnn_bptt(xs, h0, W_in, W, W_out, b, dys)
    # h_0 = 0.8, h_1 = 0.6 (see _hand_case); W_out = W = 1.
    # t = 1: dh_1 = dy_1 W_out = 1;             da_1 = 1 * (1 - 0.6²) = 0.64
    # t = 0: dh_0 = dy_0 W_out + da_1 W = 1.64; da_0 = 1.64 * (1 - 0.8²) = 0.5904
    # dW_out = h_0 dy_0 + h_1 dy_1 = 0.8 + 0.6 = 1.4 (a sum over time)
    # dW     = h0 da_0 + h_0 da_1 = 0.5 * 0.5904 + 0.8 * 0.64 = 0.2952 + 0.512 = 0.8072
    # dW_in  = x_0 da_0 + x_1 da_1 = (ln 3 - 0.5) * 0.5904 + (ln 2 - 0.8) * 0.64
    np.testing.assert_allclose(dW_out, [[1.4]], rtol=1e-12)
    np.testing.assert_allclose(dW, [[0.8072]], rtol=1e-12)
    np.testing.assert_allclose(dW_in, [[(LN3 - 0.5) * 0.5904 + (LN2 - 0.8) * 0.64]], rtol=1e-12)


def test_rnn_bptt_only_last_output_reaches_back_through_time():
    # dys = [0, 1]: step 0 gets its error only through the recurrence.
    # da_1 = 0.64 as above; dh_0 = 0 + 0.64 * 1; da_0 = 0.64 * 0.36 = 0.2304.
    # dW_out = h_1 * 1 = 0.6; dW = 0.5 * 0.2304 + 0.8 * 0.64 = 0.1152 + 0.512 = 0.6272.
    xs, h0, W_in, W, W_out, b = _hand_case()
    dW_in, dW, dW_out = rnn_bptt(xs, h0, W_in, W, W_out, b, np.array([[[0.0], [1.0]]]))
    np.testing.assert_allclose(dW_out, [[0.6]], rtol=1e-12)
    np.testing.assert_allclose(dW, [[0.6272]], rtol=1e-12)
    np.testing.assert_allclose(dW_in, [[(LN3 - 0.5) * 0.2304 + (LN2 - 0.8) * 0.64]], rtol=1e-12)


def test_rnn_bptt_keeps_float32():
    xs, h0, W_in, W, W_out, b = (a.astype(np.float32) for a in _hand_case())
    grads = rnn_bptt(xs, h0, W_in, W, W_out, b, np.ones((1, 2, 1), dtype=np.float32))
    assert [g.dtype for g in grads] == [np.float32] * 3


# ---------------------------------------------------------------------------
# clip_grad_norm
# ---------------------------------------------------------------------------


def _clip_loop(grads, max_norm):
    """Pure Python: one global norm over every element, one factor for all."""
    flat = [float(v) for g in grads for v in np.ravel(g).tolist()]
    total = math.sqrt(math.fsum(v * v for v in flat))
    factor = max_norm / total if total > max_norm else 1.0
    return [[v * factor for v in np.ravel(g).tolist()] for g in grads]


@st.composite
def clip_inputs(draw):
    big = st.floats(min_value=-50.0, max_value=50.0, allow_nan=False, allow_infinity=False)
    shapes = [(draw(sizes), draw(sizes)), (draw(sizes),), (draw(sizes),)][: draw(st.integers(1, 3))]
    grads = [draw(arrays(np.float64, s, elements=big)) for s in shapes]
    return grads, draw(st.floats(min_value=0.1, max_value=20.0))


@SETTINGS
@given(clip_inputs())
def test_clip_grad_norm_matches_scalar_loop(inp):
    grads, max_norm = inp
    got = clip_grad_norm([g.copy() for g in grads], max_norm)
    want = _clip_loop(grads, max_norm)
    assert len(got) == len(grads)
    for g_in, g_out, w in zip(grads, got, want, strict=True):
        assert g_out.shape == g_in.shape
        np.testing.assert_allclose(np.ravel(g_out), w, rtol=RTOL, atol=ATOL)


def test_clip_grad_norm_by_hand_above_the_threshold():
    # total = sqrt(3² + 0² + 0² + 0² + 4²) = 5 > 2.5: every gradient times 2.5 / 5 = 0.5.
    got = clip_grad_norm([np.array([[3.0, 0.0]]), np.zeros(2), np.array([4.0])], 2.5)
    np.testing.assert_allclose(got[0], [[1.5, 0.0]], rtol=1e-12)
    np.testing.assert_allclose(got[1], [0.0, 0.0], rtol=1e-12)
    np.testing.assert_allclose(got[2], [2.0], rtol=1e-12)


def test_clip_grad_norm_global_not_per_element():
    # Every element is 1 <= 1.5, but the global norm is sqrt(4 * 1²) = 2 > 1.5:
    # all four values become 1.5 / 2 = 0.75 (np.clip per element would leave them at 1).
    got = clip_grad_norm([np.ones((1, 2)), np.ones(2)], 1.5)
    np.testing.assert_allclose(got[0], [[0.75, 0.75]], rtol=1e-12)
    np.testing.assert_allclose(got[1], [0.75, 0.75], rtol=1e-12)


@pytest.mark.parametrize("max_norm", [5.0, 7.0])
def test_clip_grad_norm_at_or_under_the_threshold_is_unchanged(max_norm):
    # total = sqrt(3² + 4²) = 5 <= max_norm: the values come back as they were.
    grads = [np.array([[3.0]]), np.array([-4.0])]
    got = clip_grad_norm(grads, max_norm)
    np.testing.assert_array_equal(got[0], [[3.0]])
    np.testing.assert_array_equal(got[1], [-4.0])


def test_clip_grad_norm_all_zero_gradients_without_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a 0 / 0 would raise here
        got = clip_grad_norm([np.zeros((2, 2)), np.zeros(3)], 1.0)
    np.testing.assert_array_equal(got[0], np.zeros((2, 2)))
    np.testing.assert_array_equal(got[1], np.zeros(3))


def test_clip_grad_norm_keeps_float32():
    got = clip_grad_norm([np.array([30.0, 40.0], dtype=np.float32)], 1.0)
    assert got[0].dtype == np.float32
    np.testing.assert_allclose(got[0], [0.6, 0.8], rtol=1e-6)  # (30, 40) / 50
