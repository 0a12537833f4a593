"""The store commands: `presseschau ingest`, `stories` and `export` (CLI layer only)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from presseschau.errors import UsageError
from presseschau.store.base import Store


def run(args: argparse.Namespace) -> int:
    from presseschau.store import open_store

    with open_store(args.db) as store:
        if args.command == "ingest":
            return _ingest(args, store)
        if args.command == "stories":
            return _stories(args, store)
        return _export(args, store)


def _ingest(args: argparse.Namespace, store: Store) -> int:
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from presseschau import settings as settings_mod
    from presseschau.corpus import ingest

    settings = settings_mod.Settings().replace(embedder=args.embedder, workers=args.workers)
    if args.max_size is not None:
        settings = settings.replace(max_file_bytes=settings_mod.parse_size(args.max_size))
    show = not args.quiet and sys.stderr.isatty()
    # Files are read while the articles are processed: the total is not known before the end.
    columns = (TextColumn("ingest"), BarColumn(), TextColumn("{task.completed:,} articles"), TimeElapsedColumn())
    with Progress(*columns, transient=True, disable=not show) as bar:
        task = bar.add_task("ingest", total=None)

        def progress(done: int, total: int | None) -> None:
            bar.update(task, completed=done, total=total)

        report = ingest(args.paths, store, settings, stdin=sys.stdin, fetch=not args.offline,
                        progress=progress)
    for skipped in report.skipped:
        print(f"presseschau: skipped {skipped.path}: {skipped.reason}", file=sys.stderr)
    print(f"{_count(report.read, 'article')} read, {report.added} added, {report.duplicates} already in the store, "
          f"{_count(report.new_stories, 'new story', 'new stories')}, "
          f"{_count(report.copies, 'copy', 'copies')} of earlier articles, "
          f"{len(report.skipped)} skipped ({report.seconds:.1f} s)")
    return 0 if report.read or not report.skipped else 2


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else many or one + 's'}"


def _stories(args: argparse.Namespace, store: Store) -> int:
    records = store.stories(since=args.since, until=args.until, outlet=args.outlet,
                            text=args.text, limit=args.limit)
    if args.format == "json":
        rows = [{"id": r.id, "title": r.title, "articles": r.article_count,
                 "independent_sources": r.independent_sources, "outlets": list(r.outlets),
                 "first_seen": r.first_seen, "last_seen": r.last_seen} for r in records]
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return 0
    if not records:
        print("no stories (add articles with `presseschau ingest PATH`)", file=sys.stderr)
        return 0
    for r in records:
        print(f"{r.id}  {r.article_count:>4} Artikel, {r.independent_sources:>3} unabhängig  "
              f"{r.first_seen[:10]} – {r.last_seen[:10]}  {r.title}")
    return 0


def _export(args: argparse.Namespace, store: Store) -> int:
    if args.output:
        try:
            with Path(args.output).open("w", encoding="utf-8") as fh:
                count = store.export(fh)
        except OSError as exc:
            raise UsageError(f"cannot write {args.output}: {exc.strerror}; choose a writable path") from None
    else:
        count = store.export(sys.stdout)
    print(f"exported {count} articles", file=sys.stderr)
    return 0
