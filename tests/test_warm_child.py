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
    with WarmChild(EXERCISE.spec.function, "s.py") as warm:
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


def test_a_child_for_another_function_or_file_name_is_not_used() -> None:
    with WarmChild("something_else", "s.py") as warm:
        waiting = warm._ready
        result = grade_source(solution_source(EXERCISE), EXERCISE, "s.py", warm=warm)
        assert result.status == "pass"
        assert warm._ready is waiting  # untouched: the grading started its own child
    with WarmChild(EXERCISE.spec.function, "other.py") as warm:
        assert warm.take(EXERCISE.spec.function, "s.py") is None
    with WarmChild(EXERCISE.spec.function, "s.py", Limits(call_timeout_s=9.0)) as warm:
        assert warm.take(EXERCISE.spec.function, "s.py", Limits()) is None


def test_a_warm_child_keeps_the_limits_a_hung_file_is_stopped() -> None:
    hung = solution_source(EXERCISE).replace(
        "import numpy as np", "import numpy as np\nwhile True: pass", 1
    )
    with WarmChild(EXERCISE.spec.function, "s.py") as warm:
        result = grade_source(hung, EXERCISE, "s.py", warm=warm)
        assert result.status == "error", result.message
        assert result.reason == "timeout", result.message
        again = grade_source(solution_source(EXERCISE), EXERCISE, "s.py", warm=warm)
        assert again.status == "pass"
