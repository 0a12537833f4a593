"""Summarizer registry: name -> class. Every entry honours the contract in ``base.Summarizer``."""

from __future__ import annotations

from presseschau.brief.summarize.base import Summarizer
from presseschau.brief.summarize.ilp import IlpSummarizer
from presseschau.brief.summarize.lead import LeadSummarizer

SUMMARIZERS: dict[str, type[Summarizer]] = {
    "ilp": IlpSummarizer,
    "lead": LeadSummarizer,
}

__all__ = ["SUMMARIZERS", "Summarizer"]
