"""Ingest at scale: throughput, peak memory, wire-copy precision/recall and story BCubed on generated corpora.

For each size N: the 10kGNAD replica of ``bench/make_corpus.py`` (made once under WORK), ingested with
``presseschau ingest`` into a fresh SQLite store as its own process; wall time, and peak memory as the largest
proportional resident memory (PSS) of that process and its workers together (sampled from /proc every 0.1 s).
Then, from the store: copy groups (articles joined by copy links) against the gold families (one source
article and all its reprints), as pairwise precision and recall over the stored articles; and the stories
against the same gold with BCubed (``presseschau eval clusters``). ``--syndication`` runs the synthetic
syndication set of ``bench/make_syndication.py`` instead (families: a report and its edited copies; other
agencies' reports of the same event are different texts).

Usage: python bench/ingest_scale.py [--sizes 10000 30000 100000] [--work /tmp/presseschau-scale]
       python bench/ingest_scale.py --syndication [--n 2000] [--seed 1]
Generated corpora are CC BY-NC-SA (10kGNAD) or synthetic; WORK must lie outside the repository.
"""

from __future__ import annotations

import argparse
import csv
import os
import subprocess
import sys
import threading
import time
from collections import Counter
from math import comb
from pathlib import Path

from presseschau.eval.clusters import evaluate_store, read_gold_labels
from presseschau.store import open_store

HERE = Path(__file__).resolve().parent
PRESSESCHAU = Path(sys.executable).with_name("presseschau")


def tree_memory(pid: int) -> int:
    """Proportional resident bytes (PSS) of ``pid`` and all its descendants (Linux /proc): forked workers share
    the parent's pages (models, dictionaries), which a sum of RSS would count once per process."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            with open(f"/proc/{current}/smaps_rollup") as fh:
                total += next(int(line.split()[1]) * 1024 for line in fh if line.startswith("Pss:"))
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as fh:
                    todo += [int(child) for child in fh.read().split()]
        except (OSError, ValueError):
            continue
    return total


def run_ingest(corpus: Path, db: Path) -> tuple[float, int, str]:
    """(wall seconds, peak memory of the process tree in bytes, the command's summary line)."""
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    command = [str(PRESSESCHAU), "ingest", str(corpus), "--db", str(db), "--quiet"]
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_memory(process.pid))
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, _ = process.communicate()
    wall = time.perf_counter() - start
    done.set()
    sampler.join()
    if process.returncode != 0:
        raise SystemExit(f"ingest failed with exit code {process.returncode}: {' '.join(command)}")
    return wall, peak, out.strip().splitlines()[-1]


def copy_scores(db: Path, gold: Path, family_column: str) -> tuple[float, float, int]:
    """Pairwise precision and recall of the store's copy groups against gold families; the number of links."""
    family_of: dict[str, str] = {}
    with gold.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            family_of[row["url"]] = row[family_column]
    with open_store(str(db)) as store:
        gold_by_id = {a.id: family_of[a.url] for a in store.articles() if a.url in family_of}
        links = store.copies()
    parent = {link.article_id: link.origin_id for link in links}

    def root(key: str) -> str:
        seen = set()
        while key in parent and key not in seen:
            seen.add(key)
            key = parent[key]
        return key

    found = {key: root(key) for key in gold_by_id}
    cells = Counter((found[key], gold_by_id[key]) for key in gold_by_id)
    together = sum(comb(n, 2) for n in cells.values())
    predicted = sum(comb(n, 2) for n in Counter(found.values()).values())
    actual = sum(comb(n, 2) for n in Counter(gold_by_id.values()).values())
    return together / predicted if predicted else 1.0, together / actual if actual else 1.0, len(links)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 30_000, 100_000])
    parser.add_argument("--work", type=Path, default=Path("/tmp/presseschau-scale"))
    parser.add_argument("--syndication", action="store_true", help="the synthetic syndication set instead")
    parser.add_argument("--n", type=int, default=2000, help="--syndication: articles in the set")
    parser.add_argument("--seed", type=int, default=1, help="seed of the generated corpus (held-out checks: 2)")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    print("| corpus | articles stored | wall s | articles/s | peak memory MB | copy links | copy P | copy R "
          "| story BCubed P | R | F1 |\n|---|---|---|---|---|---|---|---|---|---|---|")
    # (name, folder, generator, articles, gold copy family column, gold story column)
    seed = f"-seed{args.seed}" if args.seed != 1 else ""
    jobs = ([(f"syndication {args.n}{seed}", args.work / f"syn{args.n}{seed}", "make_syndication.py", args.n,
              "family", "event")]
            if args.syndication else
            [(f"10kGNAD x {n:,}{seed}", args.work / f"c{n}{seed}", "make_corpus.py", n, "source_row", "source_row")
             for n in args.sizes])
    for name, corpus, maker, n, family, event in jobs:
        if not (corpus / "ground_truth.csv").exists():
            subprocess.run([sys.executable, str(HERE / maker), str(corpus), "--n", str(n), "--seed", str(args.seed)],
                           check=True,
                           stdout=subprocess.DEVNULL)
        db = args.work / f"{corpus.name}.db"
        wall, peak, summary = run_ingest(corpus, db)
        precision, recall, links = copy_scores(db, corpus / "ground_truth.csv", family)
        with open_store(str(db)) as store:
            gold = read_gold_labels(corpus / "ground_truth.csv", label_column=event)
            scores = evaluate_store(store, gold)
        stored = int(summary.split(" added")[0].split(", ")[-1])
        print(f"| {name} | {stored:,} | {wall:.1f} | {n / wall:.0f} | {peak / 2**20:.0f} | {links:,} "
              f"| {precision:.3f} | {recall:.3f} | {scores.precision:.3f} | {scores.recall:.3f} | {scores.f1:.3f} |",
              flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
