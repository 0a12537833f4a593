"""RSS and Atom feeds, from a file or a URL, to RawArticles: the one adapter around feedparser."""

from __future__ import annotations

import html as html_entities
import http.client
import re
import threading
import urllib.error
import urllib.request
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any, NamedTuple

from presseschau.ingest import html
from presseschau.ingest.encoding import NotTextError, as_text
from presseschau.model import RawArticle, Skipped

Parsed = tuple[list[RawArticle], list[Skipped]]

# File extensions read as feeds; any other file given to read_feed is still tried.
FEED_EXTENSIONS = (".rss", ".atom", ".xml")

# Wall-clock budget for fetching one feed URL (connect, request, download). 10 s: a news feed of a few
# hundred kB arrives in well under a second on a working connection; offline, giving up fast matters more.
FETCH_TIMEOUT_SECONDS = 10.0

_URL_SCHEMES = ("http://", "https://")
_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
_TAG = re.compile(r"<[A-Za-z/!][^>]*>")
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?=$|[-_])")
# A feed's root element among the first bytes (after an XML declaration, comments or a stylesheet line).
_FEED_ROOT = re.compile(rb"<(?:[A-Za-z]+:)?(?:rss|feed|RDF)\b")
_SNIFF_BYTES = 2048
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def is_feed_url(given: str) -> bool:
    """Whether an input argument is a web address (read as a feed), not a path."""
    return given[:8].lower().startswith(_URL_SCHEMES)


def looks_like_feed(data: bytes) -> bool:
    """Whether bytes of unknown format (standard input) start like an RSS, RDF or Atom document."""
    head = data[:_SNIFF_BYTES].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"<") and _FEED_ROOT.search(head) is not None


def read_feed(source: str, *, fetch: bool = True, max_bytes: int) -> Parsed:
    """The entries of the feed at ``source`` (a file path or an http(s) URL) as RawArticles.

    A URL is downloaded only when ``fetch`` is true, within ``FETCH_TIMEOUT_SECONDS`` in all; a URL
    that cannot be fetched, a file that cannot be read, a feed over ``max_bytes``, a document that is
    not a feed and a feed too damaged to hold any entry each become one ``Skipped(source, "ingest",
    reason)``; an entry without text becomes ``Skipped("<source>#entry N", ...)``. Never raises.
    """
    if is_feed_url(source):
        if not fetch:
            return _skip(source, "fetching feeds from the web is turned off; download the feed and pass the file")
        return _fetch(source, max_bytes)
    return _read_local(source, max_bytes)


def parse_feed(data: bytes, *, source: str, feed_url: str | None = None, content_type: str | None = None) -> Parsed:
    """The entries of a feed document given as bytes (feedparser reads the declared encoding itself).

    ``content_type`` is the HTTP Content-Type the document came with (its charset wins over the XML
    declaration, as RFC 3023 says); ``feed_url`` is where it was fetched from, kept in ``extra``.
    """
    import feedparser  # only runs that read feeds pay for loading it

    headers = {"content-type": content_type} if content_type else {}
    if feed_url:
        headers["content-location"] = feed_url  # the base for relative links in the entries
    # Bytes, never a str: given a str, feedparser would treat it as a URL or file name and open it.
    parsed = feedparser.parse(bytes(data), response_headers=headers, sanitize_html=True, resolve_relative_uris=True)
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    # feedparser's notices about charset or content-type mismatches do not mean the feed is damaged.
    benign = isinstance(problem, feedparser.ThingsNobodyCaresAboutButMe)
    damage = problem if problem is not None and not benign else None
    entries = parsed.get("entries") or []
    if not entries:
        if damage is not None:
            return _skip(source, f"not a readable feed: {_describe(damage)}")
        if not parsed.get("version"):
            return _skip(source, "not an RSS or Atom feed (no <rss>, <feed> or <rdf:RDF> document found)")
        return _skip(source, "the feed has no entries")
    feed = parsed.get("feed") or {}
    context = _FeedContext(
        title=_plain(feed.get("title")), language=_language(feed.get("language")),
        url=feed_url or _self_link(feed), encoding=str(parsed.get("encoding") or "utf-8"),
    )
    raws: list[RawArticle] = []
    skipped: list[Skipped] = []
    for number, entry in enumerate(entries, 1):
        item = _entry(entry, f"{source}#entry {number}", context)
        if isinstance(item, RawArticle):
            raws.append(item)
        else:
            skipped.append(item)
    if damage is not None:  # a truncated download: the entries before the damage are read, the rest lost
        skipped.append(Skipped(source, "ingest", f"the feed is damaged ({_describe(damage)}); "
                                                 f"{len(entries)} entries were found before the damage"))
    return raws, skipped


