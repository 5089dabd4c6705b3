"""Placeholder until the workspace lands (replaced in the same change)."""

from textual.screen import Screen


class WorkspaceScreen(Screen[None]):
    def __init__(self, exercise_id: str) -> None:
        super().__init__()
        self.exercise_id = exercise_id
