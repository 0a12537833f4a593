"""Summary candidates: every sentence of a story with the features summarizers use, and which ones qualify."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from presseschau.features import SentenceFeatures, doc_features
from presseschau.lang import data
from presseschau.model import Doc, SentenceRef

# Sentences shorter than this are fragments or captions; longer ones are run-ons that eat the budget.
MIN_WORDS = 6
MAX_WORDS = 55
# Two articles sharing at least this share of their sentences (by content terms) are copies of one
# text (agency copy under two mastheads): they count as one voice when weighing what outlets report.
COPY_SHARE = 0.5
_QUOTE_PAIRS = (("„", "“"), ("»", "«"), ("«", "»"))


@dataclass(frozen=True, slots=True)
class Candidate:
    """A sentence a summarizer may pick. ``source`` is the unit that counts as one voice: the article,
    or for copies of one text (agency copy under several mastheads) the earliest of them."""

    ref: SentenceRef
    text: str
    terms: tuple[str, ...]
    words: int
    position: int
    doc_sentences: int
    source: str
    published: str | None
    eligible: bool
    bigrams: tuple[str, ...] = ()
    language: str = "und"
    nouns: frozenset[str] = frozenset()


def candidates(docs: Sequence[Doc], *, origin: Mapping[str, str] | None = None) -> list[Candidate]:
    """Every sentence of the docs as a Candidate; ``eligible`` marks those fit for a summary."""
    out: list[Candidate] = []
    features = {doc.article.id: doc_features(doc) for doc in docs}
    # Copies of one text count as one voice: from the wire-copy lineage when the caller has it, else from
    # a quick shared-sentence check.
    voice = dict(origin or {}) if origin is not None else independent_sources(docs, features)
    for doc in docs:
        voice.setdefault(doc.article.id, doc.article.id)
    for doc in docs:
        feats = features[doc.article.id]
        body = [s for s in doc.sentences if s.kind == "body"]
        for sentence, feat in zip(doc.sentences, feats, strict=True):
            text = doc.text_of(sentence)
            position = body.index(sentence) if sentence.kind == "body" else len(body)
            out.append(
                Candidate(
                    ref=SentenceRef(doc.article.id, sentence.index),
                    text=text,
                    terms=feat.terms,
                    words=feat.words,
                    position=position,
                    doc_sentences=len(body),
                    source=voice[doc.article.id],
                    published=doc.article.published,
                    eligible=sentence.kind == "body" and _fit(text, feat, doc.language),
                    bigrams=feat.bigrams,
                    language=doc.language,
                    nouns=feat.nouns,
                )
            )
    return out


def independent_sources(
    docs: Sequence[Doc], features: dict[str, tuple[SentenceFeatures, ...]]
) -> dict[str, str]:
    """Article id -> id of the earliest article whose text it copies (itself when it copies none)."""
    order = sorted(docs, key=lambda d: (d.article.published or "9999", d.article.id))
    sigs = {d.article.id: {f.terms for f in features[d.article.id] if len(f.terms) >= 3} for d in order}
    voice: dict[str, str] = {}
    for i, doc in enumerate(order):
        mine = sigs[doc.article.id]
        voice[doc.article.id] = doc.article.id
        for earlier in order[:i]:
            theirs = sigs[earlier.article.id]
            if mine and theirs and len(mine & theirs) / min(len(mine), len(theirs)) >= COPY_SHARE:
                voice[doc.article.id] = voice[earlier.article.id]
                break
    return voice


def _fit(text: str, feat: SentenceFeatures, language: str) -> bool:
    if not MIN_WORDS <= feat.words <= MAX_WORDS or len(feat.terms) < 3:
        return False
    stripped = text.rstrip()
    if stripped.endswith("?") or stripped[:1].islower() or stripped[:1] in "([-–—…":
        return False
    if text.count('"') % 2 or any(text.count(a) != text.count(b) for a, b in _QUOTE_PAIRS if a != "«"):
        return False
    nlp = data(language, "nlp")
    openers: frozenset[str] = getattr(nlp, "DANGLING_OPENERS", frozenset())
    first = text.split(maxsplit=1)[0].strip("„\"»«'").lower() if text.strip() else ""
    return first not in openers
