"""How the child is started at each isolation level: its argv, config and working folder.

Under bubblewrap and in the namespace fallback the child writes the
submission (sent on the channel) into a private tmpfs, so nothing of it ever
touches the host's disk, even if the grader is killed. Only the process-group
fallback needs a host folder; its name carries the grader's pid, so a later
grading removes the folders of graders that died (``sweep_stale_folders``).
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from renshu.grader.sandbox import bwrap, seccomp_policy
from renshu.grader.sandbox.child_config import ChildLimits, LaunchConfig
from renshu.grader.sandbox.cleanup import remove_tree
from renshu.grader.sandbox.isolation import IsolationLevel, namespace_prefix

HERE = Path(__file__).resolve().parent
BOOTSTRAP = HERE / "child_bootstrap.py"
FALLBACK = HERE / "child_fallback.py"
WIRE = HERE / "wire.py"  # by path: the parent need not import it (nor NumPy) to start a child
FOLDER_PREFIX = "renshu-sandbox-"
_FOLDER = re.compile(rf"^{FOLDER_PREFIX}(\d+)-")


@dataclass
class Launch:
    """Everything ``subprocess.Popen`` needs for one child, and what to clean up after."""

    argv: list[str]
    config: LaunchConfig
    cwd: str
    pass_fds: tuple[int, ...]
    host_folder: Path | None
    seccomp: bool


def prepare(level: IsolationLevel, limits: ChildLimits) -> Launch:
    """The launch for ``level``; the caller closes ``pass_fds`` after the child started.

    Nothing in it depends on the submission: its function and file name come with the
    import request, so a child can be started before the grader knows either."""
    seccomp_fd = _seccomp_fd()
    fds = () if seccomp_fd is None else (seccomp_fd,)
    config: LaunchConfig
    if level.uses_bwrap:
        layout = bwrap.host_layout()
        files = {"child_bootstrap.py": str(BOOTSTRAP), "wire.py": str(WIRE)}
        use_filter = seccomp_fd if level is IsolationLevel.BUBBLEWRAP else None
        prefix = bwrap.command(layout, files, as_root=os.geteuid() == 0, seccomp_fd=use_filter)
        config = {
            **limits,
            "wire_path": f"{bwrap.SANDBOX_DIR}/wire.py",
            "site_paths": [bwrap.SITE_DIR],
            "submission_path": f"{bwrap.WORK_DIR}/submission.py",
            "fallback": None,
        }
        argv = [*prefix, "-I", "-S", "-B", f"{bwrap.SANDBOX_DIR}/child_bootstrap.py"]
        return Launch(argv, config, "/", fds, None, use_filter is not None)
    host_folder = None if level.private_mounts else _host_folder()
    layout = bwrap.host_layout()
    keep = [*layout.prefixes, layout.numpy_dir, layout.numpy_libs or ""]
    config = {
        **limits,
        "wire_path": str(WIRE),
        "site_paths": [str(Path(layout.numpy_dir).parent)],
        "submission_path": str((host_folder or Path("/tmp/work")) / "submission.py"),
        "fallback": {
            "path": str(FALLBACK),
            "private_mounts": level.private_mounts,
            "hide_paths": renshu_folders() if level.private_mounts else [],
            "keep_paths": [p for p in keep if p],
            "grader_cwd": os.getcwd(),
            "grader_home": os.path.expanduser("~"),
            "seccomp_fd": seccomp_fd,
        },
    }
    argv = [*namespace_prefix(level), sys.executable, "-I", "-S", "-B", str(BOOTSTRAP)]
    cwd = str(host_folder) if host_folder else "/"
    return Launch(argv, config, cwd, fds, host_folder, seccomp_fd is not None)


def _seccomp_fd() -> int | None:
    try:
        return seccomp_policy.program_fd()
    except seccomp_policy.SeccompUnavailable:
        return None


def _host_folder() -> Path:
    sweep_stale_folders()
    folder = Path(tempfile.mkdtemp(prefix=f"{FOLDER_PREFIX}{os.getpid()}-"))
    os.chmod(folder, 0o700)
    return folder


def sweep_stale_folders() -> int:
    """Remove the host folders of graders that no longer run; how many were removed."""
    removed = 0
    with contextlib.suppress(OSError):
        for entry in os.scandir(tempfile.gettempdir()):
            match = _FOLDER.match(entry.name)
            if not match or not entry.is_dir(follow_symlinks=False):
                continue
            if entry.stat(follow_symlinks=False).st_uid != os.geteuid():
                continue
            if not _alive(int(match.group(1))):
                remove_tree(Path(entry.path))
                removed += 1
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def renshu_folders() -> list[str]:
    """renshu's own code and data folders, hidden from the child where mounts are private."""
    package = HERE.parent.parent
    return [
        str(package / name) for name in ("reference", "grader", "exercises", "quizzes", "tests")
    ]
