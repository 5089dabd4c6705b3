# exercise: iou
"""Pairwise IoU of two sets of boxes.  Fill in every `...` marked TODO, then run

    renshu watch iou.py
"""

import numpy as np


def iou(boxes_a, boxes_b):
    """Intersection over union for every pair (a_i, b_j).

    boxes_a: (N, 4); boxes_b: (M, 4); rows are (x1, y1, x2, y2), x2 > x1, y2 > y1
    area = (x2 - x1) * (y2 - y1)   (continuous coordinates: no + 1)
    returns (N, M)
    """
    a = boxes_a[:, None, :]  # (N, 1, 4)
    b = boxes_b[None, :, :]  # (1, M, 4): a[..., k] and b[..., k] broadcast to (N, M)
    inter_w = ...  # TODO: width of the overlap, never below 0
    inter_h = ...  # TODO: height of the overlap, never below 0
    inter = inter_w * inter_h
    area_a = (a[..., 2] - a[..., 0]) * (a[..., 3] - a[..., 1])
    area_b = ...  # TODO: area of each box in b
    union = ...  # TODO: area covered by a_i or b_j
    return inter / union
