"""Reference CNN and detection functions checked against independent formulations.

Expected values come from pure-Python scalar loops (explicit bounds checks
instead of padding, ``max`` over Python lists), exact ``Fraction`` arithmetic
for IoU and NMS, or numbers worked out by hand in the comments; the reference
is never used to compute an expected value.
"""

from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from renshu.reference.cnn import conv2d, max_pool2d, residual_block
from renshu.reference.detection import iou, nms

SETTINGS = settings(max_examples=60, deadline=None, database=None)
RTOL = 1e-12
ATOL = 1e-12

# Values on the 1/64 grid, as the grader draws them (products and sums stay exact).
grid = st.integers(min_value=-128, max_value=128).map(lambda k: k / 64)


def _array(draw, shape):
    size = int(np.prod(shape))
    return np.array(draw(st.lists(grid, min_size=size, max_size=size))).reshape(shape)


# ---------------------------------------------------------------------------
# conv2d
# ---------------------------------------------------------------------------


def _conv2d_loops(x, W, b, stride, pad):
    """Direct definition: out-of-range input positions (the padding) contribute 0."""
    N, C, H, Wi = x.shape
    F, _, KH, KW = W.shape
    OH = (H + 2 * pad - KH) // stride + 1
    OW = (Wi + 2 * pad - KW) // stride + 1
    out = [[[[0.0] * OW for _ in range(OH)] for _ in range(F)] for _ in range(N)]
    for n in range(N):
        for f in range(F):
            for i in range(OH):
                for j in range(OW):
                    total = float(b[f])
                    for c in range(C):
                        for p in range(KH):
                            for q in range(KW):
                                r, s = i * stride + p - pad, j * stride + q - pad
                                if 0 <= r < H and 0 <= s < Wi:
                                    total += float(x[n, c, r, s]) * float(W[f, c, p, q])
                    out[n][f][i][j] = total
    return np.array(out).reshape(N, F, OH, OW)


@st.composite
def conv_cases(draw):
    N, C, F = draw(st.integers(1, 2)), draw(st.integers(1, 3)), draw(st.integers(1, 3))
    KH, KW = draw(st.integers(1, 3)), draw(st.integers(1, 3))
    stride, pad = draw(st.integers(1, 3)), draw(st.integers(0, 2))
    H, Wi = KH + draw(st.integers(0, 4)), KW + draw(st.integers(0, 4))
    x = _array(draw, (N, C, H, Wi))
    W = _array(draw, (F, C, KH, KW))
    b = _array(draw, (F,))
    return x, W, b, stride, pad


@SETTINGS
@given(conv_cases())
def test_conv2d_matches_scalar_loops(case) -> None:
    x, W, b, stride, pad = case
    got = conv2d(x, W, b, stride, pad)
    want = _conv2d_loops(x, W, b, stride, pad)
    assert got.shape == want.shape
    np.testing.assert_allclose(got, want, rtol=RTOL, atol=ATOL)


def test_conv2d_is_cross_correlation_by_hand() -> None:
    x = np.arange(1.0, 10.0).reshape(1, 1, 3, 3)  # [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
    W = np.array([[[[1.0, 2.0], [0.0, 0.0]]]])
    # out[i, j] = x[i, j] + 2 x[i, j + 1] + 0.5 (no flip):
    # [[1 + 4, 2 + 6], [4 + 10, 5 + 12]] + 0.5
    want = np.array([[[[5.5, 8.5], [14.5, 17.5]]]])
    np.testing.assert_array_equal(conv2d(x, W, np.array([0.5]), 1, 0), want)


def test_conv2d_padding_and_stride_by_hand() -> None:
    x = np.array([[[[1.0, 2.0], [3.0, 4.0]]]])
    W = np.array([[[[1.0, 10.0], [100.0, 1000.0]]]])
    # Padded: [[0, 0, 0, 0], [0, 1, 2, 0], [0, 3, 4, 0], [0, 0, 0, 0]]; OH = (2 + 2 - 2) // 2 + 1 = 2.
    # Each stride-2 window holds one input pixel, under a different filter tap:
    # (0, 0): 1 * 1000; (0, 1): 2 * 100; (1, 0): 3 * 10; (1, 1): 4 * 1.
    want = np.array([[[[1000.0, 200.0], [30.0, 4.0]]]])
    np.testing.assert_array_equal(conv2d(x, W, np.zeros(1), 2, 1), want)


