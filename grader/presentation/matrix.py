"""A returned value as rows of numbers, for heatmaps (2-D, or 3-D with a batch of one)."""

from __future__ import annotations

import math
from typing import Any

Matrix = list[list[float | None]]


def as_matrix(value: Any) -> Matrix | None:
    """``value`` as rows of numbers if it is 2-D (or 3-D with a leading size-1 axis), else None."""
    if (
        isinstance(value, list)
        and len(value) == 1
        and isinstance(value[0], list)
        and value[0]
        and all(isinstance(row, list) for row in value[0])
    ):
        value = value[0]  # a batch of one: (1, R, C) -> (R, C)
    if not isinstance(value, list) or not value:
        return None
    if not all(isinstance(row, list) and row for row in value):
        return None
    width = len(value[0])
    if any(len(row) != width for row in value):
        return None
    matrix: Matrix = []
    for row in value:
        cells: list[float | None] = []
        for cell in row:
            if isinstance(cell, list):
                return None  # deeper than 2-D
            cells.append(number_or_none(cell))
        matrix.append(cells)
    return matrix


def number_or_none(cell: Any) -> float | None:
    """A finite number as a float; NaN, infinities and non-numbers as None."""
    if isinstance(cell, bool) or not isinstance(cell, int | float):
        return None
    value = float(cell)
    return value if math.isfinite(value) else None
