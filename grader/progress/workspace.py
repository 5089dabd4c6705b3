"""One workspace for the CLI and the TUI: where the learner's file of each exercise is, and
the last result it got.

The file is ``<data dir>/workspace/<id>.py`` (made from the starter on first use, never
overwritten), unless the learner started the exercise in a folder of their own
(``renshu start ID DIR``): that location is remembered in ``workspace/locations.json``
and both the CLI and the TUI use it. The last result of each exercise's workspace file
is kept as JSON in ``workspace/results/<id>.json`` so that reopening shows it, and how
many hints were revealed in ``workspace/hints.json``.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from renshu.grader.exercises.catalogue import get_exercise

if TYPE_CHECKING:
    from renshu.grader.grading.result import GradeResult

WORKSPACE_DIR = "workspace"
LOCATIONS_FILE = "locations.json"
HINTS_FILE = "hints.json"
RESULTS_DIR = "results"


def _folder(data_dir: Path) -> Path:
    return data_dir / WORKSPACE_DIR


def _locations(data_dir: Path) -> dict[str, str]:
    try:
        raw = json.loads((_folder(data_dir) / LOCATIONS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(raw, dict):
        return {}
    return {k: v for k, v in raw.items() if isinstance(k, str) and isinstance(v, str)}


def _write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def default_path(data_dir: Path, exercise_id: str) -> Path:
    return _folder(data_dir) / f"{exercise_id}.py"


def workspace_path(data_dir: Path, exercise_id: str) -> Path:
    """The learner's file for ``exercise_id``: the remembered one if it still exists, else
    the data folder's copy, made from the starter when there is none."""
    exercise = get_exercise(exercise_id)
    remembered = _locations(data_dir).get(exercise.id)
    if remembered and Path(remembered).is_file():
        return Path(remembered)
    path = default_path(data_dir, exercise.id)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(exercise.starter_path, path)
    return path


def remember(data_dir: Path, exercise_id: str, path: Path) -> None:
    """Use ``path`` as the workspace file of ``exercise_id`` from now on."""
    locations = _locations(data_dir)
    locations[exercise_id] = str(path.resolve())
    _write_atomically(
        _folder(data_dir) / LOCATIONS_FILE, json.dumps(locations, indent=2, sort_keys=True)
    )


def reset(data_dir: Path, exercise_id: str) -> Path:
    """Put the starter back into the workspace file (the caller has asked the learner)."""
    exercise = get_exercise(exercise_id)
    path = workspace_path(data_dir, exercise.id)
    _write_atomically(path, exercise.starter_path.read_text(encoding="utf-8"))
    (_folder(data_dir) / RESULTS_DIR / f"{exercise.id}.json").unlink(missing_ok=True)
    return path


def is_workspace_file(data_dir: Path, exercise_id: str, path: Path) -> bool:
    try:
        return workspace_path(data_dir, exercise_id).resolve() == path.resolve()
    except Exception:
        return False


def hints_shown(data_dir: Path, exercise_id: str) -> int:
    """How many of the exercise's hints the learner has revealed (CLI and app alike)."""
    try:
        raw = json.loads((_folder(data_dir) / HINTS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return 0
    value = raw.get(exercise_id) if isinstance(raw, dict) else None
    return value if isinstance(value, int) and value >= 0 else 0


def set_hints_shown(data_dir: Path, exercise_id: str, count: int) -> None:
    path = _folder(data_dir) / HINTS_FILE
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raw = {}
    shown = {k: v for k, v in raw.items() if isinstance(v, int)} if isinstance(raw, dict) else {}
    shown[exercise_id] = count
    try:
        _write_atomically(path, json.dumps(shown, indent=2, sort_keys=True))
    except OSError:
        pass  # only remembered for this session then


def save_last_result(data_dir: Path, result: GradeResult) -> None:
    """Keep ``result`` as the last one of its exercise's workspace file."""
    if result.exercise is None:
        return
    path = _folder(data_dir) / RESULTS_DIR / f"{result.exercise}.json"
    try:
        _write_atomically(path, result.as_json())
    except OSError:
        pass  # a result that cannot be kept is only not shown again


def load_last_result(data_dir: Path, exercise_id: str) -> GradeResult | None:
    """The last result kept for ``exercise_id``, or None (none kept, or unreadable)."""
    from renshu.grader.grading.result import GradeResult

    path = _folder(data_dir) / RESULTS_DIR / f"{exercise_id}.json"
    try:
        return GradeResult.model_validate_json(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
