"""HTML output: one self-contained page whose citations (summary and facts) jump to the cited sentences."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import jinja2

from presseschau.model import Article, Briefing, Digest, Doc, Entity, OnlyIn, SentenceRef
from presseschau.render import facts as f
from presseschau.render.view import (
    Lookup,
    all_warnings,
    cite,
    count_label,
    date_label,
    one_line,
)

TEMPLATE = "report.html.j2"


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of article text; ``anchor`` is set when the run is a sentence a citation can jump to."""

    text: str
    anchor: str | None = None


@dataclass(frozen=True, slots=True)
class Target:
    """Where a citation jumps (``None`` when the sentence is not on the page) and the cited headline."""

    anchor: str | None
    hint: str


@dataclass(frozen=True, slots=True)
class Link:
    """A cited outlet: its name links to the first target, further articles of it show as numbers."""

    outlet: str
    targets: tuple[Target, ...]


@dataclass(frozen=True, slots=True)
class Cited:
    """A sentence shown in a fact section (only-in, copy changes) and the link to it in its article."""

    text: str
    link: Link


def anchor(ref: SentenceRef) -> str:
    """The element id of a cited sentence; the summary's links point at exactly these ids."""
    return f"s-{ref.article_id}-{ref.index}"


def render_html(digest: Digest, *, explain: bool = False, color: bool = False, width: int = 100) -> str:
    """The digest as one HTML page with inline CSS and no external resource; every text is escaped."""
    del color, width
    lookup = Lookup.of(digest)
    texts = {article.id: _segments(article, lookup.docs.get(article.id)) for article in digest.articles}
    # Only sentences that are really on the page get links, so no citation jumps to nowhere.
    anchors = {seg.anchor for segments in texts.values() for seg in segments if seg.anchor}
    links = _Linker(lookup, anchors)
    stories = [_story(briefing, lookup, links) for briefing in digest.briefings]
    return _template().render(
        stories=stories,
        articles=digest.articles,
        texts=texts,
        languages={article.id: lookup.language_of(article) for article in digest.articles},
        skipped=digest.skipped,
        warnings=all_warnings(digest),
        explain=explain,
        date_label=date_label,
        one_line=one_line,
    )


class _Linker:
    """Turns refs into links, only to sentences that are on the page."""

    def __init__(self, lookup: Lookup, anchors: set[str]) -> None:
        self.lookup, self.anchors = lookup, anchors

    def target(self, ref: SentenceRef) -> Target:
        article = self.lookup.articles.get(ref.article_id)
        hint = one_line(article.title) if article is not None else ref.article_id
        return Target(anchor(ref) if anchor(ref) in self.anchors else None, hint)

    def links(self, outlets: tuple[str, ...], refs: tuple[SentenceRef, ...]) -> list[Link]:
        return [Link(c.outlet, tuple(map(self.target, c.refs))) for c in cite(outlets, refs, self.lookup)]

    def claims(self, only: OnlyIn) -> list[tuple[str, list[Link]]]:
        """Each claim only one outlet reports: its sentence and the links to it and to its copies."""
        return [
            (f.sentence_or_ref(refs[0], self.lookup), self.links((only.outlet,), refs))
            for refs in f.claims(only, self.lookup)
        ]

    def cited(self, ref: SentenceRef) -> Cited:
        return Cited(f.sentence_or_ref(ref, self.lookup), Link(self.lookup.outlet_of(ref), (self.target(ref),)))