def test_conv2d_bias_once_per_output_channel() -> None:
    x = np.ones((1, 3, 1, 1))
    W = np.ones((2, 3, 1, 1))
    # Three input channels of 1 * 1, then one bias each: 3 + 1 and 3 - 1.
    got = conv2d(x, W, np.array([1.0, -1.0]), 1, 0)
    np.testing.assert_array_equal(got, np.array([4.0, 2.0]).reshape(1, 2, 1, 1))


def test_conv2d_output_size_rounds_down() -> None:
    # H = 6, KH = 3, pad 0, stride 2: (6 - 3) // 2 + 1 = 2; W = 5, KW = 1: (5 - 1) // 2 + 1 = 3.
    got = conv2d(np.zeros((2, 1, 6, 5)), np.zeros((4, 1, 3, 1)), np.zeros(4), 2, 0)
    assert got.shape == (2, 4, 2, 3)


def test_conv2d_keeps_float32() -> None:
    x = np.ones((1, 1, 3, 3), dtype=np.float32)
    W = np.ones((1, 1, 2, 2), dtype=np.float32)
    assert conv2d(x, W, np.zeros(1, dtype=np.float32), 1, 1).dtype == np.float32


# ---------------------------------------------------------------------------
# max_pool2d
# ---------------------------------------------------------------------------


def _max_pool_loops(x, k, stride):
    N, C, H, Wi = x.shape
    OH, OW = (H - k) // stride + 1, (Wi - k) // stride + 1
    out = np.empty((N, C, OH, OW))
    for n in range(N):
        for c in range(C):
            for i in range(OH):
                for j in range(OW):
                    values = [
                        float(x[n, c, i * stride + p, j * stride + q])
                        for p in range(k)
                        for q in range(k)
                    ]
                    out[n, c, i, j] = max(values)
    return out


@st.composite
def pool_cases(draw):
    N, C, k, stride = (
        draw(st.integers(1, 2)),
        draw(st.integers(1, 2)),
        *draw(st.tuples(st.integers(1, 3), st.integers(1, 3))),
    )
    H, Wi = k + draw(st.integers(0, 4)), k + draw(st.integers(0, 4))
    return _array(draw, (N, C, H, Wi)), k, stride


@SETTINGS
@given(pool_cases())
def test_max_pool2d_matches_scalar_loops(case) -> None:
    x, k, stride = case
    got = max_pool2d(x, k, stride)
    want = _max_pool_loops(x, k, stride)
    assert got.shape == want.shape
    np.testing.assert_array_equal(got, want)


def test_max_pool2d_by_hand() -> None:
    x = np.arange(1.0, 17.0).reshape(1, 1, 4, 4)  # rows 1..4, 5..8, 9..12, 13..16
    # 2x2, stride 2: the bottom-right entry of each block.
    np.testing.assert_array_equal(max_pool2d(x, 2, 2), [[[[6.0, 8.0], [14.0, 16.0]]]])
    # 3x3, stride 1: (4 - 3) // 1 + 1 = 2; again each window's bottom-right entry.
    np.testing.assert_array_equal(max_pool2d(x, 3, 1), [[[[11.0, 12.0], [15.0, 16.0]]]])
    # 1x1, stride 3: picks x[0, 0], x[0, 3], x[3, 0], x[3, 3].
    np.testing.assert_array_equal(max_pool2d(x, 1, 3), [[[[1.0, 4.0], [13.0, 16.0]]]])


def test_max_pool2d_negative_windows() -> None:
    x = np.array([[[[-1.5, -0.25, -2.0, -1.0], [-0.5, -1.0, -0.75, -1.25]]]])
    # Window 1: max(-1.5, -0.25, -0.5, -1) = -0.25; window 2: max(-2, -1, -0.75, -1.25) = -0.75.
    np.testing.assert_array_equal(max_pool2d(x, 2, 2), [[[[-0.25, -0.75]]]])


def test_max_pool2d_channels_pooled_separately() -> None:
    x = np.stack([np.full((2, 2), 1.0), np.full((2, 2), -1.0)])[None]  # (1, 2, 2, 2)
    np.testing.assert_array_equal(max_pool2d(x, 2, 1), [[[[1.0]], [[-1.0]]]])


# ---------------------------------------------------------------------------
# residual_block
# ---------------------------------------------------------------------------


def _residual_loops(x, W1, b1, W2, b2):
    B, D = x.shape
    H = W1.shape[1]
    y = np.empty((B, D))
    for r in range(B):
        hidden = [max(0.0, b1[h] + sum(x[r, d] * W1[d, h] for d in range(D))) for h in range(H)]
        for d in range(D):
            residual = b2[d] + sum(hidden[h] * W2[h, d] for h in range(H))
            y[r, d] = max(0.0, x[r, d] + residual)
    return y


