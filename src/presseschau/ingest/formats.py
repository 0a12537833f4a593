"""Decoded file text to RawArticles, one parser per format: plain text, Markdown, HTML, JSON, JSON Lines."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from presseschau.ingest import html
from presseschau.model import RawArticle, Skipped

# File extension (lower case) -> format name stored in RawArticle.format.
FORMATS = {".txt": "txt", ".md": "md", ".html": "html", ".htm": "html", ".json": "json", ".jsonl": "jsonl"}
EXTENSIONS = "/".join(FORMATS)  # ".txt/.md/.html/.htm/.json/.jsonl" for messages

# JSON field names read into RawArticle fields, first present wins; the names exporters
# (news APIs, scrapers, feed converters) commonly use. Every other field is kept in ``extra``.
FIELDS: Mapping[str, tuple[str, ...]] = {
    "text": ("text", "body", "content"),
    "title": ("title", "headline"),
    "url": ("url", "link"),
    "outlet": ("outlet", "site_name", "sitename", "publisher"),
    "published": ("published", "date", "published_at", "pubDate"),
    "language": ("language", "lang"),
}

Parsed = tuple[list[RawArticle], list[Skipped]]


def parse(text: str, *, source: str, fmt: str, encoding: str) -> Parsed:
    """The articles in ``text`` (already decoded) read as format ``fmt``; bad parts become Skipped."""
    if fmt == "html":
        return _html(text, source, encoding)
    if fmt == "json":
        return _json(text, source, encoding)
    if fmt == "jsonl":
        return _jsonl(text, source, encoding)
    return [RawArticle(source=source, text=text, format=fmt, encoding=encoding)], []


def sniff(text: str) -> str:
    """The format of text whose name tells nothing (standard input): "json", "jsonl" or "txt"."""
    stripped = text.strip()
    if stripped[:1] in ("{", "["):
        try:
            json.loads(stripped)
            return "json"
        except ValueError:
            pass
    lines = [line.strip() for line in stripped.split("\n") if line.strip()]
    if lines and all(line.startswith("{") and line.endswith("}") for line in lines):
        return "jsonl"
    return "txt"


def _html(text: str, source: str, encoding: str) -> Parsed:
    page = html.extract(text)
    if page is None:
        reason = "no article text found in the HTML (the page may hold only navigation or need JavaScript)"
        return [], [Skipped(source, "ingest", reason)]
    extra = {k: v for k, v in (("author", page.author), ("description", page.description)) if v}
    raw = RawArticle(
        source=source, text=page.text, format="html", title=page.title, outlet=page.outlet,
        published=page.published, url=page.url, language=page.language, encoding=encoding,
        extra=extra,
    )
    return [raw], []


def _json(text: str, source: str, encoding: str) -> Parsed:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        reason = f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
        return [], [Skipped(source, "ingest", reason)]
    if isinstance(data, dict):
        wrapped = _wrapped_list(data)
        if wrapped is None:
            return _collect([_item(data, source, "json", encoding)])
        data = wrapped
    if not isinstance(data, list):
        reason = f"JSON must be an article object or a list of them, not {_kind(data)}"
        return [], [Skipped(source, "ingest", reason)]
    if not data:
        return [], [Skipped(source, "ingest", "the JSON list is empty")]
    return _collect([_item(obj, f"{source}#item {n}", "json", encoding) for n, obj in enumerate(data, 1)])


def _jsonl(text: str, source: str, encoding: str) -> Parsed:
    results: list[RawArticle | Skipped] = []
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        where = f"{source}#line {number}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            results.append(Skipped(where, "ingest", f"not valid JSON: {exc.msg} (column {exc.colno})"))
            continue
        results.append(_item(obj, where, "jsonl", encoding))
    if not results:
        return [], [Skipped(source, "ingest", "the JSON Lines file has no lines with content")]
    return _collect(results)


def _wrapped_list(data: dict[str, Any]) -> list[Any] | None:
    """The list in an ``{"articles": [...]}`` wrapper: an object without text whose one list holds objects."""
    if any(name in data for name in FIELDS["text"]):
        return None
    lists = [v for v in data.values() if isinstance(v, list) and v and all(isinstance(o, dict) for o in v)]
    return lists[0] if len(lists) == 1 else None


def _item(obj: Any, source: str, fmt: str, encoding: str) -> RawArticle | Skipped:
    """One article object; unknown fields go to ``extra``, so nothing in the input is dropped unseen."""
    if not isinstance(obj, dict):
        return Skipped(source, "ingest", f"expected an article object, found {_kind(obj)}")
    used: set[str] = set()
    values: dict[str, str | None] = {}
    for field, names in FIELDS.items():
        values[field] = None
        for name in names:
            if name in obj and _as_str(obj[name]) is not None:
                values[field] = _as_str(obj[name])
                used.add(name)
                break
    text = values["text"]
    if text is None or not text.strip():
        present = [name for name in FIELDS["text"] if name in obj]
        reason = (f"the {present[0]!r} field is empty or not text" if present
                  else f"no article text: none of the fields {', '.join(FIELDS['text'])} is present")
        return Skipped(source, "ingest", reason)
    # A plain dict, not a MappingProxyType: articles are pickled to reach worker processes.
    extra = {k: v for k, v in obj.items() if k not in used}
    return RawArticle(
        source=source, text=text.replace("\r\n", "\n").replace("\r", "\n"), format=fmt,
        title=values["title"], outlet=values["outlet"], published=values["published"], url=values["url"],
        language=values["language"], encoding=encoding, extra=extra,
    )


def _as_str(value: Any) -> str | None:
    """A field value as text: strings as they are, numbers as written, a list of strings as paragraphs,
    an object by its "name" (schema.org publishers); ``None`` when it has no usable text."""
    if isinstance(value, str):
        return value if value.strip() else None
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return "\n".join(value).strip() or None
    if isinstance(value, dict):
        return _as_str(value.get("name"))
    return None


def _kind(value: Any) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "true/false", type(None): "null"}
    return names.get(type(value), "a number")


def _collect(results: list[RawArticle | Skipped]) -> Parsed:
    raws = [r for r in results if isinstance(r, RawArticle)]
    return raws, [r for r in results if isinstance(r, Skipped)]
