"""Checks on a submission's source before anything runs: syntax, function, signature, blanks."""

from __future__ import annotations

import ast
from dataclasses import dataclass

from renshu.grader.grading.result import Reason
from renshu.grader.wording import Message, msg
from renshu.grader.wording import MessageCode as C


@dataclass(frozen=True)
class StaticProblem:
    """Why a file cannot be graded yet: the result's ``reason`` and the message as data."""

    reason: Reason  # SYNTAX, TOO_COMPLEX, MISSING_FUNCTION, NOT_A_FUNCTION, SIGNATURE, UNFINISHED
    message: Message
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
        return StaticProblem(Reason.TOO_COMPLEX, msg(C.TOO_COMPLEX, file=filename))
    except ValueError as e:  # e.g. text that cannot be encoded (lone surrogates)
        return StaticProblem(Reason.SYNTAX, msg(C.SYNTAX_UNPARSABLE, file=filename, detail=str(e)))
    except SyntaxError as e:
        line, col = e.lineno or 1, e.offset or 1
        what = e.msg or "invalid syntax"
        return StaticProblem(
            Reason.SYNTAX,
            msg(C.SYNTAX, file=filename, line=line, column=col, detail=what),
            line,
            col,
        )
    target = _find_definition(tree, function)
    if target is None:
        defined = [
            n.name for n in tree.body if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)
        ]
        listed: str | Message = ", ".join(defined) if defined else msg(C.NONE_DEFINED)
        return StaticProblem(
            Reason.MISSING_FUNCTION, msg(C.MISSING_FUNCTION, function=function, defined=listed)
        )
    if isinstance(target, ast.AsyncFunctionDef):
        return _not_plain(function, target, msg(C.KIND_ASYNC))
    if isinstance(target, ast.FunctionDef):
        if _is_generator(target):
            return _not_plain(function, target, msg(C.KIND_GENERATOR))
        problem = _check_arity(target, function, signature)
        if problem:
            return problem
    blanks = _unfinished_blanks(tree)
    if blanks:
        lines = ", ".join(str(n) for n in blanks[:8])
        return StaticProblem(
            Reason.UNFINISHED, msg(C.UNFINISHED, count=len(blanks), lines=lines), blanks[0]
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


def _not_plain(function: str, node: ast.AST, kind: Message) -> StaticProblem:
    line = getattr(node, "lineno", None)
    return StaticProblem(
        Reason.NOT_A_FUNCTION,
        msg(C.NOT_PLAIN, function=function, kind=kind),
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
        Reason.SIGNATURE,
        msg(C.SIGNATURE, function=function, given=positional, wanted=want, contract=contract),
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
