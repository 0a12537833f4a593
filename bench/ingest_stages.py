"""Where ingest spends its CPU: the fast path's stages per article, and the storing process per article.

Runs one process, no workers, on a corpus folder (e.g. one made by bench/make_corpus.py): CPU time per article
of cleaning, the fast-path features and the copy fingerprint (what each worker does), then of the rest of
``presseschau ingest`` (reading, the store, copy index, clusterer), which one process does for all workers.

Usage: python bench/ingest_stages.py CORPUS [--limit 3000]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import ClassVar

from presseschau import corpus
from presseschau.clean import clean
from presseschau.dedup import fingerprint
from presseschau.ingest import read_inputs
from presseschau.model import Skipped
from presseschau.nlp.fast import fast_features
from presseschau.settings import Settings
from presseschau.store import open_store


class _Precomputed:
    """An engine that hands back results computed beforehand: the storing process alone is timed."""

    results: ClassVar[list[corpus.Prepared | Skipped]] = []

    def __init__(self, **_: object) -> None:
        pass

    def map(self, _: object, items: Iterable[object], **__: object) -> Iterator[corpus.Prepared | Skipped]:
        for _item in items:  # the files are still read, as ingest reads them
            pass
        return iter(self.results)

    def close(self) -> None:
        pass


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--limit", type=int, default=3000, help="articles for the per-stage timing")
    args = parser.parse_args()
    corpus.load_models()
    raws, _ = read_inputs([str(args.corpus)], max_file_bytes=Settings().max_file_bytes)
    spent = {"clean": 0.0, "fast-path features": 0.0, "copy fingerprint": 0.0}
    sample = raws[: args.limit]
    for raw in sample:
        start = time.process_time()
        article = clean(raw)
        cleaned = time.process_time()
        spent["clean"] += cleaned - start
        if isinstance(article, Skipped):
            continue
        fast_features(article)
        featured = time.process_time()
        spent["fast-path features"] += featured - cleaned
        fingerprint(article.text)
        spent["copy fingerprint"] += time.process_time() - featured
    for stage, seconds in spent.items():
        print(f"{stage}: {seconds / len(sample) * 1e3:.2f} ms CPU per article ({len(sample)} articles)")
    raws.sort(key=corpus._raw_order)
    _Precomputed.results = [corpus.prepare(raw) for raw in raws]
    corpus.make_engine = lambda *_, **__: _Precomputed()  # type: ignore[assignment]
    with tempfile.TemporaryDirectory() as folder, open_store(str(Path(folder) / "store.db")) as store:
        start = time.process_time()
        report = corpus.ingest([str(args.corpus)], store)
        seconds = time.process_time() - start
    print(f"storing process (reading, store, copy index, clusterer): {seconds / report.read * 1e3:.2f} ms CPU "
          f"per article ({report.read} articles)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
