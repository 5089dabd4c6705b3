"""Placeholder until the exercise list lands (replaced in the same change)."""

from textual.screen import Screen


class ExerciseListScreen(Screen[None]):
    pass
