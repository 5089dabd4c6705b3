"""Reliability in real processes: a writer killed mid-stream, two writers at once, bad files via the CLI."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

WRITER = """
import sys
from pathlib import Path
from renshu.grader.progress.store import open_store
from renshu.grader.progress.review import record_answer
store = open_store(Path(sys.argv[1]), backup=False)
for i in range(int(sys.argv[2])):
    outcome = record_answer(store, f"lstm.{sys.argv[3]}{i % 7}", i, i % 3 != 0, 1.5)
    print(outcome.uid, flush=True)  # only after the transaction committed
"""


def start_writer(folder: Path, count: int, tag: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(folder), str(count), tag],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def stored_uids(folder: Path) -> set[str]:
    db = sqlite3.connect(folder / "progress.sqlite3")
    try:
        assert db.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        return {r[0] for r in db.execute("SELECT uid FROM answers")}
    finally:
        db.close()


def test_writer_killed_mid_stream_loses_no_committed_write(tmp_path: Path) -> None:
    writer = start_writer(tmp_path, 100_000, "k")
    acknowledged = []
    assert writer.stdout is not None
    while len(acknowledged) < 150:
        line = writer.stdout.readline()
        assert line, writer.stderr.read() if writer.stderr else "writer ended early"
        acknowledged.append(line.strip())
    writer.send_signal(signal.SIGKILL)  # in the middle of a stream of writes
    writer.wait(timeout=10)
    acknowledged += [line.strip() for line in writer.stdout.read().splitlines() if line.strip()]
    uids = stored_uids(tmp_path)  # opens, and passes quick_check
    assert set(acknowledged) <= uids
    from renshu.grader.progress.store import open_store

    with open_store(tmp_path, backup=False) as store:  # and renshu opens it without a notice
        assert store.notices == []
        review_rows = store.db.execute("SELECT count(*) FROM review_log").fetchone()[0]
        assert review_rows == store.db.execute("SELECT count(*) FROM answers").fetchone()[0]


def test_two_writers_at_once_lose_nothing_and_never_see_locked(tmp_path: Path) -> None:
    from renshu.grader.progress.store import open_store

    open_store(tmp_path, backup=False).close()  # create it, so both writers race on writes only
    writers = [start_writer(tmp_path, 150, tag) for tag in ("x", "y")]
    outputs = [w.communicate(timeout=120) for w in writers]
    for writer, (out, err) in zip(writers, outputs, strict=True):
        assert writer.returncode == 0, err
        assert "locked" not in err
        assert len(out.split()) == 150
    uids = stored_uids(tmp_path)
    assert len(uids) == 300
    assert {u for out, _err in outputs for u in out.split()} == uids


def renshu(*args: str, home: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "renshu", *args, "--data-dir", str(home)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=cwd,
    )


def test_cli_moves_a_corrupt_database_aside_with_a_message(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "progress.sqlite3").write_bytes(b"SQLite format 3\x00" + b"\x07" * 3000)
    done = renshu("stats", "--json", home=home, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["answers"] == 0
    aside = next(home.glob("progress.sqlite3.unusable-*"))
    assert str(home / "progress.sqlite3") in done.stderr
    assert str(aside) in done.stderr
    assert "Traceback" not in done.stderr


def test_cli_grade_records_unless_told_not_to_and_solution_stops_warning(tmp_path: Path) -> None:
    home = tmp_path / "home"
    sol = renshu("solution", "gru_cell", "--yes", home=home, cwd=tmp_path).stdout
    (tmp_path / "gru_cell.py").write_text(sol, encoding="utf-8")
    assert "spoiler" in renshu("solution", "gru_cell", home=home, cwd=tmp_path).stderr.lower()
    assert renshu("grade", "gru_cell.py", "--no-record", home=home, cwd=tmp_path).returncode == 0
    stats = json.loads(renshu("stats", "--json", home=home, cwd=tmp_path).stdout)
    assert stats["exercises_passed"] == []
    assert renshu("grade", "gru_cell.py", home=home, cwd=tmp_path).returncode == 0
    stats = json.loads(renshu("stats", "--json", home=home, cwd=tmp_path).stdout)
    assert stats["exercises_passed"] == ["gru_cell"]
    assert stats["streak_days"] == 1
    after_pass = renshu("solution", "gru_cell", home=home, cwd=tmp_path)
    assert "spoiler" not in after_pass.stderr.lower()
    assert "def gru_cell" in after_pass.stdout  # passed: shown without asking


def test_cli_export_import_restore(tmp_path: Path) -> None:
    home, other = tmp_path / "home", tmp_path / "other"
    sol = renshu("solution", "lstm_cell", "--yes", home=home, cwd=tmp_path).stdout
    (tmp_path / "lstm_cell.py").write_text(sol, encoding="utf-8")
    renshu("grade", "lstm_cell.py", home=home, cwd=tmp_path)
    assert (
        renshu("progress", "export", str(tmp_path / "p.json"), home=home, cwd=tmp_path).returncode
        == 0
    )
    done = renshu("progress", "import", str(tmp_path / "p.json"), home=other, cwd=tmp_path)
    assert done.returncode == 0
    assert "1 new gradings" in done.stdout
    bad = tmp_path / "bad.json"
    bad.write_text(
        '{"format": "renshu-progress", "version": 1, "answers": "lots"}', encoding="utf-8"
    )
    done = renshu("progress", "import", str(bad), home=other, cwd=tmp_path)
    assert done.returncode == 1
    assert "bad.json" in done.stderr
    assert "Traceback" not in done.stderr
    listing = renshu("progress", "restore", home=home, cwd=tmp_path)
    assert listing.returncode == 0
    assert "1. " in listing.stdout
    restored = renshu("progress", "restore", "1", home=home, cwd=tmp_path)
    assert restored.returncode == 0
    assert "previous database is at" in restored.stdout
    assert (
        json.loads(renshu("stats", "--json", home=home, cwd=tmp_path).stdout)["exercises_passed"]
        == []
    )
