"""The inputs Hypothesis tries for a seed, remembered so a regrade can replay them.

With a fixed seed and a test that never fails, Hypothesis generates the same
inputs in the same order whatever the submission does (``tests/test_example_plan.py``
checks it). A passing search records them as a *plan*; the next grading of the
same exercise with the same seed and example count replays the plan, skipping
Hypothesis's engine (about 1.7 ms of the 2.3 ms an example costs), and falls
back to the full search, which then finds the failure itself and shrinks it, at
the first input the submission gets wrong. The verdict is the one the full
search gives: a pass on exactly the inputs it would have tried, or its failure.

Plans live in memory for the process (watch mode, the app) and, when the grading
runs under bubblewrap (no graded file can write the host's folders), in the user
cache folder, so a cold ``renshu grade`` of a passing file skips the engine too.
A plan that cannot be read or does not fit the exercise's inputs is ignored and
removed. The key covers everything that changes what Hypothesis would draw: the
exercise's inputs, the seed, the example count, the Hypothesis version and the
source of the modules that build the strategies.
"""

from __future__ import annotations

import functools
import hashlib
import os
import tempfile
from pathlib import Path
from typing import Any

from renshu.grader.exercises.model import InputSpec
from renshu.grader.sandbox import wire
from renshu.grader.settings import cache_dir

PLAN_FORMAT = 1
_MEMORY_LIMIT = 64  # plans kept in one process
_memory: dict[str, list[tuple[dict[str, int], dict[str, Any]]]] = {}
Example = tuple[dict[str, int], dict[str, Any]]


@functools.cache
def _strategy_code_digest() -> str:
    """Hash of the code that turns an input spec into Hypothesis strategies."""
    import importlib.util

    digest = hashlib.sha256()
    here = Path(__file__).resolve().parent
    sources = [here / "strategies.py", here / "search.py", here / "edge_inputs.py"]
    sources += [here.parent / "exercises" / n for n in ("input_kinds.py", "value_layout.py")]
    spec = importlib.util.find_spec("hypothesis")  # its version file, without importing it
    if spec is not None and spec.origin is not None:
        sources.append(Path(spec.origin).parent / "version.py")
    for path in sources:
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(str(path).encode())
    return digest.hexdigest()


def plan_key(exercise_id: str, inputs: InputSpec, seed: int, max_examples: int) -> str:
    parts = [
        str(PLAN_FORMAT),
        _strategy_code_digest(),
        exercise_id,
        inputs.model_dump_json(),
        str(seed),
        str(max_examples),
    ]
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def plan_folder() -> Path:
    """Where plans are kept on disk: ``plans/`` in the cache folder."""
    return cache_dir() / "plans"


def recall(key: str, inputs: InputSpec, *, disk: bool) -> list[Example] | None:
    """The plan for ``key``: from memory, else (``disk``) from the cache folder."""
    if key in _memory:
        return _memory[key]
    if not disk:
        return None
    path = plan_folder() / f"{key}.plan"
    try:
        data = path.read_bytes()
    except OSError:
        return None
    examples = _decode(data, inputs)
    if examples is None:
        _remove(path)
        return None
    _remember(key, examples)
    return examples


def available(
    exercise_id: str, inputs: InputSpec, seed: int, max_examples: int, *, disk: bool
) -> bool:
    """True when a plan for this grading can be recalled (it is then held in memory)."""
    key = plan_key(exercise_id, inputs, seed, max_examples)
    return recall(key, inputs, disk=disk) is not None


def record(key: str, examples: list[Example], *, disk: bool) -> None:
    """Keep a passing search's inputs; a plan that cannot be written is simply not kept."""
    if not examples:
        return
    _remember(key, examples)
    if not disk:
        return
    try:
        frames = b"".join(wire.encode([dims, args]) for dims, args in examples)
        folder = plan_folder()
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, delete=False, suffix=".tmp") as f:
            f.write(frames)
        os.replace(f.name, folder / f"{key}.plan")
    except (OSError, wire.WireError):
        pass


def forget_all() -> None:
    """Drop the plans held in memory (tests)."""
    _memory.clear()


def _remember(key: str, examples: list[Example]) -> None:
    if len(_memory) >= _MEMORY_LIMIT:
        _memory.pop(next(iter(_memory)))
    _memory[key] = examples


def _decode(data: bytes, inputs: InputSpec) -> list[Example] | None:
    """The examples in a plan file, or None if any frame is malformed or does not fit."""
    examples: list[Example] = []
    at = 0
    try:
        while at < len(data):
            size = wire.frame_length(data[at : at + wire.HEADER_BYTES])
            start = at + wire.HEADER_BYTES
            if start + size > len(data):
                return None
            item = wire.decode(data[start : start + size])
            at = start + size
            if not _fits(item, inputs):
                return None
            examples.append((item[0], item[1]))
    except wire.WireError:
        return None
    return examples or None


def _fits(item: Any, inputs: InputSpec) -> bool:
    """A plan entry is ``[dims, args]`` with the spec's dimensions in range and its args."""
    if type(item) is not list or len(item) != 2:
        return False
    dims, args = item
    if type(dims) is not dict or type(args) is not dict:
        return False
    if set(dims) != set(inputs.dims) or set(args) != set(inputs.args) | _joint_names(inputs):
        return False
    return all(
        type(dims[name]) is int and low <= dims[name] <= high
        for name, (low, high) in inputs.dims.items()
    )


def _joint_names(inputs: InputSpec) -> set[str]:
    return {name for joint in inputs.joint for name in joint.produces}


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass
