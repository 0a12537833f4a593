"""The store-backed flows: ingest articles into the store (fast path, wire copies, incremental stories), and
brief stories from the store. The stage order of the one-shot ``digest`` lives in ``pipeline``; this module is
its twin for the store and uses the same stages.

``ingest(paths, store, settings)``:

1. **read** (``ingest.iter_inputs``) the inputs one file at a time, as the workers need them; per-file
   problems become ``Skipped``. Each file's articles go on in publication order as far as their metadata
   tells (stories grow in the order news happened; inputs come in the order given, folders in path order).
2. **fast path** (``prepare``, in worker processes on every core once there are ``PARALLEL_FROM`` articles;
   an ``engine`` runs it): cleaning (``clean.clean``, as ``digest`` does), regex tokens and simplemma lemmas,
   names and headline terms (``nlp.fast``), and the copy fingerprint (``dedup.fingerprint``: MinHash signature
   and shingle hashes). Articles whose cleaning leaves nothing become ``Skipped``.
3. per batch of ``INGEST_BATCH`` articles, sorted by publication time, inside ONE store transaction (a crash
   loses at most the open batch, never half of it):

   - **store** (``Store.add_articles``): keyed by content hash, so re-ingesting adds nothing;
   - **wire copies** (``dedup.CopyIndex``): MinHash band candidates among the last days' articles, verified
     on shingles; each copy is linked to its origin (``Store.set_copies``), so stories count independent sources;
   - **stories** (``cluster.incremental.StoryClusterer``): each new article joins the most similar recent
     story (with ``settings.embedder``, ``nlp.embed`` vectors of headline and lead, computed before the
     transaction, let reports in different languages join) or starts one whose id derives from its own id
     (ids never change); every ``merge_every`` articles stories that grew together are merged (the older id
     stays). The clusterer's state is kept in the
     store, versioned, and re-read when another process changed it, so two ingests can run at once.

``brief_from_store(store, story_ids | since, settings)`` runs the full analysis (pipeline stage 4) and the
briefing (stage 6) for the chosen stories only: the two-tier design.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import chain, islice
from typing import TextIO

from presseschau.clean import clean
from presseschau.cluster.incremental import StoryClusterer
from presseschau.dedup import CopyIndex, Fingerprint, fingerprint
from presseschau.dedup.index import COPY_WINDOW_DAYS
from presseschau.engine import make_engine
from presseschau.errors import NotInStoreError
from presseschau.ingest import iter_inputs
from presseschau.model import Article, Digest, RawArticle, Skipped, Story
from presseschau.nlp.embed import embed_articles
from presseschau.nlp.fast import FastFeatures, fast_features, warm_up
from presseschau.nlp.langid import identify
from presseschau.pipeline import analyse_all, brief_story
from presseschau.settings import Settings
from presseschau.store.base import ArticleFeatures, Store

# Articles per store transaction: big enough to amortise the commit, small enough that a crash loses little.
INGEST_BATCH = 500
# From this many articles on, the fast path runs in worker processes: below it, starting them and loading the
# lemma dictionary in each costs more than the ~4 ms per article it saves.
PARALLEL_FROM = 400
STATE_KEY = "clusterer.state"
VERSION_KEY = "clusterer.version"


@dataclass(frozen=True, slots=True)
class Prepared:
    """An article after the fast path: cleaned, its clustering features and its copy fingerprint."""

    article: Article
    features: FastFeatures
    fingerprint: Fingerprint


@dataclass(frozen=True, slots=True)
class IngestReport:
    """What one ingest run did."""

    read: int
    added: int
    duplicates: int
    new_stories: int
    copies: int
    skipped: tuple[Skipped, ...]
    seconds: float


def prepare(raw: RawArticle) -> Prepared | Skipped:
    """The fast path for one raw article (pure and picklable: any engine may run it)."""
    result = clean(raw)
    if isinstance(result, Skipped):
        return result
    return Prepared(result, fast_features(result), fingerprint(result.text))


def load_models() -> None:
    """Load what ``prepare`` needs once (lemma dictionary, language model), before workers are forked."""
    warm_up()
    identify("Guten Morgen")


class _Clusterer:
    """The store's StoryClusterer, re-read whenever another process saved a newer state."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.version = -1
        self.clusterer = StoryClusterer()

    def sync(self) -> bool:
        """Re-read the state if another process saved one since; True when it did."""
        stored = int(self.store.get_meta(VERSION_KEY) or 0)
        if stored == self.version:
            return False
        state = self.store.get_meta(STATE_KEY)
        self.clusterer = StoryClusterer.from_state(json.loads(state)) if state else StoryClusterer()
        self.version = stored
        return True

    def save(self) -> None:
        self.version += 1
        self.store.set_meta(STATE_KEY, json.dumps(self.clusterer.state(), separators=(",", ":")))
        self.store.set_meta(VERSION_KEY, str(self.version))


