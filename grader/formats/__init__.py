"""renshu.grader.formats."""
