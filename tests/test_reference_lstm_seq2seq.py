"""Reference LSTM-sequence and seq2seq functions checked against independent formulations.

Expected values come from pure-Python loops (``math.exp`` / ``math.tanh``, explicit
``W[j][k]`` indexing, one-hot vectors built as lists) or from numbers worked out by hand
in the comments; the reference is never used to compute an expected value.

Hand-computed cases use ``sigmoid(0) = 0.5``, ``sigmoid(ln 3) = 0.75``,
``sigmoid(-ln 3) = 0.25``, ``tanh(0) = 0``, ``tanh(ln 2) = 0.6`` and ``tanh(ln 3) = 0.8``.
"""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from renshu.reference.lstm_sequence import lstm_forward, peephole_lstm_cell
from renshu.reference.seq2seq import embedding_lookup, greedy_decode

LN2 = math.log(2.0)
LN3 = math.log(3.0)

# float64 loops vs vectorised NumPy (see test_reference_recurrent.py for the reasoning).
RTOL = 1e-12
ATOL = 1e-12

SETTINGS = settings(max_examples=50, deadline=None, database=None)

sizes = st.integers(min_value=1, max_value=4)
values = st.floats(min_value=-2.0, max_value=2.0, allow_nan=False, allow_infinity=False)


def _arr(shape):
    return arrays(np.float64, shape, elements=values)


def _sig(a: float) -> float:
    return 1.0 / (1.0 + math.exp(-a))


def _dot_row(W, j, v):
    """sum_k W[j][k] * v[k] for nested lists."""
    total = 0.0
    for k in range(len(v)):
        total += W[j][k] * v[k]
    return total


def _copies(*arrays_):
    return [a.copy() for a in arrays_]


def _assert_unchanged(before, after):
    for b, a in zip(before, after, strict=True):
        np.testing.assert_array_equal(a, b)


# ---------------------------------------------------------------------------
# Scalar LSTM (plain and peephole), one batch row at a time.
# ---------------------------------------------------------------------------


def _lstm_row(x, h_prev, c_prev, q, peephole=False):
    """One LSTM step for one batch row; lists in, (h, c) lists out."""
    z = h_prev + x  # list concatenation: hidden state first
    h_out, c_out = [], []
    for j in range(len(h_prev)):

        def pre(g, j=j):
            return q[f"b_{g}"][j] + _dot_row(q[f"W_{g}"], j, z)

        peek_i = q["p_i"][j] * c_prev[j] if peephole else 0.0
        peek_f = q["p_f"][j] * c_prev[j] if peephole else 0.0
        i = _sig(pre("i") + peek_i)
        f = _sig(pre("f") + peek_f)
        g = math.tanh(pre("c"))
        c = f * c_prev[j] + i * g
        peek_o = q["p_o"][j] * c if peephole else 0.0  # the updated cell
        o = _sig(pre("o") + peek_o)
        c_out.append(c)
        h_out.append(o * math.tanh(c))
    return h_out, c_out


def _lstm_forward_loop(xs, h0, c0, params):
    q = {k: v.tolist() for k, v in params.items()}
    B, T, _ = xs.shape
    hs = [[None] * T for _ in range(B)]
    c_T = []
    for b in range(B):
        h, c = h0[b].tolist(), c0[b].tolist()
        for t in range(T):
            h, c = _lstm_row(xs[b, t].tolist(), h, c, q)
            hs[b][t] = h
        c_T.append(c)
    return np.array(hs), np.array(c_T)


def _peephole_loop(x, h_prev, c_prev, params):
    q = {k: v.tolist() for k, v in params.items()}
    rows = [
        _lstm_row(xr, hr, cr, q, peephole=True)
        for xr, hr, cr in zip(x.tolist(), h_prev.tolist(), c_prev.tolist(), strict=True)
    ]
    return np.array([r[0] for r in rows]), np.array([r[1] for r in rows])


def _params(draw, H, n_in, peephole=False):
    p = {f"W_{g}": draw(_arr((H, H + n_in))) for g in "ifoc"}
    p.update({f"b_{g}": draw(_arr((H,))) for g in "ifoc"})
    if peephole:
        p.update({f"p_{g}": draw(_arr((H,))) for g in "ifo"})
    return p


