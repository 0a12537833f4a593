"""The Store's queries written once for both SQL backends, with hooks where SQLite and PostgreSQL differ."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, datetime
from types import TracebackType
from typing import Any, ClassVar, Self, TextIO

from presseschau.errors import NotInStoreError
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

# Rows fetched per query while iterating: memory stays bounded and no read snapshot is held between pages.
PAGE_ROWS = 500

Row = tuple[Any, ...]

_ARTICLE = ("a.id, a.source, a.title, a.text, a.outlet, a.outlet_from, a.published, a.published_from, a.url, "
            "a.format, a.language, a.removed, a.encoding, a.extra")
_STORED = "a.id, a.title, a.outlet, a.published, a.ingested_at, m.story_id, f.signature, f.lemmas, f.names"
_FROM = ("FROM articles a LEFT JOIN story_members m ON m.article_id = a.id "
         "LEFT JOIN article_features f ON f.article_id = a.id")
_STORY = ("SELECT s.id, s.title, count(a.id), count(a.id) - count(c.article_id), {outlets}, "
          "min(a.seen), max(a.seen), s.created_at, s.updated_at FROM stories s "
          "LEFT JOIN story_members m ON m.story_id = s.id LEFT JOIN articles a ON a.id = m.article_id "
          "LEFT JOIN copies c ON c.article_id = a.id")
_STORY_MATCHING = "SELECT m2.story_id FROM story_members m2 JOIN articles a2 ON a2.id = m2.article_id WHERE "
# The columns add_articles writes, in the order of ``SqlStore._article_values``.
ARTICLE_COLUMNS = ("id, source, outlet, outlet_from, title, text, published, published_from, url, language, format, "
                   "encoding, extra, removed, ingested_at")
_TABLES = {"article": "articles", "story": "stories"}


def now() -> str:
    """The current time as the store writes it: ISO 8601 in UTC, to the second."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def _refs(refs: Iterable[SentenceRef]) -> str:
    return dumps([[ref.article_id, ref.index] for ref in refs])


def _as_is(value: Any) -> Any:
    return value


