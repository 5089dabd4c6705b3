"""Where the learner was: the app reopens there (the exercise, the quiz and its questions left).

The place is one setting of the progress store, a small JSON object written
whenever the learner opens a screen or answers a question. Reading it back never
trusts it: an unknown screen, a wrong type, an exercise or question that no longer
exists gives no place (the app opens on Home) or drops what is gone.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Literal

from renshu.grader.progress.store import ProgressStore

SETTING = "resume_place"
MAX_REMAINING = 500
Screen = Literal["home", "exercises", "stats", "workspace", "quiz"]
Mode = Literal["topic", "review"]
_SCREENS: tuple[Screen, ...] = ("home", "exercises", "stats", "workspace", "quiz")


@dataclass(frozen=True)
class Place:
    """A screen to reopen; a quiz keeps its title, mode and the questions not yet answered."""

    screen: Screen
    exercise: str | None = None
    mode: Mode = "topic"
    title: str = ""
    remaining: tuple[str, ...] = field(default_factory=tuple)


def save_place(store: ProgressStore, place: Place) -> None:
    data = {
        "screen": place.screen,
        "exercise": place.exercise,
        "mode": place.mode,
        "title": place.title,
        "remaining": list(place.remaining[:MAX_REMAINING]),
    }
    store.set_setting(SETTING, json.dumps(data, ensure_ascii=False))


def load_place(store: ProgressStore, exercises: set[str], questions: set[str]) -> Place | None:
    """The saved place if it still makes sense with these exercises and questions."""
    try:
        data = json.loads(store.setting(SETTING, "null"))
    except ValueError:
        return None
    if not isinstance(data, dict) or data.get("screen") not in _SCREENS:
        return None
    screen: Screen = data["screen"]
    if screen == "workspace":
        exercise = data.get("exercise")
        return Place("workspace", exercise=exercise) if exercise in exercises else None
    if screen == "quiz":
        remaining = data.get("remaining")
        title = data.get("title")
        mode: Mode = "review" if data.get("mode") == "review" else "topic"
        if not isinstance(remaining, list) or not isinstance(title, str):
            return None
        kept = tuple(q for q in remaining[:MAX_REMAINING] if isinstance(q, str) and q in questions)
        return Place("quiz", mode=mode, title=title[:200], remaining=kept) if kept else None
    return None if screen == "home" else Place(screen)
