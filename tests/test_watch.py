"""``renshu watch``: a save in the learner's editor regrades the file and redraws the report;
``h`` shows the next hint; a pass offers the next exercise; ``q`` stops."""

from __future__ import annotations

import os
import selectors
import subprocess
import sys
import time
from pathlib import Path

from renshu.grader.exercises.catalogue import get_exercise
from renshu.grader.exercises.solution_text import solution_source

ROOT = Path(__file__).resolve().parent.parent


def _read_until(
    proc: subprocess.Popen[bytes], needle: str, seen: list[str], timeout: float = 60
) -> None:
    assert proc.stdout is not None
    deadline = time.monotonic() + timeout
    with selectors.DefaultSelector() as sel:
        sel.register(proc.stdout, selectors.EVENT_READ)
        while needle not in "".join(seen):
            left = deadline - time.monotonic()
            assert left > 0, f"{needle!r} never shown; got:\n{''.join(seen)[-2000:]}"
            if sel.select(min(left, 1.0)):
                chunk = os.read(proc.stdout.fileno(), 65536)
                assert chunk, f"watch exited early:\n{''.join(seen)[-2000:]}"
                seen.append(chunk.decode("utf-8", "replace"))


def test_saving_regrades_and_a_pass_offers_the_next_exercise(tmp_path: Path) -> None:
    exercise = get_exercise("softmax")
    wrong = solution_source(exercise).replace("return", "return 2 *", 1)
    path = tmp_path / "softmax.py"
    path.write_text(wrong, encoding="utf-8")
    env = {**os.environ, "RENSHU_LANG": "en", "COLUMNS": "100"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "renshu", "watch", str(path), "--no-record"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env=env,
        cwd=tmp_path,
    )
    seen: list[str] = []
    try:
        _read_until(proc, "watching", seen)
        assert "FAIL" in "".join(seen)
        assert proc.stdin is not None
        proc.stdin.write(b"h\n")
        proc.stdin.flush()
        _read_until(proc, "Hint (", seen)
        # Save as many editors do: write a new file, then rename it over the old one.
        seen.clear()
        fresh = tmp_path / ".softmax.py.tmp"
        fresh.write_text(solution_source(exercise), encoding="utf-8")
        fresh.replace(path)
        _read_until(proc, "Next exercise: renshu start", seen)
        assert "PASS" in "".join(seen)
        proc.stdin.write(b"q\n")
        proc.stdin.flush()
        assert proc.wait(timeout=30) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
