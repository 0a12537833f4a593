"""The SQLite store: one file in WAL mode, so several processes can ingest while others read."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any, TextIO

from presseschau.errors import NotAStoreError, NotInStoreError, StoreNotWritableError
from presseschau.model import Article, CopyLink, SentenceRef
from presseschau.store.base import (
    AddResult,
    ArticleFeatures,
    StoredArticle,
    StoryRecord,
    article_json,
    dumps,
    removed_from_json,
    removed_json,
)
from presseschau.store.sqlite_schema import identity, immediate, now, prepare, translated

# Seconds a writer waits for another process's batch before giving up. A batch of 50 articles (3.5 KB each,
# with features and the full-text index) takes 25-30 ms (20,000 synthetic articles), so 30 s only runs out
# when another process keeps a transaction open.
BUSY_TIMEOUT = 30.0
# Rows fetched per query while iterating: memory stays bounded and no read snapshot is held between pages.
PAGE_ROWS = 500

_ARTICLE = ("a.id, a.source, a.title, a.text, a.outlet, a.outlet_from, a.published, a.published_from, a.url, "
            "a.format, a.language, a.removed, a.encoding, a.extra")
_STORED = ("a.id, a.title, a.outlet, a.published, a.ingested_at, m.story_id, f.signature, f.lemmas, f.names")
_FROM = ("FROM articles a LEFT JOIN story_members m ON m.article_id = a.id "
         "LEFT JOIN article_features f ON f.article_id = a.id")
_STORY = ("SELECT s.id, s.title, count(a.id), count(a.id) - count(c.article_id), json_group_array(DISTINCT a.outlet), "
          "min(a.seen), max(a.seen), s.created_at, s.updated_at FROM stories s "
          "LEFT JOIN story_members m ON m.story_id = s.id LEFT JOIN articles a ON a.id = m.article_id "
          "LEFT JOIN copies c ON c.article_id = a.id")
_STORY_MATCHING = "SELECT m2.story_id FROM story_members m2 JOIN articles a2 ON a2.id = m2.article_id WHERE "
_WORD = re.compile(r"\w+")

Row = tuple[Any, ...]


def _filters(*, since: str | None, until: str | None, outlet: str | None, story: str | None = None,
             unassigned: bool = False) -> tuple[list[str], list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if since:
        clauses.append("a.seen >= ?")
        params.append(since)
    if until:  # compared at the precision given, so "2025-03-12" keeps that day's "2025-03-12T18:00"
        clauses.append("substr(a.seen, 1, length(?)) <= ?")
        params += [until, until]
    if outlet:
        clauses.append("a.outlet = ? COLLATE NOCASE")
        params.append(outlet)
    if story:
        clauses.append("m.story_id = ?")
        params.append(story)
    if unassigned:
        clauses.append("m.story_id IS NULL")
    return clauses, params


def _article(row: Row) -> Article:
    return Article(id=row[0], source=row[1], title=row[2], text=row[3], outlet=row[4], outlet_from=row[5],
                   published=row[6], published_from=row[7], url=row[8], format=row[9], language=row[10],
                   removed=removed_from_json(json.loads(row[11])), encoding=row[12], extra=json.loads(row[13]))


def _stored(row: Row) -> StoredArticle:
    features = None
    if row[6] is not None:
        features = ArticleFeatures(bytes(row[6]), json.loads(row[7]), tuple(json.loads(row[8])))
    return StoredArticle(row[0], row[1], row[2], row[3], row[4], row[5], features)


def _story(row: Row) -> StoryRecord:
    outlets = tuple(sorted(o for o in json.loads(row[4]) if o is not None))
    return StoryRecord(row[0], row[1], row[2], row[3], outlets, row[5], row[6], row[7], row[8])


def _refs(refs: Iterable[SentenceRef]) -> str:
    return dumps([[ref.article_id, ref.index] for ref in refs])


class SqliteStore:
    """The Store in one SQLite file (``":memory:"`` for a private, unshared one). One instance per thread.

    WAL mode lets readers go on while one process writes; writers queue for up to ``busy_timeout`` seconds.
    ``synchronous=NORMAL``: a killed process loses at most its open batch, a power cut at most the last
    commits, and neither corrupts the file. ``full_text=False`` runs as on a SQLite built without FTS5 (the
    text filter then scans with LIKE; the index is rebuilt when a process with FTS5 opens the store again).
    """

    def __init__(self, location: str | Path, *, busy_timeout: float = BUSY_TIMEOUT, full_text: bool = True) -> None:
        self.path = str(location)
        self.busy_timeout = busy_timeout
        self._depth = 0
        self._reading = False
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

    # -- errors and transactions ------------------------------------------------------------------------

    def _translated(self) -> AbstractContextManager[None]:
        return translated(self.path, self.busy_timeout)

    def _all(self, sql: str, params: Iterable[Any] = ()) -> list[Row]:
        with self._translated():
            return self._db.execute(sql, tuple(params)).fetchall()

    def _run(self, sql: str, params: Iterable[Any] = ()) -> int:
        with self._translated():
            return self._db.execute(sql, tuple(params)).rowcount

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write batch: committed whole when the block ends, rolled back whole on an exception. Nested
        blocks join the outer one; two processes' batches queue for the write lock (up to ``busy_timeout``)."""
        if self._reading:
            raise RuntimeError("cannot write inside store.snapshot(); leave the snapshot first")
        if self._depth:
            yield
            return
        self._depth = 1
        try:
            with self._translated(), immediate(self._db):
                yield
        finally:
            self._depth = 0

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """A consistent view for several reads; other processes' writes go on and show after the block."""
        if self._depth:
            yield
            return
        with self._translated():
            self._db.execute("BEGIN")
            self._db.execute("SELECT count(*) FROM meta").fetchall()  # a WAL snapshot starts at the first read
        self._depth, self._reading = 1, True
        try:
            yield
        finally:
            self._depth, self._reading = 0, False
            self._db.execute("COMMIT")

    def schema_version(self) -> int:
        with self._translated():
            return identity(self._db, self.path)[1]

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> SqliteStore:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    # -- articles ---------------------------------------------------------------------------------------

    def add_articles(self, articles: Iterable[Article],
                     features: Mapping[str, ArticleFeatures] | None = None) -> AddResult:
        """Add the articles the store does not hold yet (same content hash = same article) in one transaction,
        with their features where given; features also fill in for articles stored without them."""
        new: list[str] = []
        seen: list[str] = []
        at = now()
        with self.transaction():
            for a in articles:
                seen.append(a.id)
                added = self._run(
                    "INSERT INTO articles (id, source, outlet, outlet_from, title, text, published, published_from, "
                    "url, language, format, encoding, extra, removed, ingested_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
                    (a.id, a.source, a.outlet, a.outlet_from, a.title, a.text, a.published, a.published_from, a.url,
                     a.language, a.format, a.encoding, dumps(dict(a.extra)), dumps(removed_json(a.removed)), at))
                if added:
                    new.append(a.id)
            if features:
                self._put_features({i: features[i] for i in seen if i in features}, replace=False)
        return AddResult(added=len(new), duplicates=len(seen) - len(new), new_ids=tuple(new))

    def set_features(self, features: Mapping[str, ArticleFeatures]) -> None:
        """Store or replace the features of articles already in the store."""
        with self.transaction():
            self._put_features(features, replace=True)

    def _put_features(self, features: Mapping[str, ArticleFeatures], *, replace: bool) -> None:
        action = ("DO UPDATE SET signature = excluded.signature, lemmas = excluded.lemmas, names = excluded.names"
                  if replace else "DO NOTHING")
        for article_id, f in features.items():
            try:
                self._run(f"INSERT INTO article_features (article_id, signature, lemmas, names) VALUES (?, ?, ?, ?) "
                          f"ON CONFLICT (article_id) {action}",
                          (article_id, f.signature, dumps(dict(f.lemmas)), dumps(list(f.names))))
            except sqlite3.IntegrityError:
                raise NotInStoreError("article", article_id, self.path) from None

    def has_article(self, article_id: str) -> bool:
        return bool(self._all("SELECT 1 FROM articles WHERE id = ?", (article_id,)))

    def get_article(self, article_id: str) -> Article:
        rows = self._all(f"SELECT {_ARTICLE} FROM articles a WHERE a.id = ?", (article_id,))
        if not rows:
            raise NotInStoreError("article", article_id, self.path)
        return _article(rows[0])

    def _pages(self, select: str, clauses: list[str], params: list[Any]) -> Iterator[Row]:
        """Rows by (seen, seq), fetched a page at a time from where the last page ended (keyset paging)."""
        after: list[Any] = []
        while True:
            where = [*clauses, "(a.seen, a.seq) > (?, ?)"] if after else clauses
            sql = f"SELECT {select}, a.seen, a.seq {_FROM}{' WHERE ' if where else ''}{' AND '.join(where)}"
            rows = self._all(f"{sql} ORDER BY a.seen, a.seq LIMIT {PAGE_ROWS}", [*params, *after])
            yield from rows
            if len(rows) < PAGE_ROWS:
                return
            after = list(rows[-1][-2:])

    def articles(self, *, since: str | None = None, until: str | None = None, outlet: str | None = None,
                 story: str | None = None) -> Iterator[Article]:
        """The articles that pass every filter given, oldest first."""
        clauses, params = _filters(since=since, until=until, outlet=outlet, story=story)
        return map(_article, self._pages(_ARTICLE, clauses, params))

    def stored_articles(self, *, since: str | None = None, until: str | None = None, outlet: str | None = None,
                        story: str | None = None, unassigned: bool = False) -> Iterator[StoredArticle]:
        """The fast-path view of the articles that pass the filters (``unassigned``: in no story), oldest first."""
        clauses, params = _filters(since=since, until=until, outlet=outlet, story=story, unassigned=unassigned)
        return map(_stored, self._pages(_STORED, clauses, params))

    # -- stories ----------------------------------------------------------------------------------------

    def create_story(self, story_id: str, title: str) -> bool:
        """Create the story; False when it exists already (it keeps its title), so re-running is harmless."""
        at = now()
        with self.transaction():
            return bool(self._run("INSERT INTO stories (id, title, created_at, updated_at) VALUES (?, ?, ?, ?) "
                                  "ON CONFLICT (id) DO NOTHING", (story_id, title, at, at)))

    def update_story(self, story_id: str, *, title: str) -> None:
        with self.transaction():
            if not self._run("UPDATE stories SET title = ?, updated_at = ? WHERE id = ?", (title, now(), story_id)):
                raise NotInStoreError("story", story_id, self.path)

    def assign(self, article_id: str, story_id: str) -> None:
        """Put the article into the story, moving it out of the story it was in."""
        self.assign_many([(article_id, story_id)])

    def assign_many(self, pairs: Iterable[tuple[str, str]]) -> None:
        """Assign every (article id, story id) pair in one transaction: all or none."""
        at = now()
        with self.transaction():
            for article_id, story_id in pairs:
                try:
                    self._run("INSERT INTO story_members (article_id, story_id, added_at) VALUES (?, ?, ?) "
                              "ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id, "
                              "added_at = excluded.added_at WHERE story_id <> excluded.story_id",
                              (article_id, story_id, at))
                except sqlite3.IntegrityError:
                    kind, missing = ("story", story_id) if self.has_article(article_id) else ("article", article_id)
                    raise NotInStoreError(kind, missing, self.path) from None
                self._run("UPDATE stories SET updated_at = ? WHERE id = ?", (at, story_id))

    def get_story(self, story_id: str) -> StoryRecord:
        rows = self._all(f"{_STORY} WHERE s.id = ? GROUP BY s.id", (story_id,))
        if not rows:
            raise NotInStoreError("story", story_id, self.path)
        return _story(rows[0])

    def stories(self, *, since: str | None = None, until: str | None = None, outlet: str | None = None,
                text: str | None = None, limit: int | None = None) -> list[StoryRecord]:
        """Stories with at least one article, latest activity first. ``since``/``until`` keep the stories seen
        in that span; ``outlet`` those with an article from it; ``text`` those with an article holding every
        word (a word also matches as the start of a longer one: "Rakete" finds "Raketentest")."""
        where: list[str] = []
        params: list[Any] = []
        if outlet:
            where.append(f"s.id IN ({_STORY_MATCHING}a2.outlet = ? COLLATE NOCASE)")
            params.append(outlet)
        words = _WORD.findall(text or "")
        if words and self.full_text:
            where.append(f"s.id IN ({_STORY_MATCHING}a2.seq IN "
                         "(SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?))")
            params.append(" ".join(f'"{w}"*' for w in words))
        elif words:
            where.append(f"s.id IN ({_STORY_MATCHING}"
                         + " AND ".join(["(a2.title LIKE ? OR a2.text LIKE ?)"] * len(words)) + ")")
            params += [f"%{w}%" for w in words for _ in (0, 1)]
        having = ["count(a.id) > 0"]
        if since:
            having.append("max(a.seen) >= ?")
            params.append(since)
        if until:
            having.append("substr(min(a.seen), 1, length(?)) <= ?")
            params += [until, until]
        sql = (f"{_STORY}{' WHERE ' if where else ''}{' AND '.join(where)} GROUP BY s.id "
               f"HAVING {' AND '.join(having)} ORDER BY max(a.seen) DESC, s.id")
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return [_story(row) for row in self._all(sql, params)]

    def story_articles(self, story_id: str) -> list[Article]:
        """The story's articles, oldest first."""
        if not self._all("SELECT 1 FROM stories WHERE id = ?", (story_id,)):
            raise NotInStoreError("story", story_id, self.path)
        return list(self.articles(story=story_id))

    # -- copies, meta, export, check --------------------------------------------------------------------

    def set_copies(self, links: Iterable[CopyLink], *, story: str | None = None) -> None:
        """Record copy links (an article copies one origin; a new link replaces its old one). With ``story``
        the story's articles first lose their links, so its copies become exactly ``links``."""
        with self.transaction():
            if story:
                self._run("DELETE FROM copies WHERE article_id IN "
                          "(SELECT article_id FROM story_members WHERE story_id = ?)", (story,))
            for link in links:
                try:
                    self._run("INSERT INTO copies (article_id, origin_id, similarity, added, cut) "
                              "VALUES (?, ?, ?, ?, ?) ON CONFLICT (article_id) DO UPDATE SET origin_id = "
                              "excluded.origin_id, similarity = excluded.similarity, added = excluded.added, "
                              "cut = excluded.cut",
                              (link.article_id, link.origin_id, link.similarity, _refs(link.added), _refs(link.cut)))
                except sqlite3.IntegrityError:
                    missing = link.origin_id if self.has_article(link.article_id) else link.article_id
                    raise NotInStoreError("article", missing, self.path) from None

    def copies(self, *, story: str | None = None) -> list[CopyLink]:
        """The copy links (of the story's articles), by article id."""
        sql = "SELECT c.article_id, c.origin_id, c.similarity, c.added, c.cut FROM copies c"
        if story:
            sql += " JOIN story_members m ON m.article_id = c.article_id WHERE m.story_id = ?"
        rows = self._all(sql + " ORDER BY c.article_id", (story,) if story else ())
        return [CopyLink(r[0], r[1], r[2], tuple(SentenceRef(i, n) for i, n in json.loads(r[3])),
                         tuple(SentenceRef(i, n) for i, n in json.loads(r[4]))) for r in rows]

    def get_meta(self, key: str) -> str | None:
        rows = self._all("SELECT value FROM meta WHERE key = ?", (key,))
        return rows[0][0] if rows else None

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction():
            self._run("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = "
                      "excluded.value", (key, value))

    def export(self, fh: TextIO) -> int:
        """Write every article as one JSON line (all its fields, its story id or null, its ingest time) in
        ingest order; returns the number of lines."""
        count, after = 0, 0
        while True:
            rows = self._all(f"SELECT {_ARTICLE}, m.story_id, a.ingested_at, a.seq {_FROM} WHERE a.seq > ? "
                             f"ORDER BY a.seq LIMIT {PAGE_ROWS}", (after,))
            for row in rows:
                fh.write(dumps({**article_json(_article(row)), "story": row[14], "ingested_at": row[15]}) + "\n")
            count += len(rows)
            if len(rows) < PAGE_ROWS:
                return count
            after = rows[-1][-1]

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
