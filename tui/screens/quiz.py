"""Placeholder until the quiz screen lands (replaced in the same change)."""

from textual.screen import Screen


class QuizScreen(Screen[None]):
    def __init__(self, items, title: str = "", mode: str = "topic") -> None:
        super().__init__()
        self.items = items