@st.composite
def lstm_forward_inputs(draw):
    B, T, n_in, H = draw(sizes), draw(sizes), draw(sizes), draw(sizes)
    xs = draw(_arr((B, T, n_in)))
    return xs, draw(_arr((B, H))), draw(_arr((B, H))), _params(draw, H, n_in)


@st.composite
def peephole_inputs(draw):
    B, n_in, H = draw(sizes), draw(sizes), draw(sizes)
    x, h_prev, c_prev = draw(_arr((B, n_in))), draw(_arr((B, H))), draw(_arr((B, H)))
    return x, h_prev, c_prev, _params(draw, H, n_in, peephole=True)


# ---------------------------------------------------------------------------
# lstm_forward
# ---------------------------------------------------------------------------


def test_lstm_forward_hand_computed_two_steps():
    # B = H = I = 1, xs = [1, 0] over time, h0 = 0, c0 = 4 (ln 2 - 0.45); z = [h, x].
    # Step 0, z = [0, 1]:
    #   i = s(7*0 + ln3*1) = 0.75; f = s(9*0 + 0 - ln3) = 0.25; o = s(0) = 0.5;
    #   g = tanh(0*0 + ln2*1) = 0.6
    #   c_1 = 0.25 * 4 (ln2 - 0.45) + 0.75 * 0.6 = ln 2;  h_1 = 0.5 * tanh(ln 2) = 0.3
    # Step 1, z = [h_1, 0] = [0.3, 0]:
    #   i = s(7 * 0.3) = s(2.1); f = s(9 * 0.3 - ln3) = s(2.7 - ln 3); o = s(0) = 0.5;
    #   g = tanh(0 * 0.3 + ln2 * 0) = 0
    #   c_2 = s(2.7 - ln 3) * ln 2 + s(2.1) * 0;  h_2 = 0.5 tanh(c_2)
    # Not carrying c would use c0 again at step 1; not carrying h would give f = s(-ln 3).
    params = {
        "W_i": np.array([[7.0, LN3]]),
        "W_f": np.array([[9.0, 0.0]]),
        "W_o": np.array([[0.0, 0.0]]),
        "W_c": np.array([[0.0, LN2]]),
        "b_i": np.array([0.0]),
        "b_f": np.array([-LN3]),
        "b_o": np.array([0.0]),
        "b_c": np.array([0.0]),
    }
    xs = np.array([[[1.0], [0.0]]])
    hs, c_T = lstm_forward(xs, np.array([[0.0]]), np.array([[4 * (LN2 - 0.45)]]), params)
    c_2 = _sig(2.7 - LN3) * LN2
    np.testing.assert_allclose(hs, [[[0.3], [0.5 * math.tanh(c_2)]]], rtol=1e-12)
    np.testing.assert_allclose(c_T, [[c_2]], rtol=1e-12)


def test_lstm_forward_zero_weights_halves_the_cell_each_step():
    # All weights and biases 0: i = f = o = 0.5, g = 0, so c_t = c0 / 2^t and
    # h_t = 0.5 tanh(c_t): with c0 = 8 over T = 3, c = 4, 2, 1.
    H, n_in, T = 2, 1, 3
    params = {f"W_{g}": np.zeros((H, H + n_in)) for g in "ifoc"}
    params.update({f"b_{g}": np.zeros(H) for g in "ifoc"})
    c0 = np.array([[8.0, -8.0]])
    hs, c_T = lstm_forward(np.ones((1, T, n_in)), np.array([[5.0, -5.0]]), c0, params)
    expected_h = [[[0.5 * math.tanh(s * c) for s in (1, -1)] for c in (4.0, 2.0, 1.0)]]
    np.testing.assert_allclose(hs, expected_h, rtol=1e-12)
    np.testing.assert_allclose(c_T, [[1.0, -1.0]], rtol=1e-12)


@SETTINGS
@given(lstm_forward_inputs())
def test_lstm_forward_matches_scalar_loop(case):
    xs, h0, c0, params = case
    before = _copies(xs, h0, c0, *params.values())
    hs, c_T = lstm_forward(xs, h0, c0, params)
    hs_exp, c_exp = _lstm_forward_loop(xs, h0, c0, params)
    assert hs.shape == (xs.shape[0], xs.shape[1], h0.shape[1])
    assert c_T.shape == c0.shape
    np.testing.assert_allclose(hs, hs_exp, rtol=RTOL, atol=ATOL)
    np.testing.assert_allclose(c_T, c_exp, rtol=RTOL, atol=ATOL)
    _assert_unchanged(before, [xs, h0, c0, *params.values()])


