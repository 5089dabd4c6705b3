"""``renshu grade DIR``: grade a class's folder in parallel, rows to CSV / JSON Lines, a summary.

A secret random seed is drawn for the run (printed and in every row, so any row
reproduces with ``--seed``): outputs memorised for the default seed do not pass.
Untrusted files are refused without full isolation unless ``--allow-weak-isolation``.
``--resume`` (with ``--csv``) skips files already graded with the same hash and seed;
``--shard i/n`` grades a deterministic share of the files.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

from renshu.grader.cli.common import EXIT_OK, lang_of
from renshu.grader.errors import UsageError

if TYPE_CHECKING:  # registering `grade` must stay cheap: a single file's grade needs none
    from renshu.grader.grading.batch import Row


def add_options(grade: argparse.ArgumentParser) -> None:
    group = grade.add_argument_group("a class folder (renshu grade DIR)")
    group.add_argument(
        "--jobs", type=int, default=None, metavar="N", help="gradings at once (default: CPUs)"
    )
    group.add_argument("--csv", type=Path, default=None, metavar="FILE", help="one row per file")
    group.add_argument(
        "--html", type=Path, default=None, metavar="FILE", help="the summary as a web page"
    )
    group.add_argument(
        "--resume", action="store_true", help="skip files already in --csv (same hash, seed)"
    )
    group.add_argument("--shard", default=None, metavar="I/N", help="grade only share I of N")
    group.add_argument(
        "--allow-weak-isolation",
        action="store_true",
        help="grade untrusted files even without bubblewrap's full isolation",
    )


def _shard_of(text: str | None) -> tuple[int, int] | None:
    if text is None:
        return None
    try:
        index, count = (int(p) for p in text.split("/"))
    except ValueError:
        raise UsageError(f"--shard must look like 2/5, got {text!r}") from None
    if not 1 <= index <= count:
        raise UsageError(f"--shard {text}: need 1 <= I <= N")
    return index, count


def _done_before(path: Path | None, seed: int) -> dict[str, dict[str, str]]:
    """Rows of an earlier run with this seed, by file: what ``--resume`` keeps."""
    if path is None or not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as f:
        return {r["file"]: r for r in csv.DictReader(f) if r.get("seed") == str(seed)}


def _seed_of(args: argparse.Namespace) -> int:
    if args.seed is not None:
        return int(args.seed)
    if args.resume and args.csv is not None and args.csv.exists():
        with args.csv.open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                return int(row["seed"])  # resume the run the file holds
    import secrets

    return secrets.randbelow(2**31)


def run(args: argparse.Namespace) -> int:
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    from rich.console import Console
    from rich.progress import Progress

    from renshu.grader.exercises.catalogue import builtin_exercise_ids
    from renshu.grader.grading.batch import CSV_COLUMNS, find_submissions, grade_submission, shard
    from renshu.grader.sandbox.isolation import IsolationLevel, detect_isolation

    level = detect_isolation()
    if level is not IsolationLevel.BUBBLEWRAP and not args.allow_weak_isolation:
        raise UsageError(
            f"grading a class runs untrusted files, but isolation here is {level.value}; "
            "install bubblewrap (renshu doctor says how) or pass --allow-weak-isolation"
        )
    if args.resume and args.csv is None:
        raise UsageError("--resume needs --csv FILE (the rows of the run to resume)")
    seed = _seed_of(args)
    known = set(builtin_exercise_ids())
    if args.exercise and args.exercise not in known:
        raise UsageError(f"unknown exercise {args.exercise!r}")
    subs = find_submissions(args.file, args.exercise, known)
    wanted = _shard_of(args.shard)
    if wanted is not None:
        subs = shard(subs, *wanted)
    from renshu.grader.grading.batch import Submission, file_hash

    before = _done_before(args.csv, seed) if args.resume else {}

    def already(s: Submission) -> bool:
        kept = before.get(s.rel)
        return (
            kept is not None
            and s.problem != "symlink_outside"
            and kept["file_hash"] == file_hash(s.path)
        )

    todo = [s for s in subs if not already(s)]
    err = Console(stderr=True, highlight=False)
    err.print(f"renshu: {len(subs)} file(s), {len(subs) - len(todo)} already graded; seed {seed}")
    jobs = max(1, args.jobs or (len(__import__("os").sched_getaffinity(0)) or 1))
    lang = lang_of(args)
    max_examples = args.max_examples or 100
    rows = []
    writer = None
    out = None
    if args.csv is not None:
        fresh = not (args.resume and args.csv.exists())
        out = args.csv.open("w" if fresh else "a", encoding="utf-8", newline="")
        writer = csv.DictWriter(out, fieldnames=list(CSV_COLUMNS))
        if fresh:
            writer.writeheader()
    try:
        with (
            ProcessPoolExecutor(max_workers=jobs, mp_context=get_context("spawn")) as pool,
            Progress(console=err, transient=True) as progress,
        ):
            task = progress.add_task("grading", total=len(todo))
            futures = [pool.submit(grade_submission, s, seed, max_examples, lang) for s in todo]
            for future in futures:
                row, as_json = future.result()
                rows.append(row)
                if writer is not None and out is not None:
                    writer.writerow(row.as_csv())
                    out.flush()
                if args.json and as_json is not None:
                    sys.stdout.write(as_json + "\n")
                progress.advance(task)
    finally:
        if out is not None:
            out.close()
    kept = [_row_from_csv(before[s.rel]) for s in subs if already(s)]
    rows = kept + rows  # the summary covers the files graded before, too
    if not args.json:
        _summary(rows, Console(highlight=False))
    if args.html is not None:
        from renshu.grader.grading.class_report import render_html

        args.html.write_text(render_html(rows, seed), encoding="utf-8")
        err.print(f"renshu: class report written to {args.html}")
    return EXIT_OK


def _row_from_csv(data: dict[str, str]) -> Row:
    from renshu.grader.grading.batch import Row

    return Row(
        **{
            k: data.get(k, "")
            for k in ("student", "file", "exercise", "status", "reason", "finding")
        },
        examples=int(data.get("examples") or 0),
        seed=int(data.get("seed") or 0),
        duration_s=float(data.get("duration_s") or 0.0),
        file_hash=data.get("file_hash", ""),
    )


def _summary(rows: list, console: object) -> None:  # type: ignore[type-arg]
    """Per exercise: pass rate and the findings with how many students each; per student."""
    from rich.table import Table

    by_exercise: dict[str, list] = defaultdict(list)  # type: ignore[type-arg]
    for row in rows:
        by_exercise[row.exercise or "?"].append(row)
    table = Table(title="class summary", show_lines=False)
    for column in ("exercise", "passed", "findings (students)"):
        table.add_column(column)
    for exercise, group in sorted(by_exercise.items()):
        passed = sum(r.status == "pass" for r in group)
        findings = Counter(r.finding or r.reason for r in group if r.status != "pass")
        text = ", ".join(f"{f} ({n})" for f, n in findings.most_common(5))
        table.add_row(exercise, f"{passed} / {len(group)}", text)
    console.print(table)  # type: ignore[attr-defined]
    students: dict[str, list] = defaultdict(list)  # type: ignore[type-arg]
    for row in rows:
        students[row.student].append(row)
    per = Table(title="students")
    for column in ("student", "passed", "not passed"):
        per.add_column(column)
    for student, group in sorted(students.items()):
        missing = [r.exercise or r.file for r in group if r.status != "pass"]
        per.add_row(student, str(len(group) - len(missing)), ", ".join(missing))
    console.print(per)  # type: ignore[attr-defined]
