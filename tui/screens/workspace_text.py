"""The workspace screen's words in Japanese and English, and the texts it builds from them."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text

from ..i18n import Lang, tr
from ..widgets.grade_view import VERDICT_STYLE
from ..workspace_files import home_relative

if TYPE_CHECKING:
    from renshu.grader.exercises.catalogue import LoadedExercise

SPINNER = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"

STRINGS: dict[str, tuple[str, str]] = {
    "tab.task": ("課題", "Task"),
    "tab.result": ("結果", "Result"),
    "tab.solution": ("模範解答", "Solution"),
    "hint.title": ("ヒント {i}/{n}", "Hint {i} of {n}"),
    "hint.button": ("ヒント ({i}/{n})", "Hint ({i}/{n})"),
    "hint.none_left": ("ヒントはこれで全部です", "No more hints"),
    "state.loading": ("読み込み中…", "Loading…"),
    "state.saved": ("保存済み", "saved"),
    "state.unsaved": ("● 未保存 (ctrl+s で保存して採点)", "● unsaved (ctrl+s saves and grades)"),
    "state.grading": ("採点中…", "grading…"),
    "verdict.pass": ("合格", "PASS"),
    "verdict.fail": ("不合格", "FAIL"),
    "verdict.error": ("エラー", "ERROR"),
    "notice.unknown": ("演習 {id} が見つかりません", "There is no exercise called {id}"),
    "notice.unreadable": ("作業ファイルを読めません: {error}", "Cannot read your file: {error}"),
    "notice.unwritable": ("保存できませんでした: {error}", "Could not save: {error}"),
    "notice.missing": (
        "作業ファイルがなくなっていたので、ひな形から作り直しました。"
        "エディタの内容はそのままです(ctrl+s で保存)。",
        "Your workspace file was missing, so it was recreated from the starter."
        " The editor keeps your text (ctrl+s saves it).",
    ),
    "notice.reloaded": (
        "ファイルが外部で変更されたので読み込み直して採点します",
        "The file changed on disk: reloaded, grading",
    ),
    "notice.locked": (
        "模範解答は合格すると見られます。",
        "The reference solution unlocks after you pass.",
    ),
    "notice.passed": (
        "合格です!ctrl+o で模範解答と見比べられます。",
        "Passed! ctrl+o shows the reference solution beside your code.",
    ),
    "notice.grading_failed": ("採点できませんでした", "Grading failed"),
    "notice.no_suspend": (
        "この端末ではアプリを一時停止して外部エディタを開けません",
        "This terminal cannot suspend the app to run an external editor",
    ),
    "notice.editor_failed": (
        "エディタ {cmd} を起動できません: {error}($EDITOR を設定してください)",
        "Could not start the editor {cmd}: {error} (set $EDITOR)",
    ),
    "notice.editor_exit": (
        "{cmd} が終了コード {code} で終わりました",
        "{cmd} exited with code {code}",
    ),
    "notice.solution_failed": (
        "模範解答を表示できません: {error}",
        "Cannot show the solution: {error}",
    ),
}


def state_line(
    path: Path | None, unsaved: bool, grading: bool, spin: int, status: str | None, lang: Lang
) -> Text:
    """The line under the editor: the file, saved or not, and grading or the last verdict."""
    state = Text()
    if path is None:
        state.append(tr(STRINGS, "state.loading", lang), "dim")
    else:
        state.append(home_relative(path), "dim")
        state.append("  ")
        if unsaved:
            state.append(tr(STRINGS, "state.unsaved", lang), "bold yellow")
        else:
            state.append(tr(STRINGS, "state.saved", lang), "dim")
    if grading:
        state.append(f"  {SPINNER[spin % len(SPINNER)]} ", "bold cyan")
        state.append(tr(STRINGS, "state.grading", lang), "bold cyan")
    elif status is not None:
        state.append("  ")
        state.append(f" {tr(STRINGS, f'verdict.{status}', lang)} ", VERDICT_STYLE[status])
    return state


def hints_markdown(exercise: LoadedExercise, shown: int, lang: Lang) -> str:
    """The first ``shown`` hints, each under its number."""
    hints = exercise.spec.hints
    return "\n\n".join(
        f"**{tr(STRINGS, 'hint.title', lang, i=i + 1, n=len(hints))}**  \n{hint.get(lang)}"
        for i, hint in enumerate(hints[:shown])
    )


def hint_button_label(exercise: LoadedExercise, shown: int, lang: Lang) -> str:
    """What the hint button says: the next hint's number, or that there are no more."""
    total = len(exercise.spec.hints)
    if shown < total:
        return tr(STRINGS, "hint.button", lang, i=shown + 1, n=total)
    return tr(STRINGS, "hint.none_left", lang)
