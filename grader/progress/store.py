"""Open the progress database safely: recovery, migrations, pragmas, daily backups.

SQLite in WAL mode with ``synchronous=FULL`` (a committed answer survives a
power cut), a busy timeout, foreign keys, and every write in an immediate
transaction. A file that is not SQLite or fails ``PRAGMA quick_check`` is moved
aside (both paths named) and the newest good backup restored, else a new
database is started: never a traceback, never a silent loss.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from renshu.grader.errors import StoreError
from renshu.grader.progress.schema import MIGRATIONS, SCHEMA_VERSION

DB_NAME = "progress.sqlite3"
BACKUP_DIR = "backups"
BACKUPS_KEPT = 7
BUSY_TIMEOUT_MS = 10_000
SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass(frozen=True)
class StoreNotice:
    """Something the learner must be told about their data (shown once, on stderr or in the UI)."""

    message: str


@dataclass
class ProgressStore:
    """An open progress database; use ``transaction()`` for every write."""

    path: Path
    db: sqlite3.Connection
    notices: list[StoreNotice] = field(default_factory=list)
    # One connection may serve the UI thread and a grading worker: writes take turns.
    _write_lock: threading.RLock = field(default_factory=threading.RLock, repr=False)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """``BEGIN IMMEDIATE`` … ``COMMIT`` (rolled back on error), retried while locked."""
        with self._write_lock:
            yield from self._transaction()

    def _transaction(self) -> Iterator[sqlite3.Connection]:
        begin_immediate(self.db)
        try:
            yield self.db
        except BaseException:
            self.db.rollback()
            raise
        else:
            self.db.commit()

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> ProgressStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def setting(self, key: str, default: str) -> str:
        row = self.db.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_setting(self, key: str, value: str) -> None:
        with self.transaction() as db:
            db.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )


def _is_busy(error: sqlite3.OperationalError) -> bool:
    return "locked" in str(error) or "busy" in str(error)


def begin_immediate(db: sqlite3.Connection) -> None:
    """``BEGIN IMMEDIATE`` (take the write lock), retried while another renshu holds it."""
    for attempt in range(50):
        try:
            db.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError as e:
            if not _is_busy(e):
                raise StoreError(f"cannot write progress: {e}") from e
            time.sleep(min(0.01 * (attempt + 1), 0.2))
    raise StoreError("the progress database stayed locked by another renshu for too long")


def open_store(
    data_dir: Path, *, now: datetime | None = None, backup: bool = True
) -> ProgressStore:
    """Open (creating, migrating or recovering) the database in ``data_dir``."""
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / DB_NAME
    notices: list[StoreNotice] = []
    db = _open_checked(path, data_dir, notices)
    store = ProgressStore(path, db, notices)
    if backup:
        _daily_backup(store, now or datetime.now(UTC))
    return store


def _connect(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(
        path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
    )
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:  # checked before anything (even the journal mode) is changed
        db.close()
        raise _newer(path, version)
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA foreign_keys = ON")
    try:
        _use_wal(db)
    except sqlite3.DatabaseError:
        db.close()
        raise
    db.execute("PRAGMA synchronous = FULL")
    return db


def _newer(path: Path, version: int) -> StoreError:
    return StoreError(
        f"{path} was written by a newer renshu (schema {version}, this one knows "
        f"{SCHEMA_VERSION}); upgrade renshu instead of risking your progress"
    )


def _use_wal(db: sqlite3.Connection) -> None:
    """Switch to WAL mode (kept in the file), retrying while other openers use the database.

    The switch needs an exclusive lock and SQLite answers "database is locked" at once,
    without the busy timeout, while another connection reads: that is retried here.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    attempt = 0
    while True:
        try:
            mode = db.execute("PRAGMA journal_mode").fetchone()[0]
            if mode.lower() != "wal":
                mode = db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        except sqlite3.OperationalError as e:
            if not _is_busy(e) or time.monotonic() > deadline:
                raise
        else:
            if mode.lower() == "wal":
                return
            raise sqlite3.DatabaseError(f"cannot use WAL mode (got {mode})")
        attempt += 1
        time.sleep(min(0.002 * attempt, 0.05))


