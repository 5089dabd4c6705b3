"""Reference VAE and word2vec functions checked against independent formulations.

Expected values come from pure-Python loops (``math.exp`` / ``math.log``), from
other formulas for the same quantity (the general multivariate Gaussian KL with
matrices, numerical quadrature of the KL integral, the law of cosines, one-hot
products), from sample statistics, or from numbers worked out by hand in the
comments; the reference is never used to compute an expected value.
"""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from renshu.reference.vae import vae_kl, vae_reparameterize
from renshu.reference.word2vec import cbow_forward, cosine_similarity, skipgram_loss

LN2 = math.log(2.0)
LN3 = math.log(3.0)
RTOL = 1e-12
ATOL = 1e-12

SETTINGS = settings(max_examples=50, deadline=None, database=None)

sizes = st.integers(min_value=1, max_value=4)
values = st.floats(min_value=-2.0, max_value=2.0, allow_subnormal=False)
log_vars = st.floats(min_value=-4.0, max_value=4.0, allow_subnormal=False)


def _arr(shape, elements=values):
    return arrays(np.float64, shape, elements=elements)


@st.composite
def gaussian_params(draw):
    B, Z = draw(sizes), draw(sizes)
    return draw(_arr((B, Z))), draw(_arr((B, Z), log_vars))


@st.composite
def word2vec_params(draw):
    """(center_ids (B,), context_ids (B, C), W_in (V, D), W_out (D, V))."""
    B, C, D = draw(sizes), draw(sizes), draw(sizes)
    V = draw(st.integers(min_value=2, max_value=6))
    ids = st.integers(min_value=0, max_value=V - 1)
    center = np.array(draw(st.lists(ids, min_size=B, max_size=B)), dtype=np.int64)
    context = np.array(
        draw(st.lists(st.lists(ids, min_size=C, max_size=C), min_size=B, max_size=B)),
        dtype=np.int64,
    )
    return center, context, draw(_arr((V, D))), draw(_arr((D, V)))


# ---------------------------------------------------------------------------
# Independent scalar formulations (pure Python lists and math).
# ---------------------------------------------------------------------------


def _reparam_loop(mu, log_var, eps):
    # σ as the square root of the variance, not exp(0.5 · log_var).
    return [
        [m + math.sqrt(math.exp(lv)) * e for m, lv, e in zip(mr, lr, er, strict=True)]
        for mr, lr, er in zip(mu.tolist(), log_var.tolist(), eps.tolist(), strict=True)
    ]


def _scores(h, W_out):
    """h (D,) list times W_out (D, V) list of lists: one score per word."""
    return [sum(h[d] * W_out[d][v] for d in range(len(h))) for v in range(len(W_out[0]))]


def _log_softmax_list(s):
    m = max(s)
    lse = m + math.log(sum(math.exp(x - m) for x in s))
    return [x - lse for x in s]


def _cbow_loop(context_ids, W_in, W_out):
    W_in, W_out = W_in.tolist(), W_out.tolist()
    D = len(W_in[0])
    out = []
    for row in context_ids.tolist():
        h = [sum(W_in[w][d] for w in row) / len(row) for d in range(D)]
        out.append([math.exp(lp) for lp in _log_softmax_list(_scores(h, W_out))])
    return out


def _skipgram_loop(center_ids, context_ids, W_in, W_out):
    W_in, W_out = W_in.tolist(), W_out.tolist()
    total = 0.0
    for center, row in zip(center_ids.tolist(), context_ids.tolist(), strict=True):
        log_p = _log_softmax_list(_scores(W_in[center], W_out))
        for w in row:
            total -= log_p[w]
    return total / len(center_ids)


def _cosine_loop(a, B):
    """The contract's formula with each norm clamped below at 1e-8 (a zero vector gives 0)."""
    a = a.tolist()
    norm_a = max(math.sqrt(sum(x * x for x in a)), 1e-8)
    out = []
    for row in B.tolist():
        norm_b = max(math.sqrt(sum(x * x for x in row)), 1e-8)
        out.append(sum(x * y for x, y in zip(a, row, strict=True)) / (norm_a * norm_b))
    return out


# ---------------------------------------------------------------------------
# vae_reparameterize
# ---------------------------------------------------------------------------


