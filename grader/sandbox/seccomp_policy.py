"""The seccomp filter every sandbox child runs under, compiled to BPF with libseccomp.

The policy allows everything a NumPy computation needs and refuses, with an
errno (never a kill, so the grader sees a clean Python exception), the calls
that reach outside the sandbox or leave state behind it: every socket family,
tracing, the kernel keyring, mounts and namespaces, BPF, perf events, SysV IPC,
terminal injection (``TIOCSTI``/``TIOCLINUX``), io_uring (which can open
sockets without the ``socket`` call), the kernel log and module loading.

The program is built once per grader process by ``pyseccomp`` and handed to
``bwrap --seccomp FD``, or loaded by the fallback child itself through
``prctl``; both paths use these same bytes.
"""

from __future__ import annotations

import errno
import functools
import importlib
import os
import tempfile
from typing import IO, Protocol, cast

# Calls refused with EPERM (a socket with EACCES, as a firewall would answer).
DENIED_SYSCALLS: tuple[str, ...] = (
    # tracing and other processes' memory
    "ptrace",
    "process_vm_readv",
    "process_vm_writev",
    "kcmp",
    "pidfd_getfd",
    # kernel keyring
    "add_key",
    "request_key",
    "keyctl",
    # mounts, namespaces, root changes
    "mount",
    "umount2",
    "pivot_root",
    "chroot",
    "move_mount",
    "open_tree",
    "fsopen",
    "fsconfig",
    "fsmount",
    "fspick",
    "mount_setattr",
    "unshare",
    "setns",
    # kernel interfaces a computation never needs
    "bpf",
    "perf_event_open",
    "userfaultfd",
    "io_uring_setup",
    "io_uring_enter",
    "io_uring_register",
    "open_by_handle_at",
    "name_to_handle_at",
    "syslog",
    "init_module",
    "finit_module",
    "delete_module",
    "kexec_load",
    "kexec_file_load",
    "reboot",
    "swapon",
    "swapoff",
    "acct",
    "quotactl",
    "personality",
    # SysV IPC: segments outlive the process
    "shmget",
    "shmat",
    "shmdt",
    "shmctl",
    "semget",
    "semop",
    "semtimedop",
    "semctl",
    "msgget",
    "msgsnd",
    "msgrcv",
    "msgctl",
)
SOCKET_SYSCALLS = ("socket", "socketpair")
TIOCSTI = 0x5412
TIOCLINUX = 0x541C
# clone() flags that create namespaces; clone3 takes its flags in memory, so it
# answers ENOSYS and the C library falls back to clone(), which is filtered.
CLONE_NAMESPACE_FLAGS = (
    0x00020000,  # CLONE_NEWNS
    0x02000000,  # CLONE_NEWCGROUP
    0x04000000,  # CLONE_NEWUTS
    0x08000000,  # CLONE_NEWIPC
    0x10000000,  # CLONE_NEWUSER
    0x20000000,  # CLONE_NEWPID
    0x40000000,  # CLONE_NEWNET
)


class SeccompUnavailable(Exception):
    """libseccomp or pyseccomp is missing: the child runs without a syscall filter."""


# pyseccomp ships no type information: the part of its API used here, as it defines it.
class _Arg(Protocol):
    """``pyseccomp.Arg``: a condition on one syscall argument."""


class _SyscallFilter(Protocol):
    def add_rule(self, action: int, syscall: int | str, *args: _Arg) -> None: ...

    def export_bpf(self, file: IO[bytes]) -> None: ...


class _Pyseccomp(Protocol):
    ALLOW: int
    MASKED_EQ: int

    def SyscallFilter(self, defaction: int) -> _SyscallFilter: ...

    def ERRNO(self, x: int) -> int: ...

    def Arg(self, arg: int, op: int, data_a: int, data_b: int = 0) -> _Arg: ...


def _import_pyseccomp() -> _Pyseccomp:
    return cast(_Pyseccomp, importlib.import_module("pyseccomp"))


@functools.cache
def filter_program() -> bytes:
    """The compiled BPF program (``struct sock_filter`` array); raises ``SeccompUnavailable``."""
    try:
        seccomp = _import_pyseccomp()
    except (ImportError, RuntimeError, OSError) as e:  # RuntimeError: no libseccomp
        raise SeccompUnavailable(str(e) or type(e).__name__) from e
    try:
        rules = seccomp.SyscallFilter(seccomp.ALLOW)
        for name in DENIED_SYSCALLS:
            _deny(rules, seccomp, name, errno.EPERM)
        for name in SOCKET_SYSCALLS:
            _deny(rules, seccomp, name, errno.EACCES)
        for request in (TIOCSTI, TIOCLINUX):
            rules.add_rule(
                seccomp.ERRNO(errno.EPERM),
                "ioctl",
                seccomp.Arg(1, seccomp.MASKED_EQ, 0xFFFFFFFF, request),
            )
        for flag in CLONE_NAMESPACE_FLAGS:
            rules.add_rule(
                seccomp.ERRNO(errno.EPERM), "clone", seccomp.Arg(0, seccomp.MASKED_EQ, flag, flag)
            )
        _deny(rules, seccomp, "clone3", errno.ENOSYS)
        with tempfile.TemporaryFile() as out:
            rules.export_bpf(out)
            out.seek(0)
            program = out.read()
    except OSError as e:
        raise SeccompUnavailable(f"libseccomp refused the filter: {e}") from e
    if not program or len(program) % 8:
        raise SeccompUnavailable("libseccomp produced no filter")
    return program


def _deny(rules: _SyscallFilter, seccomp: _Pyseccomp, name: str, code: int) -> None:
    """Refuse ``name`` where this architecture has it (some calls exist only on some)."""
    try:
        rules.add_rule(seccomp.ERRNO(code), name)
    except (OSError, ValueError, RuntimeError):
        pass  # the call does not exist here, so there is nothing to refuse


def program_fd() -> int:
    """A fresh readable file descriptor holding the program, positioned at its start."""
    program = filter_program()
    fd = os.memfd_create("renshu-seccomp", os.MFD_CLOEXEC) if hasattr(os, "memfd_create") else -1
    if fd < 0:
        raise SeccompUnavailable("memfd_create is not available")
    os.write(fd, program)
    os.lseek(fd, 0, os.SEEK_SET)
    return fd


def available() -> bool:
    """True when the filter can be built on this machine."""
    try:
        filter_program()
    except SeccompUnavailable:
        return False
    return True
