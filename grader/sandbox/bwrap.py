"""The bubblewrap command line: a minimal read-only root holding only what the child needs.

Inside: the Python installation (its site-packages blanked), the system
libraries it links against, NumPy at ``/site/numpy``, the bootstrap and the
channel encoding at ``/sandbox``, a fresh ``/proc``, a ``/dev`` with only
``null``, ``zero`` and ``urandom``, and a private size-capped tmpfs at
``/work`` as the working folder. No host ``/tmp``, ``/run``, home, terminal or
source checkout exists there. Every namespace is new; the child dies with the
grader; a new session takes away the terminal.

As root, a user namespace would map the inside uid onto host uid 0 (see
``shared/design/SANDBOX.md``), so root runs bwrap without one and ``setpriv``
then drops to uid 65534 with no capabilities and ``no_new_privs``. Any other
user gets bwrap's own user namespace and keeps their uid over a root that
leaves nothing to write.
"""

from __future__ import annotations

import functools
import glob
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

SANDBOX_DIR = "/sandbox"
SITE_DIR = "/site"
WORK_DIR = "/work"
WORK_TMPFS_BYTES = 64 * 1024 * 1024
NOBODY = 65534
_DEVICES = ("/dev/null", "/dev/zero", "/dev/urandom")
_SYSTEM_LIBS = ("/usr/lib", "/usr/lib64", "/usr/lib32", "/usr/libx32")


@dataclass(frozen=True)
class Layout:
    """Where the host's pieces come from; computed once per grader process."""

    python: str  # the real interpreter binary (not a venv's symlink)
    prefixes: tuple[str, ...]  # the installation(s) it runs from, bound read-only
    numpy_dir: str
    numpy_libs: str | None
    setpriv: str | None


@functools.cache
def bwrap_path() -> str | None:
    return shutil.which("bwrap")


@functools.cache
def host_layout() -> Layout:
    import importlib.util

    # Found, not imported: a child can be started before this process imports NumPy.
    spec = importlib.util.find_spec("numpy")
    if spec is None or spec.origin is None:
        raise RuntimeError("NumPy is not installed")
    numpy_dir = str(Path(spec.origin).resolve().parent)
    libs = Path(numpy_dir).with_name("numpy.libs")
    python = os.path.realpath(sys.executable)
    prefixes = {os.path.realpath(sys.base_prefix), os.path.realpath(sys.base_exec_prefix)}
    return Layout(
        python=python,
        prefixes=tuple(sorted(prefixes)),
        numpy_dir=numpy_dir,
        numpy_libs=str(libs) if libs.is_dir() else None,
        setpriv=shutil.which("setpriv"),
    )


def _site_dirs(prefix: str) -> list[str]:
    """Every folder of installed packages inside ``prefix`` (blanked in the child)."""
    patterns = (
        "lib/python3*/site-packages",
        "lib/python3*/dist-packages",
        "lib/python3/dist-packages",
        "local/lib/python3*/site-packages",
        "local/lib/python3*/dist-packages",
        "lib64/python3*/site-packages",
    )
    found = {p for pattern in patterns for p in glob.glob(os.path.join(prefix, pattern))}
    return sorted(p for p in found if os.path.isdir(p) and not os.path.islink(p))


class _Args:
    """Accumulates bwrap options; creates parent folders traversable by uid 65534."""

    def __init__(self) -> None:
        self.argv: list[str] = []
        self._dirs: set[str] = {"/"}
        self._bound: list[str] = []

    def add(self, *options: str) -> None:
        self.argv.extend(options)

    def parents(self, path: str) -> None:
        parent = os.path.dirname(path.rstrip("/"))
        missing = []
        while parent not in self._dirs and not self._inside_bind(parent):
            missing.append(parent)
            parent = os.path.dirname(parent)
        for folder in reversed(missing):
            self.add("--perms", "0755", "--dir", folder)
            self._dirs.add(folder)

    def _inside_bind(self, path: str) -> bool:
        return any(path == b or path.startswith(b.rstrip("/") + "/") for b in self._bound)

    def bind(self, source: str, dest: str) -> None:
        self.parents(dest)
        self.add("--ro-bind", source, dest)
        self._dirs.add(dest)
        self._bound.append(dest)

    def blank(self, path: str) -> None:
        """An empty read-only folder over ``path`` (installed packages, for instance)."""
        self.add("--perms", "0755", "--tmpfs", path, "--remount-ro", path)


