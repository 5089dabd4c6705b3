"""Watching one file for saves (watchfiles): the watch command and the app share this.

Editors save in different ways (write in place, write a temporary file and rename
it over, delete and recreate); watching the file's folder and filtering on the
file's resolved path sees all of them. ``file_changes`` yields ``True`` after
each burst of changes (debounced) and ``False`` on quiet timeouts, so the caller
can do other work between saves; it ends when ``stop`` is set.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

DEBOUNCE_MS = 50  # an editor's save is often two or three events within a few ms
QUIET_TIMEOUT_MS = 200


def file_changes(path: Path, stop: threading.Event) -> Iterator[bool]:
    """True after each save of ``path``; False every ``QUIET_TIMEOUT_MS`` without one."""
    from watchfiles import watch

    target = path.resolve()

    def only_the_file(_change: object, changed: str) -> bool:
        return bool(Path(changed).resolve() == target)

    for changes in watch(
        target.parent,
        watch_filter=only_the_file,
        debounce=DEBOUNCE_MS,
        step=20,
        stop_event=stop,
        yield_on_timeout=True,
        rust_timeout=QUIET_TIMEOUT_MS,
        recursive=False,
    ):
        yield bool(changes)