class _FeedContext(NamedTuple):
    """What every entry of one feed shares."""

    title: str | None
    language: str | None
    url: str | None
    encoding: str


def _entry(entry: Any, source: str, feed: _FeedContext) -> RawArticle | Skipped:
    text, language = _entry_text(entry)
    if text is None:
        return Skipped(source, "ingest", "the entry has no text (no content or summary with article text)")
    try:
        text = as_text(text).strip()
    except NotTextError as exc:
        return Skipped(source, "ingest", str(exc))
    source_info = entry.get("source") or {}
    outlet = _plain(source_info.get("title")) or _plain(entry.get("publisher")) or feed.title
    extra = {key: value for key, value in (
        ("id", entry.get("id")), ("feed_url", feed.url), ("feed", feed.title if outlet != feed.title else None),
        ("author", _plain(entry.get("author"))),
    ) if value}
    return RawArticle(
        source=source, text=text, format="feed", title=_title(entry), outlet=outlet,
        published=_published(entry), url=entry.get("link") or None, language=language or feed.language,
        encoding=feed.encoding, extra=extra,
    )


def _entry_text(entry: Any) -> tuple[str | None, str | None]:
    """The entry's text and language: its longest content block, else the summary; HTML made plain."""
    blocks = sorted(entry.get("content") or [], key=lambda block: len(block.get("value") or ""), reverse=True)
    summary = entry.get("summary_detail") or (
        {"value": entry.get("summary"), "type": "text/html"} if entry.get("summary") else None)
    for block in [*blocks, *([summary] if summary else [])]:
        value = block.get("value") or ""
        text: str | None = value
        if "html" in (block.get("type") or ""):  # text/html and application/xhtml+xml
            text = _html_text(value) if _TAG.search(value) else html_entities.unescape(value)
        if text and text.strip():
            return text, _language(block.get("language"))
    return None, None


def _html_text(fragment: str) -> str | None:
    # trafilatura looks for an article in a whole page and drops a bare inline fragment: give it one.
    page = html.extract(f"<html><body><article>{fragment}</article></body></html>")
    return page.text if page is not None else None


def _title(entry: Any) -> str | None:
    detail = entry.get("title_detail") or {}
    title = entry.get("title")
    if title and "html" in (detail.get("type") or ""):
        title = html_entities.unescape(_TAG.sub("", title))
    return _plain(title)


def _published(entry: Any) -> str | None:
    """ISO 8601 with the feed's own UTC offset when it can be read, else UTC, else the date as written."""
    for key in ("published", "updated", "created"):
        value = str(entry.get(key) or "").strip()
        if not value:
            continue
        if _ISO_DAY.fullmatch(value):  # a day stays a day: midnight would be a time nobody stated
            return value
        for parse in (parsedate_to_datetime, datetime.fromisoformat):
            try:
                return parse(value).isoformat()
            except (TypeError, ValueError, IndexError):
                pass
        moment = entry.get(f"{key}_parsed")  # feedparser reads many more forms, but only as UTC
        if moment:
            year, month, day, hour, minute, second = moment[:6]
            return datetime(year, month, day, hour, minute, second, tzinfo=UTC).isoformat()
        return value  # clean records a date it cannot read as "published_unparsed"
    return None


