"""TextRank baseline (Mihalcea & Tarau 2004): sentences ranked by weighted PageRank over shared-term overlap."""

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
)
from presseschau.model import SentenceRef


def overlap_similarity(counts: Matrix) -> Matrix:
    """Mihalcea & Tarau's similarity on term sets: |S1 & S2| / (log|S1| + log|S2|), no self-loops."""
    present = (counts > 0).astype(np.float64)
    shared = present @ present.T
    logs = np.log(np.maximum(present.sum(axis=1), 1.0))
    norm = logs[:, None] + logs[None, :]
    # Two one-term sets make the denominator 0; their overlap (0 or 1) stands as is, as in sumy's TextRank.
    similarity = np.where(norm > 0, shared / np.where(norm > 0, norm, 1.0), shared)
    np.fill_diagonal(similarity, 0.0)
    return np.asarray(similarity, dtype=np.float64)


class TextRankSummarizer:
    """Sentence TextRank over the eligible candidates, then best-first with a redundancy skip.

    Only eligible sentences are nodes, as in ``LexRankSummarizer``: the graph ranks what can be picked.
    """

    name = "textrank"

    def __init__(self, *, damping: float = DAMPING, max_similarity: float = MAX_SIMILARITY) -> None:
        self.damping = damping
        self.max_similarity = max_similarity

    def scores(self, pool: Sequence[Candidate]) -> Matrix:
        """TextRank score of each sentence of the pool, normalised to sum to 1.

        The paper's WS = (1 - d) + d * sum(...) is the same walk scaled by the number of sentences; a sentence
        that shares no term with any other spreads its score evenly instead of losing it.
        """
        return self._centrality(term_counts(pool))

    def _centrality(self, counts: Matrix) -> Matrix:
        return pagerank(overlap_similarity(counts), damping=self.damping)

    def summarize(self, candidates: Sequence[Candidate], *, words: int) -> list[SentenceRef]:
        pool = [c for c in candidates if c.eligible]
        if not pool:
            return []
        counts = term_counts(pool)
        order = rank(pool, self._centrality(counts))
        return reading_order(pick_diverse(pool, order, cosine(counts), words, max_similarity=self.max_similarity))
