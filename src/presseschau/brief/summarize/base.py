"""The summarizer contract: candidates and a word budget in, the chosen sentence refs out, in reading order."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from presseschau.brief.candidates import Candidate
from presseschau.model import SentenceRef


class Summarizer(Protocol):
    """Picks sentences: at most ``words`` words in all, only eligible candidates, in reading order."""

    name: str

    def summarize(self, candidates: Sequence[Candidate], *, words: int) -> list[SentenceRef]: ...


def reading_order(chosen: Sequence[Candidate]) -> list[SentenceRef]:
    """Earlier-in-article first (relative position), then older articles first: leads open the summary."""
    def key(c: Candidate) -> tuple[float, str, str, int]:
        return (c.position / max(c.doc_sentences, 1), c.published or "9999", c.ref.article_id, c.ref.index)

    return [c.ref for c in sorted(chosen, key=key)]


def fit_greedy(ranked: Sequence[Candidate], words: int) -> list[Candidate]:
    """Take candidates in rank order while they fit the budget, skipping exact repeats."""
    chosen: list[Candidate] = []
    used = 0
    seen: set[tuple[str, ...]] = set()
    for c in ranked:
        if not c.eligible or used + c.words > words or c.terms in seen:
            continue
        chosen.append(c)
        seen.add(c.terms)
        used += c.words
    return chosen
