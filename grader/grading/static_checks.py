"""Checks on a submission's source before anything runs: syntax, function, signature, blanks."""

from __future__ import annotations

import ast
from dataclasses import dataclass

from renshu.grader.text import Bilingual


@dataclass(frozen=True)
class StaticProblem:
    """Why a file cannot be graded yet: ``reason`` is a stable code, ``message`` bilingual."""

    reason: str  # syntax | too_complex | missing_function | not_a_function | signature | unfinished
    message: Bilingual
    line: int | None = None
    column: int | None = None


def check_source(
    source: str, function: str, signature: list[str], filename: str
) -> StaticProblem | None:
    """The first problem that stops grading, or None when the file can be run."""
    try:
        tree = ast.parse(source, filename=filename)
    except (MemoryError, RecursionError):
        # CPython's parser gives up on very deep nesting (``-`` * 200000 + ``1``, or
        # ``1+`` * 200000 + ``1``): the file is valid Python it cannot build a tree for.
        return StaticProblem(
            "too_complex",
            Bilingual(
                ja=f"{filename}: 式の入れ子が深すぎるため、Python がこのファイルを解析できません。"
                "式をいくつかの変数に分けて、入れ子を浅くしてください。",
                en=f"{filename}: expressions are nested too deeply for Python to parse the file. "
                "Split them into several variables to make the nesting shallower.",
            ),
        )
    except ValueError as e:  # e.g. text that cannot be encoded (lone surrogates)
        return StaticProblem(
            "syntax",
            Bilingual(ja=f"{filename}: 構文エラー: {e}", en=f"{filename}: syntax error: {e}"),
        )
    except SyntaxError as e:
        line, col = e.lineno or 1, e.offset or 1
        what = e.msg or "invalid syntax"
        return StaticProblem(
            "syntax",
            Bilingual(
                ja=f"{filename}:{line}:{col}: 構文エラー: {what}",
                en=f"{filename}:{line}:{col}: syntax error: {what}",
            ),
            line,
            col,
        )
    target = _find_definition(tree, function)
    if target is None:
        defined = [
            n.name for n in tree.body if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)
        ]
        listed = ", ".join(defined) if defined else "(none)"
        return StaticProblem(
            "missing_function",
            Bilingual(
                ja=f"関数 `{function}` が定義されていません。このファイルで定義されている関数: {listed}",
                en=f"function `{function}` is not defined. Functions this file defines: {listed}",
            ),
        )
    if isinstance(target, ast.AsyncFunctionDef):
        return _not_plain(function, target, "async def", "async def")
    if isinstance(target, ast.FunctionDef):
        if _is_generator(target):
            return _not_plain(
                function, target, "ジェネレータ(yield を含む)", "a generator (uses yield)"
            )
        problem = _check_arity(target, function, signature)
        if problem:
            return problem
    blanks = _unfinished_blanks(tree)
    if blanks:
        lines = ", ".join(str(n) for n in blanks[:8])
        return StaticProblem(
            "unfinished",
            Bilingual(
                ja=f"まだ完成していません: `...` の空欄が {len(blanks)} か所残っています(行 {lines})。"
                "TODO の箇所を埋めてください。",
                en=f"not finished yet: {len(blanks)} `...` blank(s) remain (line {lines}). "
                "Fill in the TODOs.",
            ),
            blanks[0],
        )
    return None


def _find_definition(tree: ast.Module, name: str) -> ast.AST | None:
    """The last top-level statement binding ``name`` (a def, or an assignment)."""
    found: ast.AST | None = None
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name == name:
            found = node
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(t, ast.Name) and t.id == name for t in targets):
                found = node
        elif isinstance(node, ast.ImportFrom | ast.Import):
            if any((a.asname or a.name) == name for a in node.names):
                found = node
    return found


def _not_plain(function: str, node: ast.AST, ja_kind: str, en_kind: str) -> StaticProblem:
    line = getattr(node, "lineno", None)
    return StaticProblem(
        "not_a_function",
        Bilingual(
            ja=f"`{function}` は {ja_kind} です。値を return する普通の関数(def)にしてください。",
            en=f"`{function}` is {en_kind}; write a plain function (def) that returns its value.",
        ),
        line,
        getattr(node, "col_offset", 0) + 1,
    )


def _is_generator(fn: ast.FunctionDef) -> bool:
    """True if ``yield`` appears in ``fn`` itself (not in a nested function or lambda)."""
    stack: list[ast.AST] = list(fn.body)
    while stack:
        node = stack.pop()
        if isinstance(node, ast.Yield | ast.YieldFrom):
            return True
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda | ast.ClassDef):
            continue
        stack.extend(ast.iter_child_nodes(node))
    return False


def _check_arity(fn: ast.FunctionDef, function: str, signature: list[str]) -> StaticProblem | None:
    args = fn.args
    positional = len(args.posonlyargs) + len(args.args)
    required = positional - len(args.defaults)
    kwonly_required = sum(1 for d in args.kw_defaults if d is None)
    want = len(signature)
    if required <= want and (positional >= want or args.vararg) and not kwonly_required:
        return None
    contract = f"{function}({', '.join(signature)})"
    return StaticProblem(
        "signature",
        Bilingual(
            ja=f"`{function}` の引数は {positional} 個ですが、課題の契約は {want} 個です: {contract}",
            en=f"`{function}` takes {positional} argument(s) but the contract has {want}: {contract}",
        ),
        fn.lineno,
        fn.col_offset + 1,
    )


def _unfinished_blanks(tree: ast.Module) -> list[int]:
    """Lines holding a ``...`` blank; ``x[..., 0]`` indexing is not a blank."""
    in_subscript: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Subscript):
            in_subscript.update(id(n) for n in ast.walk(node.slice))
    lines = {
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and node.value is Ellipsis
        and id(node) not in in_subscript
    }
    return sorted(lines)
