"""Concept-coverage summarizer: an integer program picks the sentences that cover the most widely reported concepts.

After Gillick & Favre (2009): concepts are content-lemma unigrams and bigrams, each weighted by how many
outlets mention it; the program maximises the weight of covered concepts within the word budget, so two
sentences that say the same thing are never both worth their words. Solved with HiGHS (scipy ``milp``)
under a time limit and gap; a greedy pass stands in if the solver finds nothing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import lil_matrix

from presseschau.brief.align import Aligner
from presseschau.brief.candidates import Candidate
from presseschau.brief.summarize.base import fit_greedy, reading_order
from presseschau.model import SentenceRef

# A concept must be mentioned by at least this many outlets to count when a story has several outlets.
MIN_SOURCES = 2
# At most this many candidates (best first by concept weight) enter the program: keeps big stories fast.
MAX_CANDIDATES = 400
TIME_LIMIT_S = 3.0
MIP_REL_GAP = 1e-3
# Bigrams name a fact ("gepanzert zug"), unigrams only a topic; both count, bigrams more.
BIGRAM_WEIGHT = 1.0
UNIGRAM_WEIGHT = 0.5
# Sentences late in their article tend to be background; a small tie-breaker prefers early ones.
POSITION_PENALTY = 0.01
# Bonus per other outlet that reports a sentence's content: the summary should say what most outlets say.
SUPPORT_WEIGHT = 3


def concepts_of(c: Candidate) -> set[str]:
    uni = set(c.terms)
    bi = {f"{a} {b}" for a, b in zip(c.terms, c.terms[1:], strict=False)}
    return uni | bi


class IlpSummarizer:
    name = "ilp"

    def __init__(self, *, time_limit: float = TIME_LIMIT_S, min_sources: int = MIN_SOURCES) -> None:
        self.time_limit = time_limit
        self.min_sources = min_sources

    def weights(self, candidates: Sequence[Candidate]) -> dict[str, float]:
        """Weight per concept: the number of outlets that mention it (counts within one outlet if alone)."""
        sources: dict[str, set[str]] = defaultdict(set)
        counts: dict[str, int] = defaultdict(int)
        for c in candidates:
            for concept in concepts_of(c):
                sources[concept].add(c.source)
                counts[concept] += 1
        several = len({c.source for c in candidates}) >= self.min_sources
        out: dict[str, float] = {}
        for concept, srcs in sources.items():
            support = len(srcs) if several else counts[concept]
            if support < self.min_sources:
                continue
            scale = BIGRAM_WEIGHT if " " in concept else UNIGRAM_WEIGHT
            out[concept] = support * scale
        return out

    def summarize(self, candidates: Sequence[Candidate], *, words: int) -> list[SentenceRef]:
        pool = [c for c in candidates if c.eligible and c.words <= words]
        if not pool:
            return []
        weights = self.weights(candidates)
        score = {c.ref: sum(weights.get(k, 0.0) for k in concepts_of(c)) for c in pool}
        pool = sorted(pool, key=lambda c: -score[c.ref])[:MAX_CANDIDATES]
        aligner = Aligner(candidates)
        support = {c.ref: aligner.support(c) for c in pool}
        chosen = self._solve(pool, weights, support, words)
        if chosen is None:
            chosen = fit_greedy(sorted(pool, key=lambda c: -score[c.ref] / max(c.words, 1)), words)
        return reading_order(chosen)

    def _solve(
        self, pool: list[Candidate], weights: dict[str, float], support: dict[SentenceRef, int], words: int
    ) -> list[Candidate] | None:
        concept_index: dict[str, int] = {}
        for c in pool:
            for k in concepts_of(c):
                if k in weights and k not in concept_index:
                    concept_index[k] = len(concept_index)
        n_s, n_c = len(pool), len(concept_index)
        if n_c == 0:
            return None
        # Variables: sentences s_0..s_{n_s-1}, then concepts c_0..c_{n_c-1}; all binary.
        cost = np.zeros(n_s + n_c)
        for i, c in enumerate(pool):
            cost[i] = POSITION_PENALTY * c.position / max(c.doc_sentences, 1) - SUPPORT_WEIGHT * support[c.ref]
        for k, j in concept_index.items():
            cost[n_s + j] = -weights[k]
        rows = lil_matrix((1 + n_c, n_s + n_c))
        lower = np.full(1 + n_c, -np.inf)
        upper = np.zeros(1 + n_c)
        for i, c in enumerate(pool):
            rows[0, i] = c.words
        upper[0] = words
        # A concept counts only if some chosen sentence holds it: c_j - sum(s_i containing j) <= 0.
        for i, c in enumerate(pool):
            for k in concepts_of(c):
                j = concept_index.get(k)
                if j is not None:
                    rows[1 + j, i] = -1
        for j in range(n_c):
            rows[1 + j, n_s + j] = 1
        result = milp(
            cost,
            constraints=LinearConstraint(rows.tocsr(), lower, upper),
            integrality=np.ones(n_s + n_c),
            bounds=Bounds(0, 1),
            options={"time_limit": self.time_limit, "mip_rel_gap": MIP_REL_GAP},
        )
        if result.x is None:
            return None
        return [c for i, c in enumerate(pool) if result.x[i] > 0.5]
