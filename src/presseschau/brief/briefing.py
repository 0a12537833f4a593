"""Story + its Docs -> Briefing: the cited summary and the story facts (timeline, entities, quotes, figures,
what only one outlet reports, wire copies and translation flags)."""

from __future__ import annotations

from collections.abc import Sequence

from presseschau.brief.align import Aligner
from presseschau.brief.candidates import candidates
from presseschau.brief.compare import only_in
from presseschau.brief.entities import entities
from presseschau.brief.figures import figure_groups
from presseschau.brief.quotes import quote_groups
from presseschau.brief.summarize import SUMMARIZERS
from presseschau.brief.timeline import timeline
from presseschau.model import Briefing, CopyLink, Doc, Story, SummaryLine, TranslationFlag
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


def brief(
    story: Story,
    docs: Sequence[Doc],
    *,
    words: int,
    summarizer: str = "ilp",
    copies: Sequence[CopyLink] = (),
    translations: Sequence[TranslationFlag] = (),
    independent_sources: int = 0,
) -> Briefing:
    """The briefing of one story. ``docs`` are the analysed articles of the story, in any order; ``copies``
    is the story's wire-copy lineage (copies of one text count as one voice)."""
    origin = {link.article_id: link.origin_id for link in copies}
    pool = candidates(docs, origin=origin)
    by_ref = {c.ref: c for c in pool}
    outlet_of = {d.article.id: d.article.outlet for d in docs}
    aligner = Aligner(pool)
    lines = []
    for ref in build("summarizer", SUMMARIZERS, summarizer, {}).summarize(pool, words=words):
        chosen = by_ref[ref]
        refs = aligner.supports(chosen)
        outlets = tuple(dict.fromkeys(outlet_of[r.article_id] for r in refs))
        lines.append(SummaryLine(text=chosen.text, refs=tuple(refs), outlets=outlets))
    story_outlets = tuple(dict.fromkeys(outlet_of[a] for a in story.article_ids))
    return Briefing(
        story=story,
        summary=tuple(lines),
        outlets=story_outlets,
        summarizer=summarizer,
        words=words,
        timeline=timeline(docs, aligner),
        entities=entities(docs),
        quotes=quote_groups(docs, aligner),
        figures=figure_groups(docs),
        only_in=only_in(docs, aligner, copies=origin),
        copies=tuple(copies),
        independent_sources=independent_sources or len({origin.get(d.article.id, d.article.id) for d in docs}),
        translations=tuple(translations),
    )
