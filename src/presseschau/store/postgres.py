"""The PostgreSQL store: the same Store as SQLite's on a database server, for corpora many processes write to."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from types import TracebackType
from typing import TYPE_CHECKING, Any, TextIO

from presseschau.errors import NotInStoreError
from presseschau.model import Article, CopyLink, SentenceRef
from presseschau.store import postgres_schema as pg
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

if TYPE_CHECKING:
    from psycopg import Connection

# Seconds a writer waits for another process's batch (lock_timeout), as with SQLite: a batch of 50 articles (3.5 KB,
# features, story assignment) takes 17 ms on a local server (20,000 synthetic articles), so 30 s means a stuck batch.
BUSY_TIMEOUT = 30.0
# Rows fetched per query while iterating: memory stays bounded and no snapshot is held between pages.
PAGE_ROWS = 500

_ARTICLE = ("a.id, a.source, a.title, a.text, a.outlet, a.outlet_from, a.published, a.published_from, a.url, "
            "a.format, a.language, a.removed, a.encoding, a.extra")
_STORED = "a.id, a.title, a.outlet, a.published, a.ingested_at, m.story_id, f.signature, f.lemmas, f.names"
_FROM = ("FROM articles a LEFT JOIN story_members m ON m.article_id = a.id "
         "LEFT JOIN article_features f ON f.article_id = a.id")
_STORY = ("SELECT s.id, s.title, count(a.id), count(a.id) - count(c.article_id), array_agg(DISTINCT a.outlet), "
          "min(a.seen), max(a.seen), s.created_at, s.updated_at FROM stories s "
          "LEFT JOIN story_members m ON m.story_id = s.id LEFT JOIN articles a ON a.id = m.article_id "
          "LEFT JOIN copies c ON c.article_id = a.id")
_STORY_MATCHING = "SELECT m2.story_id FROM story_members m2 JOIN articles a2 ON a2.id = m2.article_id WHERE "
# ASCII letters folded on both sides, like SQLite's NOCASE: lower() of a "C" text folds only those.
_SAME_OUTLET = 'lower({}.outlet) = lower(%s::text COLLATE "C")'
_ADD = ("INSERT INTO articles (id, source, outlet, outlet_from, title, text, published, published_from, url, "
        "language, format, encoding, extra, removed, ingested_at, search) VALUES "
        "(%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s::tsvector) "
        "ON CONFLICT (id) DO NOTHING RETURNING id")

_TABLES = {"article": "articles", "story": "stories"}

Row = tuple[Any, ...]


def _filters(*, since: str | None, until: str | None, outlet: str | None, story: str | None = None,
             unassigned: bool = False) -> tuple[list[str], list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if since:
        clauses.append("a.seen >= %s")
        params.append(since)
    if until:  # compared at the precision given, so "2025-03-12" keeps that day's "2025-03-12T18:00"
        clauses.append("left(a.seen, length(%s::text)) <= %s")
        params += [until, until]
    if outlet:
        clauses.append(_SAME_OUTLET.format("a"))
        params.append(outlet)
    if story:
        clauses.append("m.story_id = %s")
        params.append(story)
    if unassigned:
        clauses.append("m.story_id IS NULL")
    return clauses, params


def _params(values: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(pg.storable(v) for v in values)


def _article(row: Row) -> Article:
    return Article(id=row[0], source=row[1], title=row[2], text=row[3], outlet=row[4], outlet_from=row[5],
                   published=row[6], published_from=row[7], url=row[8], format=row[9], language=row[10],
                   removed=removed_from_json(row[11]), encoding=row[12], extra=row[13])


def _stored(row: Row) -> StoredArticle:
    features = None
    if row[6] is not None:
        features = ArticleFeatures(bytes(row[6]), row[7], tuple(row[8]))
    return StoredArticle(row[0], row[1], row[2], row[3], row[4], row[5], features)


def _refs(refs: Iterable[SentenceRef]) -> str:
    return dumps([[ref.article_id, ref.index] for ref in refs])


def _story(row: Row) -> StoryRecord:
    outlets = tuple(sorted(o for o in row[4] if o is not None))
    return StoryRecord(row[0], row[1], row[2], row[3], outlets, row[5], row[6], row[7], row[8])


class PostgresStore:
    """The Store in a PostgreSQL database, in the connection's current schema (the first of its search_path; pick
    another with "?options=-csearch_path%3Dname"). One instance per thread, one connection each.

    Writers queue for one advisory lock per store, as SQLite's writers queue for its write lock: no batch can
    deadlock another, and a batch waits up to ``busy_timeout`` seconds. Readers never wait for writers.
    """

    def __init__(self, url: str, *, busy_timeout: float = BUSY_TIMEOUT) -> None:
        self.url = url
        self.path = pg.shown(url)  # what messages show: the URL without its password
        self.busy_timeout = busy_timeout
        self._depth = 0
        self._reading = False
        self._db: Connection[Any] = pg.connect(url, busy_timeout=busy_timeout)
        try:
            with self._translated():
                self._lock = pg.prepare(self._db, self.path)
        except BaseException:
            self._db.close()
            raise

    # -- errors and transactions ------------------------------------------------------------------------

    def _translated(self) -> AbstractContextManager[None]:
        return pg.translated(self._db, self.path, self.busy_timeout)

    def _all(self, sql: str, params: Iterable[Any] = ()) -> list[Row]:
        with self._translated():
            return self._db.execute(sql, _params(params)).fetchall()

    def _run(self, sql: str, params: Iterable[Any] = ()) -> int:
        with self._translated():
            return self._db.execute(sql, _params(params)).rowcount

    def _many(self, sql: str, rows: Iterable[Sequence[Any]], *, returning: bool = False) -> set[Any]:
        """One statement for many rows in one round trip (a pipeline); with ``returning`` its first result column."""
        found: set[Any] = set()
        with self._translated():
            cursor = self._db.cursor()
            cursor.executemany(sql, [_params(row) for row in rows], returning=returning)
            while returning:  # one result per row
                found.update(r[0] for r in cursor.fetchall())
                returning = cursor.nextset() is not None
        return found

    def _require(self, items: Sequence[tuple[str, str]]) -> None:
        """NotInStoreError for the first ("article" or "story", id) the store lacks. Looked up before writing: a
        failed statement would end the transaction, and the error must name the id."""
        present = {kind: {r[0] for r in self._all(f"SELECT id FROM {_TABLES[kind]} WHERE id = ANY(%s)",
                                                  ([pg.storable(i) for k, i in items if k == kind],))}
                   for kind in {k for k, _ in items}}
        for kind, item in items:
            if pg.storable(item) not in present[kind]:
                raise NotInStoreError(kind, item, self.path)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write batch: committed whole when the block ends, rolled back whole on an exception. Nested
        blocks join the outer one; two processes' batches queue for the store's write lock (up to ``busy_timeout``)."""
        if self._reading:
            raise RuntimeError("cannot write inside store.snapshot(); leave the snapshot first")
        if self._depth:
            yield
            return
        self._depth = 1
        try:
            with self._translated(), pg.block(self._db):
                self._db.execute("SELECT pg_advisory_xact_lock(%s)", (self._lock,))
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
            self._db.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            self._db.execute("SELECT 1")  # the snapshot is taken at the first statement, so take it now
        self._depth, self._reading = 1, True
        try:
            yield
        finally:
            self._depth, self._reading = 0, False
            with self._translated():
                self._db.execute("COMMIT")

    def schema_version(self) -> int:
        with self._translated():
            return pg.identity(self._db, self.path)[1]

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> PostgresStore:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    # -- articles ---------------------------------------------------------------------------------------

    def add_articles(self, articles: Iterable[Article],
                     features: Mapping[str, ArticleFeatures] | None = None) -> AddResult:
        """Add the articles the store does not hold yet (same content hash = same article) in one transaction,
        with their features where given; features also fill in for articles stored without them."""
        given = list(articles)
        at = pg.now()
        rows = [(a.id, a.source, a.outlet, a.outlet_from, a.title, a.text, a.published, a.published_from, a.url,
                 a.language, a.format, a.encoding, dumps(dict(a.extra)), dumps(removed_json(a.removed)), at,
                 pg.index_words(f"{a.title}\n{a.text}")) for a in given]
        with self.transaction():
            inserted = self._many(_ADD, rows, returning=True)  # the ids that were new
            if features:
                self._put_features({a.id: features[a.id] for a in given if a.id in features}, replace=False)
        new: list[str] = []
        for a in given:  # a repeat within the batch counts as a duplicate, as it does in SQLite
            if a.id in inserted:
                inserted.discard(a.id)
                new.append(a.id)
        return AddResult(added=len(new), duplicates=len(given) - len(new), new_ids=tuple(new))

    def set_features(self, features: Mapping[str, ArticleFeatures]) -> None:
        """Store or replace the features of articles already in the store."""
        with self.transaction():
            self._require([("article", i) for i in features])
            self._put_features(features, replace=True)

    def _put_features(self, features: Mapping[str, ArticleFeatures], *, replace: bool) -> None:
        action = ("DO UPDATE SET signature = excluded.signature, lemmas = excluded.lemmas, names = excluded.names"
                  if replace else "DO NOTHING")
        self._many(f"INSERT INTO article_features (article_id, signature, lemmas, names) VALUES (%s, %s, %s, %s) "
                   f"ON CONFLICT (article_id) {action}",
                   [(i, f.signature, dumps(dict(f.lemmas)), dumps(list(f.names))) for i, f in features.items()])

    def has_article(self, article_id: str) -> bool:
        return bool(self._all("SELECT 1 FROM articles WHERE id = %s", (article_id,)))

    def get_article(self, article_id: str) -> Article:
        rows = self._all(f"SELECT {_ARTICLE} FROM articles a WHERE a.id = %s", (article_id,))
        if not rows:
            raise NotInStoreError("article", article_id, self.path)
        return _article(rows[0])

    def _pages(self, select: str, clauses: list[str], params: list[Any]) -> Iterator[Row]:
        """Rows by (seen, seq), fetched a page at a time from where the last page ended (keyset paging)."""
        after: list[Any] = []
        while True:
            where = [*clauses, "(a.seen, a.seq) > (%s, %s)"] if after else clauses
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
        at = pg.now()
        with self.transaction():
            return bool(self._run("INSERT INTO stories (id, title, created_at, updated_at) VALUES (%s, %s, %s, %s) "
                                  "ON CONFLICT (id) DO NOTHING", (story_id, title, at, at)))

    def update_story(self, story_id: str, *, title: str) -> None:
        with self.transaction():
            if not self._run("UPDATE stories SET title = %s, updated_at = %s WHERE id = %s",
                             (title, pg.now(), story_id)):
                raise NotInStoreError("story", story_id, self.path)

    def assign(self, article_id: str, story_id: str) -> None:
        """Put the article into the story, moving it out of the story it was in."""
        self.assign_many([(article_id, story_id)])

    def assign_many(self, pairs: Iterable[tuple[str, str]]) -> None:
        """Assign every (article id, story id) pair in one transaction: all or none."""
        pairs = list(pairs)
        at = pg.now()
        with self.transaction():
            self._require([item for a, s in pairs for item in (("article", a), ("story", s))])
            self._many("INSERT INTO story_members (article_id, story_id, added_at) VALUES (%s, %s, %s) "
                       "ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id, "
                       "added_at = excluded.added_at WHERE story_members.story_id <> excluded.story_id",
                       [(article_id, story_id, at) for article_id, story_id in pairs])
            self._run("UPDATE stories SET updated_at = %s WHERE id = ANY(%s)", (at, [pg.storable(s) for _, s in pairs]))

    def get_story(self, story_id: str) -> StoryRecord:
        rows = self._all(f"{_STORY} WHERE s.id = %s GROUP BY s.id", (story_id,))
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
            where.append(f"s.id IN ({_STORY_MATCHING}{_SAME_OUTLET.format('a2')})")
            params.append(outlet)
        words = pg.query_words(text or "")
        if words is None:
            return []
        if words:
            where.append(f"s.id IN ({_STORY_MATCHING}a2.search @@ %s::tsquery)")
            params.append(words)
        having = ["count(a.id) > 0"]
        if since:
            having.append("max(a.seen) >= %s")
            params.append(since)
        if until:
            having.append("left(min(a.seen), length(%s::text)) <= %s")
            params += [until, until]
        sql = (f"{_STORY}{' WHERE ' if where else ''}{' AND '.join(where)} GROUP BY s.id "
               f"HAVING {' AND '.join(having)} ORDER BY max(a.seen) DESC, s.id")
        if limit is not None:
            sql += " LIMIT %s"
            params.append(limit)
        return [_story(row) for row in self._all(sql, params)]

    def story_articles(self, story_id: str) -> list[Article]:
        """The story's articles, oldest first."""
        if not self._all("SELECT 1 FROM stories WHERE id = %s", (story_id,)):
            raise NotInStoreError("story", story_id, self.path)
        return list(self.articles(story=story_id))

    # -- copies, meta, export, check --------------------------------------------------------------------

    def set_copies(self, links: Iterable[CopyLink], *, story: str | None = None) -> None:
        """Record copy links (an article copies one origin; a new link replaces its old one). With ``story``
        the story's articles first lose their links, so its copies become exactly ``links``."""
        links = list(links)
        with self.transaction():
            self._require([("article", i) for link in links for i in (link.article_id, link.origin_id)])
            if story:
                self._run("DELETE FROM copies WHERE article_id IN "
                          "(SELECT article_id FROM story_members WHERE story_id = %s)", (story,))
            self._many("INSERT INTO copies (article_id, origin_id, similarity, added, cut) VALUES (%s, %s, %s, %s, %s) "
                       "ON CONFLICT (article_id) DO UPDATE SET origin_id = excluded.origin_id, "
                       "similarity = excluded.similarity, added = excluded.added, cut = excluded.cut",
                       [(link.article_id, link.origin_id, link.similarity, _refs(link.added), _refs(link.cut))
                        for link in links])

    def copies(self, *, story: str | None = None) -> list[CopyLink]:
        """The copy links (of the story's articles), by article id."""
        sql = "SELECT c.article_id, c.origin_id, c.similarity, c.added, c.cut FROM copies c"
        if story:
            sql += " JOIN story_members m ON m.article_id = c.article_id WHERE m.story_id = %s"
        rows = self._all(sql + " ORDER BY c.article_id", (story,) if story else ())
        return [CopyLink(r[0], r[1], r[2], tuple(SentenceRef(i, n) for i, n in r[3]),
                         tuple(SentenceRef(i, n) for i, n in r[4])) for r in rows]

    def get_meta(self, key: str) -> str | None:
        rows = self._all("SELECT value FROM meta WHERE key = %s", (key,))
        return rows[0][0] if rows else None

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction():
            self._run("INSERT INTO meta (key, value) VALUES (%s, %s) ON CONFLICT (key) DO UPDATE SET value = "
                      "excluded.value", (key, value))

    def export(self, fh: TextIO) -> int:
        """Write every article as one JSON line (all its fields, its story id or null, its ingest time) in
        ingest order; returns the number of lines."""
        count, after = 0, 0
        while True:
            rows = self._all(f"SELECT {_ARTICLE}, m.story_id, a.ingested_at, a.seq {_FROM} WHERE a.seq > %s "
                             f"ORDER BY a.seq LIMIT {PAGE_ROWS}", (after,))
            for row in rows:
                fh.write(dumps({**article_json(_article(row)), "story": row[14], "ingested_at": row[15]}) + "\n")
            count += len(rows)
            if len(rows) < PAGE_ROWS:
                return count
            after = rows[-1][-1]

    def check(self) -> tuple[str, ...]:
        """Problems found in the schema and its links; empty when the store is sound."""
        with self._translated():
            return tuple(pg.problems(self._db))
