"""renshu (練習): an offline study tool for deep-learning sequence models.

Installed, the repository's top-level folders become this package:
``renshu.reference`` (NumPy references), ``renshu.grader`` (domain core and
CLI), ``renshu.tui`` (Textual app), and the data folders ``exercises`` and
``quizzes``.
"""

__version__ = "0.1.0"
