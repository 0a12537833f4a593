"""Concept-coverage summarizer: an integer program picks the sentences that cover the most widely reported concepts.

After Gillick & Favre (2009): concepts are content-lemma unigrams and bigrams, each weighted by how many
independent sources mention it; the program maximises the weight of covered concepts within the word
budget, so two sentences that say the same thing are never both worth their words. On top: a bonus per
independent source that reports the sentence's content (the summary says what most outlets say) and a
lead bonus (news put the essentials first). Solved with HiGHS (scipy ``milp``) under a time limit and
gap; a greedy pass stands in if the solver finds nothing.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from itertools import pairwise

from presseschau.brief.align import Aligner
from presseschau.brief.candidates import Candidate
from presseschau.brief.summarize.base import fit_greedy, reading_order
from presseschau.model import SentenceRef

# A concept must come from at least this many independent sources when a story has several, and from at
# least this share of them (DUC 2003 dev: 3 of 10 documents, R-2 7.72 -> 7.99 over 2 of 10).
MIN_SOURCES = 3
MIN_SHARE = 0.0
# At most this many candidates (best first by concept weight) enter the program: keeps big stories fast.
MAX_CANDIDATES = 100
TIME_LIMIT_S = 3.0
MIP_REL_GAP = 1e-2
# Bigrams name a fact ("gepanzert zug"), unigrams a topic; German paraphrase rarely repeats bigrams, so
# unigrams carry weight too.
BIGRAM_WEIGHT = 1.0
UNIGRAM_WEIGHT = 0.0
# Bonus per other independent source whose text overlaps the sentence by SUPPORT_OVERLAP. Off by default:
# on the example gate and the seeds it picked the same sentences as concept weights alone, and it made
# the program ~5x slower to solve (0.09 s -> 0.47 s on the seeds).
SUPPORT_WEIGHT = 0.0
SUPPORT_OVERLAP = 0.5
# Sentences late in their article tend to be background: a sentence's lead bonus falls linearly from
# LEAD_WEIGHT (first sentence) to 0 (last).
LEAD_WEIGHT = 1.0
BIGRAMS = "words"
# Extra concept weight per source for mentioning the concept early in its text (1 at the top, 0 at the end).
CONCEPT_POSITION = 0.0
# Extra weight for concepts whose rarest word is rare in general language (wordfreq background frequency).
BACKGROUND = 0.0


def concepts_of(c: Candidate, bigrams: str = "terms") -> set[str]:
    """Unigram concepts (content terms) and bigram concepts: neighbouring content terms ("terms") or
    neighbouring words without function-word pairs ("words", as Gillick & Favre)."""
    uni = set(c.terms)
    if bigrams == "words":
        return uni | set(c.bigrams)
    return uni | {f"{a} {b}" for a, b in pairwise(c.terms)}


class IlpSummarizer:
    name = "ilp"

    def __init__(
        self,
        *,
        time_limit: float = TIME_LIMIT_S,
        min_sources: int = MIN_SOURCES,
        min_share: float = MIN_SHARE,
        unigram_weight: float = UNIGRAM_WEIGHT,
        bigram_weight: float = BIGRAM_WEIGHT,
        support_weight: float = SUPPORT_WEIGHT,
        support_overlap: float = SUPPORT_OVERLAP,
        lead_weight: float = LEAD_WEIGHT,
        bigrams: str = BIGRAMS,
        concept_position: float = CONCEPT_POSITION,
        background: float = BACKGROUND,
    ) -> None:
        self.time_limit = time_limit
        self.min_sources = min_sources
        self.min_share = min_share
        self.unigram_weight = unigram_weight
        self.bigram_weight = bigram_weight
        self.support_weight = support_weight
        self.support_overlap = support_overlap
        self.lead_weight = lead_weight
        self.bigrams = bigrams
        self.concept_position = concept_position
        self.background = background

    @staticmethod
    def warm_up() -> None:
        import scipy.optimize  # noqa: F401  (imported for its side effect: ~0.3 s paid early)

    def weights(self, candidates: Sequence[Candidate]) -> dict[str, float]:
        """Weight per concept: the number of independent sources that mention it (counts if only one)."""
        sources: dict[str, set[str]] = defaultdict(set)
        counts: dict[str, int] = defaultdict(int)
        # Earliest relative position of each concept in each source: what a source says first it deems central.
        first: dict[tuple[str, str], float] = {}
        for c in candidates:
            relpos = c.position / max(c.doc_sentences, 1)
            for concept in concepts_of(c, self.bigrams):
                sources[concept].add(c.source)
                counts[concept] += 1
                key = (concept, c.source)
                first[key] = min(first.get(key, 1.0), relpos)
        n_sources = len({c.source for c in candidates})
        language = candidates[0].language if candidates else "en"
        # min_sources of them (3, as Gillick & Favre for 10-document clusters), but all-but-one of a story
        # with fewer sources (2 of 3), never fewer than 2 - and at least min_share of all sources.
        needed = max(2, min(self.min_sources, n_sources - 1), math.ceil(self.min_share * n_sources))
        out: dict[str, float] = {}
        for concept, srcs in sources.items():
            # A single source: a concept it repeats counts; several: only what several sources say.
            support = len(srcs) if n_sources > 1 else counts[concept]
            if support < needed:
                continue
            scale = self.bigram_weight if " " in concept else self.unigram_weight
            if self.background and scale > 0:
                scale *= self._rarity(concept, language)
            if scale > 0:
                early = sum(1 - first[(concept, src)] for src in srcs) if n_sources > 1 else 0.0
                out[concept] = (support + self.concept_position * early) * scale
        return out

    def _rarity(self, concept: str, language: str) -> float:
        """1 + background * how rare the concept's rarest word is in general language (wordfreq Zipf scale)."""
        from wordfreq import zipf_frequency

        zipf = min(zipf_frequency(w, language) for w in concept.split())
        return 1.0 + self.background * max(0.0, 7.0 - zipf) / 7.0

    def sentence_bonus(self, pool: Sequence[Candidate], candidates: Sequence[Candidate]) -> dict[SentenceRef, float]:
        """Per sentence: support from other sources plus the lead bonus."""
        bonus = {c.ref: self.lead_weight * (1 - c.position / max(c.doc_sentences, 1)) for c in pool}
        if self.support_weight:
            aligner = Aligner(candidates)
            for c in pool:
                bonus[c.ref] += self.support_weight * aligner.support(c, threshold=self.support_overlap)
        return bonus

    def summarize(self, candidates: Sequence[Candidate], *, words: int) -> list[SentenceRef]:
        pool = [c for c in candidates if c.eligible and c.words <= words]
        if not pool:
            return []
        weights = self.weights(candidates)
        score = {c.ref: sum(weights.get(k, 0.0) for k in concepts_of(c, self.bigrams)) for c in pool}
        pool = sorted(pool, key=lambda c: (-score[c.ref], c.ref))[:MAX_CANDIDATES]
        bonus = self.sentence_bonus(pool, candidates)
        chosen = self._solve(pool, weights, bonus, words)
        if chosen is None:
            ranked = sorted(pool, key=lambda c: (-(score[c.ref] + bonus[c.ref]) / max(c.words, 1), c.ref))
            chosen = fit_greedy(ranked, words)
        return reading_order(chosen)

    def _solve(
        self, pool: list[Candidate], weights: dict[str, float], bonus: dict[SentenceRef, float], words: int
    ) -> list[Candidate] | None:
        # Imported here: SciPy takes ~0.3 s to import, which the pipeline overlaps with the analysis workers.
        import numpy as np
        from scipy.optimize import Bounds, LinearConstraint, milp
        from scipy.sparse import lil_matrix

        # Exact reductions keep HiGHS fast: a concept only one sentence holds is that sentence's own
        # value, and concepts held by the same set of sentences act as one concept with their summed weight.
        holders: dict[str, list[int]] = defaultdict(list)
        for i, c in enumerate(pool):
            for k in concepts_of(c, self.bigrams):
                if k in weights:
                    holders[k].append(i)
        value = [bonus[c.ref] for c in pool]
        merged: dict[tuple[int, ...], float] = defaultdict(float)
        for k, members in holders.items():
            if len(members) == 1:
                value[members[0]] += weights[k]
            else:
                merged[tuple(members)] += weights[k]
        concepts = sorted(merged.items())
        n_s, n_c = len(pool), len(concepts)
        if n_c == 0 and not any(value):
            return None
        # Variables: sentences s_0..s_{n_s-1}, then concepts c_0..c_{n_c-1}; all binary; milp minimises.
        cost = np.zeros(n_s + n_c)
        cost[:n_s] = [-v for v in value]
        for j, (_members, weight) in enumerate(concepts):
            cost[n_s + j] = -weight
        # Copies of one sentence (same content terms, e.g. agency text under two mastheads): at most one.
        groups: dict[tuple[str, ...], list[int]] = defaultdict(list)
        for i, c in enumerate(pool):
            groups[c.terms].append(i)
        repeats = [members for members in groups.values() if len(members) > 1]
        n_rows = 1 + n_c + len(repeats)
        rows = lil_matrix((n_rows, n_s + n_c))
        lower = np.full(n_rows, -np.inf)
        upper = np.zeros(n_rows)
        for r, copies in enumerate(repeats, start=1 + n_c):
            for i in copies:
                rows[r, i] = 1
            upper[r] = 1
        for i, c in enumerate(pool):
            rows[0, i] = c.words
        upper[0] = words
        # A concept counts only if some chosen sentence holds it: c_j - sum(s_i holding j) <= 0.
        for j, (holding, _weight) in enumerate(concepts):
            rows[1 + j, n_s + j] = 1
            for i in holding:
                rows[1 + j, i] = -1
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
