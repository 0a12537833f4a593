"""Docs -> Stories: average-linkage grouping on lemma TF-IDF, shared names and publication time."""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Sequence
from datetime import date

from presseschau.features import doc_features
from presseschau.model import Doc, Story

# Share of the similarity that comes from named entities (the rest from lemma TF-IDF). Names are what
# tell two stories on one topic apart ("fire in Lindholm" vs. "fire in Bremen").
NAME_SHARE = 0.35


def _vector(doc: Doc) -> tuple[Counter[str], set[str]]:
    terms: Counter[str] = Counter()
    names: set[str] = set()
    for feat in doc_features(doc):
        terms.update(feat.terms)
        names |= feat.names
    terms.update(t for t in doc.article.title.lower().split() if len(t) > 3)
    return terms, names


def _day(published: str | None) -> date | None:
    if not published or len(published) < 10:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    dot = sum(w * b.get(t, 0.0) for t, w in a.items())
    na = math.sqrt(sum(w * w for w in a.values()))
    nb = math.sqrt(sum(w * w for w in b.values()))
    return dot / (na * nb) if na and nb else 0.0


def similarity_matrix(docs: Sequence[Doc], *, window_days: float) -> list[list[float]]:
    """Pairwise article similarity in 0..1; 0 for articles published further apart than the window."""
    vectors = [_vector(d) for d in docs]
    df: Counter[str] = Counter()
    for terms, _ in vectors:
        df.update(terms.keys())
    n = len(docs)
    weighted = [
        {t: (1 + math.log(c)) * math.log((n + 1) / (df[t] + 0.5) + 1) for t, c in terms.items()}
        for terms, _ in vectors
    ]
    days = [_day(d.article.published) for d in docs]
    sim = [[1.0 if i == j else 0.0 for j in range(n)] for i in range(n)]
    for i in range(n):
        for j in range(i + 1, n):
            di, dj = days[i], days[j]
            if di and dj and abs((di - dj).days) > window_days:
                continue
            ni, nj = vectors[i][1], vectors[j][1]
            names = len(ni & nj) / len(ni | nj) if ni | nj else 0.0
            s = (1 - NAME_SHARE) * _cosine(weighted[i], weighted[j]) + NAME_SHARE * names
            sim[i][j] = sim[j][i] = s
    return sim


def group(docs: Sequence[Doc], *, threshold: float, window_days: float) -> list[Story]:
    """Stories by average-linkage agglomeration: merge the closest groups while they are above threshold."""
    if not docs:
        return []
    sim = similarity_matrix(docs, window_days=window_days)
    clusters: list[list[int]] = [[i] for i in range(len(docs))]
    while len(clusters) > 1:
        best, pair = threshold, None
        for a in range(len(clusters)):
            for b in range(a + 1, len(clusters)):
                total = sum(sim[i][j] for i in clusters[a] for j in clusters[b])
                avg = total / (len(clusters[a]) * len(clusters[b]))
                if avg >= best:
                    best, pair = avg, (a, b)
        if pair is None:
            break
        a, b = pair
        clusters[a] = clusters[a] + clusters[b]
        del clusters[b]
    stories = [_story([docs[i] for i in members], [[sim[i][j] for j in members] for i in members])
               for members in clusters]
    return sorted(stories, key=lambda s: (-len(s.article_ids), s.id))


def _story(members: list[Doc], sim: list[list[float]]) -> Story:
    order = sorted(range(len(members)), key=lambda k: (members[k].article.published or "9999",
                                                       members[k].article.id))
    # The id follows the earliest article, so adding later articles never renames the story.
    anchor = members[order[0]].article.id
    story_id = "s" + hashlib.sha256(anchor.encode()).hexdigest()[:10]
    # The title is the headline of the most central article: the one most like all the others.
    central = max(range(len(members)), key=lambda k: (sum(sim[k]), -k))
    ids = tuple(members[k].article.id for k in order)
    return Story(id=story_id, title=members[central].article.title, article_ids=ids)
