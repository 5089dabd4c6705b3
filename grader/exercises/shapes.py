"""Dimension expressions in shapes: ``B``, ``H + I``, ``2 * H``, ``(E + 2 * P) // S + 1``.

Parsed with :mod:`ast` and evaluated over a whitelist (names, integers, ``+``,
``-``, ``*``, ``//``, parentheses), never with ``eval``.
"""

from __future__ import annotations

import ast
from functools import lru_cache
from typing import cast


class DimExprError(ValueError):
    """A shape entry that is not a dimension expression."""


@lru_cache(maxsize=256)
def parse_dim_expr(text: str) -> ast.expr:
    """Parse and check a dimension expression; raise ``DimExprError`` if unsupported."""
    try:
        tree = ast.parse(text.strip(), mode="eval").body
    except SyntaxError as e:
        raise DimExprError(f"cannot read dimension expression {text!r}") from e
    for node in ast.walk(tree):
        ok = isinstance(
            node, ast.Name | ast.BinOp | ast.Add | ast.Sub | ast.Mult | ast.FloorDiv | ast.Load
        ) or (isinstance(node, ast.Constant) and type(node.value) is int)
        if not ok:
            raise DimExprError(
                f"dimension expression {text!r} may use names, integers, + - * // only"
            )
    return tree


def dim_names_in(text: str) -> set[str]:
    """Names of dimensions an expression uses."""
    return {n.id for n in ast.walk(parse_dim_expr(text)) if isinstance(n, ast.Name)}


def eval_dim(text: str | int, dims: dict[str, int]) -> int:
    """Evaluate a dimension expression for concrete dimension sizes."""
    if isinstance(text, int):
        return text
    return _eval(parse_dim_expr(text), dims)


def _eval(node: ast.expr, dims: dict[str, int]) -> int:
    if isinstance(node, ast.Constant):
        return int(cast(int, node.value))  # parse_dim_expr admits int constants only
    if isinstance(node, ast.Name):
        return dims[node.id]
    assert isinstance(node, ast.BinOp)
    left, right = _eval(node.left, dims), _eval(node.right, dims)
    if isinstance(node.op, ast.Add):
        return left + right
    if isinstance(node.op, ast.Sub):
        return left - right
    if isinstance(node.op, ast.FloorDiv):
        return left // right
    return left * right
