"""Ingest: files, folders and standard input become RawArticles; every unusable input becomes a Skipped."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TextIO

from presseschau.ingest.feeds import is_feed_url, read_feed
from presseschau.ingest.files import iter_path, read_stdin
from presseschau.model import RawArticle, Skipped

__all__ = ["iter_inputs", "read_inputs"]


def read_inputs(
    paths: Sequence[str], *, max_file_bytes: int, stdin: TextIO | None = None, fetch: bool = True
) -> tuple[list[RawArticle], list[Skipped]]:
    """The articles found under ``paths`` in the order given, and the inputs that could not be used.

    - A file named explicitly is always reported on: read when its extension is .txt, .md, .html,
      .htm, .json or .jsonl (any case), read as an RSS or Atom feed when it is .rss, .atom or .xml,
      else Skipped as "unsupported file type".
    - An ``http://`` or ``https://`` argument is a feed URL, downloaded (within 10 s) only when ``fetch``
      is true; otherwise, or when it cannot be fetched, it is Skipped with the reason.
    - A folder is walked recursively in sorted path order; hidden files and folders (".git",
      ".DS_Store") are left out, and of the rest only the supported extensions are read: a folder of
      mixed files is normal, so other files are passed over quietly. A folder with no supported file
      is Skipped, and so is a supported name that is a broken link or a pipe.
    - ``-`` reads ``stdin`` (``sys.stdin`` when ``None``) once: a feed when it starts with an <rss>,
      <feed> or <rdf:RDF> element, JSON or JSON Lines when it parses as such, else plain text, with the
      source "<stdin>".

    Never raises for a bad input: a missing path, permission denied, binary data, a file over
    ``max_file_bytes``, an empty file, HTML without article text or a bad JSON item or line becomes
    ``Skipped(path, "ingest", reason)`` and the batch goes on; so does a feed entry without text and a
    document that is not a feed or too damaged to hold any entry. Text that is not UTF-8 is decoded
    (Windows-1252 for Western text, else detected) and its encoding recorded in ``RawArticle.encoding``.
    Sources are the path as given joined with the path inside the folder ("examples/foo.txt"), plus
    "#item N" for the items of a JSON list, "#line N" for JSON Lines and "#entry N" for feed entries.
    """
    raws: list[RawArticle] = []
    skipped: list[Skipped] = []
    for found, problems in iter_inputs(paths, max_file_bytes=max_file_bytes, stdin=stdin, fetch=fetch):
        raws += found
        skipped += problems
    return raws, skipped


def iter_inputs(
    paths: Sequence[str], *, max_file_bytes: int, stdin: TextIO | None = None, fetch: bool = True
) -> Iterator[tuple[list[RawArticle], list[Skipped]]]:
    """``read_inputs`` one file (feed, standard input) at a time: what each yields, in the same order."""
    for given in paths:
        if given == "-":
            yield read_stdin(stdin, max_file_bytes)
        elif is_feed_url(given):
            yield read_feed(given, fetch=fetch, max_bytes=max_file_bytes)
        else:
            yield from iter_path(given, max_file_bytes)
