"""Lead baseline: the first sentences of the newest article."""

from __future__ import annotations

from collections.abc import Sequence

from presseschau.brief.candidates import Candidate
from presseschau.brief.summarize.base import fit_greedy
from presseschau.model import SentenceRef


class LeadSummarizer:
    name = "lead"

    def summarize(self, candidates: Sequence[Candidate], *, words: int) -> list[SentenceRef]:
        if not candidates:
            return []
        newest = max(candidates, key=lambda c: (c.published or "", c.ref.article_id)).ref.article_id
        lead = sorted((c for c in candidates if c.ref.article_id == newest), key=lambda c: c.ref.index)
        return [c.ref for c in fit_greedy(lead, words)]
