"""The Textual study app; imports ``renshu.grader``, never the reverse."""

from .app import RenshuApp, make_app

__all__ = ["RenshuApp", "make_app"]
