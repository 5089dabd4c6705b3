"""renshu.grader.quiz."""
