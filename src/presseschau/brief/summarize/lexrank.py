"""LexRank baseline (Erkan & Radev 2004): sentences ranked by centrality in their TF-IDF cosine graph."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from presseschau.brief.candidates import Candidate
from presseschau.brief.summarize.base import reading_order
from presseschau.brief.summarize.graph import (
    DAMPING,
    MAX_SIMILARITY,
    Matrix,
    cosine,
    pagerank,
    pick_diverse,
    rank,
    term_counts,
    tfidf,
)
from presseschau.model import SentenceRef

# Edges are the sentence pairs whose idf-modified cosine exceeds this; 0.1 scored best of the thresholds
# Erkan & Radev (2004) tried on DUC 2003/2004 and is their recommended setting. ``threshold=None`` gives
# continuous LexRank, where the cosines themselves are the edge weights.
THRESHOLD = 0.1


class LexRankSummarizer:
    """Thresholded LexRank over the eligible candidates, then best-first with a redundancy skip.

    Only eligible sentences are nodes: they are the ones that can be picked, and fragments, captions and
    questions would otherwise vote for their own wording. IDF comes from the same sentences (each sentence
    a document), so the graph needs nothing outside the story.
    """

    name = "lexrank"

    def __init__(
        self,
        *,
        threshold: float | None = THRESHOLD,
        damping: float = DAMPING,
        max_similarity: float = MAX_SIMILARITY,
    ) -> None:
        self.threshold = threshold
        self.damping = damping
        self.max_similarity = max_similarity

    def scores(self, pool: Sequence[Candidate]) -> Matrix:
        """LexRank centrality of each sentence of the pool (sums to 1)."""
        return self._centrality(term_counts(pool))

    def _centrality(self, counts: Matrix) -> Matrix:
        similarity = cosine(tfidf(counts))
        weights = similarity if self.threshold is None else (similarity > self.threshold).astype(np.float64)
        # No self-loops, unlike the paper: with them a sentence that shares nothing with the story keeps its
        # own share (1/N, the average) and outranks sentences at the edge of the story; without them it
        # ranks last.
        np.fill_diagonal(weights, 0.0)
        return pagerank(weights, damping=self.damping)

    def summarize(self, candidates: Sequence[Candidate], *, words: int) -> list[SentenceRef]:
        pool = [c for c in candidates if c.eligible]
        if not pool:
            return []
        counts = term_counts(pool)
        order = rank(pool, self._centrality(counts))
        return reading_order(pick_diverse(pool, order, cosine(counts), words, max_similarity=self.max_similarity))