def _problem(path: Path) -> str | None:
    """Why ``path`` is not a usable database, or None. A missing or empty file is fine."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    with path.open("rb") as f:
        if f.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            return "it is not an SQLite database"
    try:
        db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            result = db.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            db.close()
    except sqlite3.OperationalError as e:
        if _is_busy(e):  # another renshu holds it for long: in use, not damaged
            return None
        return f"it cannot be read ({e})"
    except sqlite3.DatabaseError as e:
        return f"it cannot be read ({e})"
    return None if result == "ok" else f"it is damaged ({result})"


def _open_checked(path: Path, data_dir: Path, notices: list[StoreNotice]) -> sqlite3.Connection:
    problem = _problem(path)
    if problem is not None:
        aside = _move_aside(path)
        restored = _restore_newest_backup(data_dir, path)
        if restored:
            notices.append(
                StoreNotice(
                    f"Your progress database {path} could not be used: {problem}. It was moved to "
                    f"{aside}, and the backup from {restored} was restored."
                )
            )
        else:
            notices.append(
                StoreNotice(
                    f"Your progress database {path} could not be used: {problem}. It was moved to "
                    f"{aside}; no good backup was found, so a new database was started."
                )
            )
    try:
        db = _connect(path)
    except sqlite3.DatabaseError as e:
        raise StoreError(f"cannot open the progress database {path}: {e}") from e
    try:
        _migrate(db, path)
    except sqlite3.DatabaseError as e:
        db.close()
        raise StoreError(f"cannot open the progress database {path}: {e}") from e
    except BaseException:
        db.close()
        raise
    return db


def _move_aside(path: Path) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    aside = path.with_name(f"{path.name}.unusable-{stamp}")
    n = 1
    while aside.exists():
        aside = path.with_name(f"{path.name}.unusable-{stamp}-{n}")
        n += 1
    os.replace(path, aside)
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            os.replace(side, aside.with_name(aside.name + suffix))
    return aside


def _migrate(db: sqlite3.Connection, path: Path) -> None:
    """Apply the missing migrations in one ``BEGIN IMMEDIATE`` transaction.

    The version is read again once the write lock is held: of several renshu processes
    opening a new database at once, one migrates and the others find nothing left to do.
    """
    if db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION:
        return  # up to date: no write lock needed
    begin_immediate(db)
    try:
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:  # a newer renshu migrated it meanwhile
            raise _newer(path, version)
        for target in range(version + 1, SCHEMA_VERSION + 1):
            MIGRATIONS[target - 1](db)
            db.execute(f"PRAGMA user_version = {target}")
    except BaseException:
        db.rollback()
        raise
    db.commit()


# -- backups ---------------------------------------------------------------------------


def backups_dir(data_dir: Path) -> Path:
    return data_dir / BACKUP_DIR


def list_backups(data_dir: Path) -> list[Path]:
    """Backups, newest first (names sort by their UTC date)."""
    folder = backups_dir(data_dir)
    if not folder.is_dir():
        return []
    return sorted(folder.glob("progress-*.sqlite3"), reverse=True)


def backup_date(path: Path) -> str:
    stem = path.stem.removeprefix("progress-")
    return f"{stem[:4]}-{stem[4:6]}-{stem[6:8]}" if len(stem) == 8 and stem.isdigit() else stem


def _daily_backup(store: ProgressStore, now: datetime) -> Path | None:
    """At most one backup a day, via SQLite's online backup into a temp file, then renamed."""
    folder = backups_dir(store.path.parent)
    target = folder / f"progress-{now.strftime('%Y%m%d')}.sqlite3"
    if target.exists():
        return None
    folder.mkdir(exist_ok=True)
    # Each process writes its own temporary file: renshu processes started together all
    # find no backup for today, and must not write into (or delete) each other's file.
    tmp = target.with_name(f"{target.name}.{os.getpid()}-{uuid.uuid4().hex[:8]}.tmp")
    try:
        dest = sqlite3.connect(tmp)
        try:
            store.db.backup(dest)
        finally:
            dest.close()
        os.replace(tmp, target)
    except (sqlite3.Error, OSError) as e:
        tmp.unlink(missing_ok=True)
        store.notices.append(StoreNotice(f"could not write today's backup {target}: {e}"))
        return None
    for old in list_backups(store.path.parent)[BACKUPS_KEPT:]:
        old.unlink(missing_ok=True)
    return target


def _restore_newest_backup(data_dir: Path, path: Path) -> str | None:
    for candidate in list_backups(data_dir):
        if _problem(candidate) is None:
            shutil.copyfile(candidate, path)
            return backup_date(candidate)
    return None


def restore_backup(data_dir: Path, backup: Path) -> Path:
    """Replace the database with ``backup``; the current one is moved aside (returned)."""
    path = data_dir / DB_NAME
    if _problem(backup) is not None:
        raise StoreError(f"{backup} is not a usable backup")
    aside = _move_aside(path) if path.exists() else path
    shutil.copyfile(backup, path)
    return aside
