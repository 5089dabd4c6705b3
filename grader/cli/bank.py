"""``renshu bank validate | schema | stats | new``: tools for bank authors."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from renshu.grader.cli.common import Parser, Subparsers
from renshu.grader.errors import BankError, Location, UsageError

if TYPE_CHECKING:  # the quiz models are built only when a bank command runs
    from renshu.grader.quiz.bank_lint import LintFinding
    from renshu.grader.quiz.banks import Catalogue, LoadedBank

EXIT_OK, EXIT_FAIL = 0, 1


def register(sub: Subparsers, data: argparse.ArgumentParser) -> None:
    from renshu.grader.settings import data_dir

    bank = sub.add_parser("bank", help="validate and inspect question banks", parents=[data])
    bank_sub = bank.add_subparsers(dest="bank_command", parser_class=Parser, required=True)
    validate = bank_sub.add_parser("validate", help="check bank files and exercise.yaml files")
    validate.add_argument("paths", nargs="*", type=Path, help="files or folders (default: all)")
    validate.set_defaults(run=lambda args: cmd_validate(args.paths, data_dir(args.data_dir)))
    schema = bank_sub.add_parser("schema", help="print the JSON Schema of a bank file")
    schema.set_defaults(run=lambda args: cmd_schema())
    stats = bank_sub.add_parser("stats", help="questions per topic, type and language; coverage")
    stats.add_argument("--bank", action="append", type=Path, default=[], metavar="DIR")
    stats.add_argument("--json", action="store_true")
    stats.set_defaults(run=lambda args: cmd_stats(args.bank, data_dir(args.data_dir), args.json))
    new = bank_sub.add_parser("new", help="write a commented starter bank for a topic")
    new.add_argument("topic")
    new.add_argument("-o", "--output", type=Path, default=None)
    new.set_defaults(run=lambda args: cmd_new(args.topic, args.output))
    from renshu.grader.cli import bank_transfer

    bank_transfer.register(bank_sub)


def bank_schema() -> dict[str, Any]:
    """The JSON Schema of a bank file (also committed as ``quizzes/schema.json``)."""
    from renshu.grader.quiz.model import Bank

    schema = Bank.model_json_schema()
    schema["title"] = "renshu question bank"
    return schema


def cmd_schema() -> int:
    sys.stdout.write(json.dumps(bank_schema(), indent=2, ensure_ascii=False) + "\n")
    return EXIT_OK


def validate_exercise_file(path: Path) -> list[BankError]:
    """An ``exercise.yaml`` checked by the same validator: schema, files, concept ids."""
    from renshu.grader.exercises.catalogue import load_exercise
    from renshu.grader.quiz.banks import load_curriculum

    try:
        exercise = load_exercise(path.parent)
    except BankError as e:
        return [e]
    known = load_curriculum().concept_ids()
    return [
        BankError(f"concepts: unknown concept id {c!r}", Location(str(path)))
        for c in exercise.spec.concepts
        if c not in known
    ]


def _split_paths(paths: list[Path]) -> tuple[list[Path], list[Path], list[BankError]]:
    banks, exercises, errors = [], [], []
    for path in paths:
        if not path.exists():
            errors.append(BankError("no such file or folder", Location(str(path))))
        elif path.is_file() and path.name == "exercise.yaml":
            exercises.append(path)
        elif path.is_dir():
            exercises += sorted(path.glob("*/exercise.yaml"))
            banks.append(path)
        else:
            banks.append(path)
    return banks, exercises, errors


def cmd_validate(paths: list[Path], data_dir: Path | None) -> int:
    """Validate the given files and folders (default: every bank and exercise); exit 1 on errors."""
    from renshu.grader.exercises.catalogue import builtin_exercises_dir
    from renshu.grader.quiz.banks import load_catalogue

    if paths:
        bank_paths, exercise_paths, errors = _split_paths(paths)
        catalogue = load_catalogue(bank_paths, data_dir=None)
    else:
        errors = []
        catalogue = load_catalogue(data_dir=data_dir)
        exercise_paths = sorted(builtin_exercises_dir().glob("*/exercise.yaml"))
    errors += catalogue.errors
    for path in exercise_paths:
        errors += validate_exercise_file(path)
    # With paths, the built-in banks are loaded only to check ids against: count the files
    # named (and the files in the folders named), not them.
    banks = catalogue.banks if not paths else [b for b in catalogue.banks if _named(b.path, paths)]
    warnings = []
    for loaded, finding in _lint(banks):
        place = Location(str(loaded.path), 1, 1)
        if loaded.builtin:  # the shipped banks must pass: an error
            errors.append(BankError(f"{finding.detail}{_ids(finding)}", place))
        else:
            warnings.append(f"{place}: warning: {finding.detail}{_ids(finding)}")
    for error in errors:
        sys.stdout.write(f"{error}\n")
    for warning in warnings:
        sys.stdout.write(f"{warning}\n")
    questions = sum(len(b.bank.questions) for b in banks)
    files = len(banks) + len(exercise_paths)
    summary = (
        f"{files} file(s) valid, {questions} question(s), "
        f"{len(exercise_paths)} exercise(s); {len(errors)} error(s)"
    )
    sys.stderr.write(summary + "\n")
    return EXIT_FAIL if errors else EXIT_OK


def _lint(banks: list[LoadedBank]) -> list[tuple[LoadedBank, LintFinding]]:
    """Each bank's findings: the longest choice as the answer, unvaried multi-select counts,
    questions without a hint (``quiz/bank_lint``)."""
    from renshu.grader.quiz.bank_lint import lint_questions

    return [(b, f) for b in banks for f in lint_questions(b.bank.questions)]


def _ids(finding: LintFinding) -> str:
    shown = finding.question_ids[:6]
    more = len(finding.question_ids) - len(shown)
    return (": " + ", ".join(shown) + (f" and {more} more" if more else "")) if shown else ""


def _named(path: Path, paths: list[Path]) -> bool:
    """``path`` is one of ``paths`` or inside one of them."""
    resolved = path.resolve()
    return any(resolved == p.resolve() or p.resolve() in resolved.parents for p in paths)


def coverage(catalogue: Catalogue) -> dict[str, int]:
    """Questions per curriculum concept (0 for concepts no question covers)."""
    from renshu.grader.quiz.banks import load_curriculum

    counts = dict.fromkeys(sorted(load_curriculum().concept_ids()), 0)
    for question, _bank in catalogue.questions.values():
        for concept in set(question.concepts):
            if concept in counts:
                counts[concept] += 1
    return counts


def cmd_stats(extra: list[Path], data_dir: Path | None, as_json: bool) -> int:
    from renshu.grader.quiz.banks import load_catalogue, load_curriculum
    from renshu.grader.quiz.model import QUESTION_TYPES, text_languages

    catalogue = load_catalogue(extra, data_dir=data_dir)
    per_topic = Counter(b.bank.topic for _q, b in catalogue.questions.values())
    per_type: Counter[str] = Counter(q.type for q, _b in catalogue.questions.values())
    per_lang: Counter[str] = Counter()
    for question, _bank in catalogue.questions.values():
        langs = text_languages(question.prompt) | text_languages(question.explanation)
        per_lang["ja+en" if {"ja", "en"} <= langs else "one language"] += 1
    cover = coverage(catalogue)
    thin = {c: n for c, n in cover.items() if n < 2}
    if as_json:
        data = {
            "questions": len(catalogue.questions),
            "per_topic": dict(per_topic),
            "per_type": {t: per_type.get(t, 0) for t in QUESTION_TYPES},
            "per_language": dict(per_lang),
            "concepts": len(cover),
            "concepts_with_fewer_than_two_questions": thin,
            "errors": [str(e) for e in catalogue.errors],
        }
        sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        return EXIT_OK
    from rich.console import Console
    from rich.table import Table

    console = Console(highlight=False)
    topics = Table(title=f"{len(catalogue.questions)} questions")
    topics.add_column("topic")
    topics.add_column("questions", justify="right")
    topics.add_column("concepts covered ≥ 2", justify="right")
    for topic in load_curriculum().topics:
        mine = [c for c in cover if c.startswith(f"{topic}.")]
        covered = sum(1 for c in mine if cover[c] >= 2)
        topics.add_row(topic, str(per_topic.get(topic, 0)), f"{covered}/{len(mine)}")
    types = Table(title="types")
    types.add_column("type")
    types.add_column("questions", justify="right")
    for t in QUESTION_TYPES:
        types.add_row(t, str(per_type.get(t, 0)))
    console.print(topics)
    console.print(types)
    console.print("languages: " + ", ".join(f"{k} {v}" for k, v in per_lang.items()))
    if thin:
        console.print(
            f"[yellow]{len(thin)} concept(s) with fewer than two questions:[/] " + ", ".join(thin)
        )
    for error in catalogue.errors:
        console.print(f"[red]{error}[/]", markup=True, highlight=False)
    return EXIT_OK


STARTER_BANK = """\
# yaml-language-server: $schema={schema}
# A question bank for the topic `{topic}`. Check it with:  renshu bank validate {file}
# For completion in your editor: renshu bank schema > schema.json (next to this file).
# Text is either {{ja: "…", en: "…"}} or a plain string in one language. Prompts and
# explanations are Markdown. Concept ids: quizzes/curriculum.yaml ({concepts}).
schema_version: 1
topic: {topic}
title: {{ja: "{title_ja}", en: "{title_en}"}}
questions:
  - id: {topic}.my-first-question      # unique across all banks; progress is keyed by it
    type: single_choice                 # exactly one choice has correct: true
    concepts: [{first_concept}]
    prompt: {{ja: "問題文をここに書きます。", en: "Write the question here."}}
    choices:
      - {{text: {{ja: "正しい選択肢", en: "The right answer"}}, correct: true}}
      - text: {{ja: "誤りの選択肢", en: "A plausible wrong answer"}}
        why: {{ja: "これが誤りである理由", en: "Why this one is wrong"}}
    explanation: {{ja: "解説", en: "The explanation shown after answering"}}
    hints: [{{ja: "ヒント", en: "A hint shown on request"}}]

  # Other types (remove the leading '# ' to use one):
  # - id: {topic}.my-true-false
  #   type: true_false
  #   concepts: [{first_concept}]
  #   prompt: "A statement to judge."
  #   answer: false
  #   why: "Shown when the learner gets it wrong."
  #   explanation: "…"
  # - id: {topic}.my-numeric
  #   type: numeric                     # answer with abs_tol / rel_tol, optional unit
  #   concepts: [{first_concept}]
  #   prompt: "How many …?"
  #   answer: 42
  #   abs_tol: 0
  #   explanation: "…"
  # - id: {topic}.my-short-answer
  #   type: short_answer                # matching folds width, case and spaces
  #   concepts: [{first_concept}]
  #   prompt: "Name …"
  #   accepted: ["LSTM", "long short-term memory"]
  #   explanation: "…"
  # - id: {topic}.my-cloze
  #   type: cloze                       # blanks {{{{1}}}}, {{{{2}}}} … in the prompt
  #   concepts: [{first_concept}]
  #   prompt: "c = {{{{1}}}} * c_prev + i * g"
  #   blanks: [["f"]]
  #   explanation: "…"
  # Also: multi_select (choices, at least one correct), ordering (items in the right
  # order), flashcard (prompt = front, back = the answer, self-rated 1-4).
"""


def cmd_new(topic: str, output: Path | None) -> int:
    from renshu.grader.quiz.banks import load_curriculum

    curriculum = load_curriculum()
    if topic not in curriculum.topics:
        raise UsageError(f"unknown topic {topic!r}; topics are: {', '.join(curriculum.topics)}")
    target = output or Path(f"{topic}.yaml")
    if target.exists():
        raise UsageError(f"{target} already exists; not overwriting it")
    info = curriculum.topics[topic]
    concepts = [f"{topic}.{c}" for c in info.concepts]
    text = STARTER_BANK.format(
        topic=topic,
        file=target,
        schema="schema.json",
        title_ja=info.title.ja,
        title_en=info.title.en,
        first_concept=concepts[0],
        concepts=", ".join(concepts[:4]) + (", …" if len(concepts) > 4 else ""),
    )
    target.write_text(text, encoding="utf-8")
    sys.stdout.write(f"wrote {target}; check it with: renshu bank validate {target}\n")
    return EXIT_OK
