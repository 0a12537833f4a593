"""The `presseschau eval` commands: summarizer runs, ROUGE scoring and story-cluster scores (CLI layer only)."""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from presseschau.errors import NothingToScoreError, UsageError

if TYPE_CHECKING:
    from presseschau.eval.clusters import ClusterScores


def run(args: argparse.Namespace) -> int:
    if args.eval_command == "summarize":
        return _summarize(args)
    if args.eval_command == "clusters":
        return _clusters(args)
    return _rouge(args)


def _summarizer_names(values: list[str] | None) -> list[str]:
    from presseschau.brief.summarize import SUMMARIZERS
    from presseschau.errors import UnknownBackendError

    names = [n.strip() for v in (values or ["ilp"]) for n in v.split(",") if n.strip()]
    if "all" in names:
        return sorted(SUMMARIZERS)
    for name in names:
        if name not in SUMMARIZERS:
            raise UnknownBackendError("summarizer", name, SUMMARIZERS)
    return list(dict.fromkeys(names))


def _summarize(args: argparse.Namespace) -> int:
    from presseschau.pipeline import summarize_corpus
    from presseschau.settings import Settings

    names = _summarizer_names(args.summarizer)
    settings = Settings() if args.workers is None else Settings().replace(workers=args.workers)
    out = Path(args.output)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"cannot create {out}: {exc.strerror}; choose a writable folder") from None
    start = time.perf_counter()
    summaries = summarize_corpus(Path(args.duc_dir), names, words=args.words, settings=settings)
    for cluster, by_name in summaries.items():
        for name, sentences in by_name.items():
            (out / f"{cluster}.{name}").write_text("\n".join(sentences) + "\n", encoding="utf-8")
    elapsed = time.perf_counter() - start
    print(f"wrote {len(summaries)} clusters x {len(names)} summarizers ({', '.join(names)}) to {out} "
          f"in {elapsed:.1f} s", file=sys.stderr)
    return 0


def _rouge(args: argparse.Namespace) -> int:
    from presseschau.eval import rouge

    stem = args.stem or args.mode == "rouge155"
    limit = args.limit_words if args.limit_words is not None else (100 if args.mode == "rouge155" else None)
    result = rouge.evaluate(Path(args.system_dir), Path(args.refs_dir), mode=args.mode, stem=stem, limit_words=limit)
    if args.format == "json":
        sys.stdout.write(json.dumps(rouge.as_dict(result), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(rouge.as_table(result))
    return 0


def _clusters(args: argparse.Namespace) -> int:
    from presseschau.eval import clusters

    start = time.perf_counter()
    if args.labels is not None:
        if args.path is not None:
            raise UsageError("give either PATH (a DUC-style folder) or --labels GOLD (with --db STORE), not both")
        if args.window_days is not None or args.threshold is not None:
            raise UsageError("--window-days and --threshold go with PATH only: the stories of a store were formed "
                             "by `presseschau ingest`")
        result = _store_scores(args)
    elif args.path is None:
        raise UsageError("give PATH (a DUC-style folder: docs/<event>/<doc>), or --db STORE --labels GOLD.csv")
    elif args.db is not None or args.label_column is not None:
        raise UsageError("--db and --label-column go with --labels GOLD, not with PATH")
    else:
        settings: dict[str, Any] = {}
        if args.window_days is not None:
            if not args.window_days > 0:
                raise UsageError(f"--window-days must be above 0, got {args.window_days:g}")
            settings["window_days"] = args.window_days
        if args.threshold is not None:
            if not 0 <= args.threshold <= 1:
                raise UsageError(f"--threshold must be between 0 and 1, got {args.threshold:g}")
            settings["threshold"] = args.threshold
        result = clusters.evaluate_clusters(Path(args.path), **settings)
    seconds = time.perf_counter() - start
    if args.format == "json":
        fields = {**asdict(result), "seconds": round(seconds, 3)}
        if args.labels is None:
            del fields["unlabelled"], fields["gold_not_found"]
        sys.stdout.write(json.dumps(fields, indent=2) + "\n")
        return 0
    print(f"BCubed precision {result.precision:.3f}  recall {result.recall:.3f}  F1 {result.f1:.3f}   "
          f"ARI {result.ari:.3f}")
    print(f"{result.articles} articles, {result.events} events, {result.stories} stories found ({seconds:.1f} s)")
    if args.labels is not None:
        print(f"left out: {result.unlabelled} store articles without a gold label; "
              f"{result.gold_not_found} gold rows naming no article of the store")
    return 0


def _store_scores(args: argparse.Namespace) -> ClusterScores:
    from presseschau.eval.clusters import evaluate_store, read_gold_labels
    from presseschau.store import default_location, open_store

    gold = read_gold_labels(Path(args.labels), label_column=args.label_column)
    db = args.db if args.db is not None else str(default_location())
    if "://" not in db and not Path(db).expanduser().exists():  # opening would create an empty store
        raise NothingToScoreError(f"no store {db}; fill it first with `presseschau ingest PATH --db {db}`")
    with open_store(db) as store:
        return evaluate_store(store, gold)
