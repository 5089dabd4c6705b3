"""``renshu stats`` and ``renshu progress export | import | restore``."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from renshu.grader.cli.common import Parser, Subparsers, lang_of
from renshu.grader.errors import UsageError
from renshu.grader.settings import Lang
from renshu.grader.settings import data_dir as resolve_data_dir
from renshu.grader.wording import say

if TYPE_CHECKING:
    from renshu.grader.progress.store import ProgressStore

EXIT_OK = 0


def register(sub: Subparsers, data: argparse.ArgumentParser) -> None:
    stats = sub.add_parser(
        "stats", help="answers, accuracy, mastery, streak, what is due", parents=[data]
    )
    stats.add_argument("--json", action="store_true")
    stats.add_argument("--lang", choices=("ja", "en"), default=None)
    stats.set_defaults(run=lambda args: cmd_stats(args.data_dir, args.json, lang_of(args)))


def register_progress(sub: Subparsers, data: argparse.ArgumentParser) -> None:
    progress = sub.add_parser("progress", help="export, import or restore your progress")
    progress_sub = progress.add_subparsers(
        dest="progress_command", parser_class=Parser, required=True
    )
    export = progress_sub.add_parser(
        "export", help="write all progress to a JSON file", parents=[data]
    )
    export.add_argument("file", type=Path)
    export.set_defaults(run=lambda args: cmd_export(args.data_dir, args.file))
    imp = progress_sub.add_parser(
        "import", help="merge a JSON export (no duplicates)", parents=[data]
    )
    imp.add_argument("file", type=Path)
    imp.set_defaults(run=lambda args: cmd_import(args.data_dir, args.file))
    restore = progress_sub.add_parser(
        "restore", help="list backups, or restore one", parents=[data]
    )
    restore.add_argument("backup", nargs="?", help="number, date (YYYY-MM-DD) or path")
    restore.set_defaults(run=lambda args: cmd_restore(args.data_dir, args.backup))


def open_for_cli(data_dir: Path | None) -> ProgressStore:
    """Open the store and tell the learner (on stderr) anything that happened to their data."""
    from renshu.grader.progress.store import open_store

    store = open_store(resolve_data_dir(data_dir))
    for notice in store.notices:
        sys.stderr.write(f"renshu: {notice.message}\n")
    return store


def local_offset() -> timedelta | None:
    """This machine's offset from UTC now (a day starts at local midnight)."""
    return datetime.now().astimezone().utcoffset() or datetime.now(UTC).utcoffset()


def cmd_stats(data_dir: Path | None, as_json: bool, lang: Lang) -> int:
    from renshu.grader.progress.stats import compute_stats
    from renshu.grader.quiz.banks import load_catalogue

    catalogue = load_catalogue(data_dir=resolve_data_dir(data_dir))
    concepts = {qid: q.concepts for qid, (q, _b) in catalogue.questions.items()}
    with open_for_cli(data_dir) as store:
        stats = compute_stats(store, concepts, utc_offset=local_offset() or timedelta(0))
    if as_json:
        sys.stdout.write(stats.model_dump_json(indent=2) + "\n")
        return EXIT_OK
    from rich.console import Console
    from rich.table import Table

    console = Console(highlight=False)

    def pct(x: float | None) -> str:
        return "—" if x is None else f"{x:.0%}"

    console.print(
        say(
            "cli.stats.summary",
            lang,
            answers=stats.answers,
            accuracy=pct(stats.accuracy),
            streak=stats.streak_days,
            due=stats.due_today,
            retention=pct(stats.retention),
        )
    )
    console.print(say("cli.stats.due_week", lang, days=" ".join(map(str, stats.due_next_7_days))))
    from renshu.grader.quiz.banks import load_curriculum

    curriculum = load_curriculum()
    table = Table(title=say("cli.stats.per_topic", lang))
    for col in ("topic", "answers", "accuracy", "mastery"):
        table.add_column(
            say(f"cli.stats.col.{col}", lang), justify="left" if col == "topic" else "right"
        )
    topics = {c.split(".")[0] for c in stats.mastery}
    for topic in [t for t in curriculum.topics if t in topics] + sorted(
        topics - set(curriculum.topics)
    ):
        mine = [v for c, v in stats.mastery.items() if c.startswith(topic + ".")]
        t = stats.per_topic.get(topic)
        info = curriculum.topics.get(topic)
        table.add_row(
            info.title.get(lang) if info else topic,
            str(t.answers if t else 0),
            pct(t.accuracy if t else None),
            pct(sum(mine) / len(mine)),
        )
    console.print(table)
    passed = ", ".join(stats.exercises_passed) or "—"
    console.print(say("cli.stats.passed", lang, passed=passed))
    if stats.leeches:
        console.print(say("cli.stats.leeches", lang, leeches=", ".join(stats.leeches)))
    return EXIT_OK


def cmd_export(data_dir: Path | None, target: Path) -> int:
    from renshu.grader.progress.transfer import export_progress

    with open_for_cli(data_dir) as store:
        counts = export_progress(store, target)
    sys.stdout.write(
        f"exported {counts['answers']} answers, {counts['gradings']} gradings, "
        f"{counts['review_log']} reviews, {counts['exam_results']} mock exams to {target}\n"
    )
    return EXIT_OK


def cmd_import(data_dir: Path | None, source: Path) -> int:
    from renshu.grader.progress.transfer import import_progress

    with open_for_cli(data_dir) as store:
        added = import_progress(store, source)
    sys.stdout.write(
        f"imported {added['answers']} new answers, {added['gradings']} new gradings, "
        f"{added['review_log']} new reviews, {added['exam_results']} new mock exams from {source}\n"
    )
    return EXIT_OK


def cmd_restore(data_dir: Path | None, which: str | None) -> int:
    from renshu.grader.progress.store import backup_date, list_backups, restore_backup

    folder = resolve_data_dir(data_dir)
    backups = list_backups(folder)
    if which is None:
        if not backups:
            sys.stdout.write(f"no backups yet in {folder / 'backups'}\n")
        for i, path in enumerate(backups, start=1):
            sys.stdout.write(f"{i}. {backup_date(path)}  {path}\n")
        if backups:
            sys.stdout.write("restore one with: renshu progress restore N (or a date, or a path)\n")
        return EXIT_OK
    chosen = _choose_backup(backups, which)
    aside = restore_backup(folder, chosen)
    sys.stdout.write(
        f"restored the backup from {backup_date(chosen)}; the previous database is at {aside}\n"
    )
    return EXIT_OK


def _choose_backup(backups: list[Path], which: str) -> Path:
    from renshu.grader.progress.store import backup_date

    if which.isdigit() and 1 <= int(which) <= len(backups):
        return backups[int(which) - 1]
    for path in backups:
        if which in (backup_date(path), str(path), path.name):
            return path
    if Path(which).is_file():
        return Path(which)
    raise UsageError(f"no backup {which!r}; run 'renshu progress restore' to list them")