@SETTINGS
@given(lstm_forward_inputs(), st.data())
def test_lstm_forward_is_causal(case, data):
    # hs[:, t] depends only on xs[:, :t+1]: changing the inputs after step t leaves it
    # bit-for-bit unchanged, while c_T does depend on the last input in general.
    xs, h0, c0, params = case
    B, T, n_in = xs.shape
    t = data.draw(st.integers(0, T - 1))
    hs, _ = lstm_forward(xs, h0, c0, params)
    perturbed = xs.copy()
    perturbed[:, t + 1 :] = data.draw(_arr((B, T - t - 1, n_in)))
    hs2, _ = lstm_forward(perturbed, h0, c0, params)
    np.testing.assert_array_equal(hs2[:, : t + 1], hs[:, : t + 1])


# ---------------------------------------------------------------------------
# peephole_lstm_cell
# ---------------------------------------------------------------------------


def test_peephole_lstm_cell_hand_computed():
    # B = H = I = 1, x = 0, h_prev = 0, c_prev = 2, every W = 0, so only biases and peepholes act.
    # i = s(p_i c_prev + b_i) = s(ln3/2 * 2 + 0)  = s(ln 3)  = 0.75  (no peephole: 0.5)
    # f = s(p_f c_prev + b_f) = s(-ln3/2 * 2 + 0) = s(-ln 3) = 0.25  (no peephole: 0.5)
    # g = tanh(b_c) with b_c = atanh((ln2 - 0.5) / 0.75), so i g = ln 2 - 0.5
    # c = f c_prev + i g = 0.5 + ln 2 - 0.5 = ln 2
    # o = s(p_o c + b_o) = s(1 * ln 2 + ln3 - ln2) = s(ln 3) = 0.75
    #     (peeking at c_prev instead: s(2 + ln3 - ln2) ~ 0.90)
    # h = o tanh(c) = 0.75 * 0.6 = 0.45
    zeros = np.array([[0.0, 0.0]])
    params = {
        "W_i": zeros,
        "W_f": zeros,
        "W_o": zeros,
        "W_c": zeros,
        "b_i": np.array([0.0]),
        "b_f": np.array([0.0]),
        "b_o": np.array([LN3 - LN2]),
        "b_c": np.array([math.atanh((LN2 - 0.5) / 0.75)]),
        "p_i": np.array([LN3 / 2]),
        "p_f": np.array([-LN3 / 2]),
        "p_o": np.array([1.0]),
    }
    h, c = peephole_lstm_cell(np.array([[0.0]]), np.array([[0.0]]), np.array([[2.0]]), params)
    np.testing.assert_allclose(c, [[LN2]], rtol=1e-12)
    np.testing.assert_allclose(h, [[0.45]], rtol=1e-12)


def test_peephole_lstm_cell_weights_are_diagonal():
    # H = 2 with zero W and b: unit j's gates see only c[:, j]. p_i = [ln3/2, 0] and
    # c_prev = [2, 100]: i = [s(ln 3), s(0)] = [0.75, 0.5]; the huge c_prev[1] does not leak
    # into unit 0. f = s(0) = 0.5, g = 0, so c = 0.5 c_prev = [1, 50];
    # o = s(p_o c) = [s(0), s(0)] = 0.5, h = 0.5 tanh(c).
    H, n_in = 2, 1
    params = {f"W_{g}": np.zeros((H, H + n_in)) for g in "ifoc"}
    params.update({f"b_{g}": np.zeros(H) for g in "ifoc"})
    params.update({"p_i": np.array([LN3 / 2, 0.0]), "p_f": np.zeros(H), "p_o": np.zeros(H)})
    params["b_c"] = np.array([LN2, LN3])  # g = [0.6, 0.8] so i shows up in c
    c_prev = np.array([[2.0, 100.0]])
    h, c = peephole_lstm_cell(np.ones((1, n_in)), np.zeros((1, H)), c_prev, params)
    # c = f c_prev + i g = [0.5*2 + 0.75*0.6, 0.5*100 + 0.5*0.8] = [1.45, 50.4]
    np.testing.assert_allclose(c, [[1.45, 50.4]], rtol=1e-12)
    np.testing.assert_allclose(h, [[0.5 * math.tanh(1.45), 0.5 * math.tanh(50.4)]], rtol=1e-12)


