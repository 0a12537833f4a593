"""Paraphrase alignment: for a summary sentence, the sentences of other articles that report the same content."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from presseschau.brief.candidates import Candidate
from presseschau.model import SentenceRef

# Share of the summary sentence's informative (IDF-weighted) terms another sentence must match to count
# as reporting it, the fewest terms they must share, and the share of its terms, counted, that must match.
# Calibrated on the example corpus's gold facts (tests/test_quality_gate.py: citation precision 100 %)
# and checked by reading every citation on ../shared/seeds.
MIN_COVERAGE = 0.45
MIN_SHARED_TERMS = 3
MIN_SHARED_SHARE = 0.5
# The other sentence must not be mostly about something else: it too must be matched to this share.
MIN_REVERSE_COVERAGE = 0.08
# Terms match on their first characters, so derivations meet ("Raketentechnik" ~ "Raketentechnologie").
PREFIX = 8
# Compound heads shorter than this are too ambiguous to match on ("see" in "Übersee").
MIN_PART = 3
# A compound head that ends more than this many of the story's nouns is too generic to match on.
MAX_HEAD_FAMILY = 2


class Aligner:
    """Finds, per article, the one sentence that best reports a given sentence's content, if any does.

    A term matches when the other sentence holds it, a form with the same first PREFIX letters, or a
    compound that ends with it (and vice versa): German joins words that other outlets write
    apart ("Chemielager" / "Lager", "Landesumweltministerium" / "Ministerium"). The story's own
    vocabulary is the lexicon for compound parts.
    """

    def __init__(self, candidates: Sequence[Candidate]) -> None:
        self.candidates = list(candidates)
        # Only nouns form compounds: "Panzerzug" is a "Zug", but "aufkommen" is no "ankommen".
        self.vocab = {t for c in self.candidates for t in c.nouns if len(t) >= MIN_PART}
        self._parts: dict[tuple[str, bool], frozenset[str]] = {}
        # A head that ends many of the story's words is generic, not a topic ("Montag", "Dienstag" -> "tag";
        # "Russland", "Ausland" -> "land"): matching on it would join unrelated facts.
        family: Counter[str] = Counter()
        for term in self.vocab:
            family.update({term[-cut:] for cut in range(MIN_PART, len(term)) if term[-cut:] in self.vocab})
        self.generic = {head for head, n in family.items() if n > MAX_HEAD_FAMILY}
        self.terms = {c.ref: {t[:PREFIX] for t in c.terms} for c in self.candidates}
        self.keys = {
            c.ref: frozenset().union(*(self._keys(t, t in c.nouns) for t in c.terms))
            for c in self.candidates
        }
        df: Counter[str] = Counter()
        for terms in self.terms.values():
            df.update(terms)
        n = max(len(self.candidates), 1)
        self.idf = {t: math.log((n + 1) / (f + 0.5)) for t, f in df.items()}
        self.by_article: dict[str, list[Candidate]] = {}
        for c in self.candidates:
            self.by_article.setdefault(c.ref.article_id, []).append(c)

    def _keys(self, term: str, noun: bool) -> frozenset[str]:
        found = self._parts.get((term, noun))
        if found is None:
            parts = {term[:PREFIX]}
            if noun:
                # Only the last part: a German compound names a kind of its last part ("Lagerhalle" is a Halle).
                for cut in range(MIN_PART, len(term)):
                    head = term[-cut:]
                    if head in self.vocab and head not in self.generic:
                        parts.add(head[:PREFIX])
            found = self._parts[(term, noun)] = frozenset(parts)
        return found

    def _matched(self, a: Candidate, b: Candidate) -> set[str]:
        """The terms of ``a`` (as prefixes) that ``b`` holds in some form."""
        keys_b = self.keys[b.ref]
        if len(self.keys[a.ref] & keys_b) < MIN_SHARED_TERMS:  # cheap exit for the many unrelated pairs
            return set()
        return {t[:PREFIX] for t in a.terms if not self._keys(t, t in a.nouns).isdisjoint(keys_b)}

    def _mass(self, terms: set[str]) -> float:
        return sum(self.idf.get(t, 0.0) for t in terms)

    def overlap(self, a: Candidate, b: Candidate) -> float:
        """How much the two sentences share, relative to the shorter one (0..1): same topic, not same claim."""
        ab, ba = self._matched(a, b), self._matched(b, a)
        if min(len(ab), len(ba)) < MIN_SHARED_TERMS:
            return 0.0
        mass_a, mass_b = self._mass(self.terms[a.ref]), self._mass(self.terms[b.ref])
        if mass_a <= 0 or mass_b <= 0:
            return 0.0
        return max(self._mass(ab) / mass_a, self._mass(ba) / mass_b)

    def similarity(self, a: Candidate, b: Candidate) -> float:
        """How much of ``a``'s content ``b`` reports (0..1), or 0 when they share too little."""
        terms_a = self.terms[a.ref]
        matched = self._matched(a, b)
        if len(matched) < MIN_SHARED_TERMS or len(matched) < MIN_SHARED_SHARE * len(terms_a):
            return 0.0
        mass_a, mass_b = self._mass(terms_a), self._mass(self.terms[b.ref])
        if mass_a <= 0 or mass_b <= 0 or self._mass(self._matched(b, a)) / mass_b < MIN_REVERSE_COVERAGE:
            return 0.0
        return self._mass(matched) / mass_a

    def support(self, chosen: Candidate, *, threshold: float = MIN_COVERAGE) -> int:
        """How many other independent sources (copies of one text count once) talk about ``chosen``'s
        content: some sentence of theirs overlaps it by ``threshold`` of the shorter one's content."""
        voices = {
            other.source
            for article_id, sentences in self.by_article.items()
            if article_id != chosen.ref.article_id
            for other in sentences
            if other.source != chosen.source and self.overlap(chosen, other) >= threshold
        }
        return len(voices)

    def supports(self, chosen: Candidate) -> list[SentenceRef]:
        """``chosen`` first, then the best-matching sentence of every other article that reports it."""
        refs = [chosen.ref]
        for article_id, sentences in self.by_article.items():
            if article_id == chosen.ref.article_id:
                continue
            best, best_sim = None, MIN_COVERAGE
            for other in sentences:
                sim = self.similarity(chosen, other)
                if sim >= best_sim:
                    best, best_sim = other, sim
            if best is not None:
                refs.append(best.ref)
        return refs
