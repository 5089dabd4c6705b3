"""renshu's domain core: exercises, input strategies, the sandboxed runner,
comparison, diagnosis, reports and the CLI. Never imports the TUI."""
