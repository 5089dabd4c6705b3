"""Write a reference out as a standalone learner-style solution file."""

from __future__ import annotations

import ast
import importlib
import inspect

from renshu.grader.exercises.catalogue import LoadedExercise


def solution_source(exercise: LoadedExercise) -> str:
    """``# exercise: <id>``, the reference module's imports, its helpers, then the function."""
    ref = exercise.spec.reference
    module = importlib.import_module(f"renshu.reference.{ref.module}")
    imports = _absolute_imports(inspect.getsource(module))
    parts = [f"# exercise: {exercise.id}", "", *imports, ""]
    for helper in ref.helpers:
        mod_name, fn_name = helper.rsplit(".", 1)
        helper_module = importlib.import_module(f"renshu.reference.{mod_name}")
        for line in _absolute_imports(inspect.getsource(helper_module)):
            if line not in parts:
                parts.insert(2, line)
        parts += ["", inspect.getsource(getattr(helper_module, fn_name)).rstrip(), ""]
    parts += ["", inspect.getsource(getattr(module, ref.function)).rstrip(), ""]
    return "\n".join(parts)


def _absolute_imports(source: str) -> list[str]:
    lines = []
    for node in ast.parse(source).body:
        if isinstance(node, ast.Import) or (isinstance(node, ast.ImportFrom) and not node.level):
            if not (isinstance(node, ast.ImportFrom) and node.module == "__future__"):
                lines.append(ast.unparse(node))
    return lines
