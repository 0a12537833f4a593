"""KLSum baseline (Haghighi & Vanderwende 2009): the summary whose word distribution is closest to the story's."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from presseschau.brief.candidates import Candidate
from presseschau.brief.summarize.base import reading_order
from presseschau.brief.summarize.graph import SCORE_DECIMALS, Matrix, term_counts, vocabulary_of
from presseschau.errors import SettingsError
from presseschau.model import SentenceRef

# Additive (Lidstone) smoothing of the summary distribution, per term: without it every story term the
# summary lacks makes KL(P_story || P_summary) infinite. The paper names no value; at 0.01 a missing term
# costs far more than a repeated one is worth, while at 1.0 a near-copy of a chosen sentence got in on the
# test stories (tests/test_baselines.py).
SMOOTHING = 0.01


def kl_divergence(target: Matrix, counts: Matrix, smoothing: float) -> Matrix:
    """KL(target || smoothed counts) for each row of ``counts`` (terms in columns); target sums to 1."""
    totals = counts.sum(axis=1, keepdims=True) + smoothing * counts.shape[1]
    log_q = np.log((counts + smoothing) / totals)
    mask = target > 0
    entropy_term = float((target[mask] * np.log(target[mask])).sum())
    return np.asarray(entropy_term - log_q[:, mask] @ target[mask], dtype=np.float64)


class KLSumSummarizer:
    """Greedy KLSum: add the fitting sentence that brings the summary's unigram distribution closest to the story's.

    The story distribution counts the terms of every candidate (the paper's document-set distribution: a
    question or caption still says what the story is about); only eligible sentences can be added.
    The paper stops once no sentence lowers the divergence; here the summary fills its budget instead, so
    all baselines are compared at the same length, and because with a smoothed summary distribution that
    rule stops after one or two sentences on a small story (every added word shrinks the probability left
    for the words still missing). Repeats need no extra check: a sentence that brings no new terms rarely
    lowers the divergence as much as one that does.
    """

    name = "klsum"

    def __init__(self, *, smoothing: float = SMOOTHING) -> None:
        if smoothing <= 0:
            raise SettingsError(f"summarizer 'klsum': smoothing must be greater than 0, got {smoothing}")
        self.smoothing = smoothing

    def summarize(self, candidates: Sequence[Candidate], *, words: int) -> list[SentenceRef]:
        # Sorted by ref so that argmin's first-index rule breaks ties by ref.
        pool = sorted((c for c in candidates if c.eligible and c.words <= words), key=lambda c: c.ref)
        if not pool:
            return []
        vocabulary = vocabulary_of(candidates)
        story = term_counts(candidates, vocabulary).sum(axis=0)
        target = story / story.sum()
        counts = term_counts(pool, vocabulary)
        lengths = np.array([c.words for c in pool])
        summary = np.zeros(len(vocabulary))
        taken = np.zeros(len(pool), dtype=bool)
        used = 0
        while True:
            open_ = np.flatnonzero(~taken & (used + lengths <= words))
            if not len(open_):
                break
            divergence = np.round(kl_divergence(target, summary + counts[open_], self.smoothing), SCORE_DECIMALS)
            best = int(open_[np.argmin(divergence)])
            taken[best] = True
            used += pool[best].words
            summary = summary + counts[best]
        return reading_order([c for c, t in zip(pool, taken, strict=True) if t])
