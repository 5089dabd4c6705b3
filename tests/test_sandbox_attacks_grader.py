"""Sandbox attacks, part 3: on the grader itself (its folders, memory, channel and lifetime).

See ``test_sandbox_attacks.py`` for how an attack submission reports and what every
test checks besides its own external observation.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sandbox_harness import (
    GRADER_TIMEOUT_S,
    Graded,
    at_both_levels,
    grade_attack,
    kill_survivors,
    markers,
    result_of,
    sandbox_marker,
    sandbox_survivors,
    sandbox_tmpdir,
    start_grader,
    verdict_problems,
    wait_for_no_survivors,
    write_attack,
)

# Every attack runs at the machine's level and at the namespace fallback.
pytestmark = pytest.mark.usefixtures(at_both_levels.__name__)


def _leftovers(tmp_path: Path) -> list[str]:
    folder = sandbox_tmpdir(tmp_path)
    return sorted(os.listdir(folder)) if folder.is_dir() else []


def _remove_leftovers(tmp_path: Path) -> None:
    """``rm -rf`` what a failed case left (``shutil.rmtree`` recurses once per level)."""
    for name in _leftovers(tmp_path):
        subprocess.run(["rm", "-rf", str(sandbox_tmpdir(tmp_path) / name)], check=False)


DEEP_ATTACK = """
depth = 0
try:
    for _ in range(3000):
        os.mkdir("d")
        os.chdir("d")
        depth += 1
    with open("f", "w") as f:
        f.write("the deepest file")
except OSError as e:
    _refused("deep-chain", e)
finally:
    _say("DEEP-CHAIN", depth)
    for _ in range(depth):
        os.chdir("..")
"""


@pytest.mark.parametrize("fallback", [False, True], ids=["default", "process-group"])
def test_a_3000_deep_folder_chain_is_cleaned_up(fallback: bool, tmp_path: Path) -> None:
    solution = write_attack(tmp_path, "deep_chain", DEEP_ATTACK)
    try:
        graded = grade_attack(solution, tmp_path, fallback=fallback)
        problems = verdict_problems(graded, max_seconds=30.0)
        left = _leftovers(tmp_path)
        if left:
            problems.append(f"the grader left {left} in its TMPDIR")
        assert not problems, "\n".join(problems)
    finally:
        _remove_leftovers(tmp_path)


RETURN_63_MIB = """

