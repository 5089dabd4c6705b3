"""renshu.grader.exercises."""
