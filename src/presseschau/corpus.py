"""The store-backed flows: ingest articles into the store (fast path + incremental stories), and brief stories
from the store. The stage order of the one-shot ``digest`` lives in ``pipeline``; this module is its twin for
the store and uses the same stages.

``ingest(paths, store, settings)``:

1. **read + clean** (``ingest.read_inputs``, ``clean.clean``) exactly as ``digest`` does; per-file problems
   become ``Skipped``.
2. **order** articles by publication time (stories grow in the order news happened).
3. per batch of ``INGEST_BATCH`` articles, inside ONE store transaction (a crash loses at most the open
   batch, never half of it):

   - **fast path** (``nlp.fast.fast_features``): regex tokens, simplemma lemmas, names, headline terms;
   - **store** (``Store.add_articles``): keyed by content hash, so re-ingesting adds nothing;
   - **stories** (``cluster.incremental.StoryClusterer``): each new article joins the most similar recent
     story or starts one whose id derives from its own id (ids never change); every ``merge_every`` articles
     stories that grew together are merged (the older id stays). The clusterer's state is kept in the
     store, versioned, and re-read when another process changed it, so two ingests can run at once.

``brief_from_store(store, story_ids | since, settings)`` runs the full analysis (pipeline stage 4) and the
briefing (stage 6) for the chosen stories only: the two-tier design.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TextIO

from presseschau.clean import clean
from presseschau.cluster.incremental import StoryClusterer
from presseschau.errors import NotInStoreError
from presseschau.ingest import read_inputs
from presseschau.model import Article, Digest, Skipped, Story
from presseschau.nlp.fast import FastFeatures, fast_features
from presseschau.pipeline import analyse_all, brief_story
from presseschau.settings import Settings
from presseschau.store.base import ArticleFeatures, Store

# Articles per store transaction: big enough to amortise the commit, small enough that a crash loses little.
INGEST_BATCH = 500
STATE_KEY = "clusterer.state"
VERSION_KEY = "clusterer.version"


@dataclass(frozen=True, slots=True)
class IngestReport:
    """What one ingest run did."""

    read: int
    added: int
    duplicates: int
    new_stories: int
    skipped: tuple[Skipped, ...]
    seconds: float


class _Clusterer:
    """The store's StoryClusterer, re-read whenever another process saved a newer state."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.version = -1
        self.clusterer = StoryClusterer()

    def sync(self) -> None:
        stored = int(self.store.get_meta(VERSION_KEY) or 0)
        if stored != self.version:
            state = self.store.get_meta(STATE_KEY)
            self.clusterer = StoryClusterer.from_state(json.loads(state)) if state else StoryClusterer()
            self.version = stored

    def save(self) -> None:
        self.version += 1
        self.store.set_meta(STATE_KEY, json.dumps(self.clusterer.state(), separators=(",", ":")))
        self.store.set_meta(VERSION_KEY, str(self.version))


def _clean_all(paths: Sequence[str], settings: Settings, stdin: TextIO | None,
               fetch: bool) -> tuple[list[Article], list[Skipped]]:
    raws, skipped = read_inputs(paths, max_file_bytes=settings.max_file_bytes, stdin=stdin, fetch=fetch)
    articles: dict[str, Article] = {}
    for raw in raws:
        result = clean(raw)
        if isinstance(result, Skipped):
            skipped.append(result)
        else:
            articles.setdefault(result.id, result)
    ordered = sorted(articles.values(), key=lambda a: (a.published or "9999", a.id))
    return ordered, skipped


def ingest(
    paths: Sequence[str],
    store: Store,
    settings: Settings | None = None,
    *,
    stdin: TextIO | None = None,
    fetch: bool = True,
    progress: Callable[[int, int], None] | None = None,
) -> IngestReport:
    """Add the articles under ``paths`` to ``store`` and to its stories; see the module docstring."""
    settings = settings or Settings()
    start = time.perf_counter()
    articles, skipped = _clean_all(paths, settings, stdin, fetch)
    state = _Clusterer(store)
    added = duplicates = new_stories = 0
    for first in range(0, len(articles), INGEST_BATCH):
        batch = articles[first : first + INGEST_BATCH]
        features = {a.id: fast_features(a) for a in batch}
        with store.transaction():
            result = store.add_articles(batch, {
                key: ArticleFeatures(lemmas=dict(f.lemmas), names=tuple(f.names)) for key, f in features.items()
            })
            added += result.added
            duplicates += result.duplicates
            new = set(result.new_ids)
            state.sync()
            new_stories += _assign(store, state.clusterer, [a for a in batch if a.id in new], features)
            state.save()
        if progress is not None:
            progress(min(first + INGEST_BATCH, len(articles)), len(articles))
    return IngestReport(read=len(articles), added=added, duplicates=duplicates, new_stories=new_stories,
                        skipped=tuple(skipped), seconds=time.perf_counter() - start)


def _assign(store: Store, clusterer: StoryClusterer, articles: Iterable[Article],
            features: Mapping[str, FastFeatures]) -> int:
    pairs: list[tuple[str, str]] = []
    created = 0
    for article in articles:
        story_id = clusterer.add(article.id, features[article.id], article.published)
        if store.create_story(story_id, article.title):
            created += 1
        pairs.append((article.id, story_id))
    store.assign_many(pairs)
    if clusterer.merge_due:
        for absorbed, keeper in clusterer.merge().items():
            store.assign_many((a.id, keeper) for a in store.story_articles(absorbed))
    return created


def brief_from_store(
    store: Store,
    settings: Settings | None = None,
    *,
    story_ids: Sequence[str] = (),
    since: str | None = None,
) -> Digest:
    """Briefings of the given stories (or of every story seen since ``since``), with the full analysis."""
    settings = settings or Settings()
    ids = list(story_ids) or [record.id for record in store.stories(since=since)]
    if not ids:
        raise NotInStoreError("story", f"seen since {since}" if since else "at all", str(getattr(store, "path", "")))
    stories: list[tuple[Story, list[Article]]] = []
    for story_id in ids:
        record = store.get_story(story_id)
        members = sorted(store.story_articles(story_id), key=lambda a: (a.published or "9999", a.id))
        stories.append((Story(id=record.id, title=record.title, article_ids=tuple(a.id for a in members)),
                        members))
    articles = [a for _, members in stories for a in members]
    docs = {d.article.id: d for d in analyse_all(articles, settings)}
    briefings = tuple(brief_story(story, [docs[a.id] for a in members], settings) for story, members in stories)
    return Digest(articles=tuple(articles), docs=tuple(docs.values()), briefings=briefings, skipped=(),
                  warnings=tuple(w for d in docs.values() for w in d.warnings))
