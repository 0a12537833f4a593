"""Story + its Docs -> Briefing: the summary, each line cited with every outlet that reports it."""

from __future__ import annotations

from collections.abc import Sequence

from presseschau.brief.align import Aligner
from presseschau.brief.candidates import candidates
from presseschau.brief.summarize import SUMMARIZERS
from presseschau.model import Briefing, Doc, Story, SummaryLine
from presseschau.registry import build


def warm_up(summarizer: str) -> None:
    """Load what the summarizer needs ahead of time (the pipeline calls this while workers analyse)."""
    hook = getattr(SUMMARIZERS.get(summarizer), "warm_up", None)
    if hook is not None:
        hook()


def summary_texts(docs: Sequence[Doc], *, words: int, summarizer: str) -> list[str]:
    """The summary of ``docs`` as plain sentences (for benchmarks: no story, no citations)."""
    pool = candidates(docs)
    by_ref = {c.ref: c for c in pool}
    chosen = build("summarizer", SUMMARIZERS, summarizer, {}).summarize(pool, words=words)
    return [by_ref[ref].text for ref in chosen]


def brief(story: Story, docs: Sequence[Doc], *, words: int, summarizer: str = "ilp") -> Briefing:
    """The briefing of one story. ``docs`` are the analysed articles of the story, in any order."""
    pool = candidates(docs)
    by_ref = {c.ref: c for c in pool}
    outlet_of = {d.article.id: d.article.outlet for d in docs}
    aligner = Aligner([c for c in pool if c.ref.article_id in outlet_of])
    lines = []
    for ref in build("summarizer", SUMMARIZERS, summarizer, {}).summarize(pool, words=words):
        chosen = by_ref[ref]
        refs = aligner.supports(chosen)
        outlets = tuple(dict.fromkeys(outlet_of[r.article_id] for r in refs))
        lines.append(SummaryLine(text=chosen.text, refs=tuple(refs), outlets=outlets))
    story_outlets = tuple(dict.fromkeys(outlet_of[a] for a in story.article_ids))
    return Briefing(story=story, summary=tuple(lines), outlets=story_outlets, summarizer=summarizer,
                    words=words)
