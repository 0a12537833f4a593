"""Incremental story clustering: each article joins the closest recent story or starts one; story ids stay put."""

from __future__ import annotations

import hashlib
import heapq
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any, Protocol

import numpy as np

from presseschau.cluster.embedding import EMBEDDING_FIELDS, Sums, Vector, add_sums, decode, encode, unit_sums

# Defaults calibrated on DUC 2003 (324 distinct documents, 30 events, publication order, no time window: its
# events span up to four years); bench/cluster_eval.py prints the grids. BCubed F1 along each setting:
# THRESHOLD 0-0.05: 0.976, 0.08: 0.989 (a lone peak), 0.1-0.12: 0.976, 0.15: 0.957. COHESION_PRIOR 0: 0.974,
# 0.1-0.15: 0.976, 0.2: 0.973, 0.25: 0.956. NAME_SHARE 0: 0.974, 0.05-0.1: 0.976, 0.2: 0.965. COHESION_SHARE
# with COHESION_CAP 0.3: 0.45: 0.956, 0.5-0.6: 0.973, 0.65-0.7: 0.976, 0.8: 0.972 (uncapped: 0.969-0.978);
# share 0 (the threshold alone): 0.956. Held out (best neighbourhood of a 900-point grid on 15 events, scored
# on the other 15): 0.952 and 0.985; these defaults score 0.960 and 1.000 on those halves.
THRESHOLD = 0.12  # no article joins a story below this similarity, however loose the story
COHESION_SHARE = 0.65  # ... nor below this share of the story's cohesion (mean similarity of its joins)
COHESION_PRIOR = 0.1  # cohesion of a one-article story, counted as one join
# A join counts at most this much towards cohesion: agency copies join at 0.6-0.9 and, uncapped, raised the bar so
# far that other outlets' own reports (0.18-0.25 in examples/hafenbrand, one machine-translated) split off.
COHESION_CAP = 0.3
NAME_SHARE = 0.05
# Not calibrated: DUC has no headlines. A tenth keeps headline wording from outweighing the body's.
TITLE_SHARE = 0.1
# Stories merge when their centroids are as similar as MERGE_SHARE x the higher cohesion of the two (and at least
# THRESHOLD): as if one were an article as typical as the other's. DUC F1 at 0.6: 0.962, 0.8: 0.960, 1.0: 0.976,
# 1.5: 0.973, never merging: 0.964.
MERGE_SHARE = 1.0
# Articles between merge rounds (a round costs the same per article for any value; 1,000 = 3 s at 300/s).
MERGE_EVERY = 1000
WINDOW_DAYS = 7.0  # live news: a story takes articles while its latest is at most a week older
# A story centroid keeps its STORY_TERMS heaviest terms (sum of 1 + log tf, times IDF): it bounds memory and
# cost, and the light tail of incidental words made unrelated stories look alike (DUC F1 at 20, 30, 40, 50, 60,
# 80, 150, 400 terms: 0.961, 0.973, 0.976, 0.971, 0.971, 0.969, 0.964, 0.914).
STORY_TERMS = 40
# Candidates come from the postings of the article's QUERY_TERMS heaviest terms; the CANDIDATES stories sharing
# most of that weight get the full similarity. DUC F1 for 5, 10-50 terms: 0.971, 0.976; 1, 3-50 candidates:
# 0.978, 0.976 (on 30,000 synthetic German articles the clustering costs 0.66-1.03 ms/article at these values).
QUERY_TERMS = 20
CANDIDATES = 5
POSTING_LIMIT = 5000  # a term in more active stories points at no story in particular: its postings are skipped
MAX_VOCABULARY = 1_000_000  # past this many terms, those seen in one article only are forgotten
NORM_DRIFT = 0.05  # cached centroid lengths are recomputed when the document count grew by this share
# With embeddings (nlp.embed), the mean cosine between the article and a story's articles in other languages counts
# as a similarity of (cosine - EMBED_FLOOR) / (EMBED_CEILING - EMBED_FLOOR) where that beats the lexical one.
# e5 cosines are high for any two news texts (bench/cluster_embed_eval.py, headline + 300 characters): English
# pairs of different DUC 2003 events median 0.775, p99 0.828 (same event: median 0.849); pairs of 200 random
# German 10kGNAD articles median 0.789, p99 0.845; German-English (10kGNAD x DUC) median 0.743, p99 0.793, p99.9
# 0.810, max 0.842; German and English reports of one invented event 0.906-0.939. Within one language embeddings
# joined topics, not events (the 200 10kGNAD articles: 178 stories lexically, 118 with embeddings for every pair:
# terror in Syria, Morocco and Yemen in one story, tennis with skiing), so they count across languages only
# (``embed_same_language`` for every pair: DUC F1 0.976 -> 0.989 with these values). EMBED_FLOOR is the
# German-English p99.9; a cosine of 0.85 reaches the highest bar a story can set (0.65 x COHESION_CAP).
EMBED_FLOOR = 0.81
EMBED_CEILING = 1.0
STATE_VERSION = 1  # embeddings added optional story keys ("embedding", "embedded"): states without them still load
# log(df + 1) looked up rather than computed for the document frequencies most terms have.
_LOG_TABLE = 4096
_LOG1P = [math.log(k + 1) for k in range(_LOG_TABLE)]


