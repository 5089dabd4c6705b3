"""BERT's masked-language-model corruption (Devlin et al., 2019, section 3.1 and appendix C.2)."""

import numpy as np


def mlm_mask(
    ids: np.ndarray,
    select_u: np.ndarray,
    action_u: np.ndarray,
    random_ids: np.ndarray,
    mask_id: int,
) -> tuple[np.ndarray, np.ndarray]:
    """The 15% / 80-10-10 masking rule with its random numbers passed in.

    ids, random_ids (B, T) int; select_u, action_u (B, T) floats in [0, 1]; mask_id int.
    A position is selected when ``select_u < 0.15``; a selected position becomes
    ``mask_id`` when ``action_u < 0.8``, ``random_ids`` when ``0.8 <= action_u < 0.9``
    and stays unchanged otherwise. Returns ``(corrupted, labels)``, both (B, T) int64:
    labels hold the original id at selected positions and -100 elsewhere.
    """
    selected = select_u < 0.15
    # The 80/10/10 conditions stay unnamed: as locals they would be more (B, T) values for
    # the divergence report to take for a learner's ``corrupted``. logical_and, not ``&``,
    # also accepts a ``selected`` computed as numbers.
    corrupted = np.where(
        np.logical_and(selected, action_u < 0.8),
        mask_id,
        np.where(np.logical_and(selected, (action_u >= 0.8) & (action_u < 0.9)), random_ids, ids),
    ).astype(np.int64)
    labels = np.where(selected, ids, -100).astype(np.int64)
    return corrupted, labels