def lstm_cell(x, h_prev, c_prev, params):
    import numpy as np

    return np.zeros(63 * 2**20 // 8)
"""
RETURN_32_MIB = """

def lstm_cell(x, h_prev, c_prev, params):
    import numpy as np

    return np.zeros(4 * 2**20)
"""


def test_a_63_mib_reply_does_not_bloat_the_grader(tmp_path: Path) -> None:
    solution = write_attack(tmp_path, "reply_63mib", "", RETURN_63_MIB)
    started = time.monotonic()
    proc = start_grader(solution, tmp_path, max_examples=5, extra_args=["--no-record"])
    out: list[bytes] = []
    err: list[bytes] = []
    assert proc.stdout is not None
    assert proc.stderr is not None
    readers = [
        threading.Thread(target=lambda s=stream, b=sink: b.append(s.read()), daemon=True)
        for stream, sink in ((proc.stdout, out), (proc.stderr, err))
    ]
    for reader in readers:
        reader.start()
    watchdog = threading.Timer(GRADER_TIMEOUT_S, os.killpg, (proc.pid, signal.SIGKILL))
    watchdog.start()
    try:
        _, status, usage = os.wait4(proc.pid, 0)  # ru_maxrss: the grader and what it reaped
    finally:
        watchdog.cancel()
    proc.returncode = os.waitstatus_to_exitcode(status)
    for reader in readers:
        reader.join(timeout=10)
    proc.stdout.close()
    proc.stderr.close()
    survivors = wait_for_no_survivors(sandbox_marker(tmp_path))
    kill_survivors(survivors)
    graded = Graded(
        b"".join(out).decode(errors="replace"),
        b"".join(err).decode(errors="replace"),
        proc.returncode,
        time.monotonic() - started,
        survivors,
        b"".join(out),
    )
    problems = verdict_problems(graded, max_seconds=30.0)
    peak_mib = usage.ru_maxrss / 1024  # KiB on Linux
    if peak_mib >= 600:
        problems.append(f"the grader's peak memory was {peak_mib:.0f} MiB (limit 600 MiB)")
    assert not problems, "\n".join(problems)


def test_a_32_mib_wrong_shape_reply_keeps_the_json_small(tmp_path: Path) -> None:
    graded = grade_attack(write_attack(tmp_path, "reply_32mib", "", RETURN_32_MIB), tmp_path)
    problems = verdict_problems(graded, max_seconds=30.0)
    if len(graded.raw_stdout) >= 1_000_000:
        problems.insert(0, f"the --json output is {len(graded.raw_stdout):,} bytes (limit 1 MB)")
    assert not problems, "\n".join(problems)


FORGE_ATTACK = """
import fcntl
import json as _json
import stat as _stat
import struct as _struct

import __main__ as _boot


def _atom(v):
    return {"t": "atom", "v": v}


def _int(v):
    return {"t": "int", "v": str(v)}


def _dict(**items):
    return {"t": "dict", "items": [[k, v] for k, v in items.items()]}


def _error(**fields):
    return _dict(ok=_atom(False), error=_dict(type=_atom("ValueError"), **fields))


def _head():
    if CASE == "where-int":
        tree = _error(message=_atom("forged"), where=_int(5))
    elif CASE == "where-swapped":
        tree = _error(message=_atom("forged"), where={"t": "list", "items": [_atom("x"), _int(5)]})
    elif CASE == "deep-tree":
        n = 100_000
        deep = '{"t":"list","items":[' * n + '{"t":"atom","v":null}' + "]}" * n
        return ('{"t":"dict","items":[["ok",{"t":"atom","v":true}],["value",' + deep + "]]}").encode()
    elif CASE == "huge-message":
        tree = _error(message=_atom("A" * 8_000_000), where=_atom(None))
    elif CASE == "ok-not-bool":
        tree = _dict(ok=_atom("yes"))
    else:  # huge-array: 2**37 float64 = 2**40 bytes claimed, none sent
        tree = _dict(ok=_atom(True), value={"t": "nd", "dtype": "<f8", "shape": [2**37]})
    return _json.dumps(tree).encode()


def _frame(cache=[]):
    if not cache:
        head = _head()
        payload = _struct.pack(">I", len(head)) + head
        cache.append(_struct.pack(">Q", len(payload)) + payload)
    return cache[0]


def _write_all(fd, data):
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _writable_pipes():
    for fd in range(3, 21):
        try:
            is_pipe = _stat.S_ISFIFO(os.fstat(fd).st_mode)
            mode = fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_ACCMODE
        except OSError:
            continue
        if is_pipe and mode == os.O_WRONLY:
            yield fd


_config = getattr(_boot, "CONFIG", None)
_fd = _config.get("response_fd") if isinstance(_config, dict) else None
if not isinstance(_fd, int):
    _fd = next(_writable_pipes(), None)
_original = getattr(_boot, "_send", None)
_forged = {"done": False}
if _fd is None:
    _mode = None
    _say("ATTACK-SETUP-FAILED", "no response channel found")
elif callable(_original):
    _mode = "send"

    def _forging_send(message, *args, **kwargs):
        # The reply to the first call and to every later one: if the grader accepts the
        # forgery, it is what the verdict is made of (Hypothesis shrinks past a single one).
        if isinstance(message, dict) and ("value" in message or "error" in message):
            if not _forged["done"]:
                _forged["done"] = True
                _say("ATTACK-FORGED", CASE)
            return _write_all(_fd, _frame())
        return _original(message, *args, **kwargs)

    _boot._send = _forging_send
    _say("ATTACK-ARMED", "send", _fd)
else:
    _mode = "fd"
    _say("ATTACK-ARMED", "fd", _fd)
"""
FORGING_ANSWER = """

def lstm_cell(x, h_prev, c_prev, params):
    if _mode == "fd" and not _forged["done"]:  # no _send to replace: write the frame itself
        _forged["done"] = True
        _say("ATTACK-FORGED", CASE)
        _write_all(_fd, _frame())
        os._exit(0)  # so no genuine reply follows the forged one
    return h_prev, c_prev
"""
FORGERIES = ["where-int", "where-swapped", "deep-tree", "huge-message", "ok-not-bool", "huge-array"]


def _forged_submission(tmp_path: Path, case: str) -> Path:
    attack = f"CASE = {case!r}\n" + FORGE_ATTACK
    return write_attack(tmp_path, "forged_reply", attack, FORGING_ANSWER)


def _setup_failed(graded: Graded) -> bool:
    """The bootstrap's structure was not found: the forgery could not even be tried."""
    if "ATTACK-SETUP-FAILED" not in result_of(graded).get("stdout", ""):
        return False
    assert result_of(graded).get("status") != "pass", (
        "the forging attack found no response channel, and the grader PASSED the file"
    )
    return True


@pytest.mark.parametrize("case", FORGERIES)
def test_a_forged_reply_is_a_protocol_error(case: str, tmp_path: Path) -> None:
    graded = grade_attack(_forged_submission(tmp_path, case), tmp_path)
    if _setup_failed(graded):
        problems = verdict_problems(graded)
    elif case == "huge-message":
        problems = verdict_problems(graded, statuses=["error"])
        message = result_of(graded).get("message", "")
        if len(message) >= 5000:
            problems.append(
                f"the forged error's message reached the result: {len(message):,} chars"
            )
    else:
        problems = verdict_problems(graded, statuses=["error"], reasons=["protocol"])
    if problems:
        data = result_of(graded)
        problems.append(
            f"result: {data.get('status')}/{data.get('reason')}: {data.get('message')!r}"
        )
        problems.append(f"markers: {markers(graded, 'FORGED') + markers(graded, 'ARMED')}")
    assert not problems, "\n".join(problems)


def test_a_forged_8_mb_error_message_keeps_the_report_short(tmp_path: Path) -> None:
    solution = _forged_submission(tmp_path, "huge-message")
    graded = grade_attack(solution, tmp_path, json_output=False)
    problems = []
    if graded.seconds >= 10:
        problems.append(f"the human report took {graded.seconds:.1f} s (limit 10 s)")
    if len(graded.stdout) >= 20_000:
        problems.append(f"the human report printed {len(graded.stdout):,} characters")
    if graded.returncode != 1:
        problems.append(f"the grader's exit status was {graded.returncode}, not 1")
    if graded.survivors:
        problems.append(f"sandbox processes survived the grading: {graded.survivors}")
    assert not problems, "\n".join(problems) + f"\nstderr: {graded.stderr[-1500:]}"


SLEEPY = """

def lstm_cell(x, h_prev, c_prev, params):
    import time

    time.sleep(5)
    return h_prev, c_prev
"""


@pytest.mark.parametrize(
    "signum", [signal.SIGKILL, signal.SIGTERM, signal.SIGHUP], ids=lambda s: s.name
)
def test_a_signalled_grader_leaves_nothing(signum: signal.Signals, tmp_path: Path) -> None:
    solution = write_attack(tmp_path, "sleepy", "", SLEEPY)
    proc = start_grader(solution, tmp_path, max_examples=5, extra_args=["--no-record"])
    marker = sandbox_marker(tmp_path)
    try:
        deadline = time.monotonic() + 15
        while not sandbox_survivors(marker):
            assert proc.poll() is None, "the grader ended before its sandbox was ever seen"
            assert time.monotonic() < deadline, "the sandbox was never seen in /proc"
            time.sleep(0.02)
        os.kill(proc.pid, signum)
        signalled = time.monotonic()
        while time.monotonic() - signalled < 5:
            survivors, left = sandbox_survivors(marker), _leftovers(tmp_path)
            if not survivors and not left:
                break
            time.sleep(0.05)
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)  # the grader's own session, whatever is in it
        except ProcessLookupError:
            pass
        proc.communicate()
        kill_survivors(sandbox_survivors(marker))
    problems = []
    if survivors:
        problems.append(f"5 s after {signum.name} to the grader its sandbox still ran: {survivors}")
    if left:
        problems.append(f"5 s after {signum.name} to the grader its TMPDIR still held {left}")
    _remove_leftovers(tmp_path)
    assert not problems, "\n".join(problems)


def test_grading_never_imports_textual(tmp_path: Path) -> None:
    solution = write_attack(tmp_path, "plain", "")
    code = (
        "import sys\n"
        "from renshu.grader.cli.main import main\n"
        "try:\n"
        f"    main(['grade', {str(solution)!r}, '--json', '--no-record', '--max-examples', '3'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "loaded = [m for m in sys.modules if m == 'textual' or m.startswith('textual.')]\n"
        "print('TEXTUAL-MODULES', bool(loaded), loaded[:5])\n"
    )
    (tmp_path / "cwd").mkdir()
    sandbox_tmpdir(tmp_path).mkdir()
    env = dict(os.environ, TMPDIR=str(sandbox_tmpdir(tmp_path)), RENSHU_LANG="en")
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path / "cwd",
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=GRADER_TIMEOUT_S,
        check=False,
    )
    lines = done.stdout.strip().splitlines()
    assert lines, f"no output; stderr:\n{done.stderr[-2000:]}"
    assert '"status"' in done.stdout, f"the grading did not run:\n{done.stdout[-2000:]}"
    assert lines[-1].startswith("TEXTUAL-MODULES False"), f"grading imported textual: {lines[-1]}"
