"""Story clustering against gold events: a DUC-style folder (fast path + clusterer) or a store and a labels file."""

from __future__ import annotations

import csv
import json
import time
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from presseschau.cluster.incremental import StoryClusterer
from presseschau.cluster.metrics import adjusted_rand_index, bcubed
from presseschau.dedup import fingerprint
from presseschau.errors import NothingToScoreError, UsageError
from presseschau.ingest.duc import read_clusters
from presseschau.model import Article
from presseschau.nlp.fast import FastFeatures, fast_features
from presseschau.store.base import Store

# DUC 2003's events are TDT topics followed for up to four years (d100a: 1996-08 to 2000-07), not the days of a
# news story: its evaluation runs without a time window (ten years), else every long-running event splits.
DUC_WINDOW_DAYS = 3650.0

# A gold file names each article by the store's article id or by its URL (tried in this order).
KEY_COLUMNS = ("id", "url")
# The gold event column, the first found. "source_row" comes first because bench/make_corpus.py's
# ground_truth.csv makes one story of each source row, while its "label" is the 10kGNAD category (Sport, Web, ...).
LABEL_COLUMNS = ("source_row", "label")
GOLD_FORMATS = {".csv": "csv", ".tsv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl"}


@dataclass(frozen=True, slots=True)
class ClusterScores:
    """How the stories found match the gold events, and what finding them cost.

    ``features_seconds`` is the fast path (FastFeatures and copy fingerprint of every article, models warm),
    ``cluster_seconds`` the clusterer (every ``add`` and ``merge``); both 0 when a store's stories are scored.
    Against a store, ``unlabelled`` counts its articles without a gold label (left out of the scores) and
    ``gold_not_found`` the gold rows naming no article of the store.
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
    unlabelled: int = 0
    gold_not_found: int = 0


@dataclass(frozen=True, slots=True)
class GoldLabel:
    """One row of a gold file: an article named by its store id or its URL (at least one), and its event."""

    id: str | None
    url: str | None
    label: str


@dataclass(frozen=True, slots=True)
class Item:
    """One article of a gold event, with its fast-path features."""

    article_id: str
    published: str | None
    event: str
    features: FastFeatures


def load_items(root: Path, *, events: Collection[str] | None = None) -> tuple[list[Item], float]:
    """The articles of ``root``'s events (all, or those named) in publication order, and the fast path's time.

    The time covers FastFeatures and the copy fingerprint ``presseschau ingest`` computes with them, models loaded. An
    article id that two events share (the same text twice) is kept in the first event only.
    """
    clusters = _read_events(root)
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
        fingerprint(ordered[0][0].text)
    items = []
    start = time.perf_counter()
    for article, event in ordered:
        features = fast_features(article)
        fingerprint(article.text)
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
    return score_labels(gold, assigned, features_seconds=features_seconds, cluster_seconds=cluster_seconds)


def score_labels(gold: Mapping[str, str], assigned: Mapping[str, str], **counts: Any) -> ClusterScores:
    """BCubed and ARI of ``assigned`` (article id -> story) against ``gold`` (article id -> event), over the gold
    articles; one missing from ``assigned`` is a story of its own. ``counts`` fill the remaining fields."""
    b3 = bcubed(gold, assigned)
    return ClusterScores(**{"features_seconds": 0.0, "cluster_seconds": 0.0, **counts},
                         precision=b3.precision, recall=b3.recall, f1=b3.f1, ari=adjusted_rand_index(gold, assigned),
                         articles=len(gold), events=len(set(gold.values())),
                         stories=len({assigned.get(key, key) for key in gold}))


def evaluate_clusters(root: Path, *, events: Collection[str] | None = None, **settings: Any) -> ClusterScores:
    """Stories found by the fast path and the incremental clusterer in ``root`` (``docs/<event>/<doc>``),
    scored against the event folders; ``settings`` go to ``StoryClusterer`` (its defaults otherwise, with
    ``window_days`` DUC_WINDOW_DAYS).

    Raises UsageError when ``root`` holds no event folders or ``events`` names one it does not hold.
    """
    items, features_seconds = load_items(root, events=events)
    assigned, cluster_seconds = cluster_items(items, **{"window_days": DUC_WINDOW_DAYS, **settings})
    return score(items, assigned, features_seconds=features_seconds, cluster_seconds=cluster_seconds)


def read_gold_labels(path: Path, *, label_column: str | None = None) -> list[GoldLabel]:
    """The labelled rows of a gold file: CSV with a header row (comma, semicolon or tab) or JSON Lines.

    A row names its article by ``id`` (the store's article id) or ``url``, its event by ``label_column``
    (default: the first of LABEL_COLUMNS the file has). Rows with an empty label, or neither id nor url, are
    not gold and are left out.

    Raises NothingToScoreError when the file is missing, unreadable or holds no labelled row; UsageError when
    it is neither CSV nor JSON Lines, or lacks an id/url or the label column.
    """
    kind = GOLD_FORMATS.get(path.suffix.lower())
    if kind is None:
        raise UsageError(f"cannot tell the format of {path}; give a gold file ending in "
                         f"{', '.join(GOLD_FORMATS)} (columns or fields: id or url, and label)")
    try:
        rows, columns = (_csv_rows if kind == "csv" else _jsonl_rows)(path)
    except FileNotFoundError:
        raise NothingToScoreError(f"no gold file {path}; give a CSV or JSON Lines file of id or url, and label"
                                  ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise NothingToScoreError(f"cannot read the gold file {path} ({exc}); give a readable UTF-8 file") from None
    if not columns & set(KEY_COLUMNS):
        raise UsageError(f"the gold file {path} has no {' or '.join(KEY_COLUMNS)} column (found: "
                         f"{', '.join(sorted(columns)) or 'none'}); name each article by its store id or URL")
    label = label_column or next((name for name in LABEL_COLUMNS if name in columns), None)
    if label is None or label not in columns:
        raise UsageError(f"the gold file {path} has no {label or ' or '.join(LABEL_COLUMNS)} column (found: "
                         f"{', '.join(sorted(columns))}); name the gold event column with --label-column")
    gold = []
    for row in rows:
        event, key, url = (_text(row.get(name)) for name in (label, "id", "url"))
        if event and (key or url):
            gold.append(GoldLabel(id=key, url=url, label=event))
    if not gold:
        raise NothingToScoreError(f"no labelled rows in {path}: every row needs an id or url and a {label!r} value")
    return gold


def evaluate_store(store: Store, gold: Sequence[GoldLabel]) -> ClusterScores:
    """The stories of ``store`` (as ``presseschau ingest`` formed them) scored against ``gold``.

    A gold row finds its article by id, else by URL (the first article stored with it); the first row to name
    an article gives its event. Stored articles without a gold row are left out and counted (``unlabelled``),
    as are gold rows naming no stored article (``gold_not_found``); an article not yet in a story counts as a
    story of its own. Raises NothingToScoreError when no gold row names a stored article.
    """
    stories = {article.id: article.story for article in store.stored_articles()}
    if not stories:
        raise NothingToScoreError("the store holds no articles; add them with `presseschau ingest PATH --db STORE`")
    by_url: dict[str, str] = {}
    if any(row.url and row.id not in stories for row in gold):  # the texts are read only when URLs are needed
        for article in store.articles():
            if article.url:
                by_url.setdefault(article.url, article.id)
    labels: dict[str, str] = {}
    not_found = 0
    for row in gold:
        article_id = row.id if row.id in stories else by_url.get(row.url or "")
        if article_id is None:
            not_found += 1
        else:
            labels.setdefault(article_id, row.label)
    if not labels:
        raise NothingToScoreError(f"none of the {len(gold)} gold rows names an article of the store (by id or url); "
                                  "ingest the labelled articles first, or check the gold file's id/url values")
    assigned = {key: story for key in labels if (story := stories[key]) is not None}
    return score_labels(labels, assigned, unlabelled=len(stories) - len(labels), gold_not_found=not_found)


def _csv_rows(path: Path) -> tuple[list[dict[str, Any]], set[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        header = handle.readline()
        delimiter = max(",;\t", key=header.count)
        handle.seek(0)
        # Keys stripped ("url, label" is a common hand-written header); cells beyond the header are dropped.
        rows = [{key.strip(): value for key, value in row.items() if isinstance(key, str)}
                for row in csv.DictReader(handle, delimiter=delimiter)]
    return rows, {name.strip() for name in next(csv.reader([header], delimiter=delimiter), [])}


def _jsonl_rows(path: Path) -> tuple[list[dict[str, Any]], set[str]]:
    rows: list[dict[str, Any]] = []
    with path.open(encoding="utf-8-sig") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError:
                row = None
            if not isinstance(row, dict):
                raise UsageError(f"line {number} of {path} is not a JSON object; write one object per line "
                                 '(e.g. {"url": "https://...", "label": "event-1"})')
            rows.append(row)
    return rows, {key for row in rows for key in row}


def _text(value: object) -> str | None:
    text = "" if value is None else str(value).strip()
    return text or None


def _read_events(root: Path) -> dict[str, list[Article]]:
    """``read_clusters`` with "nothing to score" errors: a missing path or a folder without events is no input."""
    layout = "docs/<event>/<doc> or <event>/<doc>, the folder name being the gold event"
    if not root.exists():
        raise NothingToScoreError(f"no folder {root}; give a DUC-style folder: {layout}")
    if not root.is_dir():
        raise NothingToScoreError(f"{root} is a file, not a folder; give a DUC-style folder: {layout}")
    try:
        return read_clusters(root)
    except UsageError:  # read_clusters' only complaint left: no folder holds a document
        raise NothingToScoreError(f"no events in {root}: expected {layout}, each folder holding "
                                  "one text file per document") from None


def _apply(assigned: dict[str, str], moves: dict[str, str]) -> None:
    if moves:
        for key, story in assigned.items():
            assigned[key] = moves.get(story, story)


def _order(article: Article) -> tuple[str, str, str]:
    # Undated articles last; within a day, DUC document ids (the outlet here) run in the order of the wire.
    return (article.published or "9999", article.outlet, article.id)
