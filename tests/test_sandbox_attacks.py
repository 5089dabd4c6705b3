"""Sandbox attacks, part 1: reaching out of the box (sockets, sysctls, terminals, escapes).

Each test writes an attack submission into ``tmp_path`` (first line ``# exercise:
lstm_cell``, a deliberately wrong ``lstm_cell``); the attack runs at import time and
prints ``ATTACK-REFUSED:<name>:<errno>`` or ``ATTACK-SUCCEEDED:<name>`` lines, which the
grader's JSON echoes in ``stdout``. Every test checks the attack failed by something the
test observes itself (a listener that got no connection, a terminal that received no
bytes, a database that did not change) and that the grading still ended normally: exit
status 1, exactly one JSON object with status fail or error, bounded time, no sandbox
process left. The attack code ends by printing ``ATTACK-DONE``; a test also fails when
that line is missing and the sandbox did not stop the child (a broken attack proves
nothing). Part 2 (``test_sandbox_attacks_leaks.py``) covers reading and leftovers;
part 3 (``test_sandbox_attacks_grader.py``) attacks on the grader itself.
"""

from __future__ import annotations

import hashlib
import os
import select
import socket
import sqlite3
import threading
import tty
import unicodedata
import uuid
from pathlib import Path
from typing import Any

import pytest
from sandbox_harness import (
    at_both_levels,
    grade_attack,
    grade_in_parallel,
    markers,
    result_of,
    verdict_problems,
    write_attack,
)

from renshu.grader.progress.store import open_store

# Every attack runs at the machine's level and at the namespace fallback.
pytestmark = pytest.mark.usefixtures(at_both_levels.__name__)


class Listener:
    """An AF_UNIX stream listener served by a thread; records every connection it gets."""

    def __init__(self, address: str) -> None:
        self.address = address
        self.received: list[bytes] = []
        self._sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self._sock.bind(address)
        self._sock.listen(16)
        self._sock.settimeout(0.1)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self._take(conn)

    def _take(self, conn: socket.socket) -> None:
        with conn:
            conn.settimeout(1.0)
            try:
                data = conn.recv(4096)
            except OSError:
                data = b""
        self.received.append(data or b"(connected, sent nothing)")

    def close(self) -> list[bytes]:
        """Stop serving (taking any connection still queued) and remove the socket file."""
        self._stop.set()
        self._thread.join(timeout=2.0)
        self._sock.setblocking(False)
        while True:
            try:
                conn, _ = self._sock.accept()
            except OSError:
                break
            conn.setblocking(True)
            self._take(conn)
        self._sock.close()
        if not self.address.startswith("\0"):
            try:
                os.unlink(self.address)
            except FileNotFoundError:
                pass
        return self.received


def _gradings(db_path: Path) -> list[tuple[Any, ...]]:
    """The recorded gradings, read without touching the file (no lock, no -shm)."""
    db = sqlite3.connect(f"file:{db_path}?immutable=1", uri=True)
    try:
        return db.execute("SELECT * FROM gradings ORDER BY uid").fetchall()
    finally:
        db.close()


def _db_files(db_path: Path) -> dict[str, str]:
    """The database and its side files (journal, WAL, shared memory), by content."""
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(db_path.parent.glob(db_path.name + "*"))
        if p.is_file()
    }


SOCKET_ATTACK = """
import socket
import sqlite3

for name, address in TARGETS.items():
    try:
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            s.settimeout(2.0)
            s.connect(address)
            s.sendall(b"run-shell touch " + PWNED.encode() + b"\\n")
        finally:
            s.close()
    except OSError as e:
        _refused(name, e)
    else:
        _say("ATTACK-SUCCEEDED", name)

try:
    db = sqlite3.connect(DB, timeout=1.0)
    db.execute(
        "INSERT INTO gradings (uid, exercise_id, graded_at, status, reason, file_hash)"
        " VALUES ('forged-by-submission', 'lstm_cell', '2030-01-01T00:00:00+00:00',"
        " 'pass', 'passed', 'forged')"
    )
    db.commit()
    db.close()
except Exception as e:
    _refused("progress-db", e)
else:
    _say("ATTACK-SUCCEEDED", "progress-db")
"""


