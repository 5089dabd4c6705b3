"""One language rule for the CLI and the study app, from the environment."""

from __future__ import annotations

import pytest

from renshu.grader.settings import detect_language
from renshu.tui.app import locale_language

CASES = [
    ({}, "en"),
    ({"LANG": "ja_JP.UTF-8"}, "ja"),
    ({"LANG": "C", "LC_MESSAGES": "ja_JP.UTF-8"}, "ja"),  # messages beat LANG (POSIX)
    ({"LC_ALL": "en_US.UTF-8", "LC_MESSAGES": "ja_JP.UTF-8"}, "en"),  # LC_ALL beats all
    ({"LC_ALL": "ja_JP.UTF-8", "LANG": "C"}, "ja"),
    ({"RENSHU_LANG": "en", "LANG": "ja_JP.UTF-8"}, "en"),
    ({"RENSHU_LANG": "ja", "LANG": "C"}, "ja"),
    ({"RENSHU_LANG": "fr", "LANG": "ja_JP.UTF-8"}, "ja"),  # an unknown override is ignored
]


@pytest.mark.parametrize(("env", "expected"), CASES)
def test_the_cli_and_the_tui_pick_the_same_language(
    env: dict[str, str], expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("RENSHU_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert detect_language() == expected
    assert locale_language() == expected


def test_bank_folders_skip_blank_entries(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    import os

    from renshu.grader.quiz.banks import user_bank_dirs

    a, b = tmp_path / "a", tmp_path / "b"
    monkeypatch.setenv("RENSHU_BANKS", f"{a}{os.pathsep} {os.pathsep}{b}")
    assert user_bank_dirs() == [a, b]


@pytest.mark.parametrize(
    ("environ", "expected"),
    [({}, "vi"), ({"EDITOR": ""}, "vi"), ({"EDITOR": "nano -w"}, "nano -w")],
)
def test_the_editor_comes_from_editor_or_is_vi(environ: dict[str, str], expected: str) -> None:
    from renshu.grader.settings import editor_command

    assert editor_command(environ) == expected


def test_no_module_but_settings_reads_the_environment() -> None:
    """Every variable renshu reads is listed in one place (writing Hypothesis's is allowed)."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    readers = []
    for top in ("grader", "tui", "reference"):
        for path in (root / top).rglob("*.py"):
            if path.name == "settings.py":
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if (
                    isinstance(node, ast.Attribute)
                    and node.attr in ("get", "getenv", "__getitem__")
                    and isinstance(node.value, ast.Attribute | ast.Name)
                    and ast.unparse(node.value) in ("os.environ", "os")
                ):
                    readers.append(f"{path.relative_to(root)}:{node.lineno}")
    assert readers == []