@SETTINGS
@given(peephole_inputs())
def test_peephole_lstm_cell_matches_scalar_loop(case):
    x, h_prev, c_prev, params = case
    before = _copies(x, h_prev, c_prev, *params.values())
    h, c = peephole_lstm_cell(x, h_prev, c_prev, params)
    h_exp, c_exp = _peephole_loop(x, h_prev, c_prev, params)
    assert h.shape == c.shape == h_prev.shape
    np.testing.assert_allclose(c, c_exp, rtol=RTOL, atol=ATOL)
    np.testing.assert_allclose(h, h_exp, rtol=RTOL, atol=ATOL)
    _assert_unchanged(before, [x, h_prev, c_prev, *params.values()])


# ---------------------------------------------------------------------------
# embedding_lookup
# ---------------------------------------------------------------------------


def _one_hot_product(E, ids):
    """Row n = E · w_n with w_n the one-hot list of ids[n], summed term by term."""
    E = E.tolist()
    D, V = len(E), len(E[0])
    rows = []
    for k in ids.tolist():
        w = [1.0 if v == k else 0.0 for v in range(V)]
        rows.append([sum(E[d][v] * w[v] for v in range(V)) for d in range(D)])
    return np.array(rows).reshape(len(ids), D)


@st.composite
def embedding_inputs(draw):
    D, V, N = draw(sizes), draw(st.integers(1, 6)), draw(sizes)
    ids = draw(arrays(np.int64, (N,), elements=st.integers(0, V - 1)))
    return draw(_arr((D, V))), ids


def test_embedding_lookup_hand_computed():
    # E is (D, V) = (2, 5); column k embeds id k. ids [4, 0, 4] pick columns 4, 0, 4:
    # rows [E[0][4], E[1][4]] = [-0.25, 1.25], [0.5, 1.0], [-0.25, 1.25].
    E = np.array([[0.5, -1.0, 1.5, 2.0, -0.25], [1.0, 0.0, -2.0, 0.75, 1.25]])
    out = embedding_lookup(E, np.array([4, 0, 4]))
    np.testing.assert_array_equal(out, [[-0.25, 1.25], [0.5, 1.0], [-0.25, 1.25]])


def test_embedding_lookup_square_is_not_transposed():
    # D = V = N = 3 with E[d][k] = 3d + k + 1: id 2 is column 2 = [3, 6, 9], not row 2 [7, 8, 9].
    E = np.arange(1.0, 10.0).reshape(3, 3)
    out = embedding_lookup(E, np.array([2, 0, 1]))
    np.testing.assert_array_equal(out, [[3.0, 6.0, 9.0], [1.0, 4.0, 7.0], [2.0, 5.0, 8.0]])


@SETTINGS
@given(embedding_inputs())
def test_embedding_lookup_matches_one_hot_product(case):
    E, ids = case
    before = _copies(E, ids)
    out = embedding_lookup(E, ids)
    assert out.shape == (len(ids), E.shape[0])
    # Multiplying by a one-hot vector adds exact zeros, so the values agree exactly.
    np.testing.assert_array_equal(out, _one_hot_product(E, ids))
    _assert_unchanged(before, [E, ids])


def test_embedding_lookup_keeps_float32():
    E = np.array([[1.5, -2.0]], dtype=np.float32)
    out = embedding_lookup(E, np.array([1, 1, 0]))
    assert out.dtype == np.float32
    np.testing.assert_array_equal(out, [[-2.0], [-2.0], [1.5]])


# ---------------------------------------------------------------------------
# greedy_decode
# ---------------------------------------------------------------------------


def _decode_loop(h0, E, W_h, W_e, W_out, max_len):
    """Scalar greedy decoder: BOS = 0, EOS = 1, first index wins a tie."""
    h, E, W_h, W_e, W_out = h0.tolist(), E.tolist(), W_h.tolist(), W_e.tolist(), W_out.tolist()
    y, out = 0, []
    for _ in range(max_len):
        x = [row[y] for row in E]  # column y of E
        h = [math.tanh(_dot_row(W_h, j, h) + _dot_row(W_e, j, x)) for j in range(len(h))]
        scores = [_dot_row(W_out, v, h) for v in range(len(W_out))]
        best = 0
        for v in range(1, len(scores)):
            if scores[v] > scores[best]:  # strictly greater: ties keep the smaller id
                best = v
        y = best
        out.append(y)
        if y == 1:
            break
    return out