class StoryFeatures(Protocol):
    """What the clusterer reads of an article (``nlp.fast.FastFeatures`` has it)."""

    @property
    def lemmas(self) -> Mapping[str, int]: ...
    @property
    def names(self) -> Sequence[str]: ...
    @property
    def title(self) -> Sequence[str]: ...

    # ``language`` (an ISO code) is read too where the features have it: embeddings count across languages.




@dataclass(slots=True)
class _Story:
    id: str
    born: tuple[int, str]  # (day, article id) of the first article: the older story survives a merge
    first: int | None  # earliest and latest publication day (date ordinals) of its articles
    last: int | None
    size: int = 0
    terms: dict[str, float] = field(default_factory=dict)  # term -> sum of 1 + log(tf) over its articles
    names: dict[str, int] = field(default_factory=dict)  # name -> articles naming it
    title: dict[str, int] = field(default_factory=dict)  # headline term -> articles with it in the headline
    joined: float = 0.0  # sum of the similarities at which later articles (or merged stories) joined it
    joins: int = 0
    norms: tuple[float, float, float] = (0.0, 0.0, 0.0)  # cached IDF-weighted lengths of terms, names, title
    norm_at: int = -1  # ... valid for this many documents seen
    # language -> sum of the unit embeddings of its articles in that language (float32), and their count
    embedding: dict[str, Vector] = field(default_factory=dict)
    embedded: dict[str, int] = field(default_factory=dict)


@dataclass(slots=True)
class _Vector:
    """Weights of lemmas, names and headline terms, and the lengths of the IDF-weighted vectors. An article's
    weights carry their IDF; a centroid's are raw sums (``raw``), weighted where a cosine meets a shared key."""

    terms: Mapping[str, float]
    names: Mapping[str, float]
    title: Mapping[str, float]
    norms: tuple[float, float, float]
    raw: bool = False
    embedding: Sums = field(default_factory=dict)  # language -> (sum of unit embeddings, count)