def _language(value: Any) -> str | None:
    match = _LANGUAGE.match(str(value or "").strip())
    return match.group(0).lower() if match else None


def _plain(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _self_link(feed: Any) -> str | None:
    links = [link.get("href") for link in feed.get("links") or [] if link.get("rel") == "self"]
    return links[0] if links and links[0] else None


def _describe(problem: BaseException) -> str:
    line = getattr(problem, "getLineNumber", None)
    message = problem.getMessage() if hasattr(problem, "getMessage") else str(problem)
    return f"{message} at line {line()}" if callable(line) else str(message)


def _read_local(source: str, max_bytes: int) -> Parsed:
    path = Path(source)
    try:
        if not path.exists():
            return _skip(source, "no such file or folder")
        if not path.is_file():  # a folder, pipe or device: reading it would fail or never end
            return _skip(source, "not a regular file; a feed must be a file or an http(s) URL")
        size = path.stat().st_size
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        return _skip(source, f"cannot read: {exc.strerror or exc}")
    if len(data) > max_bytes:
        return _skip(source, _too_large(max(size, len(data)), max_bytes))
    if not data.strip():
        return _skip(source, "empty file")
    return parse_feed(data, source=source)


def _fetch(url: str, max_bytes: int) -> Parsed:
    """The feed at ``url``, downloaded in a helper thread so that no server or resolver can stall the run."""
    outcome: list[tuple[bytes, str | None] | str] = []
    worker = threading.Thread(target=lambda: outcome.append(_download(url, max_bytes)), daemon=True)
    worker.start()
    # The socket timeout ends the thread too; the join bounds name resolution, which has no timeout.
    worker.join(FETCH_TIMEOUT_SECONDS)
    if not outcome:
        return _skip(url, f"no answer from the server within {FETCH_TIMEOUT_SECONDS:g} s; "
                          "Presseschau runs offline: download the feed and pass the file")
    result = outcome[0]
    if isinstance(result, str):
        return _skip(url, result)
    data, content_type = result
    return parse_feed(data, source=url, feed_url=url, content_type=content_type)


def _download(url: str, max_bytes: int) -> tuple[bytes, str | None] | str:
    """The body and Content-Type of ``url``, or the reason it could not be fetched."""
    request = urllib.request.Request(url, headers={"User-Agent": "presseschau feed reader", "Accept": _ACCEPT})
    offline = "; Presseschau runs offline: download the feed and pass the file"
    try:
        with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT_SECONDS) as response:
            data = response.read(max_bytes + 1)
            content_type = response.headers.get("Content-Type")
    except urllib.error.HTTPError as exc:
        return f"cannot fetch the feed: the server answered HTTP {exc.code} {exc.reason}"
    except urllib.error.URLError as exc:
        reason = exc.reason.strerror if isinstance(exc.reason, OSError) and exc.reason.strerror else exc.reason
        return f"cannot fetch the feed: {reason}{offline}"
    except TimeoutError:
        return f"cannot fetch the feed: no answer within {FETCH_TIMEOUT_SECONDS:g} s{offline}"
    except (OSError, ValueError, http.client.HTTPException) as exc:  # a dropped connection, a malformed URL
        return f"cannot fetch the feed: {exc}{offline}"
    if len(data) > max_bytes:
        return _too_large(len(data), max_bytes)
    if not data.strip():
        return "the server sent an empty document"
    return data, content_type


def _too_large(size: int, limit: int) -> str:
    megabytes = -(-max(size, limit + 1) // (1024 * 1024))
    return (f"the feed is over the size limit of {limit / (1024 * 1024):.1f} MB; "
            f"raise the limit with --max-size (e.g. --max-size {megabytes}MB)")


def _skip(source: str, reason: str) -> Parsed:
    return [], [Skipped(source, "ingest", reason)]
