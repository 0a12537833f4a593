"""Shared numerics of the baseline summarizers: term-sentence matrices, cosine, PageRank, redundancy-aware picking."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from presseschau.brief.candidates import Candidate

Matrix = NDArray[np.float64]

# The usual PageRank damping (Brin & Page 1998); LexRank and TextRank both use it. Erkan & Radev write
# the same walk with the jump probability d = 0.15 instead.
DAMPING = 0.85
# Power iteration stops when the L1 change of the score vector drops below this; the error shrinks by
# DAMPING per step, so ~110 steps at most, which a 300-node graph takes in about a millisecond.
TOLERANCE = 1e-8
MAX_ITERATIONS = 1000
# Skip a sentence whose term cosine to an already chosen one exceeds this: at 0.5 half or more of the
# wording is shared, which in news copy means the same fact told twice (the redundancy filter the brief asks
# for; Erkan & Radev use MEAD's cross-sentence subsumption check in the same place).
MAX_SIMILARITY = 0.5
# Scores are rounded to this many decimals before sorting, so mathematically equal scores (two copies of
# one sentence) tie exactly despite float summation order and the tie goes to the smaller ref.
SCORE_DECIMALS = 9


def term_counts(candidates: Sequence[Candidate], vocabulary: dict[str, int] | None = None) -> Matrix:
    """Sentence x term count matrix; the vocabulary (term -> column) is built from the candidates if not given."""
    if vocabulary is None:
        vocabulary = vocabulary_of(candidates)
    counts = np.zeros((len(candidates), len(vocabulary)))
    for row, c in enumerate(candidates):
        for term in c.terms:
            column = vocabulary.get(term)
            if column is not None:
                counts[row, column] += 1
    return counts


def vocabulary_of(candidates: Sequence[Candidate]) -> dict[str, int]:
    """Term -> column, in order of first appearance (stable for a given input)."""
    vocabulary: dict[str, int] = {}
    for c in candidates:
        for term in c.terms:
            vocabulary.setdefault(term, len(vocabulary))
    return vocabulary


def tfidf(counts: Matrix) -> Matrix:
    """Term counts weighted by the inverse document frequency over the rows (each sentence a document)."""
    n = counts.shape[0]
    df = (counts > 0).sum(axis=0)
    # Smoothed idf (as in scikit-learn): Erkan & Radev's log(N/df) is 0 for a term every sentence shares,
    # and in a story of two or three sentences that is most of what they share.
    idf = np.log((1.0 + n) / (1.0 + df)) + 1.0
    return np.asarray(counts * idf, dtype=np.float64)


def cosine(vectors: Matrix) -> Matrix:
    """Pairwise cosine of the rows; a row without terms has similarity 0 to everything."""
    norms = np.linalg.norm(vectors, axis=1)
    unit = vectors / np.where(norms > 0, norms, 1.0)[:, None]
    return np.asarray(unit @ unit.T, dtype=np.float64)


def pagerank(weights: Matrix, *, damping: float = DAMPING) -> Matrix:
    """Stationary distribution of the damped random walk on a weighted graph (power iteration).

    A node without out-edges jumps anywhere with equal probability, so its score is not lost.
    """
    n = weights.shape[0]
    if n == 0:
        return np.zeros(0)
    out = weights.sum(axis=1)
    transition = np.where(out[:, None] > 0, weights / np.where(out > 0, out, 1.0)[:, None], 1.0 / n)
    scores = np.full(n, 1.0 / n)
    for _ in range(MAX_ITERATIONS):
        updated = (1.0 - damping) / n + damping * (transition.T @ scores)
        done = float(np.abs(updated - scores).sum()) < TOLERANCE
        scores = updated
        if done:
            break
    return np.asarray(scores, dtype=np.float64)


def rank(candidates: Sequence[Candidate], scores: Matrix) -> list[int]:
    """Row indices by score, best first; equal scores go to the smaller ref."""
    top = float(scores.max()) if len(scores) else 0.0
    rounded = np.round(scores / top, SCORE_DECIMALS) if top > 0 else np.zeros(len(scores))
    return sorted(range(len(candidates)), key=lambda i: (-rounded[i], candidates[i].ref))


def pick_diverse(
    candidates: Sequence[Candidate],
    order: Sequence[int],
    similarity: Matrix,
    words: int,
    *,
    max_similarity: float = MAX_SIMILARITY,
) -> list[Candidate]:
    """Take candidates in ``order`` while they fit the budget, skipping any too similar to one already taken."""
    chosen: list[int] = []
    used = 0
    for i in order:
        c = candidates[i]
        if not c.eligible or used + c.words > words:
            continue
        # The margin keeps float noise from deciding a pair that sits exactly on the limit (3 of 6 terms shared).
        if chosen and float(similarity[i, chosen].max()) > max_similarity + 1e-9:
            continue
        chosen.append(i)
        used += c.words
    return [candidates[i] for i in chosen]
