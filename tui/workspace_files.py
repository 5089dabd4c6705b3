"""The workspace's file side, without any UI: the learner's copy of an exercise's starter.

``WorkspaceFile`` finds (or has the study service create) the file, reads it,
saves it atomically, notices when another program changed or deleted it, and
runs ``$EDITOR`` on it. ``RunTags`` numbers the grading runs and lets only the
newest one grade. Errors come out as ``WorkspaceFileError`` and ``EditorError``
with the file or command named; the workspace screen turns them into notices.
"""

from __future__ import annotations

import os
import shlex
import stat
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, TypeVar

from renshu.grader import settings

T = TypeVar("T")
FileSignature = tuple[int, int, int]  # (inode, size, mtime in ns)

# A change within this many seconds of the last one may leave size and mtime as they were
# (a same-length write in the same clock tick): such a file is read again to be sure.
RACY_SECONDS = 2.0
# Saves are seen at once by the file watcher (``renshu.grader.file_watch``, as in
# ``renshu watch``); this slow poll only catches what a watcher cannot see (some network
# file systems).
POLL_SECONDS = 5.0
NEW_FILE_MODE = 0o644

# One grading at a time: Hypothesis keeps global state, and a stale run still
# waiting for the lock lets the next one skip itself if an even newer save came in.
_GRADE_LOCK = threading.Lock()


class WorkspaceFileError(Exception):
    """The learner's file could not be found, read or written; the message says which and why."""

    def __init__(self, path: Path | None, error: OSError) -> None:
        if path is None and error.filename:
            path = Path(os.fsdecode(error.filename))
        self.path = path
        self.error = error
        reason = error.strerror or str(error)
        super().__init__(f"{path}: {reason}" if path is not None else reason)


class EditorError(Exception):
    """``$EDITOR`` could not be started (a bad command line or a missing program)."""

    def __init__(self, command: str, error: Exception) -> None:
        self.command = command
        self.error = error
        super().__init__(f"{command}: {error}")


@dataclass(frozen=True)
class DiskChange:
    """What polling found: nothing new, new text written by another program, or a file
    that had gone and was recreated from the starter (``text`` is then the starter)."""

    kind: Literal["unchanged", "changed", "recreated"]
    text: str = ""


UNCHANGED = DiskChange("unchanged")


def file_signature(path: Path) -> FileSignature | None:
    """What changes when a file is rewritten or replaced (``None`` if it is gone)."""
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def home_relative(path: Path) -> str:
    """``~/…`` for a path under the home folder, else the path as it is."""
    try:
        return "~/" + str(path.relative_to(Path.home()))
    except ValueError:
        return str(path)


