"""Summarizer registry: name -> class. Every entry honours the contract in ``base.Summarizer``."""

from __future__ import annotations

from presseschau.brief.summarize.base import Summarizer
from presseschau.brief.summarize.ilp import IlpSummarizer
from presseschau.brief.summarize.klsum import KLSumSummarizer
from presseschau.brief.summarize.lead import LeadSummarizer
from presseschau.brief.summarize.lexrank import LexRankSummarizer
from presseschau.brief.summarize.textrank import TextRankSummarizer

SUMMARIZERS: dict[str, type[Summarizer]] = {
    "ilp": IlpSummarizer,
    "klsum": KLSumSummarizer,
    "lead": LeadSummarizer,
    "lexrank": LexRankSummarizer,
    "textrank": TextRankSummarizer,
}

__all__ = ["SUMMARIZERS", "Summarizer"]
