"""Self-hardening of the sandbox child where bubblewrap is missing (trusted, stdlib only).

Loaded by path by the bootstrap, before the submission is imported. In its
own mount namespace (``unshare``) the child covers the host's shared folders
(``/tmp``, ``/var/tmp``, ``/run``, ``/dev/shm``, homes, the grader's folder and
renshu's own code) with empty read-only tmpfs, binds back exactly the Python
installation and NumPy it runs from, makes a private tmpfs its working folder
and every other mount read-only. In every fallback it then drops to uid 65534
when root (if the interpreter stays readable), gives up all capabilities,
sets ``no_new_privs`` and loads the seccomp program the grader compiled.
Any step that fails where it must not makes the child exit before the
submission runs: never run it with less than reported.
"""

import ctypes
import ctypes.util
import os
import stat
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # for the type checker only: the child never imports renshu
    from renshu.grader.sandbox.child_config import FallbackConfig

_LIBC = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC = 1, 2, 4, 8
MS_REMOUNT, MS_BIND, MS_REC = 32, 4096, 16384
NOBODY = 65534
WORK = "/tmp/work"
EXIT_HIDE, EXIT_CAPS, EXIT_SEAL, EXIT_SECCOMP = 4, 5, 6, 7
_NEVER_COVER = ("/", "/usr", "/lib", "/lib64", "/bin", "/etc", "/proc", "/sys", "/dev")


def _mount(
    source: str | None, target: str, fstype: str | None, flags: int, data: str | None
) -> int:
    def b(text: str | None) -> bytes | None:
        return None if text is None else text.encode()

    status: int = _LIBC.mount(b(source), b(target), b(fstype), flags, b(data))
    return status


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip("/") + "/")


def _covers(config: "FallbackConfig") -> list[str]:
    wanted = ["/tmp", "/var/tmp", "/run", "/dev/shm", "/dev/pts", "/dev/mqueue", "/home", "/root"]
    wanted += ["/mnt", "/media"]
    wanted += [config.get("grader_home") or "", config.get("grader_cwd") or ""]
    wanted += config.get("hide_paths", [])
    chosen: list[str] = []
    for path in sorted({os.path.realpath(p) for p in wanted if p}, key=len):
        critical = any(_inside(c, path) for c in _NEVER_COVER if c != "/") or path == "/"
        if critical or not os.path.isdir(path) or any(_inside(path, c) for c in chosen):
            continue
        chosen.append(path)
    return chosen


def _cover_and_rebind(config: "FallbackConfig") -> None:
    """Empty tmpfs over the host's shared folders; the interpreter and NumPy bound back."""
    covers = _covers(config)
    keep = [os.path.realpath(p) for p in config.get("keep_paths", []) if os.path.isdir(p)]
    stashed: list[tuple[str, int]] = []
    for path in keep:
        if any(_inside(path, c) for c in covers):
            stashed.append((path, os.open(path, os.O_PATH | os.O_DIRECTORY)))
    for path in covers:
        mode = "mode=1777,size=64m" if path == "/tmp" else "mode=0755,size=64k"
        if _mount("tmpfs", path, "tmpfs", MS_NOSUID | MS_NODEV, mode) != 0:
            os._exit(EXIT_HIDE)  # refuse to run the submission with the host in reach
    for path, fd in stashed:
        os.makedirs(path, mode=0o755, exist_ok=True)
        if _mount(f"/proc/self/fd/{fd}", path, None, MS_BIND | MS_REC, None) != 0:
            os._exit(EXIT_HIDE)
        _mount(None, path, None, MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID | MS_NODEV, None)
        os.close(fd)
    os.makedirs(WORK, mode=0o700, exist_ok=True)
    if os.geteuid() == 0:
        os.chown(WORK, NOBODY, NOBODY)
    os.chdir(WORK)
    for path in covers:
        if path != "/tmp":
            _mount(None, path, None, MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV, None)