def test_vae_reparameterize_hand_computed():
    # log_var = 2 ln 2 -> σ² = 4, σ = 2: z = 1 + 2 * 1 = 3   (the variance would give 5)
    # log_var = 0      -> σ = 1:        z = -1 + 1 * 0.5 = -0.5
    # log_var = -2 ln 2 -> σ = 0.5:     z = 0 + 0.5 * (-2) = -1
    # log_var = 2 ln 3 -> σ = 3:        z = 0.5 + 3 * (-1) = -2.5
    z = vae_reparameterize(
        np.array([[1.0, -1.0], [0.0, 0.5]]),
        np.array([[2 * LN2, 0.0], [-2 * LN2, 2 * LN3]]),
        np.array([[1.0, 0.5], [-2.0, -1.0]]),
    )
    np.testing.assert_allclose(z, [[3.0, -0.5], [-1.0, -2.5]], rtol=1e-12)


@SETTINGS
@given(gaussian_params(), st.data())
def test_vae_reparameterize_matches_scalar_loop(params, data):
    mu, log_var = params
    eps = data.draw(_arr(mu.shape))
    before = [mu.copy(), log_var.copy(), eps.copy()]
    z = vae_reparameterize(mu, log_var, eps)
    assert z.shape == mu.shape
    assert z.dtype == np.float64
    np.testing.assert_allclose(z, _reparam_loop(mu, log_var, eps), rtol=RTOL, atol=ATOL)
    for b, a in zip(before, [mu, log_var, eps], strict=True):
        np.testing.assert_array_equal(a, b)


def test_vae_reparameterize_samples_have_the_posterior_mean_and_variance():
    # With eps ~ N(0, 1), z must be distributed as N(mu, exp(log_var)) per dimension.
    rng = np.random.default_rng(0)
    n = 200_000
    mu = np.tile([[1.5, -0.5, 0.0]], (n, 1))
    log_var = np.tile([[2 * LN2, -2 * LN2, 1.0]], (n, 1))  # σ² = 4, 0.25, e
    z = vae_reparameterize(mu, log_var, rng.standard_normal((n, 3)))
    # Standard errors: σ / sqrt(n) <= 2 / 447 for the mean, about σ² sqrt(2 / n) for the variance.
    np.testing.assert_allclose(z.mean(axis=0), [1.5, -0.5, 0.0], atol=0.02)
    np.testing.assert_allclose(z.var(axis=0), [4.0, 0.25, math.e], rtol=0.02)


def test_vae_reparameterize_keeps_float32():
    mu, log_var, eps = (np.ones((2, 3), dtype=np.float32) for _ in range(3))
    assert vae_reparameterize(mu, log_var, eps).dtype == np.float32


# ---------------------------------------------------------------------------
# vae_kl
# ---------------------------------------------------------------------------


def test_vae_kl_hand_computed():
    # Row 0: mu = 1, σ² = 1 in one dim, the prior in the other:
    #   -0.5 * (1 + 0 - 1 - 1) + 0 = 0.5
    # Row 1: mu = 0, σ² = 4 (log_var = ln 4): -0.5 * (1 + ln 4 - 0 - 4) = 1.5 - ln 2;
    #   mu = 0.5, σ² = 1: -0.5 * (1 + 0 - 0.25 - 1) = 0.125. Sum: 1.625 - ln 2.
    kl = vae_kl(np.array([[1.0, 0.0], [0.0, 0.5]]), np.array([[0.0, 0.0], [2 * LN2, 0.0]]))
    assert kl.shape == (2,)
    np.testing.assert_allclose(kl, [0.5, 1.625 - LN2], rtol=1e-12)


def test_vae_kl_is_zero_at_the_prior():
    np.testing.assert_array_equal(vae_kl(np.zeros((3, 4)), np.zeros((3, 4))), np.zeros(3))


def _kl_general_gaussian(mu0, cov0, mu1, cov1):
    """KL(N(mu0, cov0) ‖ N(mu1, cov1)) = ½ (tr(Σ₁⁻¹Σ₀) + Δᵀ Σ₁⁻¹ Δ - k + ln det Σ₁ / det Σ₀)."""
    k = len(mu0)
    inv1 = np.linalg.inv(cov1)
    delta = mu1 - mu0
    _, logdet0 = np.linalg.slogdet(cov0)
    _, logdet1 = np.linalg.slogdet(cov1)
    return 0.5 * (np.trace(inv1 @ cov0) + delta @ inv1 @ delta - k + logdet1 - logdet0)


