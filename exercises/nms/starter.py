# exercise: nms
"""Class-aware greedy non-maximum suppression.  Fill in every `...` marked TODO, then run

    renshu watch nms.py
"""

import numpy as np


def iou(boxes_a, boxes_b):
    """(N, M) IoU of boxes (x1, y1, x2, y2), area (x2 - x1) * (y2 - y1): the iou exercise.

    Paste the body of your passing iou solution here (renshu grade iou.py must pass first).
    """
    return ...  # TODO: your iou from the iou exercise


def nms(boxes, scores, classes, iou_threshold):
    """Keep the best box, suppress same-class boxes with IoU > iou_threshold, repeat.

    boxes: (N, 4); scores: (N,); classes: (N,) ints; iou_threshold: float
    visit boxes by score, highest first (ties: lower index first)
    returns the kept indices, in the order they were kept
    """
    order = ...  # TODO: indices sorted by score, highest first, ties by lower index
    suppressed = np.zeros(len(scores), dtype=bool)
    keep = []
    for i in order:
        if ...:  # TODO: skip boxes that are already suppressed
            continue
        keep.append(int(i))
        overlaps = iou(boxes[i : i + 1], boxes)[0]  # (N,)
        suppressed |= ...  # TODO: which boxes does box i suppress?
    return keep