class StoryClusterer:
    """Single-pass story clustering in publication order with stable story ids.

    ``add`` compares an article with the active stories (latest article within ``window_days``) that share its
    heaviest terms (inverted index): TF-IDF cosine of lemmas against the story centroid (IDF from the documents
    seen so far), mixed with the cosines of names and headline terms. It joins the most similar story it comes
    close enough to: ``threshold``, and ``cohesion_share`` of the story's cohesion (the mean similarity of its
    joins: a tight event story asks more of a newcomer than a loose running topic); else it starts a story
    named after itself. ``merge`` joins stories that grew together, the older keeping its id. ``state`` and
    ``from_state`` save and restore it as JSON-able data; a restored clusterer goes on exactly as the saved one.

    Articles may come with an embedding (``nlp.embed``): a story keeps the mean embedding of its articles per
    language, and where the other side has articles in another language, the similarity is the higher of the
    lexical one and the rescaled mean cosine across languages (``embed_floor`` .. ``embed_ceiling`` -> 0 .. 1),
    so a German and an English report of one event, which share names but few lemmas, can join. Within one
    language embeddings are not used unless ``embed_same_language``; without embeddings nothing changes.
    """

    def __init__(self, *, threshold: float = THRESHOLD, window_days: float = WINDOW_DAYS,
                 cohesion_share: float = COHESION_SHARE, cohesion_prior: float = COHESION_PRIOR,
                 cohesion_cap: float = COHESION_CAP, name_share: float = NAME_SHARE, title_share: float = TITLE_SHARE,
                 merge_share: float = MERGE_SHARE, merge_every: int = MERGE_EVERY, story_terms: int = STORY_TERMS,
                 query_terms: int = QUERY_TERMS, candidates: int = CANDIDATES, posting_limit: int = POSTING_LIMIT,
                 max_vocabulary: int = MAX_VOCABULARY, embed_floor: float = EMBED_FLOOR,
                 embed_ceiling: float = EMBED_CEILING, embed_same_language: bool = False) -> None:
        self.settings: dict[str, float] = dict(locals())  # the keyword arguments, for state()
        del self.settings["self"]
        self.threshold, self.window_days = threshold, window_days
        self.cohesion_share, self.cohesion_prior, self.cohesion_cap = cohesion_share, cohesion_prior, cohesion_cap
        self.name_share, self.title_share = name_share, title_share
        self.merge_share, self.merge_every = merge_share, merge_every
        self.story_terms, self.query_terms, self.candidates = story_terms, query_terms, candidates
        self.posting_limit, self.max_vocabulary = posting_limit, max_vocabulary
        self.embed_floor, self.embed_span = embed_floor, max(embed_ceiling - embed_floor, 1e-9)
        self.embed_same_language = embed_same_language
        self._documents = 0
        self._log_documents = 1.0  # log(documents + 1) + 1: the smoothed IDF of a term is this - log(df + 1)
        self._df: dict[str, int] = {}
        self._name_df: dict[str, int] = {}
        self._today: int | None = None  # the latest publication day seen
        self._since_merge = 0
        self._dirty: dict[str, None] = {}  # stories changed since the last merge round, in order
        self._stories: dict[str, _Story] = {}
        self._postings: dict[str, set[str]] = {}  # term -> active stories whose centroid holds it

    def add(self, article_id: str, features: StoryFeatures, published: str | None,
            embedding: Sequence[float] | None = None) -> str:
        """The id of the story ``article_id`` joins (a new one when no active story is close enough).

        ``published`` is an ISO date or datetime; an undated article counts as published on the latest day seen.
        ``embedding`` is the article's vector from ``nlp.embed``, used with ``features.language`` (None, empty,
        zero or not finite, or an undetermined language: lexical similarity only).
        """
        day = _ordinal(published)
        self._advance(day)
        day = day if day is not None else self._today
        self._count(features)
        vector = self._vector(features, embedding)
        best, best_sim = None, -1.0
        candidates = self._candidates(vector, day, day, None)
        if vector.embedding:  # a report in another language may share no heavy term with its story
            candidates += [s for s in self._embedded_candidates(vector, day) if s not in candidates]
        for story in candidates:
            sim = self._similarity(vector, self._centroid(story))
            if sim >= max(self.threshold, self.cohesion_share * self._cohesion(story)) and sim > best_sim:
                best, best_sim = story, sim
        if best is None:  # a story of its own (the same article again stays in the one it started)
            sid = story_id(article_id)
            best = self._stories.setdefault(sid, _Story(sid, (day or 0, article_id), day, day))
        else:
            best.joined += min(best_sim, self.cohesion_cap)
            best.joins += 1
        self._join(best, features, day, vector)
        self._since_merge += 1
        return best.id

    @property
    def merge_due(self) -> bool:
        """Whether ``merge_every`` articles were added since the last merge round."""
        return self._since_merge >= self.merge_every

    def merge(self) -> dict[str, str]:
        """Join stories that grew together: absorbed story id -> id of the story that took its articles.

        Stories grown since the last round are compared with the active stories near them in time. Pairs
        are joined from the most similar down, each after checking again the stories as they are by then, so a
        chain of weak links never snowballs into one story. The story with the earlier first article survives.
        """
        self._since_merge = 0
        pairs = set()
        for sid in self._dirty:
            story = self._stories.get(sid)
            if story is None or story.size < 2:  # a new one-article story failed the (lower) bar of every
                continue  # candidate already; a candidate that has grown towards it since is changed and finds it
            vector = self._centroid(story)
            for other in self._candidates(vector, story.first, story.last, story.id):
                sim = self._similarity(vector, self._centroid(other))
                if self._mergeable(story, other, sim):
                    older, newer = sorted((story, other), key=lambda s: s.born)
                    pairs.add((-sim, newer.born, older.id, newer.id))
        self._dirty = {}
        moves: dict[str, str] = {}
        for _, _, a, b in sorted(pairs):
            older, newer = sorted((self._stories[moves.get(a, a)], self._stories[moves.get(b, b)]),
                                  key=lambda s: s.born)
            if older is newer:
                continue
            sim = self._similarity(self._centroid(older), self._centroid(newer))
            if self._mergeable(older, newer, sim):
                self._absorb(older, newer, sim)
                moves = {key: older.id if target == newer.id else target for key, target in moves.items()}
                moves[newer.id] = older.id
        if len(self._df) > self.max_vocabulary:
            self._df = {t: n for t, n in self._df.items() if n > 1}
            self._name_df = {t: n for t, n in self._name_df.items() if n > 1}
        return moves

    def active(self) -> dict[str, int]:
        """Story id -> article count of every story still open for new articles."""
        return {sid: story.size for sid, story in self._stories.items()}

    def state(self) -> dict[str, Any]:
        """Everything the clusterer knows, as JSON-able dicts and lists (``from_state`` reads it back)."""
        return {"version": STATE_VERSION, "settings": dict(self.settings), "documents": self._documents,
                "df": self._df, "name_df": self._name_df, "today": self._today, "since_merge": self._since_merge,
                "dirty": list(self._dirty), "stories": [_story_state(s) for s in self._stories.values()]}

    @classmethod
    def from_state(cls, state: Mapping[str, Any]) -> StoryClusterer:
        """A clusterer that continues where the one that gave ``state`` stopped, with its settings."""
        clusterer = cls(**state["settings"])
        clusterer._documents = int(state["documents"])
        clusterer._log_documents = math.log(clusterer._documents + 1) + 1.0
        clusterer._df, clusterer._name_df = dict(state["df"]), dict(state["name_df"])
        clusterer._today, clusterer._since_merge = state["today"], int(state["since_merge"])
        clusterer._dirty = dict.fromkeys(state["dirty"])
        for item in state["stories"]:
            story = _Story(**{**item, "born": tuple(item["born"]), "norms": tuple(item["norms"]),
                              "embedding": {k: decode(v) for k, v in item.get("embedding", {}).items()}})
            clusterer._stories[story.id] = story
            clusterer._post(story, story.terms)
        return clusterer

    def _advance(self, day: int | None) -> None:
        """Move "today" forward and close the stories whose latest article left the window."""
        if day is None or (self._today is not None and day <= self._today):
            return
        if self._today is None:  # stories of undated articles count as published on the first known day
            for story in self._stories.values():
                story.first, story.last = day, day
        self._today = day
        horizon = day - self.window_days
        for story in [s for s in self._stories.values() if s.last is not None and s.last < horizon]:
            self._unpost(story, story.terms)
            del self._stories[story.id]
            self._dirty.pop(story.id, None)

    def _cohesion(self, story: _Story) -> float:
        """The mean similarity at which articles joined the story, ``cohesion_prior`` counting as one join."""
        return (story.joined + self.cohesion_prior) / (story.joins + 1)

    def _mergeable(self, a: _Story, b: _Story, sim: float) -> bool:
        return sim >= max(self.threshold, self.merge_share * max(self._cohesion(a), self._cohesion(b)))

    def _count(self, features: StoryFeatures) -> None:
        self._documents += 1
        self._log_documents = math.log(self._documents + 1) + 1.0
        _count_into(self._df, dict.fromkeys(features.lemmas, 1))
        _count_into(self._name_df, dict.fromkeys(features.names, 1))

    def _idf(self, term: str) -> float:
        df = self._df.get(term, 0)
        return self._log_documents - (_LOG1P[df] if df < _LOG_TABLE else math.log(df + 1))

    def _name_idf(self, name: str) -> float:
        df = self._name_df.get(name, 0)
        return self._log_documents - (_LOG1P[df] if df < _LOG_TABLE else math.log(df + 1))

    def _vector(self, features: StoryFeatures, embedding: Sequence[float] | None = None) -> _Vector:
        idf = self._idf
        terms = {t: (1.0 + math.log(n)) * idf(t) for t, n in features.lemmas.items() if n > 0}
        names = {n: self._name_idf(n) for n in features.names}
        title = {t: idf(t) for t in features.title}
        norms = (math.hypot(*terms.values()), math.hypot(*names.values()), math.hypot(*title.values()))
        return _Vector(terms, names, title, norms, embedding=unit_sums(getattr(features, "language", None), embedding))

    def _centroid(self, story: _Story) -> _Vector:
        if story.norm_at < 0 or self._documents > story.norm_at * (1 + NORM_DRIFT):
            idf, name_idf = self._idf, self._name_idf
            story.norms = (math.hypot(*(w * idf(t) for t, w in story.terms.items())),
                           math.hypot(*(c * name_idf(n) for n, c in story.names.items())),
                           math.hypot(*(c * idf(t) for t, c in story.title.items())))
            story.norm_at = self._documents
        return _Vector(story.terms, story.names, story.title, story.norms, raw=True,
                       embedding={lang: (total, story.embedded[lang]) for lang, total in story.embedding.items()})

    def _candidates(self, vector: _Vector, first: int | None, last: int | None, skip: str | None) -> list[_Story]:
        """The active stories near [first, last] sharing most query weight with ``vector``, best first."""
        idf = self._idf
        query = heapq.nsmallest(self.query_terms, ((-w * (idf(t) if vector.raw else 1.0), t)
                                                   for t, w in vector.terms.items()))
        shared: dict[str, float] = {}
        for weight, term in query:  # weights negated: nsmallest gives the heaviest terms
            posting = self._postings.get(term)
            if posting is not None and len(posting) <= self.posting_limit:
                for sid in posting:
                    shared[sid] = shared.get(sid, 0.0) + weight
        shared.pop(skip or "", None)
        near = ((weight, sid) for sid, weight in shared.items()
                if _near(first, last, self._stories[sid].first, self._stories[sid].last, self.window_days))
        return [self._stories[sid] for _, sid in heapq.nsmallest(self.candidates, near)]

    def _embedded_candidates(self, vector: _Vector, day: int | None) -> list[_Story]:
        """The ``candidates`` active stories near ``day`` whose articles in other languages (any language with
        ``embed_same_language``) come closest to the article's embedding: a scan of the stories with embeddings,
        which only runs when the article has one (embedding costs ~100 ms an article; this ~1 µs a story)."""
        ((language, (mine, _)),) = vector.embedding.items()
        scored = []
        for story in self._stories.values():
            if not story.embedding or not _near(day, day, story.first, story.last, self.window_days):
                continue
            best = max((float(np.dot(mine, total)) / story.embedded[other]
                        for other, total in story.embedding.items()
                        if (other != language or self.embed_same_language) and total.shape == mine.shape),
                       default=None)
            if best is not None and best > self.embed_floor:
                scored.append((-best, story.id))
        return [self._stories[sid] for _, sid in heapq.nsmallest(self.candidates, scored)]

    def _similarity(self, a: _Vector, b: _Vector) -> float:
        """The higher of the lexical similarity and the rescaled mean embedding cosine of the article pairs across
        the two sides in different languages (in any languages with ``embed_same_language``), if there are any."""
        lexical = self._lexical(a, b)
        dot, pairs = 0.0, 0
        for language, (total, count) in a.embedding.items():
            for other, (other_total, other_count) in b.embedding.items():
                if (language != other or self.embed_same_language) and total.shape == other_total.shape:
                    dot += float(np.dot(total, other_total))
                    pairs += count * other_count
        if not pairs:
            return lexical
        return max(lexical, min(1.0, (dot / pairs - self.embed_floor) / self.embed_span))

    def _lexical(self, a: _Vector, b: _Vector) -> float:
        """Weighted mix of lemma, name and headline cosines; a part either side lacks is left out."""
        power = int(a.raw) + int(b.raw)
        weighted = (1.0 - self.name_share - self.title_share) * _cosine(a.terms, b.terms, a.norms[0] * b.norms[0],
                                                                        self._idf, power)
        total = 1.0 - self.name_share - self.title_share
        if a.names and b.names:
            weighted += self.name_share * _cosine(a.names, b.names, a.norms[1] * b.norms[1], self._name_idf, power)
            total += self.name_share
        if a.title and b.title:
            weighted += self.title_share * _cosine(a.title, b.title, a.norms[2] * b.norms[2], self._idf, power)
            total += self.title_share
        return weighted / total if total > 0 else 0.0

    def _join(self, story: _Story, features: StoryFeatures, day: int | None, vector: _Vector) -> None:
        add_sums(story.embedding, story.embedded, vector.embedding)
        added = {t: 1.0 + math.log(n) for t, n in features.lemmas.items() if n > 0}
        self._post(story, [t for t in added if t not in story.terms])
        _count_into(story.terms, added)
        _count_into(story.names, dict.fromkeys(features.names, 1))
        _count_into(story.title, dict.fromkeys(features.title, 1))
        story.size += 1
        self._settle(story, day, day)

    def _absorb(self, older: _Story, newer: _Story, sim: float) -> None:
        self._unpost(newer, newer.terms)
        del self._stories[newer.id]
        self._dirty.pop(newer.id, None)
        self._post(older, [t for t in newer.terms if t not in older.terms])
        for mine, theirs in ((older.terms, newer.terms), (older.names, newer.names), (older.title, newer.title)):
            _count_into(mine, theirs)
        older.size += newer.size
        add_sums(older.embedding, older.embedded,
                 {lang: (total, newer.embedded[lang]) for lang, total in newer.embedding.items()})
        older.joined += newer.joined + min(sim, self.cohesion_cap)  # the merge counts as one more join
        older.joins += newer.joins + 1
        self._settle(older, newer.first, newer.last)

    def _settle(self, story: _Story, first: int | None, last: int | None) -> None:
        """After a change: widen the days, trim the centroid to its heaviest terms, mark the story changed."""
        if first is not None:
            story.first = first if story.first is None else min(story.first, first)
        if last is not None:
            story.last = last if story.last is None else max(story.last, last)
        if len(story.terms) > self.story_terms:
            kept = _heaviest(story.terms, self.story_terms, self._idf)
            self._unpost(story, [t for t in story.terms if t not in kept])
            story.terms = kept
        story.names = _heaviest(story.names, self.story_terms, self._name_idf)
        story.title = _heaviest(story.title, self.story_terms, self._idf)
        story.norm_at = -1
        self._dirty[story.id] = None

    def _post(self, story: _Story, terms: Iterable[str]) -> None:
        for term in terms:
            self._postings.setdefault(term, set()).add(story.id)

    def _unpost(self, story: _Story, terms: Iterable[str]) -> None:
        for term in terms:
            posting = self._postings.get(term)
            if posting is not None:
                posting.discard(story.id)
                if not posting:
                    del self._postings[term]