def command(
    layout: Layout,
    bootstrap_files: dict[str, str],
    *,
    as_root: bool,
    seccomp_fd: int | None,
) -> list[str]:
    """The argv that runs ``layout.python`` in the minimal root (arguments follow it)."""
    bwrap = bwrap_path()
    if bwrap is None:
        raise FileNotFoundError("bwrap")
    args = _Args()
    args.add(bwrap, "--unshare-pid", "--unshare-net", "--unshare-ipc", "--unshare-uts")
    args.add("--unshare-cgroup-try")
    if not as_root:
        args.add("--unshare-user", "--disable-userns", "--cap-drop", "ALL")
    args.add("--die-with-parent", "--new-session")
    for prefix in layout.prefixes:
        args.bind(prefix, prefix)
    for prefix in layout.prefixes:
        for site in _site_dirs(prefix):
            args.blank(site)
    for lib in _SYSTEM_LIBS:
        if os.path.isdir(lib) and not os.path.islink(lib) and lib not in layout.prefixes:
            if not any(lib.startswith(p.rstrip("/") + "/") for p in layout.prefixes):
                args.bind(lib, lib)
    for top in ("/lib", "/lib64", "/lib32", "/libx32", "/bin"):
        if os.path.islink(top):
            args.add("--symlink", os.readlink(top), top)
        elif os.path.isdir(top) and top != "/bin":
            args.bind(top, top)
    if os.path.isfile("/etc/ld.so.cache"):
        args.bind("/etc/ld.so.cache", "/etc/ld.so.cache")
    args.bind(layout.numpy_dir, f"{SITE_DIR}/numpy")
    if layout.numpy_libs:
        args.bind(layout.numpy_libs, f"{SITE_DIR}/numpy.libs")
    for name, source in bootstrap_files.items():
        args.bind(source, f"{SANDBOX_DIR}/{name}")
    if as_root:
        if layout.setpriv is None:
            raise FileNotFoundError("setpriv")
        args.bind(layout.setpriv, "/usr/bin/setpriv")
    args.add("--proc", "/proc")
    args.add("--perms", "0755", "--tmpfs", "/dev")
    for device in _DEVICES:
        args.add("--dev-bind", device, device)
    args.add("--remount-ro", "/dev")
    args.add("--perms", "1777", "--size", str(WORK_TMPFS_BYTES), "--tmpfs", WORK_DIR)
    args.add("--chdir", WORK_DIR, "--remount-ro", "/")
    if seccomp_fd is not None:
        args.add("--seccomp", str(seccomp_fd))
    if as_root:
        # setpriv needs these three to switch uid; it then gives up every capability.
        args.add("--cap-drop", "ALL")
        for cap in ("CAP_SETUID", "CAP_SETGID", "CAP_SETPCAP"):
            args.add("--cap-add", cap)
        args.add("--", "/usr/bin/setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}")
        args.add("--clear-groups", "--inh-caps=-all", "--bounding-set=-all", "--no-new-privs")
    else:
        args.add("--")
    args.add(layout.python)
    return args.argv


class Probe:
    """bubblewrap building this sandbox once (only the interpreter starts: every bind is
    made, yet it costs about 20 ms), started now and judged when ``result`` is asked."""

    def __init__(self) -> None:
        self._proc: subprocess.Popen[bytes] | None = None
        self._result: bool | None = None
        if bwrap_path() is None or not sys.platform.startswith("linux"):
            self._result = False
            return
        try:
            argv = command(host_layout(), {}, as_root=os.geteuid() == 0, seccomp_fd=None)
            # Output is piped so that the wait ends at the child's exit, not at a polling step.
            self._proc = subprocess.Popen(
                [*argv, "-I", "-S", "-c", "pass"],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )
        except (OSError, RuntimeError):
            self._result = False

    def result(self) -> bool:
        """True when bubblewrap built the sandbox and ran the interpreter; waits for it."""
        if self._result is None:
            assert self._proc is not None
            try:
                self._proc.communicate(timeout=20)
                self._result = self._proc.returncode == 0
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.communicate()
                self._result = False
        return self._result


_probe: list[Probe] = []  # this process's one probe


def start_probe() -> Probe:
    """This process's probe, started now if it was not: a child can start meanwhile."""
    if not _probe:
        _probe.append(Probe())
    return _probe[0]


def works() -> bool:
    """bwrap exists and can build this sandbox here (a container may forbid namespaces)."""
    return start_probe().result()