@st.composite
def decode_inputs(draw):
    H, D, V = draw(st.integers(1, 3)), draw(st.integers(1, 3)), draw(st.integers(2, 5))
    h0, E = draw(_arr((H,))), draw(_arr((D, V)))
    W_h, W_e, W_out = draw(_arr((H, H))), draw(_arr((H, D))), draw(_arr((V, H)))
    return h0, E, W_h, W_e, W_out, draw(st.integers(1, 6))


def test_greedy_decode_eos_at_first_step():
    # h_1 = tanh(W_h h0 + W_e E[:, 0]) = tanh(0.5 + 1) ~ 0.905 > 0;
    # scores W_out h_1 = [0, 0.905, -0.905]: EOS (id 1) at once, and it is kept: [1].
    out = greedy_decode(
        np.array([0.5]),
        np.array([[1.0, -1.0, 0.5]]),
        np.array([[1.0]]),
        np.array([[1.0]]),
        np.array([[0.0], [1.0], [-1.0]]),
        3,
    )
    assert out == [1]


def test_greedy_decode_ties_pick_smallest_id_and_feed_it_back():
    # h stays positive: h_1 = tanh(1 + 0.5 * E[0][0]) = tanh(1); scores [-h, -2h, h, h]
    # tie between ids 2 and 3 -> 2; h_2 = tanh(h_1 + 0.5 * 0.5) > 0 -> 2 again, and so on
    # until the cut-off at max_len = 3. (Taking id 3 would feed -2: tanh(0.76 - 1) < 0, EOS.)
    args = (
        np.array([1.0]),
        np.array([[0.0, 0.0, 0.5, -2.0]]),
        np.array([[1.0]]),
        np.array([[0.5]]),
        np.array([[-1.0], [-2.0], [1.0], [1.0]]),
    )
    assert greedy_decode(*args, 3) == [2, 2, 2]


def test_greedy_decode_feedback_changes_the_path():
    # H = D = 1, V = 3, W_h = 0: h_t = tanh(E[0][y_{t-1}]) depends only on the previous token.
    # Scores W_out h = [0, -h, h]: h > 0 -> id 2, h < 0 -> id 1 (EOS), h = 0 -> tie -> id 0.
    # E[0] = [0.5, 0, -1]: y_0 = BOS -> h = tanh(0.5) > 0 -> 2 -> h = tanh(-1) < 0 -> EOS.
    out = greedy_decode(
        np.array([0.0]),
        np.array([[0.5, 0.0, -1.0]]),
        np.array([[0.0]]),
        np.array([[1.0]]),
        np.array([[0.0], [-1.0], [1.0]]),
        5,
    )
    assert out == [2, 1]


def test_greedy_decode_cut_off_at_max_len():
    # All scores 0 at every step: the tie gives id 0 (BOS is an ordinary token here), never
    # EOS, so the output is cut off at exactly max_len tokens.
    H, D, V = 2, 2, 4
    for max_len in (1, 2, 5):
        out = greedy_decode(
            np.ones(H), np.ones((D, V)), np.ones((H, H)), np.ones((H, D)), np.zeros((V, H)), max_len
        )
        assert out == [0] * max_len


@settings(max_examples=200, deadline=None, database=None)
@given(decode_inputs())
def test_greedy_decode_matches_scalar_loop(case):
    before = _copies(*case[:5])
    out = greedy_decode(*case)
    assert out == _decode_loop(*case)
    assert all(type(v) is int for v in out)
    assert 1 <= len(out) <= case[-1]
    assert 1 not in out[:-1]  # EOS, if any, is the last token
    _assert_unchanged(before, list(case[:5]))


@pytest.mark.parametrize("max_len", [1, 4])
def test_greedy_decode_eos_stops_before_max_len(max_len):
    # h0 is ignored by W_h = 0; E[:, 0] = 1 gives h_1 = tanh(1) > 0 and scores [0, h, -h]:
    # EOS first, whatever max_len is.
    out = greedy_decode(
        np.array([-1.0]),
        np.array([[1.0, 0.0, 0.0]]),
        np.array([[0.0]]),
        np.array([[1.0]]),
        np.array([[0.0], [1.0], [-1.0]]),
        max_len,
    )
    assert out == [1]