@SETTINGS
@given(gaussian_params())
def test_vae_kl_matches_the_general_gaussian_kl(params):
    mu, log_var = params
    before = [mu.copy(), log_var.copy()]
    kl = vae_kl(mu, log_var)
    Z = mu.shape[1]
    expected = [
        _kl_general_gaussian(m, np.diag(np.exp(lv)), np.zeros(Z), np.eye(Z))
        for m, lv in zip(mu, log_var, strict=True)
    ]
    assert kl.shape == (mu.shape[0],)
    assert kl.dtype == np.float64
    np.testing.assert_allclose(kl, expected, rtol=1e-9, atol=1e-9)
    np.testing.assert_array_equal(mu, before[0])
    np.testing.assert_array_equal(log_var, before[1])


def _kl_by_quadrature(m, lv):
    """∫ q(z) log(q(z) / p(z)) dz for q = N(m, e^lv), p = N(0, 1), on a fine grid."""
    s = math.exp(0.5 * lv)
    z = np.linspace(m - 14 * s, m + 14 * s, 40_001)
    log_q = -0.5 * ((z - m) / s) ** 2 - math.log(s) - 0.5 * math.log(2 * math.pi)
    log_p = -0.5 * z**2 - 0.5 * math.log(2 * math.pi)
    f = np.exp(log_q) * (log_q - log_p)
    return float(np.sum((f[1:] + f[:-1]) / 2) * (z[1] - z[0]))


@pytest.mark.parametrize(
    ("mu", "log_var"),
    [
        ([[0.0, 1.0, -2.0]], [[0.0, 0.0, 0.0]]),
        ([[0.5, -1.5], [2.0, 0.0]], [[-3.0, 2.5], [1.0, -1.0]]),
        ([[0.25]], [[3.0]]),
    ],
)
def test_vae_kl_matches_numerical_integration(mu, log_var):
    mu, log_var = np.array(mu), np.array(log_var)
    expected = [
        sum(_kl_by_quadrature(m, lv) for m, lv in zip(mr, lr, strict=True))
        for mr, lr in zip(mu.tolist(), log_var.tolist(), strict=True)
    ]
    np.testing.assert_allclose(vae_kl(mu, log_var), expected, rtol=1e-6, atol=1e-8)


@SETTINGS
@given(gaussian_params())
def test_vae_kl_is_non_negative(params):
    assert (vae_kl(*params) >= -1e-12).all()


def test_vae_kl_keeps_float32():
    assert vae_kl(np.ones((2, 3), np.float32), np.zeros((2, 3), np.float32)).dtype == np.float32


# ---------------------------------------------------------------------------
# cbow_forward
# ---------------------------------------------------------------------------


def test_cbow_forward_hand_computed():
    # W_in rows 1 and 3; context [0, 1] -> h = (1 + 3) / 2 = 2   (a sum would give 4)
    # W_out = [[0, ln3 / 2]] -> scores [0, ln 3] -> p = [1, 3] / 4 = [0.25, 0.75]
    # Second row, context [1, 1]: h = 3, scores [0, 1.5 ln 3] -> p = [1, 3^1.5] / (1 + 3^1.5).
    p = cbow_forward(
        np.array([[0, 1], [1, 1]]), np.array([[1.0], [3.0]]), np.array([[0.0, LN3 / 2]])
    )
    r = 3.0**1.5
    np.testing.assert_allclose(p, [[0.25, 0.75], [1 / (1 + r), r / (1 + r)]], rtol=1e-12)


def test_cbow_forward_large_scores_do_not_overflow():
    # h = [30, 30]; scores [1800, -900, 300] -> p = [1, e^-2700, e^-1500] = [1, 0, 0].
    # Second case: h = [1000], scores [1000, 1000 + ln 3] -> p = [0.25, 0.75].
    # (Underflow is allowed: e^-2700 rounds to 0 in any correct formula.)
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        p = cbow_forward(
            np.array([[0, 1]]),
            np.array([[30.0, 30.0], [30.0, 30.0], [0.0, 0.0]]),
            np.array([[30.0, -30.0, 0.0], [30.0, 0.0, 10.0]]),
        )
    np.testing.assert_array_equal(p, [[1.0, 0.0, 0.0]])
    p = cbow_forward(np.array([[0]]), np.array([[1000.0]]), np.array([[1.0, 1.0 + LN3 / 1000]]))
    np.testing.assert_allclose(p, [[0.25, 0.75]], rtol=1e-9)


