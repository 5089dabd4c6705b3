"""Waiting in Pilot tests for a state rather than for a fixed time (a loaded CI machine is slow)."""

from __future__ import annotations

from collections.abc import Callable

from textual.pilot import Pilot


async def wait_until(pilot: Pilot, condition: Callable[[], bool], timeout: float = 30.0) -> None:
    """Pause until ``condition()`` holds; a condition that raises (a widget not mounted yet)
    counts as not yet."""
    for _ in range(int(timeout / 0.05)):
        try:
            if condition():
                return
        except Exception:
            pass
        await pilot.pause(0.05)
    raise AssertionError(f"timed out after {timeout} s waiting for {condition}")
