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