@SETTINGS
@given(word2vec_params())
def test_cbow_forward_matches_scalar_loop(params):
    _, context_ids, W_in, W_out = params
    before = [context_ids.copy(), W_in.copy(), W_out.copy()]
    p = cbow_forward(context_ids, W_in, W_out)
    assert p.shape == (context_ids.shape[0], W_in.shape[0])
    assert p.dtype == np.float64
    np.testing.assert_allclose(p, _cbow_loop(context_ids, W_in, W_out), rtol=RTOL, atol=ATOL)
    np.testing.assert_allclose(p.sum(axis=1), 1.0, rtol=1e-12)
    for b, a in zip(before, [context_ids, W_in, W_out], strict=True):
        np.testing.assert_array_equal(a, b)


@SETTINGS
@given(word2vec_params())
def test_cbow_forward_matches_one_hot_formulation(params):
    # The notes' E·w: the mean of one-hot rows times W_in is the mean embedding.
    _, context_ids, W_in, W_out = params
    V = W_in.shape[0]
    one_hot = (context_ids[:, :, None] == np.arange(V)).astype(np.float64)  # (B, C, V)
    h = one_hot.mean(axis=1) @ W_in
    e = np.exp(h @ W_out)  # |scores| <= 16 here, so the plain softmax is safe
    np.testing.assert_allclose(
        cbow_forward(context_ids, W_in, W_out), e / e.sum(axis=1, keepdims=True), rtol=1e-12
    )


def test_cbow_forward_keeps_float32():
    W_in = np.ones((3, 2), np.float32)
    assert cbow_forward(np.array([[0, 2]]), W_in, W_in.T.copy()).dtype == np.float32


# ---------------------------------------------------------------------------
# skipgram_loss
# ---------------------------------------------------------------------------


def test_skipgram_loss_hand_computed():
    # V = 2, D = 1. W_in = [[1], [2]], W_out = [[0, ln 3]].
    # Centre 0: h = 1, scores [0, ln 3] -> p = [1/4, 3/4].
    #   Context [1, 0]: -(ln 3/4 + ln 1/4) = ln(16 / 3).
    # Centre 1: h = 2, scores [0, 2 ln 3] -> p = [1/10, 9/10].
    #   Context [1, 1]: -2 ln(9/10) = 2 ln(10 / 9).
    # Batch mean: (ln(16/3) + 2 ln(10/9)) / 2.
    loss = skipgram_loss(
        np.array([0, 1]),
        np.array([[1, 0], [1, 1]]),
        np.array([[1.0], [2.0]]),
        np.array([[0.0, LN3]]),
    )
    assert isinstance(loss, float)
    assert loss == pytest.approx((math.log(16 / 3) + 2 * math.log(10 / 9)) / 2, rel=1e-12)


def test_skipgram_loss_large_score_gap_stays_finite():
    # Scores [500, -500]: log p[1] = -1000 - log(1 + e^-1000) = -1000 (to double precision),
    # though p[1] itself underflows to 0.
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        loss = skipgram_loss(
            np.array([0]), np.array([[1]]), np.array([[1.0], [1.0]]), np.array([[500.0, -500.0]])
        )
    assert loss == pytest.approx(1000.0, rel=1e-12)


@SETTINGS
@given(word2vec_params())
def test_skipgram_loss_matches_scalar_loop(params):
    before = [a.copy() for a in params]
    loss = skipgram_loss(*params)
    assert isinstance(loss, float)
    assert loss == pytest.approx(_skipgram_loop(*params), rel=RTOL, abs=ATOL)
    for b, a in zip(before, params, strict=True):
        np.testing.assert_array_equal(a, b)


