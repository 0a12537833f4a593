"""The `presseschau eval` commands: benchmark runs of summarizers and ROUGE scoring (CLI layer only)."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from presseschau.errors import UsageError


def run(args: argparse.Namespace) -> int:
    if args.eval_command == "summarize":
        return _summarize(args)
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
