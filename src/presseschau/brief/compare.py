"""What only one outlet reports: body sentences that no other independent source has a counterpart for."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from presseschau.brief.align import Aligner
from presseschau.brief.candidates import Candidate
from presseschau.brief.figures import figure_groups
from presseschau.features import sentence_features
from presseschau.model import Doc, OnlyIn, SentenceRef

# A sentence needs this many words and content terms to carry a claim of its own (candidates.MIN_WORDS).
MIN_WORDS = 6
MIN_TERMS = 3
# Overlap (Aligner.overlap, share of the shorter sentence's weighted terms) with any sentence of another
# source at or above which a sentence counts as reported there too. Below Aligner's 0.45 for citing, so a
# claim another source touches in other words is not called exclusive; on ../shared/seeds, different claims
# on the story's common themes ("Waffen", "Nordkorea", "Russland") reach 0.29, so lower would hide them all.
# Sentences giving a figure that another source gives too are matched through figure groups instead.
MAX_OVERLAP = 0.3
# Claims listed per outlet, most informative first.
MAX_PER_OUTLET = 5


def only_in(docs: Sequence[Doc], aligner: Aligner, *, copies: Mapping[str, str] | None = None) -> tuple[OnlyIn, ...]:
    """Per outlet (sorted by name), up to MAX_PER_OUTLET claims no other independent source reports.

    A source is an article with its copies: ``copies`` maps article id -> id of the article it copies
    (transitively); without it, the aligner's candidates' ``source`` (candidates.independent_sources) is used.
    A claim found in several copies of one text is listed once, under the outlet of the earliest article that
    holds it, with the refs of all copies, origin first. Stories with a single source have no "only in".
    """
    ids = {doc.article.id for doc in docs}
    pool = [c for c in aligner.candidates if c.ref.article_id in ids]
    voice = _voices(pool, copies)
    if len(set(voice.values())) < 2:
        return ()
    by_id = {doc.article.id: doc for doc in docs}
    order = sorted(docs, key=lambda d: (d.article.published or "9999", d.article.id))
    rank = {doc.article.id: n for n, doc in enumerate(order)}
    others: dict[str, list[Candidate]] = {}
    for c in pool:
        others.setdefault(voice[c.ref.article_id], []).append(c)
    # A sentence giving a figure that another source gives too has a counterpart, however it is worded.
    covered: set[SentenceRef] = {
        v.ref for g in figure_groups(docs) if len({voice[v.ref.article_id] for v in g.values}) > 1 for v in g.values
    }
    claims: dict[str, list[tuple[float, int, tuple[SentenceRef, ...]]]] = {}
    for c in sorted(pool, key=lambda c: (rank[c.ref.article_id], c.ref.index)):
        if c.ref in covered or not _claim_like(c, by_id[c.ref.article_id]):
            continue
        mine = voice[c.ref.article_id]
        refs = aligner.supports(c)[1:]
        if any(voice[r.article_id] != mine for r in refs):
            continue
        if any(aligner.overlap(c, o) >= MAX_OVERLAP for v, cs in others.items() if v != mine for o in cs):
            continue
        copies_refs = sorted((r for r in refs if r not in covered), key=lambda r: rank[r.article_id])
        covered.update(copies_refs)
        outlet = by_id[c.ref.article_id].article.outlet
        score = _informative(c, by_id[c.ref.article_id])
        claims.setdefault(outlet, []).append((-score, len(claims.get(outlet, ())), (c.ref, *copies_refs)))
    out = []
    for outlet in sorted(claims, key=lambda o: (o.casefold(), o)):
        best = sorted(claims[outlet])[:MAX_PER_OUTLET]
        out.append(OnlyIn(outlet=outlet, refs=tuple(r for _, _, refs in best for r in refs)))
    return tuple(out)


def _voices(pool: Sequence[Candidate], copies: Mapping[str, str] | None) -> dict[str, str]:
    """Article id -> the id of the source it belongs to (the original of its copy chain)."""
    voice = {c.ref.article_id: c.source for c in pool}
    if copies is None:
        return voice
    out = {}
    for article_id in voice:
        origin, seen = article_id, {article_id}
        while origin in copies and copies[origin] not in seen:  # a cycle in bad input stops, never loops
            origin = copies[origin]
            seen.add(origin)
        out[article_id] = origin
    return out


def _claim_like(c: Candidate, doc: Doc) -> bool:
    sentence = doc.sentences[c.ref.index] if 0 <= c.ref.index < len(doc.sentences) else None
    return sentence is not None and sentence.kind == "body" and c.words >= MIN_WORDS and len(set(c.terms)) >= MIN_TERMS


def _informative(c: Candidate, doc: Doc) -> float:
    """Content terms, plus names and figures once more: they are what a reader checks elsewhere."""
    features = sentence_features(doc, doc.sentences[c.ref.index])
    return len(set(c.terms)) + len(features.names) + len(features.numbers)
