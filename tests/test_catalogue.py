"""The one ja/en catalogue (``renshu.grader.wording``): every entry is whole in both
languages, and every key the app and the command line ask for exists.

Each check is a function that returns what it found wrong; the tests run it on the real
catalogue and source (nothing may be wrong) and on a small broken example (it must be
caught), so no check can pass by looking at nothing.
"""

from __future__ import annotations

import ast
import string
from collections.abc import Iterable, Mapping
from pathlib import Path

import renshu
from renshu.grader.grading.result import Status
from renshu.grader.quiz.model import QUESTION_TYPES
from renshu.grader.sandbox.isolation import BLOCKS
from renshu.grader.wording import CATALOGUE, say

ROOT = Path(renshu.__file__).resolve().parent  # the repository root is the package
SOURCES = ("tui", "grader")

# Calls whose first argument is a catalogue key: ``say`` itself, the workspace's
# ``_say`` (a notice) and the question widgets' ``note`` (a line under the answer).
KEY_TAKERS = {"say", "_say", "note"}

# Documented exception: keys built by an f-string cannot be read from the source. Each
# one is listed here by its literal prefix, with every key it can become (``None``: the
# family belongs to another table and is checked there). A new f-string key fails
# ``test_every_key_asked_for_exists`` until it is listed here.
DYNAMIC_KEYS: dict[str, tuple[str, ...] | None] = {
    # grader/presentation/view.py ``label``: the result's words, keys of ``RESULT_TEXT``
    "result.": None,
    # tui/screens/quiz.py: the question type's name and the item's kind
    "qtype.": tuple(f"qtype.{t}" for t in QUESTION_TYPES),
    "quizscreen.kind.": ("quizscreen.kind.review", "quizscreen.kind.new"),
    # tui/screens/quiz.py and tui/widgets/question_flashcard.py: a self-rating 1–4
    "rating.": tuple(f"rating.{n}" for n in (1, 2, 3, 4)),
    # tui/screens/exercises.py: an exercise's status
    "exercises.": tuple(f"exercises.{s}" for s in ("not_started", "failing", "passed")),
    # grader/cli/progress.py: the columns of `renshu stats`
    "cli.stats.col.": tuple(
        f"cli.stats.col.{c}" for c in ("topic", "answers", "accuracy", "mastery")
    ),
    # tui/commands.py: what a palette hit is
    "palette.kind.": tuple(f"palette.kind.{k}" for k in ("topic", "exercise", "question")),
    # grader/cli/exercises.py: an exercise's status in `renshu exercises`
    "cli.exercises.status.": tuple(f"cli.exercises.status.{s}" for s in ("passed", "tried", "new")),
    # tui/screens/workspace_text.py: the verdict badge of the last grading
    "workspace.verdict.": tuple(f"workspace.verdict.{s.value}" for s in Status),
}


# Documented exception to (a): keys whose languages fill different fields on purpose, each
# with why. The caller passes every field either language needs.
def fields(template: str) -> set[str]:
    """The ``{name}`` fields of a ``str.format`` template (format specs aside)."""
    return {name for _text, name, _spec, _conv in string.Formatter().parse(template) if name}


def mismatched_fields(catalogue: Mapping[str, tuple[str, str]]) -> list[str]:
    """Keys whose Japanese and English templates do not fill the same fields."""
    return [key for key, (ja, en) in catalogue.items() if fields(ja) != fields(en)]


def empty_texts(catalogue: Mapping[str, tuple[str, str]]) -> list[str]:
    """Keys with a missing or blank text in either language."""
    return [
        key
        for key, entry in catalogue.items()
        if len(entry) != 2 or not all(isinstance(t, str) and t.strip() for t in entry)
    ]


def _callee(call: ast.Call) -> str | None:
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return None


def keys_asked_for(source: str) -> tuple[list[str], list[str]]:
    """(literal keys, literal prefixes of f-string keys) passed to ``KEY_TAKERS`` in ``source``."""
    literal: list[str] = []
    prefixes: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and node.args and _callee(node) in KEY_TAKERS):
            continue
        first = node.args[0]
        if isinstance(first, ast.Constant) and isinstance(first.value, str):
            literal.append(first.value)
        elif isinstance(first, ast.JoinedStr):
            head = first.values[0] if first.values else None
            prefix = head.value if isinstance(head, ast.Constant) else ""
            prefixes.append(str(prefix))
    return literal, prefixes


