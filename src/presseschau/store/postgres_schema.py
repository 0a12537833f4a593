"""PostgreSQL specifics of the store: connecting, migrating and checking the schema, named errors, the word index."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import TYPE_CHECKING, Any

from presseschau.errors import (
    NotAStoreError,
    StoreDriverMissingError,
    StoreLockedError,
    StoreNotWritableError,
    StoreTooNewError,
    StoreUnreachableError,
)
from presseschau.store import migrations
from presseschau.store.sql import now
from presseschau.store.sqlite_schema import APPLICATION_ID

if TYPE_CHECKING:
    from psycopg import Connection

MIGRATIONS = "presseschau.store.migrations_pg"
# The comment on schema_version that marks a schema as a Presseschau store (SQLite's application_id).
MARKER = "presseschau store"
# Seconds to wait for the server to answer a new connection: a host that is down fails fast, a busy one gets time.
CONNECT_TIMEOUT = 10
# SQLSTATE classes that mean the connection is gone: 08 connection exception, 57P operator intervention (shutdown).
_GONE = ("08", "57P")
# Errors that mean "this user cannot write here": privileges, a read-only server or transaction, a full disk, no
# schema to create the tables in.
_UNWRITABLE = {"42501", "25006", "53100", "3F000"}
_PASSWORD = re.compile(r"(://[^:/@?]*:)[^@/?]*(@)|([?&]password=)[^&]*")
# PostgreSQL's limits for a tsvector: 2047 bytes per word and 1 MB of words (2**20 - 1, less a margin).
MAX_WORD_BYTES = 2047
MAX_INDEX_BYTES = 1_000_000
# Letters and digits: the underscore separates words, as in SQLite's unicode61 tokenizer.
_WORD = re.compile(r"[^\W_]+")
_MARKS = re.compile("[\u0300-\u036f]+")  # the combining diacritical marks NFKD splits off
# The foreign keys check() follows: (table, column, parent table); each table's key is its article_id.
_LINKS = (("article_features", "article_id", "articles"), ("story_members", "article_id", "articles"),
          ("story_members", "story_id", "stories"), ("copies", "article_id", "articles"),
          ("copies", "origin_id", "articles"))


def shown(url: str) -> str:
    """The URL as messages show it: without its password."""
    return _PASSWORD.sub(lambda m: f"{m[1]}***{m[2]}" if m[1] else f"{m[3]}***", url)


def one_line(exc: BaseException) -> str:
    """libpq's message on one line (it spreads connection failures over several)."""
    return " ".join(str(exc).split())


def storable(value: Any) -> Any:
    """PostgreSQL text cannot hold NUL; it becomes U+FFFD (the replacement character) instead of failing the batch."""
    return value.replace("\x00", "\ufffd") if isinstance(value, str) and "\x00" in value else value


def _words(text: str) -> list[str]:
    """The words of a text as the full-text index holds them: diacritics dropped, runs of letters and digits, lower
    case (SQLite's FTS5 tokenizer unicode61 with remove_diacritics 2 reads text so)."""
    return _WORD.findall(_MARKS.sub("", unicodedata.normalize("NFKD", text)).lower())


def index_words(text: str) -> str:
    """The distinct words of a text as a tsvector literal. Words PostgreSQL cannot index (2048 bytes and more) are
    left out, and so are the words past the first megabyte, which a tsvector cannot hold."""
    kept, size = [], 0
    for word in dict.fromkeys(_words(text)):
        length = len(word.encode())
        if length <= MAX_WORD_BYTES and size + length <= MAX_INDEX_BYTES:
            kept.append(f"'{word}'")  # letters and digits only: nothing in a word needs escaping
            size += length
    return " ".join(kept)


def query_words(text: str) -> str | None:
    """A text filter as a tsquery literal: every word, folded as the index folds them, ":*" to match it as a word
    start. "" without words; None when a word is too long to be indexed, so nothing can match."""
    words = _words(text)
    if any(len(w.encode()) > MAX_WORD_BYTES for w in words):
        return None
    return " & ".join(f"'{w}':*" for w in words)


def connect(url: str, *, busy_timeout: float) -> Connection[Any]:
    """An autocommit connection (transactions are explicit) whose lock waits end after ``busy_timeout`` seconds."""
    try:
        import psycopg
    except ImportError:
        raise StoreDriverMissingError(shown(url)) from None
    libpq_url = re.sub(r"^[^:]*://", "postgresql://", url)  # "postgres+psycopg://" is ours, libpq knows neither
    try:
        db = psycopg.connect(libpq_url, autocommit=True, connect_timeout=CONNECT_TIMEOUT,
                             application_name="presseschau")
    except psycopg.Error as exc:
        raise StoreUnreachableError(shown(url), one_line(exc)) from None
    # lock_timeout 0 would wait for ever; SQLite's busy timeout 0 fails at once, which 1 ms comes closest to.
    db.execute("SELECT set_config('lock_timeout', %s, false)", (f"{max(1, round(busy_timeout * 1000))}ms",))
    return db


