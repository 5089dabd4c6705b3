"""Export and import progress as versioned JSON; import merges without duplicates.

Every record carries its random ``uid``, so importing the same export twice,
or an export of a database that shares history with this one, adds nothing
twice. An import is validated completely (types, sizes, dates) before one
transaction writes it; a malformed or hostile file changes nothing, and the
first problem is named by its place, e.g. ``answers[3].seconds``.

Bounds: times are ISO 8601 with a time zone, from 1970-01-01 up to (not
including) 9900-01-01 UTC, so a card scheduled from them (FSRS intervals reach
100 years) stays within ``datetime``; ``seconds`` is finite, 0 to one week;
``duration_ms`` 0 to one week; ``hints_used`` 0 to 1000; ``rating`` 1 to 4;
``state_before`` 1 to 3; the daily limits in settings 0 to 10000. A JSON
integer longer than 30 digits is read as a float (so it fails its bound
instead of reaching Python's limit on converting long digit strings). Version 2
added the mock exams' results (``exam_results``: whole-number counts, ``correct``
no more than ``total`` overall and per area, booleans only as ``true``/``false``);
a version 1 file imports as before.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from renshu.grader.errors import StoreError
from renshu.grader.progress.export_format import (
    EXAM_RULES,
    FORMAT,
    MAX_DAILY_LIMIT,
    READS,
    RULES,
    VERSION,
    Export,
)
from renshu.grader.progress.review import iso, parse_iso, rebuild_cards_in
from renshu.grader.progress.store import ProgressStore

MAX_IMPORT_BYTES = 64 * 1024 * 1024
MAX_JSON_INT_DIGITS = 30


def export_progress(store: ProgressStore, target: Path) -> dict[str, int]:
    """Write everything to ``target`` (via a temporary file, then renamed)."""
    db = store.db
    cols = {
        "answers": "uid, question_id, answered_at, answer, correct, seconds, hints_used",
        "gradings": "uid, exercise_id, graded_at, status, reason, file_hash, misconception_id",
        "review_log": "uid, question_id, rating, reviewed_at, duration_ms, state_before",
    }
    data: dict[str, object] = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": iso(datetime.now(UTC)),
        "settings": dict(db.execute("SELECT key, value FROM settings")),
    }
    counts = {}
    for table, columns in cols.items():
        names = [c.strip() for c in columns.split(",")]
        rows = [
            dict(zip(names, r, strict=True))
            for r in db.execute(f"SELECT {columns} FROM {table} ORDER BY 2, 3")
        ]
        if table == "answers":
            for row in rows:
                row["correct"] = bool(row["correct"])
        data[table] = rows
        counts[table] = len(rows)
    exams = [
        {
            "uid": uid,
            "taken_at": taken_at,
            "minutes": minutes,
            "seconds": seconds,
            "timed_out": bool(timed_out),
            "correct": correct,
            "total": total,
            "areas": json.loads(areas),
            "wrong": json.loads(wrong),
            "unanswered": json.loads(unanswered),
        }
        for uid, taken_at, minutes, seconds, timed_out, correct, total, areas, wrong, unanswered in (
            db.execute(
                "SELECT uid, taken_at, minutes, seconds, timed_out, correct, total, areas, wrong,"
                " unanswered FROM exam_results ORDER BY taken_at, uid"
            )
        )
    ]
    data["exam_results"] = exams
    counts["exam_results"] = len(exams)
    tmp = target.with_name(target.name + ".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    tmp.replace(target)
    return counts


def read_export(source: Path) -> Export:
    """Read and validate an export file; ``StoreError`` with a clear reason otherwise."""
    try:
        size = source.stat().st_size
    except OSError as e:
        raise StoreError(f"cannot read {source}: {e.strerror}") from e
    if size > MAX_IMPORT_BYTES:
        raise StoreError(
            f"{source} is {size} bytes; an export over {MAX_IMPORT_BYTES} bytes is refused"
        )
    try:
        raw = json.loads(source.read_bytes().decode("utf-8"), parse_int=_json_int)
    except UnicodeDecodeError as e:
        raise StoreError(f"{source} is not UTF-8 text") from e
    except (ValueError, RecursionError) as e:
        raise StoreError(f"{source} is not valid JSON: {e}") from e
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise StoreError(f"{source} is not a renshu progress export")
    if raw.get("version") not in READS:
        raise StoreError(
            f"{source} has export version {_short(raw.get('version'))}; "
            f"this renshu reads versions {READS[0]} to {READS[-1]}"
        )
    try:
        export = Export.model_validate(raw)
    except ValidationError as e:
        errors = e.errors(include_url=False)
        more = f" (and {len(errors) - 1} more problem(s))" if len(errors) > 1 else ""
        raise StoreError(f"{source}: {_describe(errors[0])}{more}") from e
    for key in ("new_per_day", "reviews_per_day"):
        value = export.settings.get(key)
        if value is not None and not (
            value.isascii() and value.isdigit() and int(value) <= MAX_DAILY_LIMIT
        ):
            raise StoreError(
                f"{source}: settings.{key}: must be a whole number between 0 and "
                f"{MAX_DAILY_LIMIT} (got {_short(value)})"
            )
    return export


def _json_int(text: str) -> int | float:
    """A JSON integer; a longer one than any field allows is read as a float (inf if huge)."""
    return int(text) if len(text) <= MAX_JSON_INT_DIGITS else float(text)


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _describe(error: ErrorDetails) -> str:
    """``answers[3].seconds: must be ... (got inf)``: the place, then the rule it breaks."""
    loc = error["loc"]
    where = "".join(
        f"[{p}]" if isinstance(p, int) else (f".{p}" if i else str(p)) for i, p in enumerate(loc)
    )
    if error["type"] == "missing":
        return f"{where}: is missing"
    rules = EXAM_RULES if loc and loc[0] == "exam_results" else RULES
    field = next((p for p in reversed(loc) if isinstance(p, str) and p in rules), None)
    if field is None and error["type"] == "value_error":  # a rule across a row's fields
        return f"{where}: {error['msg'].removeprefix('Value error, ')}"
    rule = rules[field] if field else error["msg"]
    return f"{where}: {rule} (got {_short(error['input'])})"


def import_progress(store: ProgressStore, source: Path) -> dict[str, int]:
    """Merge an export into the store in one transaction; returns how many rows were new."""
    export = read_export(source)
    added = {}
    with store.transaction() as db:
        before = db.total_changes
        db.executemany(
            "INSERT OR IGNORE INTO answers (uid, question_id, answered_at, answer, correct, seconds, hints_used)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    a.uid,
                    a.question_id,
                    a.answered_at,
                    a.answer,
                    int(a.correct),
                    a.seconds,
                    a.hints_used,
                )
                for a in export.answers
            ],
        )
        added["answers"] = db.total_changes - before
        before = db.total_changes
        db.executemany(
            "INSERT OR IGNORE INTO gradings (uid, exercise_id, graded_at, status, reason, file_hash, misconception_id)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    g.uid,
                    g.exercise_id,
                    g.graded_at,
                    g.status,
                    g.reason,
                    g.file_hash,
                    g.misconception_id,
                )
                for g in export.gradings
            ],
        )
        added["gradings"] = db.total_changes - before
        before = db.total_changes
        db.executemany(
            "INSERT OR IGNORE INTO review_log (uid, question_id, rating, reviewed_at, duration_ms, state_before)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [
                (r.uid, r.question_id, r.rating, r.reviewed_at, r.duration_ms, r.state_before)
                for r in export.review_log
            ],
        )
        added["review_log"] = db.total_changes - before
        before = db.total_changes
        db.executemany(
            "INSERT OR IGNORE INTO exam_results (uid, taken_at, minutes, seconds, timed_out,"
            " correct, total, areas, wrong, unanswered) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    e.uid,
                    e.taken_at,
                    e.minutes,
                    e.seconds,
                    int(e.timed_out),
                    e.correct,
                    e.total,
                    json.dumps({area: list(pair) for area, pair in e.areas.items()}),
                    json.dumps(e.wrong),
                    json.dumps(e.unanswered),
                )
                for e in export.exam_results
            ],
        )
        added["exam_results"] = db.total_changes - before
        for key, value in export.settings.items():
            db.execute("INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)", (key, value))
        if added["review_log"]:
            try:
                rebuild_cards_in(db, sorted({r.question_id for r in export.review_log}))
            except OverflowError as e:  # the bounds on times prevent it; never a traceback
                raise StoreError(f"{source}: a review schedule is out of range ({e})") from e
    return added


__all__ = ["export_progress", "import_progress", "parse_iso", "read_export"]
