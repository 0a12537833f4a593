"""Summary quality and speed of every registered summarizer, and an ablation of the main (ILP) summarizer.

Dev sets: DUC 2003 task 2 (English, 30 clusters, 4 references each, scored in rouge155 mode = ROUGE-1.5.5
-m -l 100 -f A, plain mean over clusters) and our German set tests/fixtures/summaries (4 clusters,
2 references each, unicode mode with German stemming). Each document is analysed once; every variant then
summarises every cluster with a 100-word budget.
Usage: python bench/summary_ablation.py [DUC_DIR]   (default ../shared/bench/duc2003)
"""

from __future__ import annotations

import os
import platform
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from presseschau.brief.candidates import Candidate, candidates
from presseschau.brief.summarize import SUMMARIZERS
from presseschau.brief.summarize.ilp import IlpSummarizer
from presseschau.eval import rouge
from presseschau.ingest.duc import read_clusters
from presseschau.pipeline import analyse_all
from presseschau.settings import Settings

HERE = Path(__file__).resolve().parent
WORDS = 100

# name -> options of IlpSummarizer that differ from the defaults (the first row is the default).
ABLATION: dict[str, dict[str, object]] = {
    "ilp (default)": {},
    "- lead bonus": {"lead_weight": 0.0},
    "content-term bigrams instead of word bigrams": {"bigrams": "terms"},
    "concepts from >= 2 sources instead of 3": {"min_sources": 2},
    "+ unigram concepts (0.25)": {"unigram_weight": 0.25},
    "+ concept position weight (1.0)": {"concept_position": 1.0},
    "+ background frequency (wordfreq, 1.0)": {"background": 1.0},
    "+ cross-outlet support bonus (1.0)": {"support_weight": 1.0},
}


def load(root: Path, refs: Path, mode: str) -> tuple[dict[str, list[Candidate]], dict[str, list[str]], float]:
    start = time.perf_counter()
    clusters = read_clusters(root)
    articles = [a for members in clusters.values() for a in members]
    docs = {d.article.id: d for d in analyse_all(articles, Settings())}
    pools = {c: candidates([docs[a.id] for a in members]) for c, members in clusters.items()}
    references: dict[str, list[str]] = {}
    for path in sorted(refs.iterdir()):
        cluster = rouge.reference_cluster(path.name)
        if cluster:
            text = path.read_bytes().decode("latin-1" if mode == "rouge155" else "utf-8")
            references.setdefault(cluster, []).append(text)
    return pools, references, time.perf_counter() - start


def run(make: Callable[[], object], pools: dict[str, list[Candidate]], references: dict[str, list[str]],
        mode: str) -> tuple[float, float, float, float]:
    """Mean R-1, R-2, R-4 recall in percent over clusters, and seconds spent summarising."""
    totals = [0.0, 0.0, 0.0]
    seconds = 0.0
    for cluster, pool in pools.items():
        summarizer = make()
        start = time.perf_counter()
        refs = summarizer.summarize(pool, words=WORDS)  # type: ignore[attr-defined]
        seconds += time.perf_counter() - start
        by_ref = {c.ref: c for c in pool}
        text = "\n".join(by_ref[r].text for r in refs)
        scores = rouge.score(text, references[cluster], mode=mode, stem=True,
                             limit_words=100 if mode == "rouge155" else None)
        for i, key in enumerate(("rouge-1", "rouge-2", "rouge-4")):
            totals[i] += scores[key].recall
    n = len(pools)
    return 100 * totals[0] / n, 100 * totals[1] / n, 100 * totals[2] / n, seconds


def main() -> None:
    duc = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parent.parent / "shared" / "bench" / "duc2003"
    german = HERE.parent / "tests" / "fixtures" / "summaries"
    print(f"# {date.today()} {platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}")
    sets = [("DUC 2003", duc / "docs", duc / "refs", "rouge155"), ("German set", german / "docs", german / "refs",
                                                                   "unicode")]
    for label, docs, refs, mode in sets:
        pools, references, load_s = load(docs.parent, refs, mode)
        print(f"\n## {label}: {len(pools)} clusters, analysis {load_s:.1f} s ({mode} mode, recall %)\n")
        print("| summarizer | R-1 | R-2 | R-4 | summarising s |")
        print("|---|---|---|---|---|")
        for name in sorted(SUMMARIZERS):
            r1, r2, r4, s = run(SUMMARIZERS[name], pools, references, mode)
            print(f"| {name} | {r1:.2f} | {r2:.2f} | {r4:.2f} | {s:.1f} |", flush=True)
        print("\n| ILP variant | R-1 | R-2 | R-4 | summarising s |")
        print("|---|---|---|---|---|")
        for variant, options in ABLATION.items():
            r1, r2, r4, s = run(lambda options=options: IlpSummarizer(**options), pools, references, mode)
            print(f"| {variant} | {r1:.2f} | {r2:.2f} | {r4:.2f} | {s:.1f} |", flush=True)


if __name__ == "__main__":
    main()
