"""Sandbox children started ahead, so a grading does not wait for one to boot.

Starting a child (bubblewrap, the interpreter, NumPy) is a third of a grading.
A child knows nothing of the submission until its import request (the file,
the function's name, the file's name), so it can be started before the grader
knows any of them:

- ``WarmChild`` (watch mode, the app) keeps one started: ``take`` hands it over
  for exactly one submission and starts the next at once.
- ``start_early`` (``renshu grade FILE``) starts one as the command begins,
  before the grader's own imports; it boots on the other core meanwhile, and
  the grading takes it with ``take_early``.

A child is never reused: each grading gets a fresh interpreter, as a cold
grading does. One not taken is killed when the process exits.
"""

from __future__ import annotations

import atexit
import os
import threading

from renshu.grader.sandbox import Limits, SandboxRunner


class WarmChild:
    """Keeps one started child with ``limits``; use as a context manager."""

    def __init__(self, limits: Limits | None = None) -> None:
        self.limits = limits or Limits()
        self._ready: SandboxRunner | None = None
        self._lock = threading.Lock()
        self._closed = False

    def start_next(self) -> None:
        """Start a child now if none is waiting (cheap: it boots in its own process)."""
        with self._lock:
            if self._ready is None and not self._closed:
                runner = SandboxRunner("", "", "submission.py", self.limits)
                runner.start()
                self._ready = runner

    def take(self, limits: Limits | None = None) -> SandboxRunner | None:
        """The waiting child, if it has ``limits`` (else None: grade cold); the next starts."""
        if (limits or Limits()) != self.limits:
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


_early: tuple[int, SandboxRunner] | None = None  # (the pid that started it, the child)


def start_early() -> None:
    """Start one child with the default limits for this process's next grading."""
    global _early
    if _early is not None:
        return
    from renshu.grader.sandbox.isolation import early_isolation

    # Bubblewrap's probe runs beside the child instead of before it; checked when taken.
    runner = SandboxRunner("", "", "submission.py", isolation=early_isolation())
    runner.start()
    _early = (os.getpid(), runner)
    atexit.register(_close_early)


def take_early(limits: Limits | None = None) -> SandboxRunner | None:
    """The child ``start_early`` started, once, if it has ``limits`` and the isolation level
    this machine has; else None.

    A forked worker never gets it: the child's channel belongs to the process that
    started it."""
    from renshu.grader.sandbox import detect_isolation

    global _early
    if _early is None or _early[0] != os.getpid():
        return None
    if (limits or Limits()) != _early[1].limits or _early[1].isolation != detect_isolation():
        _close_early()  # other limits, or started under a bubblewrap that does not work here
        return None
    runner, _early = _early[1], None
    return runner


def _close_early() -> None:
    global _early
    if _early is not None and _early[0] == os.getpid():
        _early[1].close()
    _early = None
