"""The ingest copy index against datasketch's MinHashLSH: time per query + insert, memory per indexed article.

Both index the same N random 128-permutation signatures (query, then insert, as ingest does) at the same
banding (64 bands of 2 rows, what MinHashLSH picks for threshold 0.125). Time without tracing, memory as the
traced allocations after the inserts (tracemalloc), in separate passes.

Usage: python bench/copy_index.py [--n 20000]
"""

from __future__ import annotations

import argparse
import time
import tracemalloc
from collections.abc import Callable

import numpy as np
from datasketch import LeanMinHash, MinHashLSH

from presseschau.dedup import CopyIndex, Fingerprint
from presseschau.dedup.index import BAND_ROWS, BANDS


def ours(signatures: list[bytes]) -> Callable[[], object]:
    def run() -> object:
        index = CopyIndex(window_days=10_000)
        for i, signature in enumerate(signatures):
            index.add(f"a{i:011d}", Fingerprint(signature, b"\0\0\0\0"), "2025-03-01")
        return index
    return run


def datasketch(signatures: list[bytes]) -> Callable[[], object]:
    hashes = [LeanMinHash(seed=1, hashvalues=np.frombuffer(s, dtype=np.uint32), scheme="affine32")
              for s in signatures]

    def run() -> object:
        lsh = MinHashLSH(threshold=0.125, num_perm=128)
        assert (lsh.b, lsh.r) == (BANDS, BAND_ROWS)
        for i, minhash in enumerate(hashes):
            lsh.query(minhash)
            lsh.insert(f"a{i:011d}", minhash)
        return lsh
    return run


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=20_000)
    args = parser.parse_args()
    rng = np.random.default_rng(1)
    signatures = [rng.integers(0, 2**32 - 1, 128, dtype=np.uint32).tobytes() for _ in range(args.n)]
    for name, make in (("CopyIndex", ours), ("datasketch MinHashLSH", datasketch)):
        run = make(signatures)
        start = time.perf_counter()
        run()
        seconds = time.perf_counter() - start
        tracemalloc.start()
        run_again = make(signatures)
        before = tracemalloc.get_traced_memory()[0]
        kept = run_again()
        after = tracemalloc.get_traced_memory()[0]
        del kept
        tracemalloc.stop()
        print(f"{name}: {seconds / args.n * 1e3:.3f} ms per query + insert, "
              f"{(after - before) / args.n / 1024:.1f} KiB per article ({args.n} articles)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