def test_unix_sockets_and_the_progress_database_are_out_of_reach(tmp_path: Path) -> None:
    tag = uuid.uuid4().hex[:12]
    tmux = tmp_path / "tmux-0"
    tmux.mkdir(mode=0o700)
    targets = {
        "tmux-socket-under-tmp": str(tmux / "default"),
        "socket-in-home": str(Path.home() / f".renshu-test-{tag}.sock"),
        "abstract-socket": f"\0renshu-test-{tag}",
    }
    if os.access("/run", os.W_OK):
        targets["socket-in-run"] = f"/run/renshu-test-{tag}.sock"
    store = open_store(tmp_path / "data")
    db_path = store.path
    store.close()
    rows_before, files_before = _gradings(db_path), _db_files(db_path)
    prelude = f"TARGETS = {targets!r}\nPWNED = {str(tmp_path / 'pwned')!r}\nDB = {str(db_path)!r}\n"
    solution = write_attack(tmp_path, "unix_sockets", prelude + SOCKET_ATTACK)
    listeners: dict[str, Listener] = {}
    try:
        for name, address in targets.items():
            listeners[name] = Listener(address)
        graded = grade_attack(solution, tmp_path, extra_args=["--data-dir", str(db_path.parent)])
    finally:
        received = {name: listener.close() for name, listener in listeners.items()}
    problems = [
        f"the listener {name} ({targets[name]!r}) got a connection from the sandbox: {got}"
        for name, got in received.items()
        if got
    ]
    if _db_files(db_path) != files_before or _gradings(db_path) != rows_before:
        problems.append(
            f"the progress database changed: {rows_before} -> {_gradings(db_path)}; "
            f"markers {markers(graded, 'SUCCEEDED')}"
        )
    problems += verdict_problems(graded)
    assert not problems, "\n".join(problems)


SYSCTLS = {
    "core_pattern": "/proc/sys/kernel/core_pattern",
    "overcommit_memory": "/proc/sys/vm/overcommit_memory",
}
SYSCTL_ATTACK = """
for name, path in SYSCTLS.items():
    try:
        fd = os.open(path, os.O_WRONLY)  # opened only (no O_TRUNC), never written
    except OSError as e:
        _refused(name, e)
    else:
        os.close(fd)
        _say("ATTACK-SUCCEEDED", name)
_say("EUID", os.geteuid())
"""


def test_host_sysctls_cannot_be_opened_for_writing(tmp_path: Path) -> None:
    # Runs as any user: a non-root user can never open them, so then it holds trivially.
    attack = f"SYSCTLS = {SYSCTLS!r}\n" + SYSCTL_ATTACK
    graded = grade_attack(write_attack(tmp_path, "sysctls", attack), tmp_path)
    refused = {line.split(":")[0] for line in markers(graded, "REFUSED")}
    succeeded = {line.split(":")[0] for line in markers(graded, "SUCCEEDED")}
    euid = [line for line in result_of(graded).get("stdout", "").splitlines() if "EUID" in line]
    problems = [
        f"the sandbox (child {euid}) opened {path} for writing"
        if name in succeeded
        else f"no ATTACK-REFUSED marker for {path}: the attack's outcome is unknown"
        for name, path in SYSCTLS.items()
        if name not in refused
    ]
    problems += verdict_problems(graded)
    assert not problems, "\n".join(problems)


TERMINAL_ATTACK = """
import fcntl
import glob
import termios

paths = sorted(p for p in glob.glob("/dev/pts/*") if not p.endswith("ptmx"))
paths += [p for p in [OUR_PTY, "/dev/tty", "/dev/console", "/dev/tty0", "/dev/tty1", "/dev/tty2"]
          if p not in paths]
opened = []
for path in paths:
    try:
        fd = os.open(path, os.O_WRONLY | os.O_NOCTTY | os.O_NONBLOCK)
    except OSError as e:
        _refused("open " + path, e)
        continue
    opened.append((path, fd))
    try:
        os.write(fd, b"CANARY-PTY")
    except OSError as e:
        _refused("write " + path, e)
    else:
        _say("ATTACK-SUCCEEDED", "write " + path)
for label, fd in opened + [("fd 0", 0), ("fd 1", 1), ("fd 2", 2)]:
    try:
        fcntl.ioctl(fd, termios.TIOCSTI, b"x")
    except OSError as e:
        _refused("TIOCSTI " + label, e)
    else:
        _say("ATTACK-SUCCEEDED", "TIOCSTI " + label)
"""


