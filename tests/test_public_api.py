"""Each sub-package declares its public API; it resolves, and importing it costs nothing."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

PACKAGES = [
    "renshu.grader.cli",
    "renshu.grader.exercises",
    "renshu.grader.formats",
    "renshu.grader.grading",
    "renshu.grader.progress",
    "renshu.grader.quiz",
    "renshu.grader.sandbox",
    "renshu.grader.wording",
]


@pytest.mark.parametrize("name", PACKAGES)
def test_every_public_name_resolves(name: str) -> None:
    package = importlib.import_module(name)
    assert package.__all__, f"{name} declares no public API"
    for attr in package.__all__:
        assert getattr(package, attr) is not None, f"{name}.{attr}"


def test_importing_the_grading_package_does_not_load_hypothesis_or_the_sandbox() -> None:
    code = (
        "import sys, renshu.grader.grading, renshu.grader.quiz, renshu.grader.exercises;"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'hypothesis'"
        " or m.startswith('renshu.grader.sandbox')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
