"""Generic mistakes, applied to every exercise's reference, are named by their generic id.

Each variant is the reference with one generic mistake built in (its output ×3, its
tuple items swapped, its arguments swapped, ...). Observations are made in process,
as the grader makes them (edge cases, then generated inputs), so this runs without a
sandbox; tests/test_exercises.py grades real files end to end. A variant that is not
wrong on these inputs (a symmetric function with its arguments swapped) is not
counted, and the test checks that enough variants are wrong for it to mean something.
"""

from __future__ import annotations

import copy
import warnings
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import seed as hypothesis_seed

from renshu.grader.exercises.catalogue import LoadedExercise, builtin_catalog
from renshu.grader.exercises.model import ArrayReturn, TupleReturn
from renshu.grader.grading.compare import compare
from renshu.grader.grading.diagnosis import diagnose
from renshu.grader.grading.observation import Observation
from renshu.grader.grading.result import HitKind
from renshu.grader.grading.strategies import edge_case_args, input_strategy

CATALOG = builtin_catalog()
Variant = Callable[..., Any]


def _drawn(exercise: LoadedExercise, n: int = 10) -> list[tuple[dict[str, int], dict[str, Any]]]:
    spec = exercise.spec
    out = [edge_case_args(spec.inputs, case, i) for i, case in enumerate(spec.edge_cases)]

    @hypothesis_seed(1)
    @settings(
        max_examples=n,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(input_strategy(spec.inputs))
    def collect(drawn: tuple[dict[str, int], dict[str, Any]]) -> None:
        out.append(drawn)

    collect()
    return out


def _observe(exercise: LoadedExercise, variant: Variant) -> list[Observation]:
    spec = exercise.spec
    reference = exercise.reference_function()
    observations = []
    for dims, args in _drawn(exercise):
        ordered = [args[n] for n in spec.signature]
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            expected = reference(*copy.deepcopy(ordered))
            try:
                got = variant(*copy.deepcopy(ordered))
            except Exception:
                continue  # the grader reports a crash; it is not a diagnosis
        failed = compare(expected, got, spec.returns, dims, spec.tolerance) is not None
        observations.append(Observation(dims, args, got, failed))
    return observations[:12]


def _items(spec: Any) -> list[Any]:
    return list(spec.items) if isinstance(spec, TupleReturn) else [spec]


def _on_item(exercise: LoadedExercise, change: Callable[[np.ndarray], Any]) -> Variant | None:
    """The reference with ``change`` applied to its first float array item (or float)."""
    ref = exercise.reference_function()
    items = _items(exercise.spec.returns)
    tuple_return = isinstance(exercise.spec.returns, TupleReturn)
    for index, item in enumerate(items):
        if item.kind in ("array", "float"):

            def variant(*args: Any, index: int = index, kind: str = item.kind) -> Any:
                out = ref(*args)
                if not tuple_return:
                    return change(np.asarray(out)) if kind == "array" else float(change(out))
                values = list(out)
                values[index] = change(np.asarray(values[index]))
                return tuple(values)

            return variant
    return None


def _array_item(exercise: LoadedExercise, min_ndim: int) -> bool:
    item = _items(exercise.spec.returns)[0]
    return isinstance(item, ArrayReturn) and len(item.shape) >= min_ndim


def _variants(exercise: LoadedExercise) -> dict[str, Variant | None]:
    ref = exercise.reference_function()
    spec = exercise.spec
    items = _items(spec.returns)
    tuple_return = isinstance(spec.returns, TupleReturn)
    first = _items(spec.returns)[0]
    floats = first.kind in ("array", "float")
    out: dict[str, Variant | None] = {
        "generic.constant_factor": _on_item(exercise, lambda v: v * 3.0) if floats else None,
        "generic.extra_items": lambda *a: (*(ref(*a) if tuple_return else (ref(*a),)), 0.0),
        "generic.tuple_swapped": (
            (lambda *a: (ref(*a)[1], ref(*a)[0], *ref(*a)[2:]))
            if tuple_return and len(items) >= 2
            else None
        ),
        "generic.one_item_only": (lambda *a: ref(*a)[0]) if tuple_return else None,
        "generic.argument_order": (
            (lambda *a: ref(a[1], a[0], *a[2:])) if len(spec.signature) >= 2 else None
        ),
    }
    if _array_item(exercise, 1) and not tuple_return and first.kind == "array":
        out["generic.reversed"] = lambda *a: np.flip(np.asarray(ref(*a)), 0)
        out["generic.shifted_later"] = lambda *a: _shift(np.asarray(ref(*a)))
        out["generic.first_slice_only"] = lambda *a: _first_row_only(np.asarray(ref(*a)))
    for position, name in enumerate(spec.signature):
        arg = spec.inputs.args.get(name)
        if arg is not None and arg.kind == "dict":
            keys = [k for k in arg.entries if k.startswith("W")][:2]
            if len(keys) == 2:
                out["generic.entries_swapped"] = _swap_entries(ref, position, *keys)
            break
    if first.kind == "ints" and not tuple_return:
        out["generic.mask_not_indices"] = lambda *a: _mask(ref(*a), len(a[0]))
    x = next((n for n in spec.signature if _same_shape_as_output(spec, n)), None)
    if x is not None and not tuple_return:
        position = spec.signature.index(x)
        out["generic.wrong_axis"] = _along_first_axis(ref, position)
        out["generic.over_everything"] = _over_everything(ref, position)
    if _array_item(exercise, 2) and not tuple_return:
        out["generic.transposed"] = lambda *a: np.swapaxes(np.asarray(ref(*a)), 0, 1)
        out["generic.reshaped"] = lambda *a: np.asarray(ref(*a)).reshape(-1)
    return out


def _shift(out: np.ndarray) -> np.ndarray:
    return np.concatenate([np.zeros_like(out[:1]), out[:-1]])


def _mask(indices: Any, length: int) -> np.ndarray:
    mask = np.zeros(length, dtype=bool)
    mask[np.asarray(indices, dtype=np.int64)] = True
    return mask


def _first_row_only(out: np.ndarray) -> np.ndarray:
    wrong = out.astype(np.float64).copy()
    wrong[1:] = wrong[1:] * 0.5 + 0.25
    return wrong


def _swap_entries(ref: Variant, position: int, a: str, b: str) -> Variant:
    def variant(*args: Any) -> Any:
        args = list(args)
        entries = dict(args[position])
        entries[a], entries[b] = entries[b], entries[a]
        args[position] = entries
        return ref(*args)

    return variant


def _same_shape_as_output(spec: Any, name: str) -> bool:
    arg, ret = spec.inputs.args.get(name), spec.returns
    return (
        arg is not None
        and arg.kind == "array"
        and isinstance(ret, ArrayReturn)
        and len(ret.shape) >= 2
        and [str(d) for d in arg.shape] == [str(d) for d in ret.shape]
    )


def _along_first_axis(ref: Variant, position: int) -> Variant:
    def variant(*args: Any) -> Any:
        args = list(args)
        args[position] = np.swapaxes(args[position], 0, -1)
        return np.swapaxes(np.asarray(ref(*args)), 0, -1)

    return variant


def _over_everything(ref: Variant, position: int) -> Variant:
    def variant(*args: Any) -> Any:
        args = list(args)
        shape = args[position].shape
        args[position] = args[position].reshape((1,) * (len(shape) - 1) + (-1,))
        return np.asarray(ref(*args)).reshape(shape)

    return variant


def _named(exercise: LoadedExercise, variant: Variant) -> tuple[bool, Any]:
    observations = _observe(exercise, variant)
    wrong = any(o.failed for o in observations)
    return wrong, diagnose(exercise, observations) if wrong else None


# Where an exercise's own misconception is exactly this mistake, it is named instead (it
# says more): the reference given (h_prev, x) concatenates input first, and so on.
OWN_NAME = {
    ("lstm_cell", "generic.argument_order"): "concat_input_first",
    ("embedding_lookup", "generic.transposed"): "embeddings_as_columns",
    ("esn_readout", "generic.transposed"): "readout_transposed",
    ("softmax", "generic.wrong_axis"): "softmax_over_batch_axis",
    # IoU(b, a) is IoU(a, b) transposed: both are true, the layout is named.
    ("iou", "generic.argument_order"): "generic.transposed",
}


@pytest.mark.parametrize("exercise", list(CATALOG.values()), ids=lambda e: e.id)
def test_generic_mistakes_are_named(exercise: LoadedExercise) -> None:
    """Every variant that is wrong on the grader's inputs is named, by its generic id."""
    misnamed = {}
    for mistake, variant in _variants(exercise).items():
        if variant is None:
            continue
        wrong, found = _named(exercise, variant)
        if not wrong:  # e.g. a symmetric function with its arguments swapped: not a mistake
            continue
        want = OWN_NAME.get((exercise.id, mistake), mistake)
        if found is None or found.id != want:
            misnamed[mistake] = found.id if found else None
        elif want == mistake:
            assert found.kind is HitKind.GENERIC
    assert not misnamed, misnamed


def test_enough_variants_are_wrong_for_the_test_to_mean_something() -> None:
    wrong = sum(_named(e, v)[0] for e in CATALOG.values() for v in _variants(e).values() if v)
    assert wrong >= 200, wrong


@pytest.mark.parametrize("exercise", list(CATALOG.values()), ids=lambda e: e.id)
def test_the_reference_itself_gets_no_diagnosis(exercise: LoadedExercise) -> None:
    observations = _observe(exercise, exercise.reference_function())
    assert observations
    assert not any(o.failed for o in observations)
    assert diagnose(exercise, observations) is None
