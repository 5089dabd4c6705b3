"""The texts the workspace screen builds from its words (``workspace.*`` in the catalogue)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text

from renshu.grader.settings import Lang
from renshu.grader.wording import say

from ..widgets.grade_view import VERDICT_STYLE
from ..workspace_files import home_relative

if TYPE_CHECKING:
    from renshu.grader.exercises.catalogue import LoadedExercise

SPINNER = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"


def state_line(
    path: Path | None, unsaved: bool, grading: bool, spin: int, status: str | None, lang: Lang
) -> Text:
    """The line under the editor: the file, saved or not, and grading or the last verdict."""
    state = Text()
    if path is None:
        state.append(say("workspace.state.loading", lang), "dim")
    else:
        state.append(home_relative(path), "dim")
        state.append("  ")
        if unsaved:
            state.append(say("workspace.state.unsaved", lang), "bold yellow")
        else:
            state.append(say("workspace.state.saved", lang), "dim")
    if grading:
        state.append(f"  {SPINNER[spin % len(SPINNER)]} ", "bold cyan")
        state.append(say("workspace.state.grading", lang), "bold cyan")
    elif status is not None:
        state.append("  ")
        state.append(f" {say(f'workspace.verdict.{status}', lang)} ", VERDICT_STYLE[status])
    return state


def hints_markdown(exercise: LoadedExercise, shown: int, lang: Lang) -> str:
    """The first ``shown`` hints, each under its number."""
    hints = exercise.spec.hints
    return "\n\n".join(
        f"**{say('workspace.hint.title', lang, i=i + 1, n=len(hints))}**  \n{hint.get(lang)}"
        for i, hint in enumerate(hints[:shown])
    )


def hint_button_label(exercise: LoadedExercise, shown: int, lang: Lang) -> str:
    """What the hint button says: the next hint's number, or that there are no more."""
    total = len(exercise.spec.hints)
    if shown < total:
        return say("workspace.hint.button", lang, i=shown + 1, n=total)
    return say("workspace.hint.none_left", lang)
