"""Known-wrong pairwise IoUs, one per misconception in exercise.yaml (trusted, run by the grader)."""

import numpy as np


def _sides(boxes_a, boxes_b):
    """Pairwise (N, M) views of the two boxes' coordinates."""
    a = boxes_a[:, None, :]
    b = boxes_b[None, :, :]
    return a, b


def _area(box, plus=0.0):
    return (box[..., 2] - box[..., 0] + plus) * (box[..., 3] - box[..., 1] + plus)


def _overlap(a, b, plus=0.0):
    """Signed width and height of the intersection (negative when the boxes are apart)."""
    w = np.minimum(a[..., 2], b[..., 2]) - np.maximum(a[..., 0], b[..., 0]) + plus
    h = np.minimum(a[..., 3], b[..., 3]) - np.maximum(a[..., 1], b[..., 1]) + plus
    return w, h


def plus_one_area(boxes_a, boxes_b):
    # The pixel-index convention: width = x2 - x1 + 1.
    a, b = _sides(boxes_a, boxes_b)
    w, h = _overlap(a, b, plus=1.0)
    inter = np.maximum(w, 0) * np.maximum(h, 0)
    return inter / (_area(a, 1.0) + _area(b, 1.0) - inter)


def intersection_not_clamped(boxes_a, boxes_b):
    a, b = _sides(boxes_a, boxes_b)
    w, h = _overlap(a, b)
    inter = w * h
    return inter / (_area(a) + _area(b) - inter)


def clamp_after_product(boxes_a, boxes_b):
    # max(w * h, 0): two negative sides multiply to a positive "overlap".
    a, b = _sides(boxes_a, boxes_b)
    w, h = _overlap(a, b)
    inter = np.maximum(w * h, 0)
    return inter / (_area(a) + _area(b) - inter)


def divide_by_sum_of_areas(boxes_a, boxes_b):
    a, b = _sides(boxes_a, boxes_b)
    w, h = _overlap(a, b)
    inter = np.maximum(w, 0) * np.maximum(h, 0)
    return inter / (_area(a) + _area(b))


def min_max_swapped(boxes_a, boxes_b):
    # max of the x2's minus min of the x1's: the box enclosing both, not their overlap.
    a, b = _sides(boxes_a, boxes_b)
    w = np.maximum(a[..., 2], b[..., 2]) - np.minimum(a[..., 0], b[..., 0])
    h = np.maximum(a[..., 3], b[..., 3]) - np.minimum(a[..., 1], b[..., 1])
    inter = w * h
    return inter / (_area(a) + _area(b) - inter)


def far_corner_max(boxes_a, boxes_b):
    # `xx2 = np.maximum(x2[i], x2[order[1:]])`: the far corner takes the larger x2 and y2.
    a, b = _sides(boxes_a, boxes_b)
    w = np.maximum(np.maximum(a[..., 2], b[..., 2]) - np.maximum(a[..., 0], b[..., 0]), 0)
    h = np.maximum(np.maximum(a[..., 3], b[..., 3]) - np.maximum(a[..., 1], b[..., 1]), 0)
    inter = w * h
    return inter / (_area(a) + _area(b) - inter)


def union_eps(boxes_a, boxes_b):
    # `inter / (union + 1e-6)`: a guard against 0 / 0 that dominates for tiny boxes.
    a, b = _sides(boxes_a, boxes_b)
    w, h = _overlap(a, b)
    inter = np.maximum(w, 0) * np.maximum(h, 0)
    return inter / (_area(a) + _area(b) - inter + 1e-6)


def xywh_boxes(boxes_a, boxes_b):
    # COCO's [x, y, width, height] rows: the far corner is (x + w, y + h).
    def corners(boxes):
        return np.stack(
            [boxes[:, 0], boxes[:, 1], boxes[:, 0] + boxes[:, 2], boxes[:, 1] + boxes[:, 3]],
            axis=1,
        )

    a, b = _sides(corners(boxes_a), corners(boxes_b))
    w, h = _overlap(a, b)
    inter = np.maximum(w, 0) * np.maximum(h, 0)
    return inter / (_area(a) + _area(b) - inter)
