"""Paraphrase alignment: for a summary sentence, the sentences of other articles that report the same content."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from presseschau.brief.candidates import Candidate
from presseschau.model import SentenceRef

# Share of the summary sentence's informative (IDF-weighted) content another sentence must contain to
# count as reporting it, and the fewest content terms they must share. Calibrated on the example
# corpus's gold facts for citation precision 100 % (tests/test_quality_gate.py).
MIN_COVERAGE = 0.5
MIN_SHARED_TERMS = 3
# The other sentence must not be mostly about something else: it too must be covered to this share.
MIN_REVERSE_COVERAGE = 0.25
# Terms match on their first characters, so compound and derivation variants meet
# ("Raketentechnik" ~ "Raketentechnologie", "nordkoreanisch" ~ "nordkoreanische").
PREFIX = 8


def _key(term: str) -> str:
    return term[:PREFIX]


class Aligner:
    """Finds, per article, the one sentence that best reports a given sentence's content, if any does."""

    def __init__(self, candidates: Sequence[Candidate]) -> None:
        self.candidates = list(candidates)
        df: Counter[str] = Counter()
        self.keys = {c.ref: {_key(t) for t in c.terms} for c in self.candidates}
        for c in self.candidates:
            df.update(self.keys[c.ref])
        n = max(len(self.candidates), 1)
        self.idf = {t: math.log((n + 1) / (f + 0.5)) for t, f in df.items()}
        self.by_article: dict[str, list[Candidate]] = {}
        for c in self.candidates:
            self.by_article.setdefault(c.ref.article_id, []).append(c)

    def _mass(self, terms: set[str]) -> float:
        return sum(self.idf.get(t, 0.0) for t in terms)

    def similarity(self, a: Candidate, b: Candidate) -> float:
        """How much of ``a``'s content ``b`` reports (0..1), or 0 when they share too little."""
        ta = self.keys.get(a.ref) or {_key(t) for t in a.terms}
        tb = self.keys.get(b.ref) or {_key(t) for t in b.terms}
        shared = ta & tb
        if len(shared) < MIN_SHARED_TERMS:
            return 0.0
        mass_a, mass_b, mass_s = self._mass(ta), self._mass(tb), self._mass(shared)
        if mass_a <= 0 or mass_b <= 0 or mass_s / mass_b < MIN_REVERSE_COVERAGE:
            return 0.0
        return mass_s / mass_a

    def support(self, chosen: Candidate) -> int:
        """How many other articles report ``chosen``'s content."""
        return len(self.supports(chosen)) - 1

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