def test_skipgram_loss_uniform_scores_give_c_log_v():
    # W_out = 0: every word has probability 1/V, so each context word costs ln V
    # and the loss is C ln V = 3 ln 5, whatever the ids.
    loss = skipgram_loss(
        np.array([0, 4]), np.array([[1, 2, 2], [4, 0, 3]]), np.ones((5, 2)), np.zeros((2, 5))
    )
    assert loss == pytest.approx(3 * math.log(5), rel=1e-12)


# ---------------------------------------------------------------------------
# cosine_similarity
# ---------------------------------------------------------------------------


def test_cosine_similarity_hand_computed():
    # a = [1, 2]: 2a -> 1; -a/2 -> -1; the zero row -> 0; [2, -1] is orthogonal -> 0.
    cos = cosine_similarity(
        np.array([1.0, 2.0]), np.array([[2.0, 4.0], [-0.5, -1.0], [0.0, 0.0], [2.0, -1.0]])
    )
    np.testing.assert_allclose(cos, [1.0, -1.0, 0.0, 0.0], rtol=1e-12, atol=1e-15)
    # a = [3, 0] (‖a‖ = 3): [0.6, 0.8] -> 1.8 / (3 * 1) = 0.6; [2, 1.5] -> 6 / (3 * 2.5) = 0.8;
    # [0.6, -0.3] -> 1.8 / (3 * sqrt(0.45)) = 0.6 / sqrt(0.45) = 2 / sqrt(5).
    cos = cosine_similarity(np.array([3.0, 0.0]), np.array([[0.6, 0.8], [2.0, 1.5], [0.6, -0.3]]))
    np.testing.assert_allclose(cos, [0.6, 0.8, 2 / math.sqrt(5)], rtol=1e-12)


def test_cosine_similarity_zero_query_gives_zeros_without_warnings():
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        cos = cosine_similarity(np.zeros(3), np.array([[1.0, 2.0, 3.0], [0.0, 0.0, 0.0]]))
    np.testing.assert_array_equal(cos, [0.0, 0.0])


@st.composite
def cosine_params(draw):
    N, D = draw(sizes), draw(sizes)
    return draw(_arr((D,))), draw(_arr((N, D)))


@SETTINGS
@given(cosine_params())
def test_cosine_similarity_matches_scalar_loop(params):
    a, B = params
    before = [a.copy(), B.copy()]
    cos = cosine_similarity(a, B)
    assert cos.shape == (B.shape[0],)
    assert cos.dtype == np.float64
    np.testing.assert_allclose(cos, _cosine_loop(a, B), rtol=1e-9, atol=1e-12)
    np.testing.assert_array_equal(a, before[0])
    np.testing.assert_array_equal(B, before[1])


@SETTINGS
@given(cosine_params())
def test_cosine_similarity_matches_law_of_cosines(params):
    # ‖a - b‖² = ‖a‖² + ‖b‖² - 2 ‖a‖ ‖b‖ cos θ, so cos θ = (‖a‖² + ‖b‖² - ‖a - b‖²) / (2 ‖a‖ ‖b‖).
    a, B = params
    cos = cosine_similarity(a, B)
    na2 = float(np.sum(a * a))
    for n, row in enumerate(B):
        nb2 = float(np.sum(row * row))
        if na2 < 1e-6 or nb2 < 1e-6:
            continue  # tiny or zero vectors: covered by the scalar loop
        expected = (na2 + nb2 - float(np.sum((a - row) ** 2))) / (2 * math.sqrt(na2 * nb2))
        assert cos[n] == pytest.approx(expected, abs=1e-6)


def test_cosine_similarity_two_dimensional_angles():
    # In 2-D, the cosine similarity is the cosine of the angle between the vectors.
    angles = np.array([0.0, 0.3, 1.2, 2.5, -2.0])
    lengths = np.array([1.0, 0.5, 2.0, 3.0, 0.25])
    B = lengths[:, None] * np.stack([np.cos(angles), np.sin(angles)], axis=1)
    a = 1.5 * np.array([math.cos(0.7), math.sin(0.7)])
    np.testing.assert_allclose(cosine_similarity(a, B), np.cos(angles - 0.7), rtol=1e-12)


def test_cosine_similarity_keeps_float32():
    assert cosine_similarity(np.ones(2, np.float32), np.ones((3, 2), np.float32)).dtype == (
        np.float32
    )
