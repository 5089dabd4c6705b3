"""Many renshu processes opening one new, empty data folder at the same moment.

Each process imports everything first, says it is ready, and waits for a "go"
file; the test creates it only when all are ready, so the openings really
overlap (creation, migrations, the switch to WAL and the daily backup). Every
process must succeed without a notice, and the database must hold every record.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

from renshu.grader.exercises.catalogue import get_exercise
from renshu.grader.exercises.solution_text import solution_source
from renshu.grader.progress.schema import SCHEMA_VERSION

PROCESSES = 8
ROUNDS = 5
CLI_ROUNDS = 2

OPENER = """
import sys, time
from pathlib import Path
from renshu.grader.progress.review import record_grading
from renshu.grader.progress.store import open_store
folder, go, tag = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
print("ready", flush=True)
while not go.exists():
    time.sleep(0.0005)
with open_store(folder) as store:
    for notice in store.notices:
        print(notice.message, file=sys.stderr)
    record_grading(store, "lstm_cell", "pass", "passed", tag, None)
"""

GRADER = """
import sys, time
from pathlib import Path
from renshu.grader import cli
from renshu.grader.cli import progress  # noqa: F401  (imported before the start)
from renshu.grader.grading import engine  # noqa: F401
go = Path(sys.argv[1])
print("ready", flush=True)
while not go.exists():
    time.sleep(0.0005)
sys.exit(cli.main(sys.argv[2:]))
"""


def start_together(commands: list[list[str]], go: Path) -> list[tuple[int, str, str]]:
    """Start every command, wait until each printed "ready", then let all go at once."""
    procs = [
        subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for cmd in commands
    ]
    for proc in procs:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready", proc.communicate(timeout=60)[1]
    go.touch()
    outcomes = []
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        outcomes.append((proc.returncode, out, err))
    return outcomes


def check_database(folder: Path, gradings: int) -> set[str]:
    """The schema is complete and current, in WAL mode; returns the stored file hashes."""
    db = sqlite3.connect(folder / "progress.sqlite3")
    try:
        assert db.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert {"answers", "gradings", "settings", "review_log", "cards", "boosts"} <= tables
        assert db.execute("SELECT count(*) FROM gradings").fetchone()[0] == gradings
        return {r[0] for r in db.execute("SELECT file_hash FROM gradings")}
    finally:
        db.close()


def check_folder(folder: Path) -> None:
    """Nothing moved aside as unusable, one backup for today and no temporary file left."""
    assert not list(folder.glob("*unusable*"))
    backups = sorted(p.name for p in (folder / "backups").iterdir())
    assert len(backups) == 1, backups
    assert backups[0].startswith("progress-")
    assert backups[0].endswith(".sqlite3")


def test_eight_processes_create_a_new_database_at_once(tmp_path: Path) -> None:
    for round_ in range(ROUNDS):
        folder, go = tmp_path / f"home{round_}", tmp_path / f"go{round_}"
        tags = [f"r{round_}p{i}" for i in range(PROCESSES)]
        outcomes = start_together(
            [[sys.executable, "-c", OPENER, str(folder), str(go), tag] for tag in tags], go
        )
        for code, _out, err in outcomes:
            assert code == 0, f"round {round_}: {err}"
            assert err == "", f"round {round_}: {err}"
        assert check_database(folder, PROCESSES) == set(tags)
        check_folder(folder)


def test_eight_renshu_grade_commands_on_a_new_data_folder_all_record(tmp_path: Path) -> None:
    """The real CLI: each grades a correct file, then records it on the same new folder.

    Grading first spreads the openings out a little, so here the race is likely rather
    than certain (the test above, opening at once, catches it every time); one example
    per grading keeps the openings close.
    """
    solution = tmp_path / "lstm_cell.py"
    solution.write_text(solution_source(get_exercise("lstm_cell")), encoding="utf-8")
    for round_ in range(CLI_ROUNDS):
        home, go = tmp_path / f"home{round_}", tmp_path / f"go{round_}"
        grade = ["grade", str(solution), "--json", "--max-examples", "1", "--data-dir", str(home)]
        outcomes = start_together([[sys.executable, "-c", GRADER, str(go), *grade]] * PROCESSES, go)
        for code, out, err in outcomes:
            assert code == 0, err
            assert json.loads(out)["status"] == "pass"
            assert "renshu:" not in err, err
        check_database(home, PROCESSES)
        check_folder(home)
