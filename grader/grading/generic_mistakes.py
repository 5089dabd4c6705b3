"""Mistakes any exercise can make, recognised from values alone (no per-exercise code).

Each detector proposes an explanation of the learner's outputs in terms of the
reference's: the items of a tuple swapped, a constant factor, the right values
transposed, reversed or shifted along an axis, the reference run on arguments
in another order, and so on. As for an exercise's own misconceptions, a
detector names its mistake only when the explanation agrees with *every*
recorded observation, passing ones included, and when it explains at least
one failure the reference does not.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from renshu.grader.exercises.model import Exercise
from renshu.grader.grading.generic_context import Case, Context, GenericFinding
from renshu.grader.grading.generic_structure import (
    argument_order,
    entries_swapped,
    extra_items,
    mask_not_indices,
    one_item_only,
    tuple_swapped,
)
from renshu.grader.grading.generic_values import (
    along_axis,
    constant_factor,
    first_slice_only,
    layout,
    over_other_axes,
)
from renshu.grader.grading.observation import Observation

__all__ = ["DETECTORS", "GenericFinding", "find_generic_mistake"]

DETECTORS: tuple[Callable[[Context], GenericFinding | None], ...] = (
    extra_items,
    one_item_only,
    tuple_swapped,
    layout,
    argument_order,
    entries_swapped,
    mask_not_indices,
    along_axis,
    constant_factor,
    over_other_axes,
    first_slice_only,
)


def find_generic_mistake(
    spec: Exercise, reference: Callable[..., Any], observations: list[Observation]
) -> GenericFinding | None:
    """The first generic mistake that explains every observation, or None."""
    cases = []
    for obs in observations:
        try:
            expected = reference(*copy.deepcopy([obs.args[n] for n in spec.signature]))
        except Exception:
            return None
        cases.append(Case(obs, expected))
    ctx = Context(spec, reference, cases)
    if not ctx.failing:
        return None
    for detect in DETECTORS:
        try:
            found = detect(ctx)
        except Exception:
            found = None
        if found is not None:
            return found
    return None