def atomic_write(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so that a reader sees the old file or the new one, never half:
    a temporary file in the same folder, flushed to disk, then renamed over the old one (a
    symlink is written through; the file keeps its permissions; a missing folder is made)."""
    target = Path(os.path.realpath(path))
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        mode = NEW_FILE_MODE
    fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        with suppress(OSError):
            os.unlink(temporary)
        raise


class WorkspaceFile:
    """The learner's file of one exercise, and what this program last read or wrote there.

    ``locate`` returns the file's path, creating it from the starter when it is missing
    (``StudyService.workspace_file``). ``path`` is ``None`` until ``open`` has located it.
    """

    def __init__(self, locate: Callable[[], Path]) -> None:
        self._locate = locate
        self.path: Path | None = None
        self.disk_text = ""  # what the file held when last read or written here
        self._signature: FileSignature | None = None

    # -- reading and writing -----------------------------------------------------------

    def open(self) -> str:
        """Locate the file (recreating it from the starter if it is gone) and read it.

        On a read error the file counts as empty, so the error is reported once, not at
        every poll; the ``WorkspaceFileError`` says why.
        """
        try:
            self.path = self._locate()
        except OSError as error:
            raise WorkspaceFileError(self.path, error) from error
        self._signature = file_signature(self.path)
        self.disk_text = ""
        self.disk_text = self._read(self.path)
        return self.disk_text

    def _read(self, path: Path) -> str:
        try:
            return path.read_text(encoding="utf-8", errors="replace")
        except OSError as error:
            raise WorkspaceFileError(path, error) from error

    def save(self, text: str) -> None:
        """Write ``text`` atomically (``WorkspaceFileError`` if it cannot be written)."""
        if self.path is None:
            raise RuntimeError("save() before open(): the file has not been located")
        try:
            atomic_write(self.path, text)
        except OSError as error:
            raise WorkspaceFileError(self.path, error) from error
        self.disk_text = text
        self._signature = file_signature(self.path)

    def save_quietly(self, text: str) -> bool:
        """Save ``text`` if it differs from the file, ignoring errors (when leaving the screen)."""
        if not self.is_unsaved(text):
            return True
        try:
            self.save(text)
        except WorkspaceFileError:
            return False
        return True

    def is_unsaved(self, text: str) -> bool:
        """Whether ``text`` (the editor's) differs from what the file holds."""
        return self.path is not None and text != self.disk_text

    # -- changes by other programs -----------------------------------------------------

    def poll(self, now_ns: int | None = None) -> DiskChange:
        """Compare the file with what was last read or written here (call about once a second).

        A gone file is recreated from the starter (``recreated``); new text written by
        another program is read in (``changed``); a file only touched is ``unchanged``.
        """
        if self.path is None:
            return UNCHANGED
        signature = file_signature(self.path)
        if signature is None:
            return DiskChange("recreated", self.open())
        if signature == self._signature:
            now = time.time_ns() if now_ns is None else now_ns
            if now - signature[2] >= RACY_SECONDS * 1e9:
                return UNCHANGED
            try:  # changed too recently to trust size and mtime: look at the text
                text = self._read(self.path)
            except WorkspaceFileError:
                return UNCHANGED  # already reported when the signature last changed
        else:
            self._signature = signature
            text = self._read(self.path)
        if text == self.disk_text:
            return UNCHANGED  # touched, not changed
        self.disk_text = text
        return DiskChange("changed", text)

    # -- $EDITOR -----------------------------------------------------------------------

    def editor_command(self, environ: Mapping[str, str] | None = None) -> list[str]:
        """``$EDITOR`` (``vi`` if unset) split like a shell would, with the file appended."""
        if self.path is None:
            raise RuntimeError("editor_command() before open(): the file has not been located")
        command = settings.editor_command(environ)
        try:
            words = shlex.split(command)
        except ValueError as error:
            raise EditorError(command, error) from error
        if not words:
            raise EditorError(command, ValueError("the command is empty"))
        return [*words, str(self.path)]

    def run_editor(
        self, suspend: AbstractContextManager[object], environ: Mapping[str, str] | None = None
    ) -> int:
        """Run ``$EDITOR`` on the file inside ``suspend`` (the UI steps aside); its exit code.

        The command line is checked before ``suspend`` is entered; whatever ``suspend``
        raises (a terminal that cannot suspend) comes out as it is.
        """
        argv = self.editor_command(environ)
        with suspend:
            try:
                return subprocess.call(argv)
            except OSError as error:
                raise EditorError(argv[0], error) from error


class RunTags:
    """Numbers the grading runs; only the newest run may grade and have its result shown."""

    def __init__(self) -> None:
        self.latest = 0

    def new(self) -> int:
        self.latest += 1
        return self.latest

    def is_current(self, run: int) -> bool:
        return run == self.latest

    def run_if_current(self, run: int, job: Callable[[], T]) -> T | None:
        """Run ``job`` under the one grading lock unless a newer run started meanwhile
        (then ``None``): a burst of saves grades the first and the last, not every one."""
        with _GRADE_LOCK:
            if not self.is_current(run):
                return None
            return job()
