"""A CSV of simple questions into a validated YAML bank (``renshu bank import --csv``).

Columns (a header row names them; ``_en`` columns may be empty for a one-language
bank): ``id, type, concepts, prompt_ja, prompt_en, answer_ja, answer_en,
wrong1_ja, wrong1_en, wrong2_ja, wrong2_en, wrong3_ja, wrong3_en,
explanation_ja, explanation_en, hint_ja, hint_en``. ``type`` is ``single_choice``
(the answer is the right choice, wrongN the others), ``true_false`` (answer
``true`` or ``false``), ``short_answer`` (answers separated by ``|``) or
``flashcard`` (the answer is the back). ``concepts`` are separated by spaces.
Every row is validated as a question before anything is written; a problem is
reported as ``FILE:ROW: field: problem``.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from renshu.grader.errors import BankError, Location
from renshu.grader.quiz.model import Question

TYPES = ("single_choice", "true_false", "short_answer", "flashcard")
_ADAPTER: TypeAdapter[Any] = TypeAdapter(Question)


def _text(row: dict[str, str], name: str) -> Any:
    ja, en = (row.get(f"{name}_ja") or "").strip(), (row.get(f"{name}_en") or "").strip()
    if ja and en:
        return {"ja": ja, "en": en}
    return ja or en


def question_of(row: dict[str, str]) -> dict[str, Any]:
    """The bank entry for one CSV row (not yet validated)."""
    kind = (row.get("type") or "").strip()
    entry: dict[str, Any] = {
        "id": (row.get("id") or "").strip(),
        "type": kind,
        "concepts": (row.get("concepts") or "").split(),
        "prompt": _text(row, "prompt"),
        "explanation": _text(row, "explanation"),
    }
    hint = _text(row, "hint")
    if hint:
        entry["hints"] = [hint]
    answer = _text(row, "answer")
    if kind == "single_choice":
        wrong = [_text(row, f"wrong{n}") for n in (1, 2, 3)]
        entry["choices"] = [{"text": answer, "correct": True}] + [{"text": w} for w in wrong if w]
    elif kind == "true_false":
        flag = (row.get("answer_en") or row.get("answer_ja") or "").strip().lower()
        entry["answer"] = {"true": True, "false": False}.get(flag, flag)
    elif kind == "short_answer":
        accepted = (row.get("answer_en") or row.get("answer_ja") or "").split("|")
        entry["accepted"] = [a.strip() for a in accepted if a.strip()]
    elif kind == "flashcard":
        entry["back"] = answer
    return entry


def read_questions(path: Path) -> tuple[list[dict[str, Any]], list[BankError]]:
    """The rows as bank entries, and every problem with its row number."""
    questions: list[dict[str, Any]] = []
    errors: list[BankError] = []
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError as e:
        return [], [BankError(f"cannot read: {e.strerror}", Location(str(path)))]
    with handle:
        try:
            rows = list(csv.DictReader(handle))
        except (csv.Error, UnicodeDecodeError) as e:
            return [], [BankError(f"not a readable CSV file: {e}", Location(str(path)))]
    for number, row in enumerate(rows, start=2):  # row 1 is the header
        where = Location(str(path), number)
        kind = (row.get("type") or "").strip()
        if kind not in TYPES:
            errors.append(BankError(f"type: {kind!r} is not one of {', '.join(TYPES)}", where))
            continue
        entry = question_of(row)
        try:
            _ADAPTER.validate_python(entry)
        except ValidationError as e:
            for problem in e.errors():
                field = ".".join(str(p) for p in problem["loc"][1:]) or "row"
                errors.append(BankError(f"{field}: {problem['msg']}", where))
            continue
        questions.append(entry)
    return questions, errors
