"""JSON output: the digest as one document that follows ``digest.schema.json`` (see docs/JSON.md)."""

from __future__ import annotations

import json
import math
from functools import cache
from importlib import metadata, resources
from typing import Any

from presseschau.model import (
    Article,
    Briefing,
    CopyLink,
    Digest,
    Entity,
    FigureGroup,
    QuoteGroup,
    SentenceRef,
    SummaryLine,
    TimelineEvent,
)
from presseschau.render.view import Lookup, sources

SCHEMA_VERSION = "1"
"""Raised when a field is removed or changes meaning; adding an optional field keeps it."""


def render_json(digest: Digest, *, explain: bool = False, color: bool = False, width: int = 100) -> str:
    """The digest as indented UTF-8 JSON. It always holds the removal logs, so ``explain`` changes nothing."""
    del explain, color, width
    # default=str: ``extra`` comes from arbitrary sources; a date object there must not fail the whole run.
    return json.dumps(digest_to_dict(digest), ensure_ascii=False, indent=2, default=str) + "\n"


def digest_to_dict(digest: Digest) -> dict[str, Any]:
    """The plain-data form of ``digest`` that ``render_json`` serialises."""
    lookup = Lookup.of(digest)
    return {
        "schema_version": SCHEMA_VERSION,
        "generator": f"presseschau {_version()}",
        "stories": [_story(briefing) for briefing in digest.briefings],
        "articles": [_article(article, lookup) for article in digest.articles],
        "skipped": [{"path": s.path, "stage": s.stage, "reason": s.reason} for s in digest.skipped],
        "warnings": list(digest.warnings),
    }


def schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the output; a fresh copy, so callers may change it."""
    loaded: dict[str, Any] = json.loads(_schema_text())
    return loaded


@cache
def _schema_text() -> str:
    return resources.files("presseschau.render").joinpath("digest.schema.json").read_text(encoding="utf-8")


def _version() -> str:
    # Read from the installed metadata: render may import only model and errors from the package.
    try:
        return metadata.version("presseschau")
    except metadata.PackageNotFoundError:
        return "unknown"


def _story(briefing: Briefing) -> dict[str, Any]:
    story = briefing.story
    return {
        "id": story.id,
        "title": story.title,
        "articles": list(story.article_ids),
        "outlets": list(briefing.outlets),
        "summarizer": briefing.summarizer,
        "words": briefing.words,
        "summary": [_line(line) for line in briefing.summary],
        # The fact keys are always there, empty when the brief stage found nothing, so readers need no guard.
        "timeline": [_event(event) for event in briefing.timeline],
        "entities": [_entity(entity) for entity in briefing.entities],
        "quotes": [_quote(quote) for quote in briefing.quotes],
        "figures": [_figure(group) for group in briefing.figures],
        "only_in": [{"outlet": only.outlet, "refs": _refs(only.refs)} for only in briefing.only_in],
        "copies": [_copy(link) for link in briefing.copies],
        "independent_sources": briefing.independent_sources,
        "translations": [
            {"article": flag.article_id, "evidence": list(flag.evidence)} for flag in briefing.translations
        ],
    }


def _refs(refs: tuple[SentenceRef, ...]) -> list[dict[str, Any]]:
    return [{"article": ref.article_id, "sentence": ref.index} for ref in refs]


def _line(line: SummaryLine) -> dict[str, Any]:
    return {
        "text": line.text,
        "sources": list(sources(line.refs)),
        "outlets": list(line.outlets),
        "refs": _refs(line.refs),
    }


def _event(event: TimelineEvent) -> dict[str, Any]:
    return {
        "first": event.first,
        "last": event.last,
        "expression": event.expression,
        "sources": list(sources(event.refs)),
        "refs": _refs(event.refs),
        "outlets": list(event.outlets),
    }


def _entity(entity: Entity) -> dict[str, Any]:
    return {
        "name": entity.name,
        "type": entity.type,
        "variants": list(entity.variants),
        "roles": list(entity.roles),
        "mentions": [{"outlet": outlet, "count": count} for outlet, count in entity.mentions],
        "refs": _refs(entity.refs),
    }


def _quote(quote: QuoteGroup) -> dict[str, Any]:
    return {
        "speaker": quote.speaker,
        "kind": quote.kind,
        "text": quote.text,
        "agreement": quote.agreement,
        "sources": list(sources(quote.refs)),
        "refs": _refs(quote.refs),
        "outlets": list(quote.outlets),
    }


def _figure(group: FigureGroup) -> dict[str, Any]:
    return {
        "what": group.what,
        "disagree": group.disagree,
        "values": [
            {
                # NaN and infinity are not JSON; an odd number is shown as written in "text" instead.
                "value": value.value if math.isfinite(value.value) else None,
                "text": value.text,
                "outlet": value.outlet,
                "article": value.ref.article_id,
                "sentence": value.ref.index,
            }
            for value in group.values
        ],
    }


def _copy(link: CopyLink) -> dict[str, Any]:
    return {
        "article": link.article_id,
        "origin": link.origin_id,
        "similarity": link.similarity,
        "added": _refs(link.added),
        "cut": _refs(link.cut),
    }


def _article(article: Article, lookup: Lookup) -> dict[str, Any]:
    doc = lookup.docs.get(article.id)
    return {
        "id": article.id,
        "path": article.source,
        "outlet": article.outlet,
        "outlet_from": article.outlet_from,
        "title": article.title,
        "published": article.published,
        "published_from": article.published_from,
        "language": lookup.language_of(article),
        "url": article.url,
        "format": article.format,
        "encoding": article.encoding,
        "removed": [
            {"rule": r.rule, "line": r.line, "text": r.text, "reason": r.reason} for r in article.removed
        ],
        # Offsets index into "text" below; an article that was never analysed has no sentences.
        "sentences": [
            {"index": s.index, "start": s.start, "end": s.end, "kind": s.kind}
            for s in (doc.sentences if doc is not None else ())
        ],
        "warnings": list(doc.warnings) if doc is not None else [],
        "text": article.text,
        "extra": dict(article.extra),
    }
