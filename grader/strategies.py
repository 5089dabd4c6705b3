"""Inputs from an exercise's declarative spec: Hypothesis strategies and fixed edge cases.

Dimensions are drawn first and shared by every argument, so shrinking reduces
them towards their lower bound (usually 1) before the values. Every strategy is
bounded by the ranges the spec states. Hypothesis is imported only here, and
only when a grading needs it.
"""

from __future__ import annotations

import functools
import math
import os
import tempfile
from collections.abc import Callable
from fractions import Fraction
from typing import Any

import numpy as np

# Keep Hypothesis's storage out of the learner's folders (no example database either).
os.environ.setdefault(
    "HYPOTHESIS_STORAGE_DIRECTORY", os.path.join(tempfile.gettempdir(), "renshu-hypothesis")
)

from hypothesis import strategies as st

from .errors import BankError
from .exercise_model import (
    ArgSpec,
    ArraySpec,
    DictSpec,
    DimSpec,
    EdgeCase,
    InputSpec,
    IntSpec,
    JointSpec,
)
from .shape_expr import eval_dim

Drawn = tuple[dict[str, int], dict[str, Any]]

BLEU_WORDS = ("the", "cat", "sat", "on", "mat", "a", "dog", "ran", "to", "home", "big", "red")


def input_strategy(spec: InputSpec) -> st.SearchStrategy[Drawn]:
    """A strategy for ``(dims, args)`` following ``spec``."""

    @st.composite
    def draw(draw_fn: Callable[[st.SearchStrategy[Any]], Any]) -> Drawn:
        dims = {name: draw_fn(_integers(low, high)) for name, (low, high) in spec.dims.items()}
        args = {name: _draw_arg(draw_fn, arg, dims) for name, arg in spec.args.items()}
        for joint in spec.joint:
            args.update(draw_fn(_joint_strategy(joint)))
        return dims, args

    return draw()


def _draw_arg(
    draw_fn: Callable[[st.SearchStrategy[Any]], Any], spec: ArgSpec, dims: dict[str, int]
) -> Any:
    # Strategies are cached by their parameters: building and validating a fresh strategy
    # object for every draw cost more than drawing from it.
    if isinstance(spec, ArraySpec):
        shape = tuple(eval_dim(d, dims) for d in spec.shape)
        return draw_fn(_array_strategy(spec.range, shape))
    if isinstance(spec, DimSpec):
        return dims[spec.name]
    if isinstance(spec, IntSpec):
        return draw_fn(_integers(*spec.range))
    assert isinstance(spec, DictSpec)
    return {k: _draw_arg(draw_fn, v, dims) for k, v in spec.entries.items()}


@functools.cache
def _integers(low: int, high: int) -> st.SearchStrategy[int]:
    return st.integers(low, high)


@functools.cache
def _array_strategy(
    value_range: tuple[float, float], shape: tuple[int, ...]
) -> st.SearchStrategy[np.ndarray]:
    """float64 arrays of ``shape``: one byte per element indexes a simplest-first table.

    Four times cheaper than per-element float draws, every element drawn
    independently (a constant fill would hide transposes), and shrinking bytes
    towards zero shrinks values towards 0, ±1, ±0.5, ...
    """
    table = value_table(*value_range)
    size = int(np.prod(shape, dtype=np.int64))
    return st.binary(min_size=size, max_size=size).map(
        lambda raw: table[np.frombuffer(raw, dtype=np.uint8).astype(np.intp) % len(table)].reshape(
            shape
        )
    )


@functools.cache
def value_table(low: float, high: float) -> np.ndarray:
    """Up to 256 values of the 1/64 grid within [low, high], simplest first.

    Simplicity is (denominator, magnitude, negative after positive), so index 0
    is the value closest to 0 and the first entries are whole numbers and halves.
    """
    ks = range(math.ceil(low * 64), math.floor(high * 64) + 1)
    values = [Fraction(k, 64) for k in ks] or [Fraction(low).limit_denominator(64)]
    values.sort(key=lambda v: (v.denominator, abs(v), v < 0))
    return np.array([float(v) for v in values[:256]], dtype=np.float64)


def _joint_strategy(spec: JointSpec) -> st.SearchStrategy[dict[str, Any]]:
    return _joint_cached(spec.strategy, tuple(spec.produces), tuple(sorted(spec.options.items())))


@functools.cache
def _joint_cached(
    strategy: str, produces: tuple[str, ...], options: tuple[tuple[str, int], ...]
) -> st.SearchStrategy[dict[str, Any]]:
    if strategy == "bleu_overlap":
        return bleu_overlap(list(produces), **dict(options))
    raise BankError(f"unknown joint strategy {strategy!r}")


def bleu_overlap(
    names: list[str], vocab_size: int = 6, max_len: int = 10, max_refs: int = 3
) -> st.SearchStrategy[dict[str, Any]]:
    """A BLEU candidate made by editing one of the references, so n-grams overlap.

    Edits (substitute, delete, insert, repeat) make partial matches, clipping
    and both shorter and longer candidates, so the brevity penalty is reached.
    """
    words = BLEU_WORDS[: max(1, min(vocab_size, len(BLEU_WORDS)))]
    token = st.sampled_from(words)
    sentence = st.lists(token, min_size=1, max_size=max_len)

    @st.composite
    def draw(draw_fn: Callable[[st.SearchStrategy[Any]], Any]) -> dict[str, Any]:
        references = draw_fn(st.lists(sentence, min_size=1, max_size=max_refs))
        base = list(references[draw_fn(st.integers(0, len(references) - 1))])
        edits = draw_fn(
            st.lists(
                st.tuples(st.sampled_from(("sub", "del", "ins", "rep")), st.integers(0, 99), token),
                max_size=5,
            )
        )
        candidate = base
        for op, at, word in edits:
            i = at % (len(candidate) + 1)
            if op == "ins":
                candidate.insert(i, word)
            elif candidate and i < len(candidate):
                if op == "sub":
                    candidate[i] = word
                elif op == "del":
                    del candidate[i]
                else:
                    candidate.insert(i, candidate[i])
        candidate = candidate[: max_len + 5]
        cand_name, refs_name = names
        return {cand_name: candidate, refs_name: references}

    return draw()


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
            args[name] = _sample(arg, dims, rng)
        elif isinstance(arg, ArraySpec):
            args[name] = np.asarray(case.args[name], dtype=np.float64)
        else:
            args[name] = case.args[name]
    for joint in spec.joint:
        missing = [n for n in joint.produces if n not in case.args]
        if missing:
            raise BankError(f"an edge case must give {missing} literally ({joint.strategy})")
        args.update({n: case.args[n] for n in joint.produces})
    return dims, args


def _sample(spec: ArgSpec, dims: dict[str, int], rng: np.random.Generator) -> Any:
    if isinstance(spec, ArraySpec):
        shape = tuple(eval_dim(d, dims) for d in spec.shape)
        return rng.uniform(*spec.range, size=shape)
    if isinstance(spec, DimSpec):
        return dims[spec.name]
    if isinstance(spec, IntSpec):
        return int(rng.integers(spec.range[0], spec.range[1] + 1))
    assert isinstance(spec, DictSpec)
    return {k: _sample(v, dims, rng) for k, v in spec.entries.items()}