def _pending(fd: int, wait: float = 0.5) -> bytes:
    """Whatever can be read from ``fd`` within ``wait`` seconds, without blocking."""
    os.set_blocking(fd, False)
    got = b""
    while select.select([fd], [], [], wait)[0]:
        try:
            chunk = os.read(fd, 4096)
        except (BlockingIOError, OSError):
            break
        if not chunk:
            break
        got += chunk
        wait = 0.05
    return got


def test_terminals_receive_nothing(tmp_path: Path) -> None:
    master, slave = os.openpty()
    tty.setraw(slave)  # so injected input is readable at once, and never echoed
    try:
        attack = f"OUR_PTY = {os.ttyname(slave)!r}\n" + TERMINAL_ATTACK
        graded = grade_attack(write_attack(tmp_path, "terminals", attack), tmp_path)
        written, typed = _pending(master), _pending(slave)
    finally:
        os.close(master)
        os.close(slave)
    problems = []
    if written:
        problems.append(f"the test's terminal received output from the sandbox: {written!r}")
    if typed:
        problems.append(f"input was injected into the test's terminal: {typed!r}")
    if markers(graded, "SUCCEEDED"):
        problems.append(f"terminal attacks that worked: {markers(graded, 'SUCCEEDED')}")
    problems += verdict_problems(graded)
    assert not problems, "\n".join(problems)


EVIL = "\\x1b]0;pwned\\x07\\x1b[2J\\x1b[32mPASS\\x1b[0m\\r\\x9b2J"
ESCAPE_ATTACK = f"""
print("{EVIL}", flush=True)
print("{EVIL}", file=sys.stderr, flush=True)
"""
RAISE_ESCAPES = """

def lstm_cell(x, h_prev, c_prev, params):
    raise ValueError("\\x1b[31mPASS\\x1b[0m\\x07")
"""


def _control_characters(value: Any, where: str = "") -> list[str]:
    """``where: repr`` of every string (keys too) holding a control character but \\n, \\t."""
    found = []
    if isinstance(value, dict):
        for key, item in value.items():
            found += _control_characters(key, f"{where}.{key} (key)")
            found += _control_characters(item, f"{where}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found += _control_characters(item, f"{where}[{i}]")
    elif isinstance(value, str):
        bad = {
            c
            for c in value
            if c not in "\n\t" and (unicodedata.category(c) == "Cc" or 0x80 <= ord(c) <= 0x9F)
        }
        if bad:
            found.append(f"{where or '(top)'}: {sorted(bad)} in {value[:200]!r}")
    return found


def test_terminal_escapes_never_reach_the_output(tmp_path: Path) -> None:
    solution = write_attack(tmp_path, "escapes", ESCAPE_ATTACK, RAISE_ESCAPES)
    human_env = {"TERM": "dumb", "NO_COLOR": "1", "COLUMNS": "100"}
    as_json, human = grade_in_parallel(
        [
            (solution, tmp_path / "json", {}),
            (solution, tmp_path / "human", {"json_output": False, "extra_env": human_env}),
        ]
    )
    problems = [
        f"a control character in the JSON result at {hit}"
        for hit in _control_characters(result_of(as_json))
    ]
    # ESC, BEL and CR are ASCII: as bytes they cannot be part of a UTF-8 character. The C1
    # CSI counts as U+009B or as a lone 0x9b byte (a box-drawing character may hold 0x9b).
    text = human.raw_stdout.decode("utf-8", errors="surrogateescape")
    for name, chars in (("ESC", "\x1b"), ("BEL", "\x07"), ("CR", "\r"), ("CSI", "\x9b\udc9b")):
        at = min((text.find(c) for c in chars if c in text), default=-1)
        if at >= 0:
            problems.append(f"the human report printed {name}: {text[max(at - 40, 0) : at + 40]!r}")
    if human.seconds >= 30.0:
        problems.append(f"the human report took {human.seconds:.1f} s")
    if human.returncode != 1:
        problems.append(f"the human report's exit status was {human.returncode}, not 1")
    problems += verdict_problems(as_json, max_seconds=30.0)
    assert not problems, "\n".join(problems)
