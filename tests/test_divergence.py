"""Finding where a learner's values left the reference's, from traced values (no sandbox),
and the protocol's check of a traced call's record."""

from __future__ import annotations

import numpy as np
import pytest

from renshu.grader.exercises.catalogue import get_exercise
from renshu.grader.grading.divergence import Traced, find_divergence, trace_reference
from renshu.grader.sandbox.protocol import (
    MAX_TRACE_RECORDS,
    ProtocolViolation,
    TracedValue,
    check_reply,
)

LSTM = get_exercise("lstm_cell")
REF = LSTM.reference_function()


def _sigmoid(a: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-a))


def _inputs(seed: int, B: int = 2, I: int = 3, H: int = 2) -> list:  # noqa: E741
    rng = np.random.default_rng(seed)
    params = {f"W_{g}": rng.normal(size=(H, H + I)) for g in "ifoc"}
    params |= {f"b_{g}": rng.normal(size=H) for g in "ifoc"}
    return [rng.normal(size=(B, I)), rng.normal(size=(B, H)), rng.normal(size=(B, H)), params]


def _learner(
    args: list, *, cell_bug: bool = False, order: str = "ifoc", inline: str = ""
) -> list[TracedValue]:
    """What the child would record for an LSTM written independently of the reference:
    other variable names, gates computed in ``order``, optionally a wrong cell."""
    x, h_prev, c_prev, p = args
    out = [TracedValue("lstm_cell", "x", x), TracedValue("lstm_cell", "h_prev", h_prev)]
    zz = np.concatenate([h_prev, x], axis=1)
    out.append(TracedValue("lstm_cell", "zz", zz))
    gates = {}
    for g in order:
        pre = zz @ p[f"W_{g}"].T + p[f"b_{g}"]
        gates[g] = np.tanh(pre) if g == "c" else _sigmoid(pre)
        if g not in inline:  # an inline expression leaves no variable behind
            out.append(TracedValue("lstm_cell", f"gate_{g}", gates[g]))
    cell = gates["f"] * c_prev + gates["i"] * gates["c"] + (0.5 if cell_bug else 0.0)
    out.append(TracedValue("lstm_cell", "cell", cell))
    out.append(TracedValue("lstm_cell", "hid", gates["o"] * np.tanh(cell)))
    return out


def test_the_reference_records_its_declared_intermediates_in_data_flow_order() -> None:
    names = [i.name for i in LSTM.spec.intermediates]
    recorded = [n for n, _ in trace_reference(REF, _inputs(0), set(names))]
    assert recorded == ["z", "i", "f", "o", "g", "c", "h"] == names
    values = dict(trace_reference(REF, _inputs(0), {"c"}))
    x, h_prev, c_prev, p = _inputs(0)
    z = np.concatenate([h_prev, x], axis=1)
    i, f = _sigmoid(z @ p["W_i"].T + p["b_i"]), _sigmoid(z @ p["W_f"].T + p["b_f"])
    g = np.tanh(z @ p["W_c"].T + p["b_c"])
    np.testing.assert_allclose(values["c"], f * c_prev + i * g)


def test_a_wrong_cell_is_found_whatever_the_variables_are_called() -> None:
    args = _inputs(1)
    found = find_divergence(LSTM.spec, REF, Traced(args, _learner(args, cell_bug=True)))
    assert found is not None
    assert found.intermediate == "c"
    assert found.learner_name == "cell"
    assert found.matched == ["z", "i", "f", "o", "g"]
    assert found.formula == "f * c_prev + i * g"
    assert found.got == pytest.approx(found.expected + 0.5)


def test_gates_computed_in_another_order_still_match() -> None:
    args = _inputs(2)
    found = find_divergence(
        LSTM.spec, REF, Traced(args, _learner(args, cell_bug=True, order="ocfi"))
    )
    assert found is not None
    assert found.intermediate == "c"
    assert set(found.matched) == {"z", "i", "f", "o", "g"}


def test_an_intermediate_written_inline_is_not_blamed_for_a_later_mistake() -> None:
    args = _inputs(7)
    learner = _learner(args, cell_bug=True, inline="c")  # the candidate g is never stored
    found = find_divergence(LSTM.spec, REF, Traced(args, learner))
    assert found is not None
    assert found.intermediate == "c"
    assert found.learner_name == "cell"
    assert "g" not in found.matched


def test_a_right_learner_shows_no_divergence() -> None:
    args = _inputs(3)
    assert find_divergence(LSTM.spec, REF, Traced(args, _learner(args))) is None


def test_nothing_matched_is_said_so() -> None:
    args = _inputs(4)
    junk = [TracedValue("lstm_cell", "tmp", np.full((2, 2), 7.0))]
    found = find_divergence(LSTM.spec, REF, Traced(args, junk))
    assert found is not None
    assert found.intermediate is None


def test_values_come_from_the_minimal_input_when_it_shows_the_divergence() -> None:
    rich, minimal = _inputs(5), _inputs(6, B=1, I=1, H=1)
    found = find_divergence(
        LSTM.spec,
        REF,
        Traced(minimal, _learner(minimal, cell_bug=True)),
        Traced(rich, _learner(rich, cell_bug=True)),
    )
    assert found is not None
    assert found.on_minimal_input
    assert found.index == [0, 0]
    c = dict(trace_reference(REF, minimal, {"c"}))["c"]
    assert found.expected == pytest.approx(float(c[0, 0]))


def _reply(trace: object) -> dict:
    return {"ok": True, "value": 1.0, "trace": trace}


@pytest.mark.parametrize(
    "trace",
    [
        "not a list",
        [["f", "x"]],
        [["f", 3, 1.0]],
        [["f", "x", "text"]],
        [["f", "x", np.zeros(5000)]],
        [["f", "x", np.array([], dtype=np.float64)]],
        [["f", "x", np.array(["a"])]],
        [["f", "x", {"nested": 1.0}]],
        [["f", "x", 1.0]] * (MAX_TRACE_RECORDS + 1),
    ],
    ids=[
        "not-list",
        "two-items",
        "name-not-text",
        "text-value",
        "too-large",
        "empty",
        "string-array",
        "dict",
        "too-many",
    ],
)
def test_a_malformed_trace_is_a_protocol_violation(trace: object) -> None:
    with pytest.raises(ProtocolViolation):
        check_reply(_reply(trace))


def test_a_trace_record_keeps_only_plain_capped_names() -> None:
    reply = check_reply(_reply([["f\x1b[31m", "x" * 500, np.ones(3)], ["g", "n", 2]]))
    assert reply.trace is not None
    first, second = reply.trace
    assert "\x1b" not in first.function
    assert len(first.name) < 200
    assert second.value == 2.0
