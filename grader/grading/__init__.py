"""renshu.grader.grading."""
