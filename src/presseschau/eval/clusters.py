"""Story clustering on a DUC-style folder: fast path, incremental clusterer, BCubed and ARI against the folders."""

from __future__ import annotations

import time
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from presseschau.cluster.incremental import StoryClusterer
from presseschau.cluster.metrics import adjusted_rand_index, bcubed
from presseschau.dedup import shingles, signature
from presseschau.errors import UsageError
from presseschau.ingest.duc import read_clusters
from presseschau.model import Article
from presseschau.nlp.fast import FastFeatures, fast_features

# DUC 2003's events are TDT topics followed for up to four years (d100a: 1996-08 to 2000-07), not the days of a
# news story: its evaluation runs without a time window (ten years), else every long-running event splits.
DUC_WINDOW_DAYS = 3650.0


@dataclass(frozen=True, slots=True)
class ClusterScores:
    """How the stories found match the gold events, and what finding them cost.

    ``features_seconds`` is the fast path (FastFeatures and MinHash signature of every article, models warm),
    ``cluster_seconds`` the clusterer (every ``add`` and ``merge``).
    """

    precision: float
    recall: float
    f1: float
    ari: float
    articles: int
    events: int
    stories: int
    features_seconds: float
    cluster_seconds: float


@dataclass(frozen=True, slots=True)
class Item:
    """One article of a gold event, with its fast-path features."""

    article_id: str
    published: str | None
    event: str
    features: FastFeatures


def load_items(root: Path, *, events: Collection[str] | None = None) -> tuple[list[Item], float]:
    """The articles of ``root``'s events (all, or those named) in publication order, and the fast path's time.

    The time covers FastFeatures and the MinHash signature the pipeline stores with them, models loaded. An
    article id that two events share (the same text twice) is kept in the first event only.
    """
    clusters = read_clusters(root)
    if events is not None:
        unknown = sorted(set(events) - set(clusters))
        if unknown:
            raise UsageError(f"no event folder {unknown[0]!r} in {root}; choose from: {', '.join(clusters)}")
        clusters = {name: members for name, members in clusters.items() if name in events}
    labelled: dict[str, tuple[Article, str]] = {}
    for event, members in clusters.items():
        for article in members:
            labelled.setdefault(article.id, (article, event))
    ordered = sorted(labelled.values(), key=lambda pair: _order(pair[0]))
    if ordered:  # models load before the clock starts: the language identifier, lemmas, datasketch
        fast_features(ordered[0][0])
        signature(shingles(ordered[0][0].text))
    items = []
    start = time.perf_counter()
    for article, event in ordered:
        features = fast_features(article)
        signature(shingles(article.text))
        items.append(Item(article.id, article.published, event, features))
    return items, time.perf_counter() - start


def cluster_items(items: Sequence[Item], **settings: Any) -> tuple[dict[str, str], float]:
    """Article id -> story id after running a ``StoryClusterer(**settings)`` over the items in their order
    (merging whenever due, and once at the end), and the seconds the clusterer took."""
    clusterer = StoryClusterer(**settings)
    assigned: dict[str, str] = {}
    start = time.perf_counter()
    for item in items:
        assigned[item.article_id] = clusterer.add(item.article_id, item.features, item.published)
        if clusterer.merge_due:
            _apply(assigned, clusterer.merge())
    _apply(assigned, clusterer.merge())
    return assigned, time.perf_counter() - start


def score(items: Sequence[Item], assigned: dict[str, str], *, features_seconds: float = 0.0,
          cluster_seconds: float = 0.0) -> ClusterScores:
    """BCubed and ARI of an assignment against the items' events."""
    gold = {item.article_id: item.event for item in items}
    b3 = bcubed(gold, assigned)
    return ClusterScores(precision=b3.precision, recall=b3.recall, f1=b3.f1, ari=adjusted_rand_index(gold, assigned),
                         articles=len(gold), events=len(set(gold.values())),
                         stories=len({assigned.get(key, key) for key in gold}),
                         features_seconds=features_seconds, cluster_seconds=cluster_seconds)


def evaluate_clusters(root: Path, *, events: Collection[str] | None = None, **settings: Any) -> ClusterScores:
    """Stories found by the fast path and the incremental clusterer in ``root`` (``docs/<event>/<doc>``),
    scored against the event folders; ``settings`` go to ``StoryClusterer`` (its defaults otherwise, with
    ``window_days`` DUC_WINDOW_DAYS).

    Raises UsageError when ``root`` holds no event folders or ``events`` names one it does not hold.
    """
    items, features_seconds = load_items(root, events=events)
    assigned, cluster_seconds = cluster_items(items, **{"window_days": DUC_WINDOW_DAYS, **settings})
    return score(items, assigned, features_seconds=features_seconds, cluster_seconds=cluster_seconds)


def _apply(assigned: dict[str, str], moves: dict[str, str]) -> None:
    if moves:
        for key, story in assigned.items():
            assigned[key] = moves.get(story, story)


def _order(article: Article) -> tuple[str, str, str]:
    # Undated articles last; within a day, DUC document ids (the outlet here) run in the order of the wire.
    return (article.published or "9999", article.outlet, article.id)
