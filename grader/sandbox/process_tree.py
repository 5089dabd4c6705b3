"""Finding and killing every process a submission left behind, wherever it went.

Each sandbox child carries a random token in its environment, which every
descendant inherits (``/proc/PID/environ`` keeps the environment a process was
started with, even after a double fork into its own session). The grader is
made a child subreaper, so orphans are re-parented to it and can be reaped.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import os
import signal

_PR_SET_CHILD_SUBREAPER = 36


@functools.cache
def _libc() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("c")
    try:
        return ctypes.CDLL(name, use_errno=True) if name else None
    except OSError:
        return None


@functools.cache
def become_subreaper() -> bool:
    """Make this process adopt its orphaned descendants (Linux only); True if it worked."""
    libc = _libc()
    return libc is not None and libc.prctl(_PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0


def marked_processes(variable: str, token: str) -> list[int]:
    """PIDs of live processes whose environment carries ``variable=token``."""
    marker = f"{variable}={token}".encode()
    found: list[int] = []
    try:
        entries = os.listdir("/proc")
    except OSError:
        return found
    for entry in entries:
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/environ", "rb") as f:
                env = f.read()
        except OSError:
            continue
        if marker in env.split(b"\0"):
            found.append(int(entry))
    return found


def sweep_marked_processes(variable: str, token: str, rounds: int = 5) -> int:
    """SIGKILL every marked process until none is left; reap those that are ours.

    Returns how many were killed. Repeats because a process may fork between
    the scan and the kill.
    """
    killed = 0
    for _ in range(rounds):
        pids = [pid for pid in marked_processes(variable, token) if pid != os.getpid()]
        if not pids:
            break
        for pid in pids:
            try:
                os.kill(pid, signal.SIGKILL)
                killed += 1
            except (ProcessLookupError, PermissionError):
                pass
        for pid in pids:
            _reap(pid)
    return killed


def _reap(pid: int) -> None:
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass  # not our child: its own parent (or init) reaps it
    except OSError:
        pass


def _stat(pid: int) -> tuple[int, int, int, int] | None:
    """(ppid, pgrp, session, start time in clock ticks since boot) of ``pid``."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            data = f.read()
    except OSError:
        return None
    fields = data[data.rindex(b")") + 2 :].split()  # the name may contain spaces and ')'
    return int(fields[1]), int(fields[2]), int(fields[3]), int(fields[19])


def _boot_time() -> float:
    with open("/proc/stat") as f:
        for line in f:
            if line.startswith("btime "):
                return float(line.split()[1])
    return 0.0


def sweep_adopted_orphans(
    session: int, started_epoch: float, spare: frozenset[int] = frozenset()
) -> int:
    """Kill orphans of a sandbox that were re-parented to this (subreaper) process.

    A daemon may wipe its environment, rename itself and start its own session,
    escaping the token sweep; as this process's adopted child it is still found:
    a child in the sandbox's session, or one started after the sandbox in a
    session other than this process's own (what this process spawns itself,
    an editor say, stays in its session). ``spare`` holds the session leaders of
    other sandboxes still running; renshu starts no other sessions.
    """
    me, own_session = os.getpid(), os.getsid(0)
    ticks = os.sysconf("SC_CLK_TCK")
    since = (started_epoch - _boot_time()) * ticks - ticks  # one tick of slack
    killed = 0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        pid = int(entry)
        info = _stat(pid)
        if info is None or info[0] != me or pid in spare:
            continue
        _ppid, _pgrp, sid, start = info
        if sid == session or (sid != own_session and start >= since):
            try:
                os.kill(pid, signal.SIGKILL)
                killed += 1
            except (ProcessLookupError, PermissionError):
                continue
            _reap(pid)
    return killed
