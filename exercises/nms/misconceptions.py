"""Known-wrong non-maximum suppressions, one per misconception in exercise.yaml (trusted, run by the grader)."""

import numpy as np


def _iou_one(box, boxes):
    """IoU of one box (4,) with every row of boxes (N, 4)."""
    w = np.maximum(np.minimum(box[2], boxes[:, 2]) - np.maximum(box[0], boxes[:, 0]), 0)
    h = np.maximum(np.minimum(box[3], boxes[:, 3]) - np.maximum(box[1], boxes[:, 1]), 0)
    inter = w * h
    area = (box[2] - box[0]) * (box[3] - box[1])
    areas = (boxes[:, 2] - boxes[:, 0]) * (boxes[:, 3] - boxes[:, 1])
    return inter / (area + areas - inter)


def _greedy(boxes, scores, classes, thr, order, same_class=True, at_equal=False):
    suppressed = np.zeros(len(scores), dtype=bool)
    keep = []
    for i in order:
        if suppressed[i]:
            continue
        keep.append(int(i))
        overlaps = _iou_one(boxes[i], boxes)
        hit = overlaps >= thr if at_equal else overlaps > thr
        if same_class:
            hit &= classes == classes[i]
        suppressed |= hit
    return keep


def _descending(scores):
    return np.argsort(-scores, kind="stable")


def class_agnostic(boxes, scores, classes, iou_threshold):
    return _greedy(boxes, scores, classes, iou_threshold, _descending(scores), same_class=False)


def suppress_at_equal_iou(boxes, scores, classes, iou_threshold):
    return _greedy(boxes, scores, classes, iou_threshold, _descending(scores), at_equal=True)


def suppressed_boxes_still_suppress(boxes, scores, classes, iou_threshold):
    # Every box, kept or not, suppresses the lower-scored boxes it overlaps.
    order = _descending(scores)
    suppressed = np.zeros(len(scores), dtype=bool)
    for rank, i in enumerate(order):
        for j in order[rank + 1 :]:
            overlap = _iou_one(boxes[i], boxes[j : j + 1])[0]
            if classes[j] == classes[i] and overlap > iou_threshold:
                suppressed[j] = True
    return [int(i) for i in order if not suppressed[i]]


def ascending_sort(boxes, scores, classes, iou_threshold):
    return _greedy(boxes, scores, classes, iou_threshold, np.argsort(scores, kind="stable"))


def ties_higher_index_first(boxes, scores, classes, iou_threshold):
    # `scores.argsort()[::-1]`: descending, but equal scores come out highest index first.
    order = np.argsort(scores, kind="stable")[::-1]
    return _greedy(boxes, scores, classes, iou_threshold, order)


def kept_in_index_order(boxes, scores, classes, iou_threshold):
    return sorted(_greedy(boxes, scores, classes, iou_threshold, _descending(scores)))