def _seal_filesystem(config: "FallbackConfig") -> None:
    """Every mount read-only except ``/tmp`` (the working folder) and ``/proc``."""
    with open("/proc/self/mountinfo") as f:
        mounts = [(line.split()[4], line.split()[5].split(",")) for line in f]
    for point, options in mounts:
        point = point.replace("\\040", " ")
        if point == "/tmp" or _inside(point, "/proc"):
            continue
        flags = MS_REMOUNT | MS_BIND | MS_RDONLY
        for name, bit in (("nosuid", MS_NOSUID), ("nodev", MS_NODEV), ("noexec", MS_NOEXEC)):
            if name in options:
                flags |= bit
        _mount(None, point, None, flags, None)
    for path in {"/", *config.get("keep_paths", []), config.get("grader_cwd") or "/"}:
        if os.path.isdir(path) and not _inside(path, "/tmp") and os.access(path, os.W_OK):
            os._exit(EXIT_SEAL)  # refuse to run the submission with the grader's files writable


def _nobody_can_use(paths: list[str]) -> bool:
    """True when uid 65534 can traverse to and read every one of ``paths``."""
    for path in paths:
        current = os.path.realpath(path)
        while True:
            try:
                mode = os.stat(current).st_mode
            except OSError:
                return False
            needed = stat.S_IXOTH | (stat.S_IROTH if current == os.path.realpath(path) else 0)
            if mode & needed != needed:
                return False
            if current == "/":
                break
            current = os.path.dirname(current)
    return True


def _drop_uid(config: "FallbackConfig") -> bool:
    """As root, become uid/gid 65534 (capabilities go with it); True if it happened."""
    if os.geteuid() != 0 or not _nobody_can_use(config.get("keep_paths", [])):
        return False
    if not os.access(os.getcwd(), os.W_OK) or os.stat(os.getcwd()).st_uid != NOBODY:
        os.chown(os.getcwd(), NOBODY, NOBODY)
    os.setgroups([])
    os.setresgid(NOBODY, NOBODY, NOBODY)
    os.setresuid(NOBODY, NOBODY, NOBODY)
    return True


def _drop_capabilities() -> None:
    """Give up every capability and the right to regain any (even as uid 0)."""
    pr_capbset_drop = 24
    for cap in range(64):
        _LIBC.prctl(pr_capbset_drop, cap, 0, 0, 0)  # fails harmlessly for unknown caps

    class Header(ctypes.Structure):
        _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]

    class Data(ctypes.Structure):
        _fields_ = [(n, ctypes.c_uint32) for n in ("effective", "permitted", "inheritable")]

    header, data = Header(0x20080522, 0), (Data * 2)()  # _LINUX_CAPABILITY_VERSION_3
    if _LIBC.capset(ctypes.byref(header), data) != 0 and os.geteuid() == 0:
        os._exit(EXIT_CAPS)  # refuse to run the submission with root's capabilities


def _load_seccomp(fd: int) -> None:
    """Install the grader's compiled BPF program (``struct sock_filter`` array) on us."""
    program = b""
    while chunk := os.read(fd, 65536):
        program += chunk
    os.close(fd)

    class Prog(ctypes.Structure):
        _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_char_p)]

    prog = Prog(len(program) // 8, program)
    pr_set_no_new_privs, pr_set_seccomp, seccomp_mode_filter = 38, 22, 2
    _LIBC.prctl(pr_set_no_new_privs, 1, 0, 0, 0)
    if _LIBC.prctl(pr_set_seccomp, seccomp_mode_filter, ctypes.byref(prog), 0, 0) != 0:
        os._exit(EXIT_SECCOMP)


def harden(config: "FallbackConfig") -> None:
    """Apply every step this fallback level allows, in the only safe order."""
    if config.get("private_mounts"):
        _cover_and_rebind(config)
        _seal_filesystem(config)
    _drop_uid(config)
    _drop_capabilities()
    _LIBC.prctl(38, 1, 0, 0, 0)  # PR_SET_NO_NEW_PRIVS
    seccomp_fd = config.get("seccomp_fd")
    if seccomp_fd is not None:
        _load_seccomp(seccomp_fd)