def _story(briefing: Briefing, lookup: Lookup, links: _Linker) -> dict[str, Any]:
    """What the template shows of one briefing, with every citation resolved to a link."""
    return {
        "briefing": briefing,
        "sections": f.sections(briefing),
        "count": count_label(len(briefing.story.article_ids), len(briefing.outlets)),
        "lines": [
            {"text": one_line(line.text), "links": links.links(line.outlets, line.refs)} for line in briefing.summary
        ],
        "articles": lookup.story_articles(briefing.story.article_ids),
        "timeline": [
            {
                "when": f.when_label(event) if event.first is not None else f.UNCLEAR,
                "datetime": f.iso_range(event),
                "expression": None if event.first is not None else one_line(event.expression),
                "text": f.sentence_or_ref(event.refs[0], lookup) if event.refs else one_line(event.expression),
                "links": links.links(event.outlets, event.refs),
                "again": again,
            }
            for event, again in zip(briefing.timeline, f.repeats(briefing.timeline), strict=True)
        ],
        "entities": [
            (title, [_entity(entity, links) for entity in members])
            for title, members in f.entity_groups(briefing.entities)
        ],
        "quotes": [
            {
                "text": one_line(quote.text),
                "direct": quote.kind == "direct",
                "speaker": f.speaker_label(quote),
                "kind": f.QUOTE_KINDS.get(quote.kind, quote.kind),
                "agreement": f.agreement_label(quote),
                "links": links.links(quote.outlets, quote.refs),
            }
            for quote in briefing.quotes
        ],
        "figures": [
            {
                "what": one_line(group.what),
                "disagree": group.disagree,
                "value": f.agreed_value(group),
                "readings": [
                    (text, [Link(v.outlet, (links.target(v.ref),)) for v in values])
                    for text, values in f.readings(group)
                ],
                "links": links.links(tuple(v.outlet for v in group.values), tuple(v.ref for v in group.values)),
            }
            for group in f.figures_in_order(briefing.figures)
        ],
        "only_in": [(only.outlet, links.claims(only)) for only in briefing.only_in],
        "copies": [
            {
                "label": f.copy_label(link, lookup),
                "added": [links.cited(ref) for ref in link.added],
                "cut": [links.cited(ref) for ref in link.cut],
            }
            for link in briefing.copies
        ],
        "translations": [
            (f.translation_label(flag, lookup), [one_line(e) for e in flag.evidence]) for flag in briefing.translations
        ],
        "sources_label": f.sources_label(briefing) if f.has_copy_facts(briefing) else None,
    }


def _entity(entity: Entity, links: _Linker) -> dict[str, Any]:
    # Each outlet's count links to the first sentence where that outlet names the entity.
    counts = dict(entity.mentions)
    mentions = [
        (Link(link.outlet, link.targets[:1]), counts.get(link.outlet, len(link.targets)))
        for link in links.links(tuple(counts), entity.refs)
    ]
    return {
        "name": one_line(entity.name),
        "roles": [one_line(role) for role in entity.roles],
        "variants": [one_line(v) for v in f.other_variants(entity)],
        "mentions": mentions,
    }


def _segments(article: Article, doc: Doc | None) -> list[Segment]:
    """The article text cut at sentence offsets; text between sentences is kept as plain runs."""
    if doc is None:
        return [Segment(article.text)] if article.text else []
    text = doc.article.text
    segments: list[Segment] = []
    position = 0
    for sentence in sorted(doc.sentences, key=lambda s: s.start):
        # Overlapping or out-of-range offsets would duplicate or lose text; such a sentence is not anchored.
        if sentence.start < position or sentence.end > len(text) or sentence.end <= sentence.start:
            continue
        if sentence.start > position:
            segments.append(Segment(text[position : sentence.start]))
        ref = SentenceRef(article.id, sentence.index)
        segments.append(Segment(text[sentence.start : sentence.end], anchor(ref)))
        position = sentence.end
    if position < len(text):
        segments.append(Segment(text[position:]))
    return segments


@cache
def _template() -> jinja2.Template:
    templates = resources.files("presseschau.render").joinpath("templates")

    def load(name: str) -> str:
        return templates.joinpath(name).read_text(encoding="utf-8")

    environment = jinja2.Environment(
        loader=jinja2.FunctionLoader(load),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    return environment.get_template(TEMPLATE)
