"""The progress database: pragmas, migrations from every earlier version, recovery, backups."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from renshu.grader.errors import StoreError
from renshu.grader.progress.review import record_answer
from renshu.grader.progress.schema import MIGRATIONS, SCHEMA_VERSION
from renshu.grader.progress.store import DB_NAME, list_backups, open_store, restore_backup

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


def test_new_database_uses_wal_full_sync_and_foreign_keys(tmp_path: Path) -> None:
    with open_store(tmp_path, now=NOW) as store:
        db = store.db
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert store.notices == []


@pytest.mark.parametrize("version", range(SCHEMA_VERSION))
def test_database_of_every_earlier_version_is_migrated_keeping_its_data(
    tmp_path: Path, version: int
) -> None:
    db = sqlite3.connect(tmp_path / DB_NAME)
    for migrate in MIGRATIONS[:version]:
        migrate(db)
    db.execute(f"PRAGMA user_version = {version}")
    if version >= 1:
        db.execute(
            "INSERT INTO answers VALUES ('a' || hex(randomblob(15)), 'lstm.q', '2026-01-01T00:00:00.000000Z',"
            " '0', 1, 3.0, 0)"
        )
        db.execute("INSERT INTO settings VALUES ('lang', 'ja')")
    db.commit()
    db.close()
    with open_store(tmp_path, now=NOW) as store:
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert store.db.execute("SELECT count(*) FROM answers").fetchone()[0] == (
            1 if version >= 1 else 0
        )
        if version >= 1:
            assert store.setting("lang", "en") == "ja"
        record_answer(store, "lstm.q", 0, True, 2.0, now=NOW)  # the newest tables work
        assert store.db.execute("SELECT count(*) FROM cards").fetchone()[0] == 1


def test_database_from_a_newer_renshu_is_refused_untouched(tmp_path: Path) -> None:
    db = sqlite3.connect(tmp_path / DB_NAME)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    before = (tmp_path / DB_NAME).read_bytes()
    with pytest.raises(StoreError, match="newer renshu"):
        open_store(tmp_path, now=NOW)
    assert (tmp_path / DB_NAME).read_bytes() == before


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (b"these are my notes, not a database\n" * 50, "not an SQLite database"),
        (b"SQLite format 3\x00" + b"\x13" * 4000, "cannot be read"),
    ],
    ids=["not-sqlite", "corrupt"],
)
def test_unusable_file_is_moved_aside_and_a_new_database_started(
    tmp_path: Path, content: bytes, why: str
) -> None:
    (tmp_path / DB_NAME).write_bytes(content)
    with open_store(tmp_path, now=NOW, backup=False) as store:
        (notice,) = store.notices
        aside = next(tmp_path.glob(f"{DB_NAME}.unusable-*"))
        assert str(tmp_path / DB_NAME) in notice.message
        assert str(aside) in notice.message
        assert why in notice.message
        assert "new database" in notice.message
        assert aside.read_bytes() == content  # nothing lost: the file is kept as it was
        assert store.db.execute("SELECT count(*) FROM answers").fetchone()[0] == 0


def test_unusable_file_is_replaced_by_the_newest_good_backup(tmp_path: Path) -> None:
    # A backup is taken when the store opens, before that day's answers.
    with open_store(tmp_path, now=NOW - timedelta(days=3)) as store:  # 20th: empty backup
        record_answer(store, "lstm.old", 0, True, 1.0, now=NOW - timedelta(days=3))
    with open_store(tmp_path, now=NOW - timedelta(days=2)) as store:  # 21st: backup has "old"
        record_answer(store, "lstm.newer", 0, True, 1.0, now=NOW - timedelta(days=2))
    open_store(tmp_path, now=NOW - timedelta(days=1)).close()  # 22nd: backup has both
    newest = list_backups(tmp_path)[0]
    assert newest.name == "progress-20261122.sqlite3"
    newest.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)  # the newest backup is damaged too
    (tmp_path / DB_NAME).write_bytes(b"garbage")
    with open_store(tmp_path, now=NOW, backup=False) as store:
        (notice,) = store.notices
        assert "backup from 2026-11-21 was restored" in notice.message
        ids = [r[0] for r in store.db.execute("SELECT question_id FROM answers")]
        assert ids == ["lstm.old"]  # the 22nd's backup is damaged; the 21st's is used


def test_at_most_one_backup_a_day_and_the_last_seven_kept(tmp_path: Path) -> None:
    for day in range(10):
        for _ in range(2):
            open_store(tmp_path, now=NOW + timedelta(days=day)).close()
    backups = list_backups(tmp_path)
    assert len(backups) == 7
    assert backups[0].name == "progress-20261202.sqlite3"
    assert backups[-1].name == "progress-20261126.sqlite3"
    check = sqlite3.connect(backups[0])
    assert check.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    assert check.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    check.close()
    assert not list((tmp_path / "backups").glob("*.tmp"))


def test_restore_backup_keeps_the_current_database_aside(tmp_path: Path) -> None:
    with open_store(tmp_path, now=NOW) as store:
        record_answer(store, "lstm.a", 0, True, 1.0, now=NOW)  # after today's backup
    aside = restore_backup(tmp_path, list_backups(tmp_path)[0])
    assert aside.exists()
    with open_store(tmp_path, now=NOW, backup=False) as store:
        assert store.db.execute("SELECT count(*) FROM answers").fetchone()[0] == 0
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"nope")
    with pytest.raises(StoreError, match="not a usable backup"):
        restore_backup(tmp_path, bad)


def test_write_transaction_rolls_back_on_error(tmp_path: Path) -> None:
    def write_then_fail(store) -> None:
        with store.transaction() as db:
            db.execute("INSERT INTO settings VALUES ('x', '1')")
            raise RuntimeError("boom")

    with open_store(tmp_path, now=NOW) as store:
        with pytest.raises(RuntimeError):
            write_then_fail(store)
        assert store.setting("x", "unset") == "unset"
