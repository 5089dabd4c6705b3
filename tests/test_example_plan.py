"""Replay plans: a regrade replays the inputs a passing search tried, and changes no verdict.

The claims checked here: Hypothesis tries the same inputs for a seed whatever a passing
submission does (so a plan is exactly the inputs the full search would try); a replayed
pass does not run Hypothesis; a wrong file after a plan gets the very report a search
without plans gives; a plan file that is damaged or does not fit is ignored and removed;
plans are written to disk only under bubblewrap.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from renshu.grader.exercises.catalogue import get_exercise
from renshu.grader.exercises.solution_text import solution_source
from renshu.grader.grading import example_plan, search
from renshu.grader.grading.engine import grade_source
from renshu.grader.sandbox import wire
from renshu.grader.sandbox.isolation import detect_isolation

pytestmark = pytest.mark.slow

EXERCISE = "softmax"


@pytest.fixture(autouse=True)
def fresh_plans(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RENSHU_CACHE", str(tmp_path / "cache"))
    example_plan.forget_all()


def _tried_inputs(source: str, seed: int, monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    """The inputs the full search sends to the child, in order, for ``source``."""
    sent: list[bytes] = []
    real = search.Session.run

    def spy(self: search.Session, dims: dict[str, int], args: dict[str, object]) -> object:
        sent.append(wire.encode([dims, args]))
        return real(self, dims, args)

    monkeypatch.setattr(search.Session, "run", spy)
    example_plan.forget_all()
    result = grade_source(source, get_exercise(EXERCISE), "s.py", seed=seed)
    monkeypatch.setattr(search.Session, "run", real)
    assert result.status == "pass"
    return sent


def test_the_inputs_tried_do_not_depend_on_what_a_passing_submission_does(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    exercise = get_exercise(EXERCISE)
    plain = solution_source(exercise)
    # Also correct, but slower and written differently: Hypothesis must not notice.
    slow = (
        plain
        + "\nimport time as _t\n_orig = softmax\n"
        + ("def softmax(x):\n    _t.sleep(0.002)\n    return _orig(x)\n")
    )
    first = _tried_inputs(plain, 3, monkeypatch)
    assert first == _tried_inputs(slow, 3, monkeypatch)
    assert first != _tried_inputs(plain, 4, monkeypatch)  # the seed does change them


def test_a_replayed_pass_does_not_run_hypothesis(monkeypatch: pytest.MonkeyPatch) -> None:
    exercise = get_exercise(EXERCISE)
    source = solution_source(exercise)
    first = grade_source(source, exercise, "s.py", seed=5)

    def no_search(*_args: object) -> None:
        raise AssertionError("Hypothesis ran although a plan was there")

    monkeypatch.setattr(search, "_hypothesissearch_failure", no_search)
    again = grade_source(source, exercise, "s.py", seed=5)
    assert (
        (again.status, again.examples) == (first.status, first.examples) == ("pass", first.examples)
    )
    with pytest.raises(AssertionError, match="Hypothesis ran"):
        grade_source(source, exercise, "s.py", seed=6)  # no plan for another seed


def test_a_wrong_file_after_a_plan_gets_the_report_of_a_search_without_plans() -> None:
    exercise = get_exercise(EXERCISE)
    right = solution_source(exercise)
    # Wrong only on some inputs (the last axis longer than 2), so replay passes a while.
    wrong = right + (
        "\n_orig = softmax\n"
        "def softmax(x):\n"
        "    out = _orig(x)\n"
        "    return out if x.shape[-1] <= 2 else out[..., ::-1]\n"
    )
    cold = grade_source(wrong, exercise, "s.py", seed=7)
    assert cold.status == "fail"
    example_plan.forget_all()
    grade_source(right, exercise, "s.py", seed=7)  # records the plan
    replayed = grade_source(wrong, exercise, "s.py", seed=7)
    keep = ("status", "reason", "examples", "counterexample", "misconception", "divergence")
    assert {k: getattr(replayed, k) for k in keep} == {k: getattr(cold, k) for k in keep}


@pytest.mark.skipif(not detect_isolation().uses_bwrap, reason="disk plans need bubblewrap")
@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"\x00" * 12 + data,  # not a frame
        lambda data: data[: len(data) // 2],  # cut short
        lambda data: wire.encode([{"B": 10**6}, {}]),  # does not fit the exercise
    ],
    ids=["garbage", "truncated", "foreign"],
)
def test_a_damaged_plan_file_is_ignored_and_removed(damage, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    exercise = get_exercise(EXERCISE)
    source = solution_source(exercise)
    grade_source(source, exercise, "s.py", seed=9)
    (plan,) = example_plan.plan_folder().glob("*.plan")
    plan.write_bytes(damage(plan.read_bytes()))
    example_plan.forget_all()
    ran: list[int] = []
    real = search._hypothesissearch_failure

    def counted(*args):  # type: ignore[no-untyped-def]
        ran.append(1)
        return real(*args)

    monkeypatch.setattr(search, "_hypothesissearch_failure", counted)
    result = grade_source(source, exercise, "s.py", seed=9)
    assert result.status == "pass"
    assert ran == [1]
    assert plan.exists()  # ... and wrote a good plan in place of the damaged one
    example_plan.forget_all()
    assert example_plan.recall(plan.stem, exercise.spec.inputs, disk=True) is not None


def test_no_plan_is_written_to_disk_without_bubblewrap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RENSHU_SANDBOX_ISOLATION", "process-group")
    detect_isolation.cache_clear()
    try:
        exercise = get_exercise(EXERCISE)
        result = grade_source(solution_source(exercise), exercise, "s.py", seed=11)
    finally:
        monkeypatch.delenv("RENSHU_SANDBOX_ISOLATION")
        detect_isolation.cache_clear()
    assert result.status == "pass"
    assert "process group" in result.isolation
    assert not example_plan.plan_folder().exists() or not any(example_plan.plan_folder().iterdir())
