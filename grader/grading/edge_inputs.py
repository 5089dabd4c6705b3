"""Concrete inputs for an exercise's named edge cases (NumPy only: no Hypothesis here,
so a grading that replays a plan never imports it)."""

from __future__ import annotations

from typing import Any

import numpy as np

from renshu.grader.errors import BankError
from renshu.grader.exercises.model import EdgeCase, InputSpec

Drawn = tuple[dict[str, int], dict[str, Any]]


def edge_case_args(spec: InputSpec, case: EdgeCase, seed: int) -> Drawn:
    """Concrete ``(dims, args)`` for an edge case: its dims and literals, the rest sampled."""
    rng = np.random.default_rng(seed)
    dims = {
        name: case.dims.get(name, int(rng.integers(low, high + 1)))
        for name, (low, high) in spec.dims.items()
    }
    args: dict[str, Any] = {}
    for name, arg in spec.args.items():
        if name not in case.args:
            args[name] = arg.sample(dims, rng)
        else:
            args[name] = arg.literal(case.args[name])
    for joint in spec.joint:
        missing = [n for n in joint.produces if n not in case.args]
        if missing:
            raise BankError(f"an edge case must give {missing} literally ({joint.strategy})")
        args.update({n: case.args[n] for n in joint.produces})
    return dims, args