class SqlStore(ABC):
    """The Store over a SQL database: a backend brings the connection, its write transaction, its schema and the
    dialect below. The queries use ``?`` for parameters (the PostgreSQL store turns them into psycopg's ``%s``).
    Writes that need rows to exist look them up first (``_require``): the error then names the missing id, and a
    failed statement would end a PostgreSQL transaction."""

    # -- the dialect: what each backend spells its own way ----------------------------------------------
    # A story's distinct outlets as one column, which ``_json`` turns into a list (None for a story without articles).
    _OUTLETS: ClassVar[str]
    # Article alias {} is from the outlet given as the one parameter, ASCII letters folded (SQLite's NOCASE).
    _SAME_OUTLET: ClassVar[str]
    # Text {} is on or before the bound at the bound's precision ("2025-03" holds March); the bound comes twice.
    _AT_MOST: ClassVar[str]
    # The statement that opens a read-only transaction for ``snapshot``.
    _BEGIN_READ: ClassVar[str]
    # Adds one article and does nothing when its id is stored already; parameters from ``_article_values``.
    _ADD: ClassVar[str] = (f"INSERT INTO articles ({ARTICLE_COLUMNS}) VALUES ({', '.join(['?'] * 15)}) "
                           "ON CONFLICT (id) DO NOTHING")
    # A JSON column (or the outlets' aggregate) as the driver returns it -> its Python value.
    _json: Callable[[Any], Any] = staticmethod(_as_is)
    # A parameter as the database stores it (PostgreSQL text cannot hold NUL), to find a looked-up id again.
    _as_stored: Callable[[Any], Any] = staticmethod(_as_is)

    def __init__(self, path: str, busy_timeout: float) -> None:
        self.path = path  # what messages show
        self.busy_timeout = busy_timeout
        self._depth = 0
        self._reading = False

    # -- the connection: each backend's own -------------------------------------------------------------

    @abstractmethod
    def _translated(self) -> AbstractContextManager[None]:
        """The driver's errors that mean "locked", "cannot write" or "unreachable" become named errors."""

    @abstractmethod
    def _all(self, sql: str, params: Iterable[Any] = ()) -> list[Row]: ...

    @abstractmethod
    def _run(self, sql: str, params: Iterable[Any] = ()) -> int: ...  # the row count

    @abstractmethod
    def _many(self, sql: str, rows: Iterable[Sequence[Any]]) -> None: ...  # one statement, many parameter rows

    @abstractmethod
    def _inserted(self, sql: str, rows: Sequence[Sequence[Any]]) -> list[bool]:
        """Run an ``INSERT ... ON CONFLICT DO NOTHING`` for every row; whether each row went in, in order."""

    @abstractmethod
    def _write_block(self) -> AbstractContextManager[None]:
        """A write transaction holding the store's write lock: committed when the block ends, rolled back on an
        exception; waits up to ``busy_timeout`` for other writers."""

    @abstractmethod
    def _text_match(self, text: str) -> tuple[str, list[Any]] | None:
        """The condition that article ``a2`` holds every word of ``text`` (a word also matches as the start of a
        longer one), with its parameters; "" when the text has no words, None when no article can match."""

    @abstractmethod
    def _among(self, column: str, values: list[Any]) -> tuple[str, Any]:
        """The condition that ``column`` is one of ``values``, and its one parameter."""

    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    # -- transactions -----------------------------------------------------------------------------------

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
            with self._translated(), self._write_block():
                yield
        finally:
            self._depth = 0

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """A consistent view for several reads; other processes' writes go on and show after the block."""
        if self._depth:
            yield
            return
        self._run(self._BEGIN_READ)
        self._depth, self._reading = 1, True
        try:
            self._all("SELECT count(*) FROM meta")  # both take the snapshot at the first read, so take it now
            yield
        finally:
            self._depth, self._reading = 0, False
            self._run("COMMIT")

    def _require(self, items: Sequence[tuple[str, str]]) -> None:
        """NotInStoreError for the first ("article" or "story", id) the store lacks."""
        present: dict[str, set[Any]] = {}
        for kind in {k for k, _ in items}:
            condition, param = self._among("id", [i for k, i in items if k == kind])
            present[kind] = {r[0] for r in self._all(f"SELECT id FROM {_TABLES[kind]} WHERE {condition}", (param,))}
        for kind, item in items:
            if self._as_stored(item) not in present[kind]:
                raise NotInStoreError(kind, item, self.path)

    # -- rows -> records --------------------------------------------------------------------------------

    def _article(self, row: Row) -> Article:
        return Article(id=row[0], source=row[1], title=row[2], text=row[3], outlet=row[4], outlet_from=row[5],
                       published=row[6], published_from=row[7], url=row[8], format=row[9], language=row[10],
                       removed=removed_from_json(self._json(row[11])), encoding=row[12], extra=self._json(row[13]))

    def _stored(self, row: Row) -> StoredArticle:
        features = (None if row[6] is None
                    else ArticleFeatures(bytes(row[6]), self._json(row[7]), tuple(self._json(row[8]))))
        return StoredArticle(row[0], row[1], row[2], row[3], row[4], row[5], features)

    def _story(self, row: Row) -> StoryRecord:
        outlets = tuple(sorted(o for o in self._json(row[4]) if o is not None))
        return StoryRecord(row[0], row[1], row[2], row[3], outlets, row[5], row[6], row[7], row[8])

    # -- articles ---------------------------------------------------------------------------------------

    def _article_values(self, a: Article, at: str) -> tuple[Any, ...]:
        """The parameters of ``_ADD`` for one article ingested at ``at``."""
        return (a.id, a.source, a.outlet, a.outlet_from, a.title, a.text, a.published, a.published_from, a.url,
                a.language, a.format, a.encoding, dumps(dict(a.extra)), dumps(removed_json(a.removed)), at)

    def add_articles(self, articles: Iterable[Article],
                     features: Mapping[str, ArticleFeatures] | None = None) -> AddResult:
        """Add the articles the store does not hold yet (same content hash = same article) in one transaction,
        with their features where given; features also fill in for articles stored without them."""
        given = list(articles)
        at = now()
        rows = [self._article_values(a, at) for a in given]  # before the write lock, which other writers wait for
        with self.transaction():
            went_in = self._inserted(self._ADD, rows)  # a repeat within the batch counts as a duplicate
            if features:
                self._put_features({a.id: features[a.id] for a in given if a.id in features}, replace=False)
        new = tuple(a.id for a, added in zip(given, went_in, strict=True) if added)
        return AddResult(added=len(new), duplicates=len(given) - len(new), new_ids=new)

    def set_features(self, features: Mapping[str, ArticleFeatures]) -> None:
        """Store or replace the features of articles already in the store."""
        with self.transaction():
            self._require([("article", i) for i in features])
            self._put_features(features, replace=True)

    def _put_features(self, features: Mapping[str, ArticleFeatures], *, replace: bool) -> None:
        action = ("DO UPDATE SET signature = excluded.signature, lemmas = excluded.lemmas, names = excluded.names"
                  if replace else "DO NOTHING")
        self._many(f"INSERT INTO article_features (article_id, signature, lemmas, names) VALUES (?, ?, ?, ?) "
                   f"ON CONFLICT (article_id) {action}",
                   [(i, f.signature, dumps(dict(f.lemmas)), dumps(list(f.names))) for i, f in features.items()])

    def has_article(self, article_id: str) -> bool:
        return bool(self._all("SELECT 1 FROM articles WHERE id = ?", (article_id,)))

    def get_article(self, article_id: str) -> Article:
        rows = self._all(f"SELECT {_ARTICLE} FROM articles a WHERE a.id = ?", (article_id,))
        if not rows:
            raise NotInStoreError("article", article_id, self.path)
        return self._article(rows[0])

    def _filters(self, *, since: str | None, until: str | None, outlet: str | None, story: str | None = None,
                 unassigned: bool = False) -> tuple[list[str], list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if since:
            clauses.append("a.seen >= ?")
            params.append(since)
        if until:  # compared at the precision given, so "2025-03-12" keeps that day's "2025-03-12T18:00"
            clauses.append(self._AT_MOST.format("a.seen"))
            params += [until, until]
        if outlet:
            clauses.append(self._SAME_OUTLET.format("a"))
            params.append(outlet)
        if story:
            clauses.append("m.story_id = ?")
            params.append(story)
        if unassigned:
            clauses.append("m.story_id IS NULL")
        return clauses, params

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
        clauses, params = self._filters(since=since, until=until, outlet=outlet, story=story)
        return map(self._article, self._pages(_ARTICLE, clauses, params))

    def stored_articles(self, *, since: str | None = None, until: str | None = None, outlet: str | None = None,
                        story: str | None = None, unassigned: bool = False) -> Iterator[StoredArticle]:
        """The fast-path view of the articles that pass the filters (``unassigned``: in no story), oldest first."""
        clauses, params = self._filters(since=since, until=until, outlet=outlet, story=story, unassigned=unassigned)
        return map(self._stored, self._pages(_STORED, clauses, params))

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
        pairs = list(pairs)
        at = now()
        with self.transaction():
            self._require([item for a, s in pairs for item in (("article", a), ("story", s))])
            self._many("INSERT INTO story_members (article_id, story_id, added_at) VALUES (?, ?, ?) "
                       "ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id, "
                       "added_at = excluded.added_at WHERE story_members.story_id <> excluded.story_id",
                       [(article_id, story_id, at) for article_id, story_id in pairs])
            condition, stories = self._among("id", [s for _, s in pairs])
            self._run(f"UPDATE stories SET updated_at = ? WHERE {condition}", (at, stories))

    def get_story(self, story_id: str) -> StoryRecord:
        rows = self._all(f"{_STORY.format(outlets=self._OUTLETS)} WHERE s.id = ? GROUP BY s.id", (story_id,))
        if not rows:
            raise NotInStoreError("story", story_id, self.path)
        return self._story(rows[0])

    def stories(self, *, since: str | None = None, until: str | None = None, outlet: str | None = None,
                text: str | None = None, limit: int | None = None) -> list[StoryRecord]:
        """Stories with at least one article, latest activity first. ``since``/``until`` keep the stories seen
        in that span; ``outlet`` those with an article from it; ``text`` those with an article holding every
        word (a word also matches as the start of a longer one: "Rakete" finds "Raketentest")."""
        where: list[str] = []
        params: list[Any] = []
        if outlet:
            where.append(f"s.id IN ({_STORY_MATCHING}{self._SAME_OUTLET.format('a2')})")
            params.append(outlet)
        matching = self._text_match(text or "")
        if matching is None:
            return []
        if matching[0]:
            where.append(f"s.id IN ({_STORY_MATCHING}{matching[0]})")
            params += matching[1]
        having = ["count(a.id) > 0"]
        if since:
            having.append("max(a.seen) >= ?")
            params.append(since)
        if until:
            having.append(self._AT_MOST.format("min(a.seen)"))
            params += [until, until]
        sql = (f"{_STORY.format(outlets=self._OUTLETS)}{' WHERE ' if where else ''}{' AND '.join(where)} "
               f"GROUP BY s.id HAVING {' AND '.join(having)} ORDER BY max(a.seen) DESC, s.id")
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return [self._story(row) for row in self._all(sql, params)]

    def story_articles(self, story_id: str) -> list[Article]:
        """The story's articles, oldest first."""
        if not self._all("SELECT 1 FROM stories WHERE id = ?", (story_id,)):
            raise NotInStoreError("story", story_id, self.path)
        return list(self.articles(story=story_id))

    # -- copies, meta, export ---------------------------------------------------------------------------

    def set_copies(self, links: Iterable[CopyLink], *, story: str | None = None) -> None:
        """Record copy links (an article copies one origin; a new link replaces its old one). With ``story``
        the story's articles first lose their links, so its copies become exactly ``links``."""
        links = list(links)
        with self.transaction():
            self._require([("article", i) for link in links for i in (link.article_id, link.origin_id)])
            if story:
                self._run("DELETE FROM copies WHERE article_id IN "
                          "(SELECT article_id FROM story_members WHERE story_id = ?)", (story,))
            self._many("INSERT INTO copies (article_id, origin_id, similarity, added, cut) VALUES (?, ?, ?, ?, ?) "
                       "ON CONFLICT (article_id) DO UPDATE SET origin_id = excluded.origin_id, "
                       "similarity = excluded.similarity, added = excluded.added, cut = excluded.cut",
                       [(link.article_id, link.origin_id, link.similarity, _refs(link.added), _refs(link.cut))
                        for link in links])

    def copies(self, *, story: str | None = None) -> list[CopyLink]:
        """The copy links (of the story's articles), by article id."""
        sql = "SELECT c.article_id, c.origin_id, c.similarity, c.added, c.cut FROM copies c"
        if story:
            sql += " JOIN story_members m ON m.article_id = c.article_id WHERE m.story_id = ?"
        rows = self._all(sql + " ORDER BY c.article_id", (story,) if story else ())
        return [CopyLink(r[0], r[1], r[2], tuple(SentenceRef(i, n) for i, n in self._json(r[3])),
                         tuple(SentenceRef(i, n) for i, n in self._json(r[4]))) for r in rows]

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
                fh.write(dumps({**article_json(self._article(row)), "story": row[14], "ingested_at": row[15]}) + "\n")
            count += len(rows)
            if len(rows) < PAGE_ROWS:
                return count
            after = rows[-1][-1]
