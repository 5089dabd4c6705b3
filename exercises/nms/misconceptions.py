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


def union_eps(boxes, scores, classes, iou_threshold):
    # `inter / (areas[i] + areas[order[1:]] - inter + 1e-6)`: tiny boxes never reach the threshold.
    order = _descending(scores)
    suppressed = np.zeros(len(scores), dtype=bool)
    keep = []
    for i in order:
        if suppressed[i]:
            continue
        keep.append(int(i))
        box = boxes[i]
        w = np.maximum(np.minimum(box[2], boxes[:, 2]) - np.maximum(box[0], boxes[:, 0]), 0)
        h = np.maximum(np.minimum(box[3], boxes[:, 3]) - np.maximum(box[1], boxes[:, 1]), 0)
        inter = w * h
        area = (box[2] - box[0]) * (box[3] - box[1])
        areas = (boxes[:, 2] - boxes[:, 0]) * (boxes[:, 3] - boxes[:, 1])
        overlaps = inter / (area + areas - inter + 1e-6)
        suppressed |= (overlaps > iou_threshold) & (classes == classes[i])
    return keep


def py_cpu_nms_copied(boxes, scores, classes, iou_threshold):
    # Fast R-CNN's py_cpu_nms as published: `+ 1` pixel areas, no class test and
    # `scores.argsort()[::-1]` (equal scores visited highest index first).
    x1, y1, x2, y2 = boxes[:, 0], boxes[:, 1], boxes[:, 2], boxes[:, 3]
    areas = (x2 - x1 + 1) * (y2 - y1 + 1)
    order = scores.argsort()[::-1]
    keep = []
    while order.size > 0:
        i = order[0]
        keep.append(int(i))
        xx1 = np.maximum(x1[i], x1[order[1:]])
        yy1 = np.maximum(y1[i], y1[order[1:]])
        xx2 = np.minimum(x2[i], x2[order[1:]])
        yy2 = np.minimum(y2[i], y2[order[1:]])
        w = np.maximum(0.0, xx2 - xx1 + 1)
        h = np.maximum(0.0, yy2 - yy1 + 1)
        inter = w * h
        ovr = inter / (areas[i] + areas[order[1:]] - inter)
        inds = np.where(ovr <= iou_threshold)[0]
        order = order[inds + 1]
    return keep
