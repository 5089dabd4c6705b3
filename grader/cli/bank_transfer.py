"""``renshu bank export`` (Anki ``.apkg`` or CSV) and ``renshu bank import --csv``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from renshu.grader.cli.common import EXIT_FAIL, EXIT_OK, Parser
from renshu.grader.errors import UsageError


def register(bank_sub: Any) -> None:
    export = bank_sub.add_parser("export", help="export questions to Anki (.apkg) or CSV")
    export.add_argument("--anki", type=Path, default=None, metavar="FILE.apkg")
    export.add_argument("--csv", type=Path, default=None, metavar="FILE.csv")
    export.add_argument("--lang", choices=("ja", "en", "both"), default="both")
    export.add_argument("--topic", default=None, help="only this topic's questions")
    export.add_argument("--bank", action="append", type=Path, default=[], metavar="DIR")
    export.set_defaults(run=cmd_export)
    imp: Parser = bank_sub.add_parser("import", help="a CSV of simple questions into a YAML bank")
    imp.add_argument("--csv", type=Path, required=True, metavar="FILE.csv")
    imp.add_argument("--topic", required=True, help="the bank's topic (a curriculum topic id)")
    imp.add_argument("-o", "--output", type=Path, default=None, metavar="FILE.yaml")
    imp.set_defaults(run=cmd_import)


def cmd_export(args: argparse.Namespace) -> int:
    from renshu.grader.quiz.banks import load_catalogue, load_curriculum
    from renshu.grader.quiz.export import cards, write_apkg, write_csv

    if args.anki is None and args.csv is None:
        raise UsageError("say where: --anki FILE.apkg and/or --csv FILE.csv")
    if args.topic is not None and args.topic not in load_curriculum().topics:
        raise UsageError(f"unknown topic {args.topic!r}")
    catalogue = load_catalogue(args.bank, data_dir=args.data_dir)
    for error in catalogue.errors:
        sys.stderr.write(f"{error}\n")
    chosen = cards(catalogue, args.lang, args.topic)
    if args.anki is not None:
        write_apkg(chosen, args.anki)
        sys.stderr.write(f"{len(chosen)} notes written to {args.anki}\n")
    if args.csv is not None:
        write_csv(chosen, args.csv)
        sys.stderr.write(f"{len(chosen)} rows written to {args.csv}\n")
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    import yaml

    from renshu.grader.quiz.banks import load_bank_file, load_curriculum
    from renshu.grader.quiz.csv_import import read_questions

    curriculum = load_curriculum()
    if args.topic not in curriculum.topics:
        raise UsageError(
            f"unknown topic {args.topic!r}; topics are: {', '.join(curriculum.topics)}"
        )
    questions, errors = read_questions(args.csv)
    if errors:
        for error in errors:
            sys.stdout.write(f"{error}\n")
        sys.stderr.write(f"{len(errors)} problem(s); nothing written\n")
        return EXIT_FAIL
    output = args.output or args.csv.with_suffix(".yaml")
    if output.exists():
        raise UsageError(f"{output} exists; choose another --output")
    title = curriculum.topics[args.topic].title
    data = {
        "schema_version": 1,
        "topic": args.topic,
        "title": {"ja": title.ja, "en": title.en},
        "questions": questions,
    }
    output.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    _loaded, problems = load_bank_file(output, curriculum, builtin=False)
    for problem in problems:  # e.g. a concept the curriculum does not have
        sys.stdout.write(f"{problem}\n")
    sys.stderr.write(
        f"{len(questions)} question(s) written to {output}; {len(problems)} problem(s)\n"
    )
    return EXIT_FAIL if problems else EXIT_OK