@st.composite
def residual_cases(draw):
    B, D, H = draw(st.integers(1, 3)), draw(st.integers(1, 4)), draw(st.integers(1, 4))
    shapes = [(B, D), (D, H), (H,), (H, D), (D,)]
    return [_array(draw, s) for s in shapes]


@SETTINGS
@given(residual_cases())
def test_residual_block_matches_scalar_loops(case) -> None:
    np.testing.assert_allclose(residual_block(*case), _residual_loops(*case), rtol=RTOL, atol=ATOL)


def test_residual_block_by_hand() -> None:
    x = np.array([[1.0, 2.0], [-2.0, -1.0]])
    W1 = np.array([[-1.0, 0.0], [0.0, 1.0]])
    W2 = np.array([[1.0, 0.0], [0.0, -0.5]])
    b1, b2 = np.zeros(2), np.array([0.5, 0.0])
    # Row 0: x W1 = [-1, 2] -> relu [0, 2]; F = [0 + 0.5, 2 * -0.5] = [0.5, -1];
    #        x + F = [1.5, 1] -> y = [1.5, 1].
    # Row 1: x W1 = [2, -1] -> relu [2, 0]; F = [2 + 0.5, 0] = [2.5, 0];
    #        x + F = [0.5, -1] -> y = [0.5, 0] (the ReLU after the addition).
    want = np.array([[1.5, 1.0], [0.5, 0.0]])
    np.testing.assert_array_equal(residual_block(x, W1, b1, W2, b2), want)


def test_residual_block_with_zero_residual_is_relu_of_input() -> None:
    # F(x) = 0 (W2 = 0, b2 = 0): the block reduces to relu(x), the identity for x >= 0.
    x = np.array([[0.5, -1.0, 2.0]])
    got = residual_block(x, np.ones((3, 2)), np.ones(2), np.zeros((2, 3)), np.zeros(3))
    np.testing.assert_array_equal(got, [[0.5, 0.0, 2.0]])


# ---------------------------------------------------------------------------
# iou
# ---------------------------------------------------------------------------


def _interval_overlap(a1, a2, b1, b2):
    """Length of [a1, a2] ∩ [b1, b2]: the middle two of the sorted endpoints, if they overlap."""
    if a2 <= b1 or b2 <= a1:
        return Fraction(0)
    lo, hi = sorted([a1, a2, b1, b2])[1:3]
    return hi - lo


def _iou_exact(a, b):
    a, b = [Fraction(float(v)) for v in a], [Fraction(float(v)) for v in b]
    inter = _interval_overlap(a[0], a[2], b[0], b[2]) * _interval_overlap(a[1], a[3], b[1], b[3])
    area_a = (a[2] - a[0]) * (a[3] - a[1])
    area_b = (b[2] - b[0]) * (b[3] - b[1])
    return inter / (area_a + area_b - inter)


@pytest.mark.parametrize(
    ("a", "b", "want"),
    [
        ([0, 0, 2, 2], [0, 0, 2, 2], 1.0),  # identical
        ([0, 0, 2, 2], [1, 1, 3, 3], 1 / 7),  # overlap 1 x 1; union 4 + 4 - 1 = 7
        ([0, 0, 4, 4], [1, 1, 2, 3], 2 / 16),  # nested: overlap = the small box, 1 x 2; union 16
        ([0, 0, 3, 1], [1, 0, 4, 1], 2 / 4),  # overlap 2 x 1; union 3 + 3 - 2 = 4
        ([0, 0, 1, 1], [1, 0, 2, 1], 0.0),  # touching along x = 1: width 0
        ([0, 0, 1, 2], [2, 0, 3, 2], 0.0),  # apart in x (signed width -1), overlapping in y
        ([0, 0, 1, 1], [2, 2, 3, 3], 0.0),  # apart diagonally: signed sides -1 and -1
        ([0, 0, 2, 2], [-1.5, 0.5, 0.5, 2.5], 0.75 / 7.25),  # 0.5 x 1.5; union 4 + 4 - 0.75
    ],
)
def test_iou_hand_placed_boxes(a, b, want) -> None:
    got = iou(np.array([a], dtype=float), np.array([b], dtype=float))
    assert got.shape == (1, 1)
    assert got[0, 0] == pytest.approx(want, rel=1e-12, abs=0.0)


