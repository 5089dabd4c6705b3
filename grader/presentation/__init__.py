"""renshu.grader.presentation."""