@contextmanager
def translated(db: Connection[Any], url: str, busy_timeout: float) -> Iterator[None]:
    """PostgreSQL errors that mean "locked", "cannot write" or "server gone" become named errors."""
    import psycopg

    try:
        yield
    except psycopg.Error as exc:
        state = exc.sqlstate or ""
        if state == "55P03":  # lock_not_available: lock_timeout ran out
            raise StoreLockedError(url, busy_timeout) from exc
        if state in _UNWRITABLE:
            raise StoreNotWritableError(url, one_line(exc)) from exc
        if isinstance(exc, psycopg.OperationalError) and (db.broken or db.closed or state.startswith(_GONE)):
            raise StoreUnreachableError(url, one_line(exc)) from exc
        raise


@contextmanager
def block(db: Connection[Any], begin: str = "BEGIN") -> Iterator[None]:
    """A transaction on an autocommit connection: committed when the block ends, rolled back on any exception."""
    import psycopg

    db.execute(begin)
    try:
        yield
    except BaseException:
        if not db.broken:
            with suppress(psycopg.OperationalError):  # the block's own error is the one to report
                db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def lock_key(db: Connection[Any], url: str) -> int:
    """The advisory lock that serialises this store's writers: the application id and the schema's oid."""
    row = db.execute("SELECT oid FROM pg_namespace WHERE nspname = current_schema()").fetchone()
    if row is None:
        raise StoreNotWritableError(url, "no schema of the search_path exists to hold the tables; create one with "
                                         "CREATE SCHEMA or name an existing one with ?options=-csearch_path%3DNAME")
    return int(APPLICATION_ID) << 32 | int(row[0])


def identity(db: Connection[Any], url: str) -> tuple[bool, int]:
    """Whether the current schema holds a Presseschau store (False when it is empty and becomes one) and its schema
    version; NotAStoreError for a schema with another program's tables."""
    (has_tables, marker), = db.execute(
        "SELECT EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = current_schema()), "
        "(SELECT obj_description(c.oid, 'pg_class') FROM pg_class c WHERE c.relname = 'schema_version' "
        "AND c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema()))").fetchall()
    if marker != MARKER:
        if has_tables:
            raise NotAStoreError(url, "its schema holds another program's tables; name an empty schema with "
                                      "?options=-csearch_path%3DNAME")
        return False, 0
    version = db.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()
    return True, int(version[0]) if version else 0


def prepare(db: Connection[Any], url: str) -> int:
    """Check the database and the schema, apply pending migrations; returns the writers' lock key."""
    (encoding,), = db.execute("SELECT current_setting('server_encoding')").fetchall()
    if encoding != "UTF8":  # articles come in any script, and LATIN1 lacks even German quotation marks („…“)
        raise StoreNotWritableError(url, f"the database encoding is {encoding}, presseschau needs UTF8; create the "
                                         "database with: createdb -E UTF8 -T template0 NAME")
    key = lock_key(db, url)
    ours, version = identity(db, url)
    if not ours or version != migrations.latest(MIGRATIONS):
        with block(db):
            # Under the writers' lock and looking again: another process may be making the store this moment.
            db.execute("SELECT pg_advisory_xact_lock(%s)", (key,))
            ours, current = identity(db, url)
            if current > migrations.latest(MIGRATIONS):
                raise StoreTooNewError(url, current, migrations.latest(MIGRATIONS))
            db.execute(migrations.VERSION_TABLE)
            db.execute(f"COMMENT ON TABLE schema_version IS '{MARKER}'")
            for step in migrations.pending(current, MIGRATIONS):
                db.execute(step.sql)  # a script: without parameters psycopg sends its statements at once
                db.execute("INSERT INTO schema_version (version, name, applied_at) VALUES (%s, %s, %s)",
                           (step.version, step.name, now()))
    return key


def problems(db: Connection[Any]) -> list[str]:
    """What PostgreSQL lets pass in a store (it checks pages and constraints itself): invalid indexes (a failed
    concurrent build) and links to missing rows (a bulk load with constraint triggers disabled)."""
    found = [f"index {name} is invalid; rebuild it with REINDEX INDEX {name}" for name, in db.execute(
        "SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relnamespace = "
        "(SELECT oid FROM pg_namespace WHERE nspname = current_schema()) AND NOT (i.indisvalid AND i.indisready)")]
    for table, column, parent in _LINKS:
        found += [f"{table} row {key} points to a missing row in {parent}" for key, in db.execute(
            f"SELECT t.article_id FROM {table} t WHERE NOT EXISTS (SELECT 1 FROM {parent} p WHERE p.id = t.{column}) "
            "ORDER BY 1")]
    return found