_STORY_FIELDS = tuple(f.name for f in fields(_Story))


def _story_state(story: _Story) -> dict[str, Any]:
    """The story as a JSON-able dict; ``dataclasses.asdict`` deep-copies every dict and took ~0.15 s per save
    at 4,000 open stories, while the JSON encoder copies anyway. A story without embedding is saved exactly as
    before embeddings existed; one with gets its float32 sum as base64 (2 KB for 384 dimensions, against
    ~7 KB as a JSON list of floats, and read back bit for bit)."""
    if not story.embedding:
        return {name: getattr(story, name) for name in _STORY_FIELDS if name not in EMBEDDING_FIELDS}
    return {name: getattr(story, name) for name in _STORY_FIELDS} | {
        "embedding": {lang: encode(total) for lang, total in story.embedding.items()}}


def story_id(article_id: str) -> str:
    """The id of the story started by ``article_id`` (as ``cluster.stories`` names batch stories)."""
    return "s" + hashlib.sha256(article_id.encode()).hexdigest()[:10]


def _ordinal(published: str | None) -> int | None:
    if not published or len(published) < 10:
        return None
    try:
        return date.fromisoformat(published[:10]).toordinal()
    except ValueError:
        return None


def _near(first: int | None, last: int | None, lo: int | None, hi: int | None, window: float) -> bool:
    """Whether two day ranges come within ``window`` days of each other (an unknown range is always near)."""
    if first is None or last is None or lo is None or hi is None:
        return True
    return first - hi <= window and lo - last <= window


def _cosine(a: Mapping[str, float], b: Mapping[str, float], norms: float, idf: Callable[[str], float],
            power: int) -> float:
    """Cosine of two weight maps whose lengths multiply to ``norms``; a shared key's product is weighted by
    ``idf(key) ** power``, the IDF the raw centroids among the two still lack."""
    if not norms:
        return 0.0
    if len(a) > len(b):
        a, b = b, a
    dot = 0.0
    for key, weight in a.items():
        other = b.get(key)
        if other is not None:
            dot += weight * other * (idf(key) ** power if power else 1.0)
    return dot / norms


def _heaviest(counts: dict[str, Any], keep: int, idf: Callable[[str], float]) -> dict[str, Any]:
    """The ``keep`` entries of largest count x IDF (ties by key), in their original order."""
    if len(counts) <= keep:
        return counts
    kept = {k for _, k in heapq.nsmallest(keep, [(-v * idf(k), k) for k, v in counts.items()])}
    return {k: v for k, v in counts.items() if k in kept}


def _count_into(counts: dict[str, Any], added: Mapping[str, float]) -> None:
    for key, value in added.items():
        counts[key] = counts.get(key, 0) + value
