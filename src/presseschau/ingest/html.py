"""HTML pages to article text and metadata: the one adapter around trafilatura (offline, no downloads)."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Fewer words than this is navigation or a cookie notice that trafilatura kept, not an article.
HTML_MIN_WORDS = 5

# htmldate's extensive search guesses dates from free text and URLs; we want only declared dates.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}

_HTML_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Page:
    """What trafilatura found in one page; fields are ``None`` when the page does not declare them."""

    text: str
    title: str | None
    published: str | None
    outlet: str | None
    url: str | None
    language: str | None
    author: str | None
    description: str | None


def extract(html: str) -> Page | None:
    """The main text and metadata of a page, or ``None`` when it holds no article text."""
    # Imported here: trafilatura and lxml take a noticeable time to load and many runs read no HTML.
    import trafilatura

    doc = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, date_extraction_params=_DATE_PARAMS
    )
    if doc is None or isinstance(doc, dict):
        return None
    text = (doc.text or "").strip()
    if len(text.split()) < HTML_MIN_WORDS:
        return None
    lang = _HTML_LANG.search(html[:20_000])
    return Page(
        text=text,
        title=_or_none(doc.title),
        published=_or_none(doc.date),
        outlet=_or_none(doc.sitename) or _or_none(doc.hostname),
        url=_or_none(doc.url),
        language=lang.group(1).lower() if lang else None,
        author=_or_none(doc.author),
        description=_or_none(doc.description),
    )


def _or_none(value: str | None) -> str | None:
    return value.strip() or None if value else None
