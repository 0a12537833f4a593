"""Opening a SQLite store: recognise the file, migrate its schema, set up full-text search, name SQLite's errors."""

from __future__ import annotations

import re
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager

from presseschau.errors import NotAStoreError, StoreLockedError, StoreNotWritableError, StoreTooNewError
from presseschau.store import migrations
from presseschau.store.sql import now

# Written into the SQLite file header: marks the file as a Presseschau store ("PRES"; `file` shows it).
APPLICATION_ID = 0x50524553

# External content: the index holds no second copy of the texts; triggers keep it in step with the articles.
_FTS_TABLE = ("CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(title, text, content='articles', "
              "content_rowid='seq', tokenize='unicode61 remove_diacritics 2')")
_FTS_TRIGGERS = {
    "articles_fts_insert": "AFTER INSERT ON articles BEGIN "
    "INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text); END",
    "articles_fts_delete": "AFTER DELETE ON articles BEGIN INSERT INTO articles_fts (articles_fts, rowid, title, "
    "text) VALUES ('delete', old.seq, old.title, old.text); END",
    "articles_fts_update": "AFTER UPDATE OF title, text ON articles BEGIN INSERT INTO articles_fts (articles_fts, "
    "rowid, title, text) VALUES ('delete', old.seq, old.title, old.text); INSERT INTO articles_fts (rowid, title, "
    "text) VALUES (new.seq, new.title, new.text); END",
}
_LOCKED = {sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED}
_UNWRITABLE = {sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM, sqlite3.SQLITE_FULL,
               sqlite3.SQLITE_IOERR}
_FOREIGN = {sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT}


@contextmanager
def translated(path: str, busy_timeout: float) -> Iterator[None]:
    """SQLite errors that mean "locked", "cannot write" or "not our file" become named errors."""
    try:
        yield
    except sqlite3.Error as exc:
        code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF  # the primary code of an extended one
        if code in _LOCKED:
            raise StoreLockedError(path, busy_timeout) from exc
        if code in _UNWRITABLE:
            raise StoreNotWritableError(path, str(exc)) from exc
        if code in _FOREIGN:
            raise NotAStoreError(path, str(exc)) from exc
        raise


@contextmanager
def immediate(db: sqlite3.Connection) -> Iterator[None]:
    """A write transaction that holds the write lock from its start (BEGIN IMMEDIATE): writers queue for it
    instead of failing on a lock upgrade. Committed when the block ends, rolled back on any exception."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def identity(db: sqlite3.Connection, path: str) -> tuple[bool, int]:
    """Whether the file is a Presseschau store (False for an empty file, which becomes one) and its schema
    version; NotAStoreError for another program's database."""
    # One statement, so one snapshot: a process making the store at this moment is seen all or not at all.
    # The first read of the file, too: a file of another kind fails here.
    (app_id, has_tables, versioned), = db.execute(
        "SELECT (SELECT application_id FROM pragma_application_id()), EXISTS (SELECT 1 FROM sqlite_master), "
        "EXISTS (SELECT 1 FROM sqlite_master WHERE name = 'schema_version')").fetchall()
    if app_id != APPLICATION_ID:
        if has_tables:
            raise NotAStoreError(path, "a SQLite database of another program")
        return False, 0
    if not versioned:
        return True, 0
    return True, int(db.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0])


def prepare(db: sqlite3.Connection, path: str, *, full_text: bool) -> bool:
    """Check the file, set the connection's pragmas, apply pending migrations and set up (or, without FTS5, stand
    down) the full-text index. Returns whether the full-text index is in use."""
    ours, version = identity(db, path)
    _use_wal(db)
    db.execute("PRAGMA synchronous = NORMAL")
    db.execute("PRAGMA foreign_keys = ON")
    if not ours or version != migrations.latest():
        _migrate(db, path)
    return _set_up_full_text(db, full_text)


# How long to keep retrying the switch to WAL while another process holds the new file (see _use_wal).
WAL_SWITCH_SECONDS = 30.0


def _use_wal(db: sqlite3.Connection) -> None:
    """Put the file in WAL mode (kept in the file; ":memory:" stays in memory mode).

    Switching needs the file to itself for a moment, and SQLite reports "database is locked" at once instead of
    waiting through the busy timeout when another process is creating or opening the same new store: so the
    switch is retried for a while. A file already in WAL mode needs no switch.
    """
    if str(db.execute("PRAGMA journal_mode").fetchone()[0]).lower() == "wal":
        return
    deadline = time.monotonic() + WAL_SWITCH_SECONDS
    while True:
        try:
            db.execute("PRAGMA journal_mode = WAL").fetchall()
            return
        except sqlite3.OperationalError as exc:
            code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
            if code not in _LOCKED or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def _migrate(db: sqlite3.Connection, path: str) -> None:
    # All pending steps in one transaction; inside it look again, since another process may have made or
    # migrated the store meanwhile.
    with immediate(db):
        ours, current = identity(db, path)
        if current > migrations.latest():
            raise StoreTooNewError(path, current, migrations.latest())
        if not ours:
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db.execute(migrations.VERSION_TABLE)
        for step in migrations.pending(current):
            for statement in statements(step.sql):
                db.execute(statement)
            db.execute("INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)",
                       (step.version, step.name, now()))


def statements(script: str) -> Iterator[str]:
    """The statements of a SQL script, split where SQLite itself sees a statement end (triggers hold ';').
    Not ``executescript``: it would commit the open transaction first."""
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            yield buffer.strip()
            buffer = ""
    if re.sub(r"--[^\n]*", "", buffer).strip():
        raise RuntimeError(f"migration ends inside a statement: {buffer.strip()[:80]!r}")


def _set_up_full_text(db: sqlite3.Connection, wanted: bool) -> bool:
    triggers = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    if wanted and _fts5_available(db):
        if not set(_FTS_TRIGGERS) <= triggers:  # a new store, or articles were added without the index
            with immediate(db):
                db.execute(_FTS_TABLE)
                for name, body in _FTS_TRIGGERS.items():
                    db.execute(f"CREATE TRIGGER IF NOT EXISTS {name} {body}")
                db.execute("INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')")
        return True
    if triggers & set(_FTS_TRIGGERS):  # without FTS5 the triggers would make every insert fail
        with immediate(db):
            for name in _FTS_TRIGGERS:
                db.execute(f"DROP TRIGGER IF EXISTS {name}")
    return False


def _fts5_available(db: sqlite3.Connection) -> bool:
    try:
        db.execute("CREATE VIRTUAL TABLE temp.fts5_probe USING fts5(x)")
    except sqlite3.OperationalError:
        return False
    db.execute("DROP TABLE temp.fts5_probe")
    return True
