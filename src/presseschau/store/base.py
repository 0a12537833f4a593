"""The Store protocol every backend implements, the records it returns and the JSON form of an Article."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any, Protocol, TextIO, runtime_checkable

from presseschau.model import Article, CopyLink, Removal


@dataclass(frozen=True, slots=True)
class ArticleFeatures:
    """What the fast path compares without loading an article's text.

    ``signature`` is the MinHash signature as bytes (opaque to the store; the dedup adapter packs and unpacks
    it), ``lemmas`` counts the content lemmas, ``names`` are the names found, sorted.
    """

    signature: bytes = b""
    lemmas: Mapping[str, int] = field(default_factory=dict)
    names: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """An article as the fast path sees it: metadata, its story (None while unassigned) and its features
    (None when none were stored), without the text."""

    id: str
    title: str
    outlet: str
    published: str | None
    ingested_at: str
    story: str | None
    features: ArticleFeatures | None


@dataclass(frozen=True, slots=True)
class StoryRecord:
    """A story as listed: its articles counted, independent sources (articles that copy no other), the outlets
    and when it was first and last seen (earliest and latest publication, else ingest time, of its articles)."""

    id: str
    title: str
    article_count: int
    independent_sources: int
    outlets: tuple[str, ...]
    first_seen: str
    last_seen: str
    created_at: str
    updated_at: str


@dataclass(frozen=True, slots=True)
class AddResult:
    """How many of the given articles were new and how many the store already held; ``new_ids`` in input order."""

    added: int
    duplicates: int
    new_ids: tuple[str, ...] = ()


@runtime_checkable
class Store(Protocol):
    """Articles keyed by content hash, the stories they belong to and the copies among them.

    Every write method is atomic on its own; wrap several in ``with store.transaction():`` to commit them as one
    batch. Date filters compare ISO strings against ``published`` (else the ingest time): ``since`` keeps what
    was seen on or after it, ``until`` what was seen on or before it at its precision ("2025-03" holds March).
    """

    def __enter__(self) -> Store: ...

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None
    ) -> None: ...

    def close(self) -> None: ...

    def schema_version(self) -> int: ...

    def transaction(self) -> AbstractContextManager[None]: ...

    def snapshot(self) -> AbstractContextManager[None]: ...

    def add_articles(
        self, articles: Iterable[Article], features: Mapping[str, ArticleFeatures] | None = None
    ) -> AddResult:
        """Add the articles whose id (content hash) is new, in one transaction; features by article id."""
        ...

    def set_features(self, features: Mapping[str, ArticleFeatures]) -> None: ...

    def has_article(self, article_id: str) -> bool: ...

    def get_article(self, article_id: str) -> Article: ...

    def articles(
        self, *, since: str | None = None, until: str | None = None, outlet: str | None = None,
        story: str | None = None,
    ) -> Iterator[Article]: ...

    def stored_articles(
        self, *, since: str | None = None, until: str | None = None, outlet: str | None = None,
        story: str | None = None, unassigned: bool = False,
    ) -> Iterator[StoredArticle]: ...

    def create_story(self, story_id: str, title: str) -> bool:
        """False when the id exists already: the story keeps its title, so re-running is harmless."""
        ...

    def update_story(self, story_id: str, *, title: str) -> None: ...

    def assign(self, article_id: str, story_id: str) -> None: ...

    def assign_many(self, pairs: Iterable[tuple[str, str]]) -> None:
        """(article id, story id) pairs, all or none; an article in another story moves (one story each)."""
        ...

    def get_story(self, story_id: str) -> StoryRecord: ...

    def stories(
        self, *, since: str | None = None, until: str | None = None, outlet: str | None = None,
        text: str | None = None, limit: int | None = None,
    ) -> list[StoryRecord]:
        """Stories with articles, latest activity first; ``text``: an article holds every word (or word start)."""
        ...

    def story_articles(self, story_id: str) -> list[Article]: ...

    def set_copies(self, links: Iterable[CopyLink], *, story: str | None = None) -> None:
        """Upsert copy links (one origin per copy); with ``story`` its copies become exactly ``links``."""
        ...

    def copies(self, *, story: str | None = None) -> list[CopyLink]: ...

    def get_meta(self, key: str) -> str | None: ...

    def set_meta(self, key: str, value: str) -> None: ...

    def export(self, fh: TextIO) -> int:
        """Every article as a JSON line (``article_json`` plus "story" and "ingested_at"); the line count."""
        ...

    def check(self) -> tuple[str, ...]:
        """Problems found in the stored data; empty when sound."""
        ...


def dumps(value: Any) -> str:
    """Compact JSON that keeps non-ASCII letters readable; values JSON cannot hold are stored as strings."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)


def removed_json(removed: Iterable[Removal]) -> list[dict[str, Any]]:
    return [{"text": r.text, "rule": r.rule, "reason": r.reason, "line": r.line} for r in removed]


def removed_from_json(items: Iterable[Mapping[str, Any]]) -> tuple[Removal, ...]:
    return tuple(Removal(text=r["text"], rule=r["rule"], reason=r["reason"], line=r["line"]) for r in items)


def article_json(article: Article) -> dict[str, Any]:
    """Every field of the Article as a JSON-ready dict (the export format; ``article_from_json`` reads it)."""
    return {
        "id": article.id, "source": article.source, "title": article.title, "text": article.text,
        "outlet": article.outlet, "outlet_from": article.outlet_from, "published": article.published,
        "published_from": article.published_from, "url": article.url, "format": article.format,
        "language": article.language, "removed": removed_json(article.removed), "encoding": article.encoding,
        "extra": dict(article.extra),
    }


def article_from_json(data: Mapping[str, Any]) -> Article:
    return Article(
        id=data["id"], source=data["source"], title=data["title"], text=data["text"], outlet=data["outlet"],
        outlet_from=data["outlet_from"], published=data["published"], published_from=data["published_from"],
        url=data["url"], format=data["format"], language=data["language"],
        removed=removed_from_json(data["removed"]), encoding=data["encoding"], extra=dict(data["extra"]),
    )
