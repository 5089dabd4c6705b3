"""Object detection: pairwise IoU of boxes and class-aware greedy non-maximum suppression.

Boxes are rows ``(x1, y1, x2, y2)`` in continuous coordinates with ``x2 > x1`` and
``y2 > y1``; a box's area is ``(x2 - x1) * (y2 - y1)`` (no ``+ 1`` pixel convention).
"""

# NumPy's stubs type ufunc results (np.exp, np.maximum, ...) as Any.
# mypy: no-warn-return-any

import numpy as np


def iou(boxes_a: np.ndarray, boxes_b: np.ndarray) -> np.ndarray:
    """Intersection over union of every pair of boxes.

    boxes_a (N, 4); boxes_b (M, 4). Returns (N, M) with
    ``out[i, j] = |a_i ∩ b_j| / (|a_i| + |b_j| - |a_i ∩ b_j|)``; the intersection's
    width and height are each clamped at 0, so disjoint or touching boxes give 0.
    """
    a = boxes_a[:, None, :]  # (N, 1, 4)
    b = boxes_b[None, :, :]  # (1, M, 4)
    inter_w = np.maximum(np.minimum(a[..., 2], b[..., 2]) - np.maximum(a[..., 0], b[..., 0]), 0)
    inter_h = np.maximum(np.minimum(a[..., 3], b[..., 3]) - np.maximum(a[..., 1], b[..., 1]), 0)
    inter = inter_w * inter_h
    area_a = (boxes_a[:, 2] - boxes_a[:, 0]) * (boxes_a[:, 3] - boxes_a[:, 1])  # (N,)
    area_b = (boxes_b[:, 2] - boxes_b[:, 0]) * (boxes_b[:, 3] - boxes_b[:, 1])  # (M,)
    union = area_a[:, None] + area_b[None, :] - inter
    ious = inter / union
    return ious


def nms(
    boxes: np.ndarray, scores: np.ndarray, classes: np.ndarray, iou_threshold: float
) -> list[int]:
    """Class-aware greedy non-maximum suppression.

    boxes (N, 4); scores (N,); classes (N,) ints. Boxes are visited by score,
    highest first (ties: lower index first). Each visited box that is not yet
    suppressed is kept and suppresses every box of the same class whose IoU with
    it is strictly greater than ``iou_threshold``. Returns the kept indices in the
    order they were kept.
    """
    order = np.argsort(-scores, kind="stable")
    suppressed = np.zeros(len(scores), dtype=bool)
    keep: list[int] = []
    for i in order:
        if suppressed[i]:
            continue
        keep.append(int(i))
        overlaps = iou(boxes[i : i + 1], boxes)[0]
        suppressed |= (overlaps > iou_threshold) & (classes == classes[i])
    return keep
