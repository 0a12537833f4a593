"""Paths to decoded text: folder walking, size limits, permissions, standard input; each problem a Skipped."""

from __future__ import annotations

import math
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from presseschau.ingest.encoding import NotTextError, as_text, decode
from presseschau.ingest.feeds import FEED_EXTENSIONS, looks_like_feed, parse_feed
from presseschau.ingest.formats import EXTENSIONS, FORMATS, Parsed, parse, sniff
from presseschau.model import Skipped

STDIN_SOURCE = "<stdin>"
_MB = 1024 * 1024
_FEED = "feed"  # the format of files read by feedparser rather than decoded here
_READABLE = {**FORMATS, **dict.fromkeys(FEED_EXTENSIONS, _FEED)}
_KINDS = f"{EXTENSIONS} files or {'/'.join(FEED_EXTENSIONS)} feeds"  # for messages


def iter_path(given: str, max_file_bytes: int) -> Iterator[Parsed]:
    """Every article under ``given``, one file at a time (a large folder is never held in memory at once): a
    file given by name (always reported on) or a folder (walked)."""
    if not given.strip():  # Path("") would be the current folder: never what was meant
        yield _skip(given, "empty path")
        return
    path = Path(given)
    try:
        if path.is_dir():
            yield from _iter_folder(given, path, max_file_bytes)
            return
        if not path.exists() and not path.is_symlink():
            yield _skip(given, "no such file or folder")
            return
    except OSError as exc:
        yield _skip(given, _os_reason(exc))
        return
    yield _read_named_file(given, path, max_file_bytes)


def read_stdin(stdin: TextIO | None, max_file_bytes: int) -> Parsed:
    """The article(s) on standard input: a feed, JSON, JSON Lines or plain text, told apart by content."""
    stream = stdin if stdin is not None else sys.stdin
    if stream is None:
        return _skip(STDIN_SOURCE, "no standard input is available")
    buffer = getattr(stream, "buffer", None)
    try:
        if buffer is not None:  # bytes let us detect the encoding as for files
            data = buffer.read(max_file_bytes + 1)
            if len(data) > max_file_bytes:
                return _skip(STDIN_SOURCE, _too_large("input", None, max_file_bytes))
            if looks_like_feed(data):
                return parse_feed(data, source=STDIN_SOURCE)
            text, encoding = decode(data)
        else:
            raw_text = stream.read(max_file_bytes + 1)
            if len(raw_text.encode("utf-8")) > max_file_bytes:
                return _skip(STDIN_SOURCE, _too_large("input", None, max_file_bytes))
            if looks_like_feed(raw_text[:2048].encode("utf-8", "replace")):
                # Already text: its charset wins over the document's XML declaration.
                return parse_feed(raw_text.encode("utf-8"), source=STDIN_SOURCE,
                                  content_type="application/xml; charset=utf-8")
            text, encoding = as_text(raw_text), getattr(stream, "encoding", None) or "utf-8"
    except NotTextError as exc:
        return _skip(STDIN_SOURCE, str(exc))
    except (OSError, UnicodeDecodeError) as exc:
        return _skip(STDIN_SOURCE, f"cannot read standard input: {exc}")
    if not text.strip():
        return _skip(STDIN_SOURCE, "no input on standard input")
    return parse(text, source=STDIN_SOURCE, fmt=sniff(text), encoding=encoding)


def _read_named_file(given: str, path: Path, max_file_bytes: int) -> Parsed:
    suffix = path.suffix.lower()
    if suffix not in _READABLE:
        kind = f"file type {suffix!r}" if suffix else "a file without an extension"
        return _skip(given, f"unsupported {kind}; Presseschau reads {_KINDS}")
    return _read_file(given, path, _READABLE[suffix], max_file_bytes)


def _iter_folder(given: str, folder: Path, max_file_bytes: int) -> Iterator[Parsed]:
    """Supported files anywhere below ``folder`` in sorted order; hidden files and folders are left out."""
    found: list[tuple[tuple[str, ...], Path]] = []
    others: list[str] = []
    errors: list[OSError] = []
    for root, dirs, files in os.walk(folder, onerror=errors.append):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            if name.startswith("."):
                continue
            file = Path(root, name)
            if file.suffix.lower() in _READABLE:
                found.append((file.relative_to(folder).parts, file))
            else:
                others.append(name)
    skipped = [Skipped(_source(given, folder, Path(str(e.filename))), "ingest",
                       f"cannot read folder: {_os_reason(e)}") for e in errors]
    if not found and not errors:
        hint = f" (it has {len(others)} other file(s), e.g. {sorted(others)[0]})" if others else ""
        skipped.append(Skipped(given, "ingest", f"folder contains no {_KINDS}{hint}"))
    if skipped:
        yield [], skipped
    for parts, file in sorted(found):
        yield _read_file(os.path.join(given, *parts), file, _READABLE[file.suffix.lower()], max_file_bytes)


def _read_file(source: str, path: Path, fmt: str, max_file_bytes: int) -> Parsed:
    try:
        if path.is_symlink() and not path.exists():
            return _skip(source, f"broken link: it points to {os.readlink(path)}, which does not exist")
        if not path.is_file():  # opening a pipe or device would block or never end
            return _skip(source, "not a regular file (a device, socket or pipe); use - for piped input")
        size = path.stat().st_size
        if size > max_file_bytes:
            return _skip(source, _too_large("file", size, max_file_bytes))
        with path.open("rb") as handle:
            data = handle.read(max_file_bytes + 1)
    except OSError as exc:
        return _skip(source, _os_reason(exc))
    if len(data) > max_file_bytes:  # the file grew between stat and read
        return _skip(source, _too_large("file", len(data), max_file_bytes))
    if not data:
        return _skip(source, "empty file")
    if fmt == _FEED:  # XML declares its own encoding, which feedparser honours
        return parse_feed(data, source=source)
    try:
        text, encoding = decode(data)
    except NotTextError as exc:
        return _skip(source, str(exc))
    if not text.strip():
        return _skip(source, "file contains only whitespace")
    return parse(text, source=source, fmt=fmt, encoding=encoding)


def _too_large(what: str, size: int | None, limit: int) -> str:
    actual = f" is {_human(size)}," if size is not None else " is"
    # Suggest a limit that fits this input, in whole megabytes as --max-size reads them.
    suggestion = f"{max(math.ceil((size or limit + 1) / _MB), math.ceil(limit / _MB) + 1)}MB"
    return (f"{what}{actual} over the size limit of {_human(limit)}; "
            f"raise the limit with --max-size (e.g. --max-size {suggestion})")


def _human(size: int) -> str:
    if size >= _MB:
        return f"{size / _MB:.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.1f} kB"
    return f"{size} bytes"


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "cannot read: permission denied"
    if isinstance(exc, IsADirectoryError):
        return "cannot read: it is a folder, not a file"
    if isinstance(exc, FileNotFoundError):
        return "no such file or folder"
    return f"cannot read: {exc.strerror or exc}"


def _source(given: str, folder: Path, path: Path) -> str:
    try:
        return os.path.join(given, *path.relative_to(folder).parts)
    except ValueError:
        return str(path)


def _skip(source: str, reason: str) -> Parsed:
    return [], [Skipped(source, "ingest", reason)]
