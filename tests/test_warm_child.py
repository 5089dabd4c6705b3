"""A child started ahead serves exactly one grading, then is gone; the next is fresh."""

from __future__ import annotations

import os

import pytest

from renshu.grader.exercises.catalogue import get_exercise
from renshu.grader.exercises.solution_text import solution_source
from renshu.grader.grading.engine import grade_source
from renshu.grader.grading.warm_child import WarmChild
from renshu.grader.sandbox import Limits

pytestmark = pytest.mark.slow

EXERCISE = get_exercise("softmax")
# Correct until the child has answered more calls than one grading makes: a child reused
# for a second grading would fail it.
STATEFUL = solution_source(EXERCISE) + (
    "\n_calls = []\n_orig = softmax\n"
    "def softmax(x):\n"
    "    _calls.append(1)\n"
    "    out = _orig(x)\n"
    "    return out if len(_calls) <= 400 else out * 2\n"
)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_each_grading_gets_a_fresh_child_and_the_next_one_is_started() -> None:
    with WarmChild() as warm:
        pids = []
        for _ in range(3):
            waiting = warm._ready
            assert waiting is not None
            assert waiting._proc is not None
            pids.append(waiting._proc.pid)
            result = grade_source(STATEFUL, EXERCISE, "s.py", warm=warm, seed=1)
            assert result.status == "pass", result.message
            assert 100 < result.examples <= 400  # one grading stays under the counter
            assert not _alive(pids[-1])  # used once, then killed
        assert len(set(pids)) == 3
        last = warm._ready
        assert last is not None
        assert last._proc is not None
    assert not _alive(last._proc.pid)  # closing the WarmChild kills the waiting child


def test_a_child_started_before_the_exercise_is_known_serves_any_exercise_and_file() -> None:
    other = get_exercise("layer_norm")
    with WarmChild() as warm:
        for exercise, name in ((EXERCISE, "s.py"), (other, "mine.py")):
            waiting = warm._ready
            assert waiting is not None
            result = grade_source(solution_source(exercise), exercise, name, warm=warm)
            assert result.status == "pass", result.message
            assert waiting.function == exercise.spec.function  # it learnt it on import
            assert waiting.display_name == name
            assert warm._ready is not waiting  # used, and the next one started


def test_a_child_with_other_limits_is_not_used() -> None:
    with WarmChild(Limits(call_timeout_s=9.0)) as warm:
        waiting = warm._ready
        assert warm.take(Limits()) is None
        assert warm._ready is waiting  # untouched
        result = grade_source(solution_source(EXERCISE), EXERCISE, "s.py", warm=warm)
        assert result.status == "pass"
        assert warm._ready is waiting  # the grading (default limits) started its own child


def test_a_traceback_names_the_learners_file_not_the_sandbox_path() -> None:
    broken = "# exercise: softmax\ndef softmax(x):\n    raise ValueError('mine')\n"
    with WarmChild() as warm:
        result = grade_source(broken, EXERCISE, "/home/me/my_softmax.py", warm=warm)
    assert result.reason == "exception", result.message
    assert "my_softmax.py" in result.message
    assert "submission.py" not in result.message


def test_a_warm_child_keeps_the_limits_a_hung_file_is_stopped() -> None:
    hung = solution_source(EXERCISE).replace(
        "import numpy as np", "import numpy as np\nwhile True: pass", 1
    )
    with WarmChild() as warm:
        result = grade_source(hung, EXERCISE, "s.py", warm=warm)
        assert result.status == "error", result.message
        assert result.reason == "timeout", result.message
        again = grade_source(solution_source(EXERCISE), EXERCISE, "s.py", warm=warm)
        assert again.status == "pass"
