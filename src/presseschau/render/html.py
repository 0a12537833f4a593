"""HTML output: one self-contained page whose summary citations jump to the cited sentences."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import jinja2

from presseschau.model import Article, Digest, Doc, SentenceRef, SummaryLine
from presseschau.render.view import (
    Lookup,
    all_warnings,
    citations,
    count_label,
    date_label,
    one_line,
)

TEMPLATE = "templates/report.html.j2"


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
    stories = [
        {
            "briefing": briefing,
            "count": count_label(len(briefing.story.article_ids), len(briefing.outlets)),
            "lines": [
                {"text": one_line(line.text), "links": _links(line, lookup, anchors)}
                for line in briefing.summary
            ],
            "articles": lookup.story_articles(briefing.story.article_ids),
        }
        for briefing in digest.briefings
    ]
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


def _links(line: SummaryLine, lookup: Lookup, anchors: set[str]) -> list[Link]:
    links = []
    for citation in citations(line, lookup):
        targets = []
        for ref in citation.refs:
            article = lookup.articles.get(ref.article_id)
            hint = one_line(article.title) if article is not None else ref.article_id
            targets.append(Target(anchor(ref) if anchor(ref) in anchors else None, hint))
        links.append(Link(citation.outlet, tuple(targets)))
    return links


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
    source = resources.files("presseschau.render").joinpath(TEMPLATE).read_text(encoding="utf-8")
    environment = jinja2.Environment(
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    return environment.from_string(source)
