"""Reference softmax, attention, multi-head attention, layer norm and MLM masking, checked
against independent formulations.

Expected values come from pure-Python loops (``math.exp``, explicit index sums, the
``statistics`` module), from a different algebraic form (softmax as
``1 / Σ_j exp(x_j - x_k)``, which needs no maximum), or from numbers worked out by
hand in the comments; the references are never used to compute an expected value.

Hand-computed cases pick scores so that the weights are exact:
``softmax([ln 3, 0]) = [3/4, 1/4]`` and ``softmax([0, 0]) = [1/2, 1/2]``.
"""

import math
import statistics

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from renshu.reference.activations import softmax
from renshu.reference.attention import multi_head_attention, scaled_dot_product_attention
from renshu.reference.bert import mlm_mask
from renshu.reference.transformer import layer_norm

LN3 = math.log(3.0)

# float64 loops vs vectorised NumPy; the absolute floor covers values that are (near) zero.
RTOL = 1e-12
ATOL = 1e-12

SETTINGS = settings(max_examples=50, deadline=None, database=None)

sizes = st.integers(min_value=1, max_value=4)


def _arr(shape, bound=2.0):
    return arrays(
        np.float64,
        shape,
        elements=st.floats(-bound, bound, allow_nan=False, allow_infinity=False),
    )


# ---------------------------------------------------------------------------
# Independent scalar formulations (pure Python).
# ---------------------------------------------------------------------------


def _softmax_row(row: list[float]) -> list[float]:
    """p_k = 1 / Σ_j exp(x_j - x_k): no maximum needed; an overflowing term makes p_k = 0."""
    out = []
    for xk in row:
        total = 0.0
        for xj in row:
            try:
                total += math.exp(xj - xk)
            except OverflowError:
                total = math.inf
        out.append(1.0 / total)
    return out


def _attention_loop(Q, K, V, mask):
    """Per batch item and query: scores by explicit dot products, masked scores set to -1e9."""
    Q, K, V = Q.tolist(), K.tolist(), V.tolist()
    mask = None if mask is None else mask.tolist()
    outputs, weights = [], []
    for b in range(len(Q)):
        d_k = len(Q[b][0])
        out_b, w_b = [], []
        for i in range(len(Q[b])):
            scores = []
            for j in range(len(K[b])):
                s = sum(Q[b][i][d] * K[b][j][d] for d in range(d_k)) / math.sqrt(d_k)
                if mask is not None and not mask[b][i][j]:
                    s = -1e9
                scores.append(s)
            w = _softmax_row(scores)
            d_v = len(V[b][0])
            out_b.append([sum(w[j] * V[b][j][e] for j in range(len(w))) for e in range(d_v)])
            w_b.append(w)
        outputs.append(out_b)
        weights.append(w_b)
    return np.array(outputs), np.array(weights)


def _matmul_rows(rows: list[list[float]], W: list[list[float]]) -> list[list[float]]:
    """rows @ W by explicit sums: out[t][c] = Σ_r rows[t][r] * W[r][c]."""
    return [
        [sum(row[r] * W[r][c] for r in range(len(row))) for c in range(len(W[0]))] for row in rows
    ]


def _mha_loop(X, W_q, W_k, W_v, W_o, n_heads):
    """Slice each head's columns, attend per head with the loop above, concatenate, project."""
    W_q, W_k, W_v, W_o = (w.tolist() for w in (W_q, W_k, W_v, W_o))
    D = len(W_q)
    d_head = D // n_heads
    out = []
    for seq in X.tolist():
        q, k, v = (_matmul_rows(seq, w) for w in (W_q, W_k, W_v))
        concat = [[] for _ in seq]
        for h in range(n_heads):
            cols = slice(h * d_head, (h + 1) * d_head)
            head, _ = _attention_loop(
                np.array([[r[cols] for r in q]]),
                np.array([[r[cols] for r in k]]),
                np.array([[r[cols] for r in v]]),
                None,
            )
            for t, row in enumerate(head[0].tolist()):
                concat[t] += row  # head 0's columns first
        out.append(_matmul_rows(concat, W_o))
    return np.array(out)


