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

from renshu.grader.errors import BankError
from renshu.grader.exercises.model import (
    ArgSpec,
    ArraySpec,
    BoolArraySpec,
    BoolSpec,
    DictSpec,
    DimSpec,
    EdgeCase,
    FloatSpec,
    InputSpec,
    IntArraySpec,
    IntSpec,
    JointSpec,
    ListSpec,
)
from renshu.grader.exercises.shapes import eval_dim

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
        shape = _shape(spec.shape, dims)
        return apply_layout(draw_fn(_array_strategy(spec.range, shape)), spec.layout)
    if isinstance(spec, IntArraySpec):
        low, high = (eval_dim(b, dims) for b in spec.range)
        return draw_fn(_int_array_strategy(low, high, _shape(spec.shape, dims)))
    if isinstance(spec, BoolArraySpec):
        if spec.optional and draw_fn(_booleans()):
            return None
        return draw_fn(_int_array_strategy(0, 1, _shape(spec.shape, dims))).astype(bool)
    if isinstance(spec, DimSpec):
        return dims[spec.name]
    if isinstance(spec, IntSpec):
        return draw_fn(_integers(*spec.range))
    if isinstance(spec, FloatSpec):
        table = value_table(*spec.range)
        return float(table[draw_fn(_integers(0, len(table) - 1))])
    if isinstance(spec, BoolSpec):
        return draw_fn(_booleans())
    if isinstance(spec, ListSpec):
        return [_draw_arg(draw_fn, item, dims) for item in spec.items]
    assert isinstance(spec, DictSpec)
    return {k: _draw_arg(draw_fn, v, dims) for k, v in spec.entries.items()}


def _shape(shape: list[str | int], dims: dict[str, int]) -> tuple[int, ...]:
    return tuple(eval_dim(d, dims) for d in shape)


def apply_layout(values: np.ndarray, layout: str) -> np.ndarray:
    """Turn drawn values into rows of probabilities or valid boxes (see ``ArraySpec``)."""
    if layout == "stochastic":
        weights = np.abs(values)
        totals = weights.sum(axis=-1, keepdims=True)
        uniform = np.full_like(weights, 1.0 / max(weights.shape[-1], 1))
        safe = np.where(totals > 0, totals, 1.0)
        return np.where(totals > 0, weights / safe, uniform)
    if layout == "boxes":
        x1, y1 = values[..., 0], values[..., 1]
        x2 = x1 + 1.0 + np.abs(values[..., 2])
        y2 = y1 + 1.0 + np.abs(values[..., 3])
        return np.stack([x1, y1, x2, y2], axis=-1)
    return values


@functools.cache
def _integers(low: int, high: int) -> st.SearchStrategy[int]:
    return st.integers(low, high)


@functools.cache
def _booleans() -> st.SearchStrategy[bool]:
    return st.booleans()


@functools.cache
def _int_array_strategy(
    low: int, high: int, shape: tuple[int, ...]
) -> st.SearchStrategy[np.ndarray]:
    """int64 arrays of ``shape`` in ``[low, high]``, one byte per element, shrinking to ``low``."""
    size = int(np.prod(shape, dtype=np.int64))
    span = max(high - low + 1, 1)
    return st.binary(min_size=size, max_size=size).map(
        lambda raw: (low + np.frombuffer(raw, dtype=np.uint8).astype(np.int64) % span).reshape(
            shape
        )
    )


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
    if strategy == "bleu_corpus":
        return bleu_corpus(list(produces), **dict(options))
    raise BankError(f"unknown joint strategy {strategy!r}")


def bleu_overlap(
    names: list[str], vocab_size: int = 6, max_len: int = 10, max_refs: int = 3
) -> st.SearchStrategy[dict[str, Any]]:
    """A BLEU candidate made by editing one of the references, so n-grams overlap.

    Edits (substitute, delete, insert, repeat) make partial matches, clipping
    and both shorter and longer candidates, so the brevity penalty is reached.
    """
    cand_name, refs_name = names
    return _bleu_pair(vocab_size, max_len, max_refs).map(
        lambda pair: {cand_name: pair[0], refs_name: pair[1]}
    )


def bleu_corpus(
    names: list[str],
    vocab_size: int = 6,
    max_len: int = 8,
    max_refs: int = 3,
    max_sentences: int = 4,
) -> st.SearchStrategy[dict[str, Any]]:
    """A corpus: a list of candidates and, per candidate, its list of references."""
    cands_name, refs_name = names
    pairs = st.lists(_bleu_pair(vocab_size, max_len, max_refs), min_size=1, max_size=max_sentences)
    return pairs.map(lambda ps: {cands_name: [p[0] for p in ps], refs_name: [p[1] for p in ps]})


def _bleu_pair(
    vocab_size: int, max_len: int, max_refs: int
) -> st.SearchStrategy[tuple[list[str], list[list[str]]]]:
    words = BLEU_WORDS[: max(1, min(vocab_size, len(BLEU_WORDS)))]
    token = st.sampled_from(words)
    sentence = st.lists(token, min_size=1, max_size=max_len)

    @st.composite
    def draw(draw_fn: Callable[[st.SearchStrategy[Any]], Any]) -> tuple[list[str], list[list[str]]]:
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
        return candidate[: max_len + 5], references

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
        else:
            args[name] = _literal(arg, case.args[name])
    for joint in spec.joint:
        missing = [n for n in joint.produces if n not in case.args]
        if missing:
            raise BankError(f"an edge case must give {missing} literally ({joint.strategy})")
        args.update({n: case.args[n] for n in joint.produces})
    return dims, args


def _literal(spec: ArgSpec, value: Any) -> Any:
    """An edge case's literal value in the type the spec promises."""
    if isinstance(spec, ArraySpec):
        return np.asarray(value, dtype=np.float64)
    if isinstance(spec, IntArraySpec):
        return np.asarray(value, dtype=np.int64)
    if isinstance(spec, BoolArraySpec):
        return None if value is None else np.asarray(value, dtype=bool)
    if isinstance(spec, FloatSpec):
        return float(value)
    if isinstance(spec, ListSpec) and isinstance(value, list):
        return [_literal(item, v) for item, v in zip(spec.items, value, strict=True)]
    if isinstance(spec, DictSpec) and isinstance(value, dict):
        return {
            k: _literal(spec.entries[k], v) if k in spec.entries else v for k, v in value.items()
        }
    return value


def _sample(spec: ArgSpec, dims: dict[str, int], rng: np.random.Generator) -> Any:
    if isinstance(spec, ArraySpec):
        values = rng.uniform(*spec.range, size=_shape(spec.shape, dims))
        return apply_layout(values, spec.layout)
    if isinstance(spec, IntArraySpec):
        low, high = (eval_dim(b, dims) for b in spec.range)
        return rng.integers(low, high + 1, size=_shape(spec.shape, dims)).astype(np.int64)
    if isinstance(spec, BoolArraySpec):
        return rng.random(_shape(spec.shape, dims)) < 0.5
    if isinstance(spec, DimSpec):
        return dims[spec.name]
    if isinstance(spec, IntSpec):
        return int(rng.integers(spec.range[0], spec.range[1] + 1))
    if isinstance(spec, FloatSpec):
        return float(rng.choice(value_table(*spec.range)))
    if isinstance(spec, BoolSpec):
        return bool(rng.random() < 0.5)
    if isinstance(spec, ListSpec):
        return [_sample(item, dims, rng) for item in spec.items]
    assert isinstance(spec, DictSpec)
    return {k: _sample(v, dims, rng) for k, v in spec.entries.items()}
