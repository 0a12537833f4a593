"""The PostgreSQL store: the same Store as SQLite's on a database server, for corpora many processes write to."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from functools import lru_cache
from typing import TYPE_CHECKING, Any, ClassVar

from presseschau.model import Article
from presseschau.store import postgres_schema as pg
from presseschau.store.sql import ARTICLE_COLUMNS, Row, SqlStore

if TYPE_CHECKING:
    from psycopg import Connection

# Seconds a writer waits for another process's batch (lock_timeout), as with SQLite: a batch of 50 articles (3.5 KB,
# features, story assignment) takes 17 ms on a local server (20,000 synthetic articles), so 30 s means a stuck batch.
BUSY_TIMEOUT = 30.0


def _params(values: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(pg.storable(v) for v in values)


@lru_cache(maxsize=1024)  # the store builds few distinct statements; converting each once is enough
def _psycopg(sql: str) -> str:
    """A statement written with ``?`` parameters as psycopg takes it: ``%s``, and a literal ``%`` doubled."""
    return sql.replace("%", "%%").replace("?", "%s")


class PostgresStore(SqlStore):
    """The Store in a PostgreSQL database, in the connection's current schema (the first of its search_path; pick
    another with "?options=-csearch_path%3Dname"). One instance per thread, one connection each.

    Writers queue for one advisory lock per store, as SQLite's writers queue for its write lock: no batch can
    deadlock another, and a batch waits up to ``busy_timeout`` seconds. Readers never wait for writers.
    """

    _OUTLETS: ClassVar[str] = "array_agg(DISTINCT a.outlet)"
    # ASCII letters folded on both sides, like SQLite's NOCASE: lower() of a "C" text folds only those.
    _SAME_OUTLET: ClassVar[str] = 'lower({}.outlet) = lower(?::text COLLATE "C")'
    _AT_MOST: ClassVar[str] = "left({}, length(?::text)) <= ?"
    _BEGIN_READ: ClassVar[str] = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"
    # The article's words go into the search column with it (see migrations_pg/0001_initial.sql).
    _ADD: ClassVar[str] = (f"INSERT INTO articles ({ARTICLE_COLUMNS}, search) VALUES ({'?, ' * 15}?::tsvector) "
                           "ON CONFLICT (id) DO NOTHING")
    _as_stored = staticmethod(pg.storable)  # JSON columns come decoded already: _json stays as is

    def __init__(self, url: str, *, busy_timeout: float = BUSY_TIMEOUT) -> None:
        super().__init__(pg.shown(url), busy_timeout)  # messages show the URL without its password
        self.url = url
        self._db: Connection[Any] = pg.connect(url, busy_timeout=busy_timeout)
        try:
            with self._translated():
                self._lock = pg.prepare(self._db, self.path)
        except BaseException:
            self._db.close()
            raise

    # -- the connection ---------------------------------------------------------------------------------

    def _translated(self) -> AbstractContextManager[None]:
        return pg.translated(self._db, self.path, self.busy_timeout)

    def _all(self, sql: str, params: Iterable[Any] = ()) -> list[Row]:
        with self._translated():
            return self._db.execute(_psycopg(sql), _params(params)).fetchall()

    def _run(self, sql: str, params: Iterable[Any] = ()) -> int:
        with self._translated():
            return self._db.execute(_psycopg(sql), _params(params)).rowcount

    def _many(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        # executemany sends all rows in one round trip (a pipeline)
        with self._translated():
            self._db.cursor().executemany(_psycopg(sql), [_params(row) for row in rows])

    def _inserted(self, sql: str, rows: Sequence[Sequence[Any]]) -> list[bool]:
        if not rows:
            return []
        with self._translated():
            cursor = self._db.cursor()
            cursor.executemany(_psycopg(sql) + " RETURNING 1", [_params(row) for row in rows], returning=True)
            went_in = []
            while True:  # one result per row, in order: a row when it went in, none on a conflict
                went_in.append(bool(cursor.fetchall()))
                if cursor.nextset() is None:
                    return went_in

    @contextmanager
    def _write_block(self) -> Iterator[None]:
        with pg.block(self._db):
            self._db.execute("SELECT pg_advisory_xact_lock(%s)", (self._lock,))
            yield

    def _among(self, column: str, values: list[Any]) -> tuple[str, Any]:
        return f"{column} = ANY(?)", [pg.storable(v) for v in values]

    def _text_match(self, text: str) -> tuple[str, list[Any]] | None:
        words = pg.query_words(text)
        if words is None:
            return None
        return ("a2.search @@ ?::tsquery", [words]) if words else ("", [])

    def _article_values(self, a: Article, at: str) -> tuple[Any, ...]:
        return (*super()._article_values(a, at), pg.index_words(f"{a.title}\n{a.text}"))

    def schema_version(self) -> int:
        with self._translated():
            return pg.identity(self._db, self.path)[1]

    def close(self) -> None:
        self._db.close()

    def check(self) -> tuple[str, ...]:
        """Problems found in the schema and its links; empty when the store is sound."""
        with self._translated():
            return tuple(pg.problems(self._db))
