"""The Textual study app (arrives with the TUI issue); imports grader, never the reverse."""
