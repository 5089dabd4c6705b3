"""The JSON config the runner hands the sandbox child (``argv[1]``), as typed dicts.

The parent builds it (``launch.prepare``, then ``runner``) and the child's
bootstrap and fallback read it. The child never imports this module: it runs
with the standard library and NumPy only, so it names these types for the
type checker alone (under ``TYPE_CHECKING``).
"""

from __future__ import annotations

from typing import TypedDict


class ChildLimits(TypedDict):
    """The resource limits the child sets on itself before anything else."""

    address_space_mib: int
    cpu_seconds: int
    file_size_mib: int
    open_files: int


class FallbackConfig(TypedDict):
    """How the child hardens itself where bubblewrap is missing (``child_fallback``)."""

    path: str  # child_fallback.py, loaded by path
    private_mounts: bool
    hide_paths: list[str]
    keep_paths: list[str]
    grader_cwd: str
    grader_home: str
    seccomp_fd: int | None


class LaunchConfig(ChildLimits):
    """What ``launch.prepare`` decides for one isolation level."""

    wire_path: str
    site_paths: list[str]
    submission_path: str
    fallback: FallbackConfig | None


class ChildConfig(LaunchConfig):
    """The full config: the launch's, plus the channel's file descriptors."""

    request_fd: int
    response_fd: int
