"""The minimal failing input has each dimension as small as the mistake allows.

Hypothesis alone stopped at ``H = 2`` for most GRU mistakes although ``H = 1``
shows them; a mistake that needs two hidden units (the reset gate applied after
the recurrent product commutes with a 1×1 matrix) must keep ``H = 2``.
"""

from __future__ import annotations

import pytest

from renshu.grader.exercises.catalogue import get_exercise
from renshu.grader.grading.engine import grade_source

pytestmark = pytest.mark.slow

GRU = get_exercise("gru_cell")


def _hidden_size(misconception: str) -> int:
    module = GRU.misconceptions_path.read_text(encoding="utf-8")
    source = f"# exercise: gru_cell\n{module}\n\ngru_cell = {misconception}\n"
    result = grade_source(source, GRU, "wrong.py")
    assert result.status.value == "fail"
    assert result.counterexample is not None
    sizes = {a.name: a.sizes for a in result.counterexample.arguments}
    return sizes["h_prev"][1]


@pytest.mark.parametrize("misconception", ["state_mix_reversed", "gates_swapped", "pytorch_gru"])
def test_a_mistake_visible_with_one_hidden_unit_is_shown_with_one(misconception: str) -> None:
    # (1 - z) h + z h~ against z h + (1 - z) h~ differ for one unit unless z = 1/2.
    assert _hidden_size(misconception) == 1


def test_a_mistake_that_needs_two_hidden_units_keeps_two() -> None:
    # r ⊙ (U h) = U (r ⊙ h) when U is 1×1: only H >= 2 can show it.
    assert _hidden_size("reset_after_product") == 2
