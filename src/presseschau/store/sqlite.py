"""The SQLite store: one file in WAL mode, so several processes can ingest while others read."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, ClassVar

from presseschau.errors import NotAStoreError, StoreNotWritableError
from presseschau.store.base import dumps
from presseschau.store.sql import Row, SqlStore
from presseschau.store.sqlite_schema import identity, immediate, prepare, translated

# Seconds a writer waits for another process's batch before giving up. A batch of 50 articles (3.5 KB each,
# with features and the full-text index) takes 25-30 ms (20,000 synthetic articles), so 30 s only runs out
# when another process keeps a transaction open.
BUSY_TIMEOUT = 30.0

_WORD = re.compile(r"\w+")


class SqliteStore(SqlStore):
    """The Store in one SQLite file (``":memory:"`` for a private, unshared one). One instance per thread.

    WAL mode lets readers go on while one process writes; writers queue for up to ``busy_timeout`` seconds.
    ``synchronous=NORMAL``: a killed process loses at most its open batch, a power cut at most the last
    commits, and neither corrupts the file. ``full_text=False`` runs as on a SQLite built without FTS5 (the
    text filter then scans with LIKE; the index is rebuilt when a process with FTS5 opens the store again).
    """

    _OUTLETS: ClassVar[str] = "json_group_array(DISTINCT a.outlet)"
    _SAME_OUTLET: ClassVar[str] = "{}.outlet = ? COLLATE NOCASE"
    _AT_MOST: ClassVar[str] = "substr({}, 1, length(?)) <= ?"
    _BEGIN_READ: ClassVar[str] = "BEGIN"
    _json = staticmethod(json.loads)  # JSON columns are text

    def __init__(self, location: str | Path, *, busy_timeout: float = BUSY_TIMEOUT, full_text: bool = True) -> None:
        super().__init__(str(location), busy_timeout)
        if self.path != ":memory:":
            try:
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreNotWritableError(self.path, exc.strerror or str(exc)) from None
        with self._translated():
            self._db = sqlite3.connect(self.path, timeout=busy_timeout, isolation_level=None)
            try:
                self.full_text = prepare(self._db, self.path, full_text=full_text)
            except BaseException:
                self._db.close()
                raise

    # -- the connection ---------------------------------------------------------------------------------

    def _translated(self) -> AbstractContextManager[None]:
        return translated(self.path, self.busy_timeout)

    def _all(self, sql: str, params: Iterable[Any] = ()) -> list[Row]:
        with self._translated():
            return self._db.execute(sql, tuple(params)).fetchall()

    def _run(self, sql: str, params: Iterable[Any] = ()) -> int:
        with self._translated():
            return self._db.execute(sql, tuple(params)).rowcount

    def _many(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        with self._translated():
            self._db.executemany(sql, rows)

    def _inserted(self, sql: str, rows: Sequence[Sequence[Any]]) -> list[bool]:
        # One statement per row and its row count: RETURNING needs SQLite 3.35, older than some distributions ship.
        with self._translated():
            return [self._db.execute(sql, row).rowcount > 0 for row in rows]

    def _write_block(self) -> AbstractContextManager[None]:
        # BEGIN IMMEDIATE takes the write lock at once: writers queue for it instead of failing on a lock upgrade.
        return immediate(self._db)

    def _among(self, column: str, values: list[Any]) -> tuple[str, Any]:
        # One JSON parameter instead of one per value: no limit on the number of host parameters to run into.
        return f"{column} IN (SELECT value FROM json_each(?))", dumps(values)

    def _text_match(self, text: str) -> tuple[str, list[Any]] | None:
        words = _WORD.findall(text)
        if words and self.full_text:
            return ("a2.seq IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)",
                    [" ".join(f'"{w}"*' for w in words)])
        if words:
            return (" AND ".join(["(a2.title LIKE ? OR a2.text LIKE ?)"] * len(words)),
                    [f"%{w}%" for w in words for _ in (0, 1)])
        return "", []

    def schema_version(self) -> int:
        with self._translated():
            return identity(self._db, self.path)[1]

    def close(self) -> None:
        self._db.close()

    def check(self) -> tuple[str, ...]:
        """Problems found in the file, its links and its full-text index; empty when the store is sound."""
        problems = [r[0] for r in self._all("PRAGMA integrity_check") if r[0] != "ok"]
        problems += [f"{table} row {rowid} points to a missing row in {parent}"
                     for table, rowid, parent, _ in self._all("PRAGMA foreign_key_check")]
        if self.full_text:
            try:  # rank 1: compare the index with the articles table, too
                self._run("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)")
            except NotAStoreError as exc:  # SQLite reports a stale index as corrupt
                problems.append(f"full-text index out of step with the articles ({exc.__cause__})")
        return tuple(problems)
