"""The divergence report points at the intermediate that was broken, for every exercise.

Each variant is the reference written out as a learner's file with one declared
intermediate computed wrong (an AST edit of its assignment, ``v = (expr) * 1.25 + 0.125``,
so no local ever holds its right value), graded through the real sandbox. Everything
computed before it still matches, so the report must name exactly that intermediate.
"""

from __future__ import annotations

import ast

import pytest

from renshu.grader.exercises.catalogue import LoadedExercise, builtin_catalog
from renshu.grader.exercises.solution_text import solution_source
from renshu.grader.grading.engine import grade_source

CATALOG = builtin_catalog()


class _Perturb(ast.NodeTransformer):
    """``name = expr`` (its first assignment) becomes ``name = (expr) * 1.25 + 0.125``."""

    def __init__(self, name: str) -> None:
        self.name, self.done = name, False

    def visit_Assign(self, node: ast.Assign) -> ast.Assign:
        hit = any(isinstance(t, ast.Name) and t.id == self.name for t in node.targets)
        if hit and not self.done:
            self.done = True
            scaled = ast.BinOp(node.value, ast.Mult(), ast.Constant(1.25))
            node.value = ast.BinOp(scaled, ast.Add(), ast.Constant(0.125))
        return node


def perturbed_source(exercise: LoadedExercise, name: str) -> str:
    """The reference as a learner file with ``name`` computed wrong where it is assigned."""
    tree = ast.parse(solution_source(exercise))
    edit = _Perturb(name)
    tree = edit.visit(tree)
    assert edit.done, f"{exercise.id}: no assignment to {name!r} in the reference"
    return ast.unparse(tree)


def _middle(exercise: LoadedExercise) -> str:
    names = [i.name for i in exercise.spec.intermediates]
    return names[len(names) // 2]


WITH_INTERMEDIATES = [e for e in CATALOG.values() if e.spec.intermediates]


@pytest.mark.parametrize("exercise", WITH_INTERMEDIATES, ids=lambda e: e.id)
def test_a_broken_intermediate_is_pointed_at(exercise: LoadedExercise) -> None:
    name = _middle(exercise)
    source = perturbed_source(exercise, name)
    result = grade_source(f"# exercise: {exercise.id}\n{source}", exercise, "broken.py")
    assert result.status.value == "fail", result.message
    assert result.divergence is not None, "no divergence reported"
    assert result.divergence.intermediate == name, result.divergence
    before = [i.name for i in exercise.spec.intermediates][: len(exercise.spec.intermediates) // 2]
    matched = {m.split("[")[0] for m in result.divergence.matched}
    assert set(before) <= matched | {name}, (before, result.divergence.matched)


def test_the_reference_itself_has_no_divergence_and_passes() -> None:
    exercise = CATALOG["lstm_cell"]
    result = grade_source(solution_source(exercise), exercise, "ref.py")
    assert result.status.value == "pass"
    assert result.divergence is None


WRONG_CELL = """# exercise: lstm_cell
import sys
import numpy as np


def sig(a):
    return 1 / (1 + np.exp(-a))


def lstm_cell(x, h_prev, c_prev, params):
    zz = np.concatenate([h_prev, x], axis=1)
    ig = sig(zz @ params["W_i"].T + params["b_i"])
    fg = sig(zz @ params["W_f"].T + params["b_f"])
    og = sig(zz @ params["W_o"].T + params["b_o"])
    gg = np.tanh(zz @ params["W_c"].T + params["b_c"])
    cell = fg * c_prev + ig * gg + 0.5 * ig
    return og * np.tanh(cell), cell
"""

FORGERY = """
_boot = sys.modules.get("__main__")


def _forged(fn, args):
    return fn(*args), [["f", "\\x1b[2Jx", 1.0] for _ in range(300)]


if _boot is not None and hasattr(_boot, "_traced_call"):
    _boot._traced_call = _forged
"""


def test_a_forged_trace_is_refused_and_cannot_change_the_verdict() -> None:
    """The submission replaces the bootstrap's tracer to send 300 records with an escape
    code. Honest, the same file gets a divergence at `c`; forged, the protocol refuses the
    record, so there is no divergence, and the verdict is the one the values give."""
    exercise = CATALOG["lstm_cell"]
    honest = grade_source(WRONG_CELL, exercise, "honest.py")
    assert honest.divergence is not None
    assert honest.divergence.intermediate == "c"
    forged = grade_source(WRONG_CELL + FORGERY, exercise, "forged.py")
    assert forged.status.value == "fail"
    assert forged.reason.value == "mismatch"
    assert forged.divergence is None
    assert "\x1b" not in forged.as_json()


HELPER_STYLE = """
import numpy as np


def _sig(a):
    return 1.0 / (1.0 + np.exp(-a))


def _gates(x, h_prev, params):
    z = np.concatenate([h_prev, x], axis=1)
    i = _sig(z @ params["W_i"].T + params["b_i"])
    f = _sig(z @ params["W_f"].T + params["b_f"])
    o = _sig(z @ params["W_o"].T + params["b_o"])
    g_pre = z @ params["W_c"].T + params["b_c"]  # tanh applied where it is used
    return i, f, o, g_pre


def lstm_cell(x, h_prev, c_prev, params):
    i, f, o, g_pre = _gates(x, h_prev, params)
    c = {cell}
    return o * np.tanh(c), c
"""


def test_a_pre_activation_and_rebound_gates_do_not_hide_where_it_went_wrong() -> None:
    """A helper returning the candidate before its tanh, and gates rebound by unpacking,
    are the learner's right values: the report names the cell update, the learner's own
    ``c`` (the forget gate is missing), not the candidate or a rebound gate."""
    exercise = CATALOG["lstm_cell"]
    source = "# exercise: lstm_cell\n" + HELPER_STYLE.format(cell="c_prev + i * np.tanh(g_pre)")
    result = grade_source(source, exercise, "helper_style.py")
    assert result.status.value == "fail", result.message
    assert result.divergence is not None
    assert result.divergence.intermediate == "c", result.divergence
    assert result.divergence.learner_name == "c"
    assert result.divergence.matched == ["z", "i", "f", "o", "g"]
