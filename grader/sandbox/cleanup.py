"""Removing a folder the submission filled, however deep, without recursion.

``shutil.rmtree`` recurses once per level (a 3,000-deep chain raises
``RecursionError``) and builds ever longer paths (``ENAMETOOLONG``). This walks
down and back up with directory file descriptors, holding two at a time and
one name per level, and never follows a symbolic link. It runs only after the
child and all its processes are dead, so nothing moves under it.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

_DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)


def remove_tree(path: Path) -> bool:
    """Delete ``path`` and everything under it; True if nothing is left."""
    try:
        fd = os.open(path, _DIR_FLAGS)
    except FileNotFoundError:
        return True
    except OSError:
        try:
            os.unlink(path)
            return True
        except OSError:
            return False
    names: list[str] = []  # the folders entered below ``path``, top first
    try:
        while True:
            child = _first_subfolder(fd)
            if child is not None:
                sub = _enter(fd, child)
                if sub is None:
                    os.unlink(child, dir_fd=fd)  # not a folder after all: remove it
                    continue
                os.close(fd)
                fd = sub
                names.append(child)
                continue
            if not names:
                break
            up = os.open("..", _DIR_FLAGS, dir_fd=fd)
            os.close(fd)
            fd = up
            os.rmdir(names.pop(), dir_fd=fd)
    except OSError:
        return False
    finally:
        os.close(fd)
    try:
        os.rmdir(path)
    except OSError:
        return False
    return True


def _enter(fd: int, name: str) -> int | None:
    """Open subfolder ``name``; a folder the submission made unreadable is made readable."""
    try:
        return os.open(name, _DIR_FLAGS, dir_fd=fd)
    except PermissionError:
        os.chmod(name, 0o700, dir_fd=fd, follow_symlinks=False)
        return os.open(name, _DIR_FLAGS, dir_fd=fd)
    except NotADirectoryError:
        return None


def _first_subfolder(fd: int) -> str | None:
    """Unlink every non-folder entry of ``fd``; the name of one subfolder, if any."""
    with os.scandir(fd) as entries:
        for entry in entries:
            try:
                mode = entry.stat(follow_symlinks=False).st_mode
            except FileNotFoundError:
                continue
            if stat.S_ISDIR(mode):
                return entry.name
            os.unlink(entry.name, dir_fd=fd)
    return None
