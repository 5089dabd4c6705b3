# exercise: mlm_mask
"""BERT's masked-LM corruption.  Fill in every `...` marked TODO, then run

    renshu watch mlm_mask.py
"""

import numpy as np


def mlm_mask(ids, select_u, action_u, random_ids, mask_id):
    """Corrupt token ids for masked-LM training, with the random numbers passed in.

    ids, random_ids: (B, T) int; select_u, action_u: (B, T) floats in [0, 1]; mask_id: int
    selected = select_u < 0.15; among those: action_u < 0.8 -> mask_id,
    0.8 <= action_u < 0.9 -> random_ids, otherwise unchanged
    returns (corrupted, labels), both (B, T) int: labels = ids where selected, else -100
    """
    selected = ...  # TODO: (B, T) bool, the positions the model must predict
    to_mask = ...  # TODO: selected positions that become [MASK]
    to_random = ...  # TODO: selected positions that become a random token
    corrupted = ids.copy()
    corrupted[to_mask] = mask_id
    corrupted[to_random] = ...  # TODO: the random tokens at those positions
    labels = ...  # TODO: the original id where selected, -100 elsewhere
    return corrupted, labels
