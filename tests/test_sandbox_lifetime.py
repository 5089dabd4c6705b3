"""The sandbox never outlives the grader, even when the grader is killed mid-grading."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

SLOW = (
    "# exercise: lstm_cell\nimport time\n\n"
    "def lstm_cell(x, h_prev, c_prev, params):\n    time.sleep(1.5)\n    return h_prev, c_prev\n"
)


def sandbox_processes(marker: bytes) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/environ", "rb") as f:
                env = f.read()
        except OSError:
            continue
        if b"RENSHU_SANDBOX_TOKEN=" in env and marker in env:
            found.append(int(entry))
    return found


@pytest.mark.parametrize("isolation", ["default", "process-group"])
def test_killing_the_grader_kills_its_sandbox(tmp_path: Path, isolation: str) -> None:
    (tmp_path / "slow.py").write_text(SLOW, encoding="utf-8")
    env = dict(os.environ, TMPDIR=str(tmp_path))
    if isolation == "process-group":
        env["RENSHU_SANDBOX_ISOLATION"] = "process-group"
    grader = subprocess.Popen(
        [sys.executable, "-m", "renshu", "grade", "slow.py", "--no-record"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    marker = str(tmp_path).encode()
    deadline = time.monotonic() + 10
    while not sandbox_processes(marker):
        assert time.monotonic() < deadline, "the sandbox never started"
        time.sleep(0.05)
    grader.send_signal(signal.SIGKILL)
    grader.wait(timeout=10)
    deadline = time.monotonic() + 3
    while sandbox_processes(marker) and time.monotonic() < deadline:
        time.sleep(0.05)
    left = sandbox_processes(marker)
    for pid in left:  # clean up before failing
        os.kill(pid, signal.SIGKILL)
    assert left == []