def test_iou_pairwise_layout() -> None:
    a = np.array([[0.0, 0.0, 2.0, 2.0], [1.0, 1.0, 3.0, 3.0]])
    b = np.array([[0.0, 0.0, 2.0, 2.0], [2.0, 0.0, 3.0, 2.0], [5.0, 5.0, 6.0, 7.0]])
    # Row 0: itself 1; touching at x = 2 -> 0; far away -> 0.
    # Row 1: vs [0, 0, 2, 2] overlap 1 -> 1/7; vs [2, 0, 3, 2] overlap 1 x 1, union 4 + 2 - 1 = 5.
    want = np.array([[1.0, 0.0, 0.0], [1 / 7, 1 / 5, 0.0]])
    np.testing.assert_allclose(iou(a, b), want, rtol=1e-12, atol=0.0)


@st.composite
def box_sets(draw, max_boxes=4):
    def box():
        x1, y1 = draw(grid), draw(grid)
        w = draw(st.integers(1, 192)) / 64
        h = draw(st.integers(1, 192)) / 64
        return [x1, y1, x1 + w, y1 + h]

    n = draw(st.integers(1, max_boxes))
    return np.array([box() for _ in range(n)])


@SETTINGS
@given(box_sets(), box_sets())
def test_iou_matches_exact_fractions(a, b) -> None:
    got = iou(a, b)
    want = np.array([[float(_iou_exact(p, q)) for q in b] for p in a])
    assert got.shape == (len(a), len(b))
    np.testing.assert_allclose(got, want, rtol=1e-12, atol=1e-15)
    assert np.all((got >= 0.0) & (got <= 1.0))


# ---------------------------------------------------------------------------
# nms
# ---------------------------------------------------------------------------


def _nms_exact(boxes, scores, classes, threshold):
    """Greedy NMS over (score desc, index asc) with exact IoU: a box is kept unless a box
    already kept has the same class and an IoU above the threshold."""
    order = sorted(range(len(scores)), key=lambda i: (-scores[i], i))
    kept: list[int] = []
    for i in order:
        if not any(
            classes[k] == classes[i] and _iou_exact(boxes[k], boxes[i]) > Fraction(float(threshold))
            for k in kept
        ):
            kept.append(i)
    return kept


@st.composite
def nms_cases(draw):
    boxes = draw(box_sets(max_boxes=7))
    n = len(boxes)
    scores = draw(st.lists(st.integers(0, 8).map(lambda k: k / 8), min_size=n, max_size=n))
    classes = draw(st.lists(st.integers(0, 2), min_size=n, max_size=n))
    threshold = draw(st.integers(16, 48)) / 64
    return boxes, np.array(scores), np.array(classes, dtype=np.int64), threshold


@settings(max_examples=150, deadline=None, database=None)
@given(nms_cases())
def test_nms_matches_exact_greedy_definition(case) -> None:
    boxes, scores, classes, threshold = case
    assert nms(boxes, scores, classes, threshold) == _nms_exact(boxes, scores, classes, threshold)


def _nms(boxes, scores, classes, threshold):
    return nms(np.array(boxes, dtype=float), np.array(scores), np.array(classes), threshold)


def test_nms_keeps_in_score_order() -> None:
    boxes = [[0, 0, 1, 1], [2, 0, 3, 1], [4, 0, 5, 1]]  # pairwise disjoint
    assert _nms(boxes, [0.25, 0.75, 0.5], [0, 0, 0], 0.5) == [1, 2, 0]
    # Equal scores: lower index first.
    assert _nms(boxes, [0.5, 0.5, 0.5], [1, 0, 1], 0.5) == [0, 1, 2]


def test_nms_threshold_is_strict() -> None:
    boxes = [[0, 0, 3, 1], [1, 0, 4, 1]]  # IoU = 2 / (3 + 3 - 2) = 0.5
    assert _nms(boxes, [0.75, 0.5], [0, 0], 0.5) == [0, 1]  # 0.5 > 0.5 is false
    assert _nms(boxes, [0.75, 0.5], [0, 0], 0.49) == [0]


def test_nms_is_class_aware() -> None:
    boxes = [[0, 0, 2, 2], [0, 0, 2, 2]]  # IoU 1
    assert _nms(boxes, [0.5, 0.75], [0, 1], 0.5) == [1, 0]
    assert _nms(boxes, [0.5, 0.75], [1, 1], 0.5) == [1]


def test_nms_suppressed_boxes_do_not_suppress() -> None:
    # IoU(0, 1) = IoU(1, 2) = 1 / (2 + 2 - 1) = 1/3 > 0.25; boxes 0 and 2 only touch (IoU 0).
    # 0 is kept and suppresses 1; 1, suppressed, cannot remove 2.
    boxes = [[0, 0, 2, 1], [1, 0, 3, 1], [2, 0, 4, 1]]
    assert _nms(boxes, [0.875, 0.75, 0.625], [0, 0, 0], 0.25) == [0, 2]
