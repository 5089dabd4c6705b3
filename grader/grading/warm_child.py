"""One sandbox child started ahead, NumPy imported, waiting for the next file.

Watch mode and the app regrade the same exercise on every save. Starting the
child (bubblewrap, the interpreter, NumPy) is a third of a grading, so a
``WarmChild`` keeps one started: ``take`` hands it over for exactly one
submission and starts the next at once, in the background of the grading that
follows (the child boots in its own process). A child is never reused: each
grading gets a fresh interpreter, as a cold grading does.
"""

from __future__ import annotations

import threading

from renshu.grader.sandbox import Limits, SandboxRunner


class WarmChild:
    """Keeps one started child for ``function`` and ``display_name``; use as a context."""

    def __init__(self, function: str, display_name: str, limits: Limits | None = None) -> None:
        self.function = function
        self.display_name = display_name
        self.limits = limits
        self._ready: SandboxRunner | None = None
        self._lock = threading.Lock()
        self._closed = False

    def start_next(self) -> None:
        """Start a child now if none is waiting (cheap: it boots in its own process)."""
        with self._lock:
            if self._ready is None and not self._closed:
                runner = SandboxRunner("", self.function, self.display_name, self.limits)
                runner.start()
                self._ready = runner

    def take(
        self, function: str, display_name: str, limits: Limits | None = None
    ) -> SandboxRunner | None:
        """The waiting child, if it fits (else None: grade cold); the next one starts."""
        fits = (function, display_name, limits or Limits())
        if fits != (self.function, self.display_name, self.limits or Limits()):
            return None
        with self._lock:
            runner, self._ready = self._ready, None
        self.start_next()
        return runner

    def close(self) -> None:
        with self._lock:
            self._closed = True
            runner, self._ready = self._ready, None
        if runner is not None:
            runner.close()

    def __enter__(self) -> WarmChild:
        self.start_next()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