def ingest(
    paths: Sequence[str],
    store: Store,
    settings: Settings | None = None,
    *,
    stdin: TextIO | None = None,
    fetch: bool = True,
    progress: Callable[[int, int | None], None] | None = None,
) -> IngestReport:
    """Add the articles under ``paths`` to ``store``, its copies and its stories; see the module docstring."""
    settings = settings or Settings()
    start = time.perf_counter()
    skipped: list[Skipped] = []
    raws = _read(iter_inputs(paths, max_file_bytes=settings.max_file_bytes, stdin=stdin, fetch=fetch), skipped)
    head = list(islice(raws, PARALLEL_FROM))  # a few hundred articles tell whether workers pay off
    engine = make_engine("processes" if len(head) >= PARALLEL_FROM and settings.workers != 1 else "serial",
                         workers=settings.workers, initializer=load_models)
    state = _Clusterer(store)
    index = CopyIndex(text_of=lambda article_id: store.get_article(article_id).text)
    read = added = duplicates = new_stories = copies = 0
    if settings.embedder:
        embed_articles([], settings.embedder)  # an unknown name or a missing package fails before any work
    try:
        for batch in _batches(engine.map(prepare, chain(head, raws), chunksize=16), skipped):
            vectors = _embeddings(store, batch, settings.embedder) if settings.embedder else {}
            with store.transaction():
                result = store.add_articles([p.article for p in batch], {
                    p.article.id: ArticleFeatures(signature=p.fingerprint.signature, lemmas=dict(p.features.lemmas),
                                                  names=tuple(p.features.names)) for p in batch})
                new = set(result.new_ids)
                if state.sync() or not read:  # the first batch, or another process has been ingesting meanwhile
                    _remember(store, index, batch, new)
                fresh = [p for p in batch if p.article.id in new]
                links = [index.add(p.article.id, p.fingerprint, p.article.published) for p in fresh]
                store.set_copies(link for link in links if link is not None)
                new_stories += _assign(store, state.clusterer, fresh, vectors)
                state.save()
            read += len(batch)
            added += result.added
            duplicates += result.duplicates
            copies += sum(link is not None for link in links)
            if progress is not None:
                progress(read, None)
    finally:
        engine.close()
    return IngestReport(read=read, added=added, duplicates=duplicates, new_stories=new_stories, copies=copies,
                        skipped=tuple(skipped), seconds=time.perf_counter() - start)


def _read(parsed: Iterable[tuple[list[RawArticle], list[Skipped]]], skipped: list[Skipped]) -> Iterator[RawArticle]:
    """The articles of each file in publication order as far as their metadata tells (undated ones last, in
    input order; cleaning may still find their date in a header, and each batch is sorted again after it).
    Files are read as the workers need them, so memory does not grow with the corpus; what cannot be read
    goes to ``skipped``."""
    for raws, problems in parsed:
        skipped += problems
        yield from sorted(raws, key=_raw_order)


def _raw_order(raw: RawArticle) -> tuple[bool, str]:
    return raw.published is None, raw.published or ""


def _batches(results: Iterable[Prepared | Skipped], skipped: list[Skipped]) -> Iterator[list[Prepared]]:
    """Batches of ``INGEST_BATCH`` prepared articles in publication order; an article given twice is kept once
    and whatever cleaning rejected goes to ``skipped``."""
    seen: set[str] = set()
    batch: list[Prepared] = []
    for result in results:
        if isinstance(result, Skipped):
            skipped.append(result)
        elif result.article.id not in seen:
            seen.add(result.article.id)
            batch.append(result)
            if len(batch) == INGEST_BATCH:
                yield sorted(batch, key=_order)
                batch = []
    if batch:
        yield sorted(batch, key=_order)


def _order(prepared: Prepared) -> tuple[str, str]:
    return prepared.article.published or "9999", prepared.article.id


def _embeddings(store: Store, batch: Sequence[Prepared], embedder: str) -> dict[str, Sequence[float]]:
    """Embeddings of the batch's articles the store does not hold yet. Called before the batch's transaction:
    embedding (~10 articles/s) must never hold the store's write lock."""
    todo = [p.article for p in batch if not store.has_article(p.article.id)]
    return dict(zip([a.id for a in todo], embed_articles(todo, embedder), strict=True)) if todo else {}


def _remember(store: Store, index: CopyIndex, batch: Sequence[Prepared], new: set[str]) -> None:
    """Index the stored articles of the copy window before this batch (on the first batch, and again when
    another process has been ingesting meanwhile), so copies of what is already stored are found too."""
    days = [p.features.day for p in batch if p.features.day]
    since = (date.fromisoformat(min(days)) - timedelta(days=COPY_WINDOW_DAYS)).isoformat() if days else None
    index.remember((a.id, a.features.signature, a.published)
                   for a in store.stored_articles(since=since) if a.features is not None and a.id not in new)


def _assign(store: Store, clusterer: StoryClusterer, batch: Iterable[Prepared],
            vectors: Mapping[str, Sequence[float]]) -> int:
    pairs: list[tuple[str, str]] = []
    created = 0
    for prepared in batch:
        article = prepared.article
        story_id = clusterer.add(article.id, prepared.features, article.published, vectors.get(article.id))
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
