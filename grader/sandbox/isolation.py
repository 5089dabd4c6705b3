"""Which isolation this machine allows, strongest first, and what each level blocks.

1. **bubblewrap** (the primary level): every namespace new, a minimal read-only
   root, a seccomp filter, no capabilities and an unprivileged uid.
2. Without bubblewrap, ``unshare`` namespaces with a child that hardens itself
   (tmpfs over ``/tmp``, ``/run``, ``/dev/shm`` and homes, renshu hidden,
   every other mount read-only, uid 65534 when root, the same seccomp filter).
3. Without namespaces, a process group and a sweep of marked processes.

``RENSHU_SANDBOX_ISOLATION`` forces a weaker level (``namespaces`` or
``process-group``), for tests and for machines where a probe misleads.
"""

from __future__ import annotations

import enum
import functools
import os
import shutil
import subprocess

from renshu.grader.sandbox import bwrap, seccomp_policy
from renshu.grader.settings import ISOLATION_VARIABLE, forced_isolation

FORCE_VARIABLE = ISOLATION_VARIABLE


class IsolationLevel(enum.StrEnum):
    """How the child is contained, reported in every grading result."""

    BUBBLEWRAP = (
        "bubblewrap: new pid, net, ipc, uts and cgroup namespaces, minimal read-only root, "
        "seccomp filter, no capabilities, unprivileged uid, rlimits"
    )
    BUBBLEWRAP_NO_SECCOMP = (
        "weaker: bubblewrap without seccomp (libseccomp missing): new namespaces, minimal "
        "read-only root, no capabilities, unprivileged uid, rlimits"
    )
    FULL_NAMESPACES = (
        "weaker: pid+net+ipc+uts+mount namespaces (host /tmp, /run and homes covered, "
        "renshu hidden), rlimits, process sweep"
    )
    PID_NET_NAMESPACE = "weaker: pid+net namespace, rlimits, process sweep"
    PID_NAMESPACE = "weaker: pid namespace, rlimits, process sweep"
    USER_PID_NAMESPACE = "weaker: user+pid namespace, rlimits, process sweep"
    PROCESS_GROUP = "weakest: process group, rlimits, process sweep"

    @property
    def code(self) -> str:
        """A short stable name (``renshu doctor --json``, ``RENSHU_SANDBOX_ISOLATION``)."""
        return _CODES[self]

    @property
    def uses_bwrap(self) -> bool:
        return self in (IsolationLevel.BUBBLEWRAP, IsolationLevel.BUBBLEWRAP_NO_SECCOMP)

    @property
    def full(self) -> bool:
        """True only for the level that untrusted files need."""
        return self is IsolationLevel.BUBBLEWRAP

    @property
    def private_mounts(self) -> bool:
        """True when the child's view of the files is private: renshu and the host hidden."""
        return self is IsolationLevel.FULL_NAMESPACES or self.uses_bwrap


_CODES = {
    IsolationLevel.BUBBLEWRAP: "bubblewrap",
    IsolationLevel.BUBBLEWRAP_NO_SECCOMP: "bubblewrap-no-seccomp",
    IsolationLevel.FULL_NAMESPACES: "namespaces",
    IsolationLevel.PID_NET_NAMESPACE: "pid-net-namespace",
    IsolationLevel.PID_NAMESPACE: "pid-namespace",
    IsolationLevel.USER_PID_NAMESPACE: "user-pid-namespace",
    IsolationLevel.PROCESS_GROUP: "process-group",
}

# What each part blocks, for `renshu doctor` (English; the CLI translates the headings).
BLOCKS: dict[str, str] = {
    "namespaces": "own PIDs, no network, no shared IPC or hostname: cannot see or signal "
    "the grader, reach a server or leave SysV segments behind",
    "minimal root": "only Python, NumPy and the bootstrap exist, read-only: no home, /tmp, "
    "/run, sockets, terminals, progress databases or source checkouts to read or write",
    "seccomp": "no socket of any family, ptrace, keyring, mount, unshare, bpf, perf, "
    "io_uring, SysV IPC or terminal injection, even through a hole elsewhere",
    "unprivileged uid": "no capabilities and no sysctl writes, even when renshu runs as root",
    "rlimits": "about 1 GiB of memory, 10 s of CPU, 1 MiB files, 64 open files",
}

_PREFIXES: dict[IsolationLevel, list[str]] = {
    # Own PIDs (a daemon dies with the namespace), no network, no shared IPC or
    # hostname, a private mount table with its own /proc.
    IsolationLevel.FULL_NAMESPACES: [
        "--pid",
        "--fork",
        "--kill-child",
        "--net",
        "--ipc",
        "--uts",
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
    forced = forced_isolation()
    if forced == "process-group":
        return IsolationLevel.PROCESS_GROUP
    if forced != "namespaces" and bwrap.works():
        if seccomp_policy.available():
            return IsolationLevel.BUBBLEWRAP
        return IsolationLevel.BUBBLEWRAP_NO_SECCOMP
    return _detect_unshare()


def early_isolation() -> IsolationLevel:
    """The level ``detect_isolation`` will find, assumed before bubblewrap's probe ends.

    The probe is started, not waited for, so a child can start at once; whoever uses
    that child checks the guess against ``detect_isolation()`` first."""
    forced = forced_isolation()
    if forced not in ("process-group", "namespaces") and bwrap.bwrap_path() is not None:
        bwrap.start_probe()
        if seccomp_policy.available():
            return IsolationLevel.BUBBLEWRAP
        return IsolationLevel.BUBBLEWRAP_NO_SECCOMP
    return detect_isolation()


def _detect_unshare() -> IsolationLevel:
    unshare = shutil.which("unshare")
    if unshare is None or not os.path.exists("/proc/self/ns/pid"):
        return IsolationLevel.PROCESS_GROUP
    for level, flags in _PREFIXES.items():
        try:
            done = subprocess.run(
                [unshare, *flags, "true"],
                stdin=subprocess.DEVNULL,
                capture_output=True,  # the wait ends at exit, not at a polling step
                timeout=5,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired):
            continue
        if done.returncode == 0:
            return level
    return IsolationLevel.PROCESS_GROUP


def namespace_prefix(level: IsolationLevel) -> list[str]:
    """The argv prefix that starts a command at a fallback ``level`` (not bubblewrap).

    ``setpriv --pdeathsig KILL`` first, so the sandbox dies with the grader. It
    replaces a ``preexec_fn``: Python code between fork and exec is unsafe with
    threads, and forbids the vfork that keeps the grader's open progress
    database out of any forked copy of it.
    """
    prefix = []
    setpriv = shutil.which("setpriv")
    if setpriv:
        prefix = [setpriv, "--pdeathsig", "KILL"]
    if level is IsolationLevel.PROCESS_GROUP or level.uses_bwrap:
        return prefix
    unshare = shutil.which("unshare") or "unshare"
    return [*prefix, unshare, *_PREFIXES[level]]