def missing_keys(sources: Iterable[tuple[str, str]], catalogue: Mapping[str, object]) -> list[str]:
    """``where: key`` for each key asked for that the catalogue lacks, and for each
    f-string key not documented in ``DYNAMIC_KEYS``."""
    missing = []
    for where, source in sources:
        literal, prefixes = keys_asked_for(source)
        missing += [f"{where}: {key}" for key in literal if key not in catalogue]
        missing += [
            f"{where}: f'{p}{{…}}' (undocumented)" for p in prefixes if p not in DYNAMIC_KEYS
        ]
    return missing


def project_sources() -> list[tuple[str, str]]:
    files = sorted(path for folder in SOURCES for path in (ROOT / folder).rglob("*.py"))
    assert len(files) > 50, f"found only {len(files)} source files under {ROOT}"
    return [(str(path.relative_to(ROOT)), path.read_text(encoding="utf-8")) for path in files]


# -- (a) the same fields in both languages --------------------------------------------------


def test_ja_and_en_fill_the_same_fields() -> None:
    assert len(CATALOGUE) > 200
    mismatched = mismatched_fields(CATALOGUE)
    assert mismatched == []


def test_a_template_that_drops_a_field_is_caught() -> None:
    broken = {
        "ok": ("{n} 日", "{n:d} day(s)"),
        "dropped": ("{n} 問", "questions"),
        "renamed": ("{a}", "{b}"),
    }
    assert mismatched_fields(broken) == ["dropped", "renamed"]


# -- (b) every key asked for exists ---------------------------------------------------------


def test_every_key_asked_for_exists() -> None:
    sources = project_sources()
    assert missing_keys(sources, CATALOGUE) == []
    asked = {key for _where, source in sources for key in keys_asked_for(source)[0]}
    assert {
        "app.loading",
        "quizscreen.hint",
        "workspace.notice.passed",
        "cli.doctor.level",
    } <= asked
    assert {"question.cloze.empty", "quizscreen.no_more_hints"} <= asked  # through note()


def test_every_documented_dynamic_key_exists() -> None:
    for prefix, keys in DYNAMIC_KEYS.items():
        if keys is None:
            assert any(key.startswith(prefix) for key in CATALOGUE), prefix
            continue
        assert keys, prefix
        assert [key for key in keys if key not in CATALOGUE] == [], prefix


def test_a_missing_or_undocumented_key_is_caught() -> None:
    source = (
        'say("app.loading", lang)\n'
        'self._say("workspace.notice.nope")\n'
        'widget.note("quizscreen.gone", error=e)\n'
        "widget.note(None)\n"
        'say(f"qtype.{kind}", lang)\n'
        'say(f"nobody.{kind}", lang)\n'
        "say(key, lang)\n"
    )
    assert missing_keys([("x.py", source)], CATALOGUE) == [
        "x.py: workspace.notice.nope",
        "x.py: quizscreen.gone",
        "x.py: f'nobody.{…}' (undocumented)",
    ]


def test_every_key_of_the_action_registry_exists() -> None:
    from renshu.tui.actions import HELP, ROWS

    keys = [key for row in ROWS for key in (row.label, row.help) if key is not None]
    keys += [title for title, _ids in HELP]
    assert len(keys) > 40
    assert [key for key in keys if key not in CATALOGUE] == []


def test_the_doctor_words_every_part_of_the_isolation() -> None:
    from renshu.grader.cli.doctor import _PART_KEYS

    assert set(_PART_KEYS) == set(BLOCKS)
    for name, (title, blocks) in _PART_KEYS.items():
        assert say(title, "en") == name
        assert say(blocks, "en") == BLOCKS[name]  # the same words as ``doctor --json``
        assert say(title, "ja") != name


# -- (c) no empty text ----------------------------------------------------------------------


def test_no_text_is_empty_in_either_language() -> None:
    assert empty_texts(CATALOGUE) == []


def test_an_empty_text_is_caught() -> None:
    broken = {"ok": ("はい", "yes"), "no_ja": ("", "yes"), "blank_en": ("はい", "  ")}
    assert empty_texts(broken) == ["no_ja", "blank_en"]
