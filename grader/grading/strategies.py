"""Inputs from an exercise's declarative spec: Hypothesis strategies and fixed edge cases.

Dimensions are drawn first and shared by every argument, so shrinking reduces
them towards their lower bound (usually 1) before the values. Every strategy is
bounded by the ranges the spec states. Hypothesis is imported only here, and
only when a grading needs it.
"""

from __future__ import annotations

import functools
import os
import tempfile
from collections.abc import Callable
from typing import Any

import numpy as np

# Keep Hypothesis's storage out of the learner's folders (no example database either).
os.environ.setdefault(
    "HYPOTHESIS_STORAGE_DIRECTORY", os.path.join(tempfile.gettempdir(), "renshu-hypothesis")
)

from hypothesis import strategies as st

from renshu.grader.errors import BankError
from renshu.grader.exercises.model import (
    InputSpec,
    JointSpec,
)
from renshu.grader.exercises.value_layout import apply_layout, value_table  # noqa: F401
from renshu.grader.grading.edge_inputs import edge_case_args  # noqa: F401  (re-exported)

Drawn = tuple[dict[str, int], dict[str, Any]]

BLEU_WORDS = ("the", "cat", "sat", "on", "mat", "a", "dog", "ran", "to", "home", "big", "red")
# Tokens are any strings: a capitalised twin ("The" is not "the") and tokens holding a
# space, so that n-grams joined with spaces collide ("the cat" + "sat" and "the" +
# "cat sat" both read "the cat sat"). Listed after the words, so shrinking prefers words.
BLEU_TRICKY_TOKENS = ("The", "the cat", "cat sat")


def input_strategy(spec: InputSpec) -> st.SearchStrategy[Drawn]:
    """A strategy for ``(dims, args)`` following ``spec``."""

    @st.composite
    def draw(draw_fn: Callable[[st.SearchStrategy[Any]], Any]) -> Drawn:
        dims = {name: draw_fn(_integers(low, high)) for name, (low, high) in spec.dims.items()}
        draws = _HypothesisDraws(draw_fn)
        args = {name: arg.draw(draws, dims) for name, arg in spec.args.items()}
        for joint in spec.joint:
            args.update(draw_fn(_joint_strategy(joint)))
        return dims, args

    return draw()


class _HypothesisDraws:
    """``input_kinds.Draws`` from Hypothesis: every value shrinks towards the simplest.

    Strategies are cached by their parameters: building and validating a fresh strategy
    object for every draw cost more than drawing from it.
    """

    def __init__(self, draw_fn: Callable[[st.SearchStrategy[Any]], Any]) -> None:
        self._draw = draw_fn

    def integer(self, low: int, high: int) -> int:
        return int(self._draw(_integers(low, high)))

    def boolean(self) -> bool:
        return bool(self._draw(_booleans()))

    def floats(self, value_range: tuple[float, float], shape: tuple[int, ...]) -> np.ndarray:
        return np.asarray(self._draw(_array_strategy(value_range, shape)))

    def ints(self, low: int, high: int, shape: tuple[int, ...]) -> np.ndarray:
        return np.asarray(self._draw(_int_array_strategy(low, high, shape)))


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
    token = st.sampled_from(words + BLEU_TRICKY_TOKENS)
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
