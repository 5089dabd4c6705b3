"""The exercise folders are complete, and the committed catalogue matches the generated one."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

from renshu.grader.cli.main import main
from renshu.grader.errors import BankError
from renshu.grader.exercises.catalogue import builtin_exercise_ids, load_exercise
from renshu.grader.exercises.docs import catalogue_markdown
from renshu.grader.quiz.banks import load_curriculum

ROOT = Path(__file__).resolve().parent.parent
EXERCISES_DIR = ROOT / "exercises"
FOLDERS = sorted(p for p in EXERCISES_DIR.iterdir() if p.is_dir() and p.name != "__pycache__")


def reference_test_names(tests_dir: Path) -> set[str]:
    """Names of the test functions in ``tests/test_reference_*.py``."""
    names: set[str] = set()
    for path in tests_dir.glob("test_reference_*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names |= {n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)}
    return names


def problems_of(folder: Path, tests_dir: Path) -> list[str]:
    """Everything an exercise folder lacks; empty when it is complete."""
    problems = [
        f"{name} is missing"
        for name in ("exercise.yaml", "starter.py", "misconceptions.py")
        if not (folder / name).is_file()
    ]
    if problems:
        return problems
    try:
        spec = load_exercise(folder).spec
    except BankError as e:
        return [f"exercise.yaml is invalid: {e}"]
    listed = load_curriculum().topics.get(spec.topic)
    if listed is None or spec.id not in listed.exercises:
        problems.append(f"quizzes/curriculum.yaml does not list {spec.id} under {spec.topic}")
    if len(spec.misconceptions) < 3:
        problems.append("fewer than three misconceptions")
    if len(spec.hints) < 2:
        problems.append("fewer than two hints")
    if not spec.edge_cases:
        problems.append("no edge cases")
    module = ast.parse((folder / "misconceptions.py").read_text(encoding="utf-8"))
    defined = {n.name for n in module.body if isinstance(n, ast.FunctionDef)}
    problems += [
        f"misconceptions.py has no function {m.function}"
        for m in spec.misconceptions
        if m.function not in defined
    ]
    starter = (folder / "starter.py").read_text(encoding="utf-8")
    if not starter.startswith(f"# exercise: {spec.id}\n") or "TODO" not in starter:
        problems.append("starter.py must start with '# exercise: <id>' and have TODO blanks")
    try:
        module_ = importlib.import_module(f"renshu.reference.{spec.reference.module}")
        getattr(module_, spec.reference.function)
    except (ImportError, AttributeError):
        problems.append(f"no reference {spec.reference.module}.{spec.reference.function}")
    if not any(n.startswith(f"test_{spec.id}_") for n in reference_test_names(tests_dir)):
        problems.append(
            f"no test_{spec.id}_* in tests/test_reference_*.py checks the reference against an "
            "independent formulation"
        )
    return problems


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.name)
def test_every_exercise_folder_is_complete(folder: Path) -> None:
    assert problems_of(folder, ROOT / "tests") == []


def test_a_half_done_exercise_is_caught(tmp_path: Path) -> None:
    source = EXERCISES_DIR / "gru_cell"
    folder = tmp_path / "exercises" / "gru_cell"
    folder.mkdir(parents=True)
    (folder / "exercise.yaml").write_text(
        (source / "exercise.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    assert problems_of(folder, tmp_path) == [
        "starter.py is missing",
        "misconceptions.py is missing",
    ]
    for name in ("starter.py", "misconceptions.py"):
        (folder / name).write_text((source / name).read_text(encoding="utf-8"), encoding="utf-8")
    # No reference test in this empty tests folder.
    assert problems_of(folder, tmp_path) == [
        "no test_gru_cell_* in tests/test_reference_*.py checks the reference against an "
        "independent formulation"
    ]
    (folder / "misconceptions.py").write_text("def other():\n    pass\n", encoding="utf-8")
    assert any("has no function" in p for p in problems_of(folder, ROOT / "tests"))


def test_the_committed_catalogue_is_up_to_date() -> None:
    committed = (ROOT / "docs" / "exercises.md").read_text(encoding="utf-8")
    assert committed == catalogue_markdown("en"), (
        "docs/exercises.md is stale: renshu exercises --markdown > docs/exercises.md"
    )


def test_catalogue_lists_every_contract(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["exercises", "--markdown"]) == 0
    out = capsys.readouterr().out
    for folder in FOLDERS:
        spec = load_exercise(folder).spec
        assert f"### `{spec.id}`" in out
        assert f"{spec.function}({', '.join(spec.signature)})" in out
    assert "| `xs` | float64 (B, T, I) in [-2, 2] |" in out  # bidirectional_rnn's first argument


def test_the_curriculum_lists_only_existing_exercises_each_once() -> None:
    listed = [ex for topic in load_curriculum().topics.values() for ex in topic.exercises]
    assert sorted(listed) == builtin_exercise_ids()


def test_the_exercise_list_follows_the_curriculum(tmp_path: Path) -> None:
    from renshu.grader.progress.study import StudyService

    ids = [item.exercise.id for item in StudyService(tmp_path).exercises()]
    assert ids[:4] == ["rnn_forward", "rnn_bptt", "clip_grad_norm", "lstm_cell"]
    assert ids.index("sentence_bleu") < ids.index("corpus_bleu")
    assert ids[-1] == "quantize_int8"
