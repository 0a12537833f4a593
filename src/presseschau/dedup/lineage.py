"""Wire copies and their lineage: which articles re-publish another's text, the origin, what each copy changed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from presseschau.dedup.minhash import candidates, signature
from presseschau.dedup.shingles import doc_shingles, figures, figures_agree, jaccard, sentence_words
from presseschau.model import CopyLink, Doc, SentenceRef

# Jaccard similarity of 5-word shingles at or above which two articles may be copies of one text (the
# sentence check must agree). Chosen in the middle of the gap measured on the synthetic syndication set of
# tests/test_dedup.py (3 events; 36 origin-copy pairs, 756 pairs of different texts, 81 of them on the same
# event): copies after changed words (3, 8, 15), a cut sentence, an added paragraph, a new dateline, byline,
# headline or opening sentence, shortened to the first half, and all at once score 0.34-1.00; other authors
# on the same event (shared names, figures, a verbatim quote, one taking three agency sentences) 0.17 at most.
# Precision / recall there: Jaccard alone 1.00 / 1.00 for thresholds 0.17-0.33 (0.86 / 1.00 at 0.15,
# 1.00 / 0.94 at 0.35, 1.00 / 0.72 at 0.5); with the sentence check 1.00 / 1.00 from 0.05 to 0.33.
COPY_THRESHOLD = 0.25
# Share of the shorter article's sentences that must have a near-identical sentence in the other: copies in
# the set reach 0.64-1.00, other authors' articles on the same event 0.40 at most (shared quote and three
# borrowed agency sentences).
COPY_SENTENCE_SHARE = 0.5
# Two sentences are near-identical when their word sets overlap by this Jaccard share (one changed word in a
# 6-word sentence gives 0.71, two in 10 words 0.67). On the set, 0.4-0.6 keep the copies' share at 0.64 or
# more; 0.7 drops it to 0.56, 0.8 to 0.44 (the 15-words copies).
SENTENCE_MATCH = 0.6
# Two stubs that share only a stock sentence ("Der Volltext dieses Artikels steht nicht mehr zur Verfügung.")
# reach any share: a copy must share at least this many shingles, about two sentences of running text.
# The 10kGNAD test set (1,028 different articles) has 59 pairs of two-sentence stubs at Jaccard 0.25-0.42
# that share 11 shingles; the fewest a copy shares in the synthetic set is 55.
MIN_SHARED_SHINGLES = 25
# LSH only proposes pairs for exact verification, so it runs at threshold * LSH_FACTOR: at 0.125 datasketch
# picks 64 bands of 2 rows (128 permutations), so a pair at Jaccard 0.25 is proposed with probability 0.98,
# at 0.34 with 0.9995 (on 10kGNAD: 56 of its 59 pairs at 0.25 or more); copies() over its 1,028 articles: 3 s.
LSH_FACTOR = 0.5
# How much an article looks like the original when dates tie: the agency itself named as outlet by a
# dateline, then an outlet from the file header or an article that still carries an agency dateline.
_ORIGINNESS = {"dateline": 0, "header": 1}


@dataclass(frozen=True, slots=True)
class _Text:
    """What the comparison needs of one article: its shingles and the word sets of its sentences."""

    doc: Doc
    shingles: frozenset[str]
    figures: frozenset[str]
    sentences: tuple[tuple[int, frozenset[str], str], ...]  # (sentence index, word set, normalised text)


# Up to this many articles all pairs are compared exactly (≈ 1,200 pairs, a few ms); above it MinHash LSH
# proposes the pairs to verify.
EXACT_UP_TO = 50


def copies(docs: Sequence[Doc], *, threshold: float = COPY_THRESHOLD) -> tuple[CopyLink, ...]:
    """One CopyLink for every article whose text copies an earlier one, sorted by article id.

    Candidates come from MinHash LSH; a pair is a copy only when the exact shingle Jaccard reaches
    ``threshold`` and most sentences of the shorter article recur near-identically in the other.
    Articles are ordered by publication day, then by how much they look like the original (agency
    dateline, outlet from the header), then by time and id; each copy links to its most similar earlier
    copy partner (the origin, or the member of a chain it was copied from). An article with no earlier
    partner is an origin. Articles with the same id are counted once.
    """
    texts: dict[str, _Text] = {}
    for doc in sorted(docs, key=_order):
        if doc.article.id not in texts:
            texts[doc.article.id] = _text(doc)
    if len(texts) < 2:
        return ()
    rank = {key: i for i, key in enumerate(texts)}  # texts was filled in lineage order
    earlier: dict[str, list[tuple[float, str]]] = {}
    if len(texts) <= EXACT_UP_TO:
        # A story-sized set: every pair is checked exactly, which is faster than building signatures.
        keys = sorted(texts)
        pairs = {(a, b) for i, a in enumerate(keys) for b in keys[i + 1 :]}
    else:
        signatures = {key: signature(text.shingles) for key, text in texts.items()}
        pairs = candidates(signatures, threshold=threshold * LSH_FACTOR)
    for a, b in sorted(pairs):
        first, second = (a, b) if rank[a] < rank[b] else (b, a)
        shared = len(texts[first].shingles & texts[second].shingles)
        similarity = jaccard(texts[first].shingles, texts[second].shingles)
        if (similarity >= threshold and shared >= MIN_SHARED_SHINGLES
                and figures_agree(texts[first].figures, texts[second].figures)):
            earlier.setdefault(second, []).append((similarity, first))
    links = []
    for key, partners in earlier.items():
        # The most similar partner (the earliest on a tie) that passes the sentence check: checked in that
        # order, so a text reprinted hundreds of times is not sentence-compared with every reprint.
        for similarity, origin in sorted(partners, key=lambda p: (-p[0], rank[p[1]])):
            if _sentence_share(texts[origin], texts[key]) >= COPY_SENTENCE_SHARE:
                added, cut = _unmatched(texts[key], texts[origin]), _unmatched(texts[origin], texts[key])
                links.append(CopyLink(key, origin, round(similarity, 4), added, cut))
                break
    return tuple(sorted(links, key=lambda link: link.article_id))


def independent_sources(docs: Sequence[Doc], links: Sequence[CopyLink]) -> int:
    """How many independent texts the docs hold: articles minus those that copy another one."""
    ids = {doc.article.id for doc in docs}
    return len(ids) - len({link.article_id for link in links if link.article_id in ids})


def origin_of(links: Sequence[CopyLink]) -> dict[str, str]:
    """Article id -> id of the origin at the root of its copy chain, for every copying article."""
    parent = {link.article_id: link.origin_id for link in links}
    roots: dict[str, str] = {}
    for start in parent:
        node, seen = start, {start}
        while node in parent and parent[node] not in seen:  # the seen set guards against cycles
            node = parent[node]
            seen.add(node)
        roots[start] = node
    return roots


def _text(doc: Doc) -> _Text:
    sentences = []
    for sentence in doc.sentences:
        found = sentence_words(doc, sentence)
        if found:
            sentences.append((sentence.index, frozenset(found), " ".join(found)))
    return _Text(doc, doc_shingles(doc), figures(doc.article.text), tuple(sentences))


def _near(words: frozenset[str], normalised: str, other: _Text) -> bool:
    """Whether ``other`` holds a sentence equal to this one after normalisation, or nearly so by words."""
    return any(normalised == text or jaccard(words, other_words) >= SENTENCE_MATCH
               for _, other_words, text in other.sentences)


def _sentence_share(a: _Text, b: _Text) -> float:
    """Share of the shorter article's sentences with a near-identical sentence in the other article."""
    shorter, longer = (a, b) if len(a.sentences) <= len(b.sentences) else (b, a)
    if not shorter.sentences:
        return 0.0
    return sum(_near(w, t, longer) for _, w, t in shorter.sentences) / len(shorter.sentences)


