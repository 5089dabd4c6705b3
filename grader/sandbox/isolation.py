"""Which isolation the system allows: Linux PID (and network) namespaces, else process groups.

As root ``RLIMIT_NPROC`` does not hold, so a PID namespace is the reliable way
to contain a fork bomb or a daemon; where ``unshare`` is not permitted we fall
back to a process-group kill plus a sweep of marked leftover processes.
"""

from __future__ import annotations

import enum
import functools
import os
import shutil
import subprocess


class IsolationLevel(enum.StrEnum):
    """How the child is contained, reported in every grading result."""

    FULL_NAMESPACES = "pid+net+mount namespaces (renshu hidden), rlimits, process sweep"
    PID_NET_NAMESPACE = "pid+net namespace, rlimits, process sweep"
    PID_NAMESPACE = "pid namespace, rlimits, process sweep"
    USER_PID_NAMESPACE = "user+pid namespace, rlimits, process sweep"
    PROCESS_GROUP = "process group, rlimits, process sweep"

    @property
    def private_mounts(self) -> bool:
        """True when the child may mount over renshu's own folders to hide them."""
        return self is IsolationLevel.FULL_NAMESPACES


_PREFIXES: dict[IsolationLevel, list[str]] = {
    # Own PIDs (a daemon dies with the namespace), no network, a private mount table
    # with its own /proc (the grader's processes are invisible).
    IsolationLevel.FULL_NAMESPACES: [
        "--pid",
        "--fork",
        "--kill-child",
        "--net",
        "--mount",
        "--mount-proc",
    ],
    IsolationLevel.PID_NET_NAMESPACE: ["--pid", "--fork", "--kill-child", "--net"],
    IsolationLevel.PID_NAMESPACE: ["--pid", "--fork", "--kill-child"],
    IsolationLevel.USER_PID_NAMESPACE: [
        "--user",
        "--map-root-user",
        "--pid",
        "--fork",
        "--kill-child",
    ],
}


@functools.cache
def detect_isolation() -> IsolationLevel:
    """The strongest level that works here, probed once per process."""
    if os.environ.get("RENSHU_SANDBOX_ISOLATION") == "process-group":
        return IsolationLevel.PROCESS_GROUP
    unshare = shutil.which("unshare")
    if unshare is None or not os.path.exists("/proc/self/ns/pid"):
        return IsolationLevel.PROCESS_GROUP
    for level, flags in _PREFIXES.items():
        try:
            done = subprocess.run(
                [unshare, *flags, "true"],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                timeout=5,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired):
            continue
        if done.returncode == 0:
            return level
    return IsolationLevel.PROCESS_GROUP


def namespace_prefix(level: IsolationLevel) -> list[str]:
    """The argv prefix that starts a command at ``level``.

    ``setpriv --pdeathsig KILL`` first, so the sandbox dies with the grader. It
    replaces a ``preexec_fn``: Python code between fork and exec is unsafe with
    threads, and forbids the vfork that keeps the grader's open progress
    database out of any forked copy of it.
    """
    prefix = []
    setpriv = shutil.which("setpriv")
    if setpriv:
        prefix = [setpriv, "--pdeathsig", "KILL"]
    if level is IsolationLevel.PROCESS_GROUP:
        return prefix
    unshare = shutil.which("unshare") or "unshare"
    return [*prefix, unshare, *_PREFIXES[level]]
