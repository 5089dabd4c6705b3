"""Known-wrong masked-LM corruptions, one per misconception in exercise.yaml (trusted, run by the grader)."""

import numpy as np

IGNORE = -100


def _labels(ids, selected):
    return np.where(selected, ids, IGNORE)


def split_applied_to_all_tokens(ids, select_u, action_u, random_ids, mask_id):
    corrupted = np.where(action_u < 0.8, mask_id, ids)
    corrupted = np.where((action_u >= 0.8) & (action_u < 0.9), random_ids, corrupted)
    return corrupted, _labels(ids, select_u < 0.15)


def always_mask(ids, select_u, action_u, random_ids, mask_id):
    selected = select_u < 0.15
    return np.where(selected, mask_id, ids), _labels(ids, selected)


def labels_everywhere(ids, select_u, action_u, random_ids, mask_id):
    selected = select_u < 0.15
    corrupted = np.where(selected & (action_u < 0.8), mask_id, ids)
    corrupted = np.where(selected & (action_u >= 0.8) & (action_u < 0.9), random_ids, corrupted)
    return corrupted, ids.copy()


def random_and_keep_swapped(ids, select_u, action_u, random_ids, mask_id):
    selected = select_u < 0.15
    corrupted = np.where(selected & (action_u < 0.8), mask_id, ids)
    corrupted = np.where(selected & (action_u >= 0.9), random_ids, corrupted)
    return corrupted, _labels(ids, selected)


def labels_after_corruption(ids, select_u, action_u, random_ids, mask_id):
    selected = select_u < 0.15
    ids = ids.copy()
    ids[selected & (action_u < 0.8)] = mask_id
    to_random = selected & (action_u >= 0.8) & (action_u < 0.9)
    ids[to_random] = random_ids[to_random]
    return ids, _labels(ids, selected)


def labels_only_masked(ids, select_u, action_u, random_ids, mask_id):
    selected = select_u < 0.15
    to_mask = selected & (action_u < 0.8)
    corrupted = np.where(to_mask, mask_id, ids)
    corrupted = np.where(selected & (action_u >= 0.8) & (action_u < 0.9), random_ids, corrupted)
    return corrupted, _labels(ids, to_mask)


def one_draw_rescaled(ids, select_u, action_u, random_ids, mask_id):
    # codertimo/BERT-pytorch and pytorch-pretrained-BERT's random_word: one random number,
    # `if prob < 0.15: prob /= 0.15`, then the same prob decides 80/10/10.
    selected = select_u < 0.15
    prob = select_u / 0.15
    corrupted = np.where(selected & (prob < 0.8), mask_id, ids)
    corrupted = np.where(selected & (prob >= 0.8) & (prob < 0.9), random_ids, corrupted)
    return corrupted, _labels(ids, selected)


def ignore_label_minus_one(ids, select_u, action_u, random_ids, mask_id):
    # pytorch-pretrained-BERT's examples: output_label.append(-1), CrossEntropyLoss(ignore_index=-1).
    selected = select_u < 0.15
    corrupted = np.where(selected & (action_u < 0.8), mask_id, ids)
    corrupted = np.where(selected & (action_u >= 0.8) & (action_u < 0.9), random_ids, corrupted)
    return corrupted, np.where(selected, ids, -1)


def always_mask_labels_everywhere(ids, select_u, action_u, random_ids, mask_id):
    # labels = input_ids.clone(), then input_ids[selection] = mask id, as in introductory
    # "masked language modelling with BERT" articles.
    selected = select_u < 0.15
    return np.where(selected, mask_id, ids), ids.copy()