def _unmatched(text: _Text, other: _Text) -> tuple[SentenceRef, ...]:
    """References to the sentences of ``text`` with no near-identical sentence in ``other``."""
    key = text.doc.article.id
    return tuple(SentenceRef(key, index) for index, w, t in text.sentences if not _near(w, t, other))


def _order(doc: Doc) -> tuple[bool, str, int, float, str]:
    """Lineage order: known publication day first and earliest, then originness, time of day, id."""
    article = doc.article
    day, instant = _when(article.published)
    originness = _ORIGINNESS.get(article.outlet_from, len(_ORIGINNESS))
    if originness == len(_ORIGINNESS) and any(r.rule == "dateline" for r in article.removed):
        originness = _ORIGINNESS["header"]
    return (day is None, day or "", originness, instant, article.id)


def _when(published: str | None) -> tuple[str | None, float]:
    """The ISO day an article was published (a partial date "2023-09" stands for its first day) and its
    time as a UTC timestamp (0 when only the day is known); (None, 0) when unknown or unreadable."""
    if not published:
        return None, 0.0
    value = published.strip()
    try:
        if len(value) in (4, 7):  # "2023", "2023-09"
            padded = value + ("-01-01" if len(value) == 4 else "-01")
            return datetime.fromisoformat(padded).date().isoformat(), 0.0
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None, 0.0
    day = parsed.date().isoformat()
    if len(value) <= 10:
        return day, 0.0
    return day, (parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)).timestamp()