def _layer_norm_loop(x, gamma, beta):
    out = []
    for row in x.tolist():
        mu = statistics.fmean(row)
        var = statistics.pvariance(row, mu)
        out.append(
            [
                g * (v - mu) / math.sqrt(var + 1e-5) + b
                for v, g, b in zip(row, gamma, beta, strict=True)
            ]
        )
    return np.array(out)


def _mlm_loop(ids, select_u, action_u, random_ids, mask_id):
    corrupted, labels = [], []
    for r in range(len(ids)):
        c_row, l_row = [], []
        for i in range(len(ids[r])):
            token = int(ids[r][i])
            if select_u[r][i] < 0.15:
                l_row.append(token)
                if action_u[r][i] < 0.8:
                    token = mask_id
                elif action_u[r][i] < 0.9:
                    token = int(random_ids[r][i])
            else:
                l_row.append(-100)
            c_row.append(token)
        corrupted.append(c_row)
        labels.append(l_row)
    return np.array(corrupted), np.array(labels)


# ---------------------------------------------------------------------------
# softmax
# ---------------------------------------------------------------------------


@SETTINGS
@given(st.data())
def test_softmax_matches_pairwise_difference_form(data):
    b, k = data.draw(sizes), data.draw(sizes)
    x = data.draw(_arr((b, k), bound=1000.0))
    got = softmax(x)
    expected = np.array([_softmax_row(row) for row in x.tolist()])
    np.testing.assert_allclose(got, expected, rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(got.sum(axis=-1), 1.0, rtol=1e-12)


def test_softmax_hand_values():
    # [ln 3, 0]: exp = [3, 1], sum 4 -> [3/4, 1/4].
    # [1000, 999, -1000]: shifted by 1000 -> exp = [1, e^-1, e^-2000 = 0] -> [1, e^-1] / (1 + e^-1).
    e1 = math.exp(-1.0)
    got = softmax(np.array([[LN3, 0.0, -math.inf], [1000.0, 999.0, -1000.0]]))
    expected = [[0.75, 0.25, 0.0], [1 / (1 + e1), e1 / (1 + e1), 0.0]]
    np.testing.assert_allclose(got, expected, rtol=1e-12, atol=0)


def test_softmax_rows_are_shifted_independently():
    # Row 0 is far below row 1: a shift by the global maximum would underflow it to 0 / 0.
    x = np.array([[0.0, 0.0], [1000.0, 1000.0], [-800.0, -800.0]])
    np.testing.assert_array_equal(softmax(x), np.full((3, 2), 0.5))


@pytest.mark.parametrize("k", [1, 2, 3, 7])
def test_softmax_equal_scores_give_uniform_weights(k):
    np.testing.assert_allclose(softmax(np.full((2, k), 3.5)), np.full((2, k), 1.0 / k), rtol=1e-15)


def test_softmax_keeps_float32():
    x = np.array([[1000.0, 999.0, -1000.0]], dtype=np.float32)
    got = softmax(x)
    assert got.dtype == np.float32
    e1 = math.exp(-1.0)
    np.testing.assert_allclose(got, [[1 / (1 + e1), e1 / (1 + e1), 0.0]], rtol=1e-6)


# ---------------------------------------------------------------------------
# scaled_dot_product_attention
# ---------------------------------------------------------------------------


@SETTINGS
@given(st.data())
def test_scaled_dot_product_attention_matches_loop(data):
    b, tq, tk, dk, dv = (data.draw(sizes) for _ in range(5))
    Q, K, V = (
        data.draw(_arr((b, tq, dk))),
        data.draw(_arr((b, tk, dk))),
        data.draw(_arr((b, tk, dv))),
    )
    mask = data.draw(st.none() | arrays(np.bool_, (b, tq, tk)))
    out, weights = scaled_dot_product_attention(Q, K, V, mask)
    exp_out, exp_weights = _attention_loop(Q, K, V, mask)
    assert out.shape == (b, tq, dv)
    assert weights.shape == (b, tq, tk)
    np.testing.assert_allclose(weights, exp_weights, rtol=RTOL, atol=ATOL)
    np.testing.assert_allclose(out, exp_out, rtol=RTOL, atol=ATOL)


def test_scaled_dot_product_attention_scales_by_sqrt_dk():
    # Dk = 4, q = (a, a, a, a) with a = ln 3 / 2, k0 = (1, 1, 1, 1), k1 = 0:
    # q·k0 / √4 = 4a / 2 = ln 3 and q·k1 = 0, so the weights are [3/4, 1/4]
    # (dividing by Dk = 4 would give scores [ln 3 / 2, 0] instead).
    # Output = 3/4 * v0 + 1/4 * v1 = 3/4 * (4, 0) + 1/4 * (0, 8) = (3, 2).
    a = LN3 / 2
    Q = np.array([[[a, a, a, a]]])
    K = np.array([[[1.0, 1.0, 1.0, 1.0], [0.0, 0.0, 0.0, 0.0]]])
    V = np.array([[[4.0, 0.0], [0.0, 8.0]]])
    out, weights = scaled_dot_product_attention(Q, K, V, None)
    np.testing.assert_allclose(weights, [[[0.75, 0.25]]], rtol=1e-12)
    np.testing.assert_allclose(out, [[[3.0, 2.0]]], rtol=1e-12)


def test_scaled_dot_product_attention_mask_true_means_may_attend():
    # Three keys with equal scores (Q = 0). Row 0 may see key 0 only -> [1, 0, 0];
    # row 1 keys 0 and 1 -> [1/2, 1/2, 0]; row 2 nothing -> every score is -1e9 -> uniform 1/3.
    # Values 1, 2, 4: outputs 1, (1 + 2) / 2 = 1.5 and (1 + 2 + 4) / 3 = 7/3.
    Q = np.zeros((1, 3, 2))
    K = np.array([[[1.0, -2.0], [0.5, 3.0], [-1.0, 1.0]]])
    V = np.array([[[1.0], [2.0], [4.0]]])
    mask = np.array([[[True, False, False], [True, True, False], [False, False, False]]])
    out, weights = scaled_dot_product_attention(Q, K, V, mask)
    np.testing.assert_allclose(
        weights, [[[1.0, 0.0, 0.0], [0.5, 0.5, 0.0], [1 / 3, 1 / 3, 1 / 3]]], rtol=1e-12, atol=0
    )
    np.testing.assert_allclose(out, [[[1.0], [1.5], [7 / 3]]], rtol=1e-12)


def test_scaled_dot_product_attention_fully_masked_row_is_uniform_not_score_weighted():
    # Scores differ (q·k = 2 and -2), but every key is masked: replacing by -1e9 gives uniform
    # weights, whereas adding -1e9 would keep softmax([2, -2]).
    Q = np.array([[[2.0]]])
    K = np.array([[[1.0], [-1.0]]])
    V = np.array([[[1.0], [3.0]]])
    out, weights = scaled_dot_product_attention(Q, K, V, np.zeros((1, 1, 2), dtype=bool))
    np.testing.assert_array_equal(weights, [[[0.5, 0.5]]])
    np.testing.assert_array_equal(out, [[[2.0]]])


# ---------------------------------------------------------------------------
# multi_head_attention
# ---------------------------------------------------------------------------


@SETTINGS
@given(st.data())
def test_multi_head_attention_matches_per_head_loop(data):
    b, t = data.draw(sizes), data.draw(sizes)
    n_heads, d_head = data.draw(st.integers(1, 3)), data.draw(st.integers(1, 3))
    d = n_heads * d_head
    X = data.draw(_arr((b, t, d), bound=1.0))
    W_q, W_k, W_v, W_o = (data.draw(_arr((d, d), bound=1.0)) for _ in range(4))
    got = multi_head_attention(X, W_q, W_k, W_v, W_o, n_heads)
    assert got.shape == (b, t, d)
    np.testing.assert_allclose(got, _mha_loop(X, W_q, W_k, W_v, W_o, n_heads), rtol=RTOL, atol=ATOL)


def test_multi_head_attention_hand_values_two_heads():
    # D = 2, two heads of size 1, every weight the identity, so Q = K = V = X.
    # X = [[a, 0], [0, a]] with a² = ln 3.
    # Head 0 (column 0): q = k = v = (a, 0) over the positions; scale √1.
    #   position 0: scores (a², 0) = (ln 3, 0) -> (3/4, 1/4) -> 3/4 a
    #   position 1: scores (0, 0) -> (1/2, 1/2) -> 1/2 a
    # Head 1 (column 1): q = k = v = (0, a): position 0 -> 1/2 a, position 1 -> 3/4 a.
    # A single head over both columns with scale √2 would give softmax((ln 3, 0) / √2) instead.
    a = math.sqrt(LN3)
    X = np.array([[[a, 0.0], [0.0, a]]])
    eye = np.eye(2)
    got = multi_head_attention(X, eye, eye, eye, eye, 2)
    np.testing.assert_allclose(got, [[[0.75 * a, 0.5 * a], [0.5 * a, 0.75 * a]]], rtol=1e-12)


def test_multi_head_attention_applies_weights_on_the_right_and_projects():
    # W_q = W_k = 0: every score is 0, so each position averages the values of all positions.
    # X W_v with W_v = [[0, 1], [0, 0]] maps (x0, x1) to (0, x0); the mean of (0, 1) and (0, 3)
    # over the two positions is (0, 2); W_o = [[1, 0], [5, 1]] maps (0, 2) to (10, 2).
    X = np.array([[[1.0, 7.0], [3.0, -4.0]]])
    zero = np.zeros((2, 2))
    W_v = np.array([[0.0, 1.0], [0.0, 0.0]])
    W_o = np.array([[1.0, 0.0], [5.0, 1.0]])
    for n_heads in (1, 2):
        got = multi_head_attention(X, zero, zero, W_v, W_o, n_heads)
        np.testing.assert_allclose(got, [[[10.0, 2.0], [10.0, 2.0]]], rtol=1e-12)


# ---------------------------------------------------------------------------
# layer_norm
# ---------------------------------------------------------------------------


@SETTINGS
@given(st.data())
def test_layer_norm_matches_statistics_loop(data):
    b, d = data.draw(sizes), data.draw(sizes)
    x = data.draw(_arr((b, d), bound=3.0))
    gamma, beta = data.draw(_arr((d,))), data.draw(_arr((d,)))
    got = layer_norm(x, gamma, beta)
    np.testing.assert_allclose(
        got, _layer_norm_loop(x, gamma.tolist(), beta.tolist()), rtol=1e-9, atol=1e-9
    )


def test_layer_norm_hand_values():
    # x = (1, 2, 3, 4): μ = 2.5, σ² = (2.25 + 0.25 + 0.25 + 2.25) / 4 = 1.25 (ddof = 0),
    # so y = (-1.5, -0.5, 0.5, 1.5) / sqrt(1.25 + 1e-5), then * gamma + beta.
    x = np.array([[1.0, 2.0, 3.0, 4.0]])
    gamma = np.array([1.0, 2.0, -1.0, 0.5])
    beta = np.array([0.0, 1.0, 0.0, -1.0])
    s = math.sqrt(1.25 + 1e-5)
    expected = [[-1.5 / s, 2 * -0.5 / s + 1, -0.5 / s, 0.5 * 1.5 / s - 1]]
    np.testing.assert_allclose(layer_norm(x, gamma, beta), expected, rtol=1e-12)


def test_layer_norm_eps_inside_the_square_root():
    # x = (1, 1 + 2^-10): x - μ = ±2^-11 and σ² = 2^-22, so y = ±2^-11 / sqrt(2^-22 + 1e-5) ≈ ±0.1526
    # (eps outside the root, ±2^-11 / (2^-11 + 1e-5), would be ≈ ±0.98).
    x = np.array([[1.0, 1.0 + 2.0**-10]])
    y = 2.0**-11 / math.sqrt(2.0**-22 + 1e-5)
    got = layer_norm(x, np.ones(2), np.zeros(2))
    np.testing.assert_allclose(got, [[-y, y]], rtol=1e-12)
    assert abs(got[0, 1] - 0.1526) < 1e-4


@pytest.mark.parametrize("d", [1, 3])
def test_layer_norm_constant_rows_give_beta(d):
    x = np.array([[2.0] * d, [-7.5] * d])
    beta = np.arange(d, dtype=np.float64) - 0.5
    np.testing.assert_array_equal(layer_norm(x, np.full(d, 3.0), beta), np.stack([beta, beta]))


def test_layer_norm_each_row_gets_mean_zero_and_nearly_unit_variance():
    rng = np.random.default_rng(0)
    x = rng.normal(3.0, 5.0, size=(4, 64))
    y = layer_norm(x, np.ones(64), np.zeros(64))
    np.testing.assert_allclose(y.mean(axis=1), 0.0, atol=1e-12)
    # Var(y) = σ² / (σ² + eps) for each row.
    np.testing.assert_allclose(y.var(axis=1), x.var(axis=1) / (x.var(axis=1) + 1e-5), rtol=1e-12)


# ---------------------------------------------------------------------------
# mlm_mask
# ---------------------------------------------------------------------------


@SETTINGS
@given(st.data())
def test_mlm_mask_matches_loop(data):
    b, t = data.draw(sizes), data.draw(st.integers(1, 8))
    ids = data.draw(arrays(np.int64, (b, t), elements=st.integers(0, 30)))
    random_ids = data.draw(arrays(np.int64, (b, t), elements=st.integers(0, 30)))
    select_u = data.draw(arrays(np.float64, (b, t), elements=st.floats(0.0, 1.0)))
    action_u = data.draw(arrays(np.float64, (b, t), elements=st.floats(0.0, 1.0)))
    before = ids.copy()
    corrupted, labels = mlm_mask(ids, select_u, action_u, random_ids, 103)
    exp_corrupted, exp_labels = _mlm_loop(ids.tolist(), select_u, action_u, random_ids, 103)
    np.testing.assert_array_equal(corrupted, exp_corrupted.reshape(b, t))
    np.testing.assert_array_equal(labels, exp_labels.reshape(b, t))
    np.testing.assert_array_equal(ids, before)


def test_mlm_mask_hand_case():
    # Positions 0, 1: selected, action < 0.8 -> [MASK] (103).
    # Positions 2 (action 0.8) and 5 (0.89): selected -> random_ids.
    # Position 7: selected (0.149 < 0.15), action 0.9 -> unchanged, but still labelled.
    # Positions 3 (select_u = 0.15 exactly), 4, 6: not selected -> unchanged, label -100.
    ids = np.array([[5, 6, 7, 8, 9, 10, 11, 12]])
    select_u = np.array([[0.0, 0.1, 0.14, 0.15, 0.5, 0.05, 0.9, 0.149]])
    action_u = np.array([[0.0, 0.79, 0.8, 0.0, 0.85, 0.89, 0.95, 0.9]])
    random_ids = np.array([[1, 2, 3, 4, 0, 15, 14, 13]])
    corrupted, labels = mlm_mask(ids, select_u, action_u, random_ids, 103)
    np.testing.assert_array_equal(corrupted, [[103, 103, 3, 8, 9, 15, 11, 12]])
    np.testing.assert_array_equal(labels, [[5, 6, 7, -100, -100, 10, -100, 12]])
    assert corrupted.dtype == np.int64
    assert labels.dtype == np.int64


def test_mlm_mask_gives_bert_proportions_with_uniform_draws():
    # Devlin et al. 2019: 15% of tokens are chosen; of those 80% [MASK], 10% random, 10% unchanged.
    rng = np.random.default_rng(1)
    n = 200_000
    ids = rng.integers(0, 1000, size=(1, n))
    random_ids = (ids + 1) % 1000  # always differs from ids, so random and unchanged are told apart
    corrupted, labels = mlm_mask(ids, rng.random((1, n)), rng.random((1, n)), random_ids, 5000)
    chosen = labels != -100
    n_chosen = chosen.sum()
    assert abs(n_chosen / n - 0.15) < 0.005
    assert abs((corrupted == 5000).sum() / n_chosen - 0.8) < 0.01
    assert abs((chosen & (corrupted == random_ids)).sum() / n_chosen - 0.1) < 0.01
    assert abs((chosen & (corrupted == ids)).sum() / n_chosen - 0.1) < 0.01
    assert np.all(corrupted[~chosen] == ids[~chosen])
