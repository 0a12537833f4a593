"""JSON output: the digest as one document that follows ``digest.schema.json`` (see docs/JSON.md)."""

from __future__ import annotations

import json
from functools import cache
from importlib import metadata, resources
from typing import Any

from presseschau.model import Article, Briefing, Digest, SummaryLine
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
    }


def _line(line: SummaryLine) -> dict[str, Any]:
    return {
        "text": line.text,
        "sources": list(sources(line)),
        "outlets": list(line.outlets),
        "refs": [{"article": ref.article_id, "sentence": ref.index} for ref in line.refs],
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
