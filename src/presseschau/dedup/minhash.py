"""MinHash signatures and LSH candidate pairs: the one adapter to datasketch."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from datasketch import MinHash

# datasketch is imported on first use: its LSH module pulls in scipy.integrate (~0.3 s), which a digest of a
# handful of articles never needs.

# 128 permutations: the standard error of a Jaccard estimate is about 1/sqrt(128) = 0.09, fine for
# finding candidates (every candidate is verified exactly); a signature is 512 bytes per article in a store.
NUM_PERM = 128


def signature(shingles: Iterable[str], *, num_perm: int = NUM_PERM, seed: int = 1) -> MinHash:
    """The MinHash signature of a set of shingles. datasketch hashes with SHA-1 and a seeded generator,
    so the same shingles and seed give the same signature in every process and run."""
    from datasketch import MinHash

    minhash = MinHash(num_perm=num_perm, seed=seed)
    minhash.update_batch([s.encode("utf-8") for s in sorted(set(shingles))])
    return minhash


def signature_of_hashes(hashes: Iterable[int], *, num_perm: int = NUM_PERM, seed: int = 1) -> MinHash:
    """The MinHash signature of shingles given as 32-bit hashes (the ingest path hashes each shingle once, with
    CRC-32, for both this and the exact Jaccard check; SHA-1 per shingle cost ~0.6 ms of its ~1.5 ms)."""
    from datasketch import MinHash

    permutations, scheme = _permutations(num_perm, seed)
    minhash = MinHash(num_perm=num_perm, seed=seed, hashfunc=_identity, permutations=permutations, scheme=scheme)
    minhash.update_batch(list(hashes))
    return minhash


def _identity(value: int) -> int:
    return value


@lru_cache(maxsize=4)
def _permutations(num_perm: int, seed: int) -> Any:
    """datasketch draws the permutations from the seed on every MinHash (~0.5 ms); they are the same each time."""
    from datasketch import MinHash

    template = MinHash(num_perm=num_perm, seed=seed)
    return template.permutations, template.scheme


def candidates(signatures: Mapping[str, MinHash], *, threshold: float = 0.5) -> set[tuple[str, str]]:
    """Pairs (smaller id, larger id) whose estimated Jaccard similarity is likely above ``threshold``.

    LSH misses some pairs near the threshold and proposes some below it: pass a threshold under the one
    you verify with. Signatures of empty texts are left out (they would all collide). Deterministic:
    keys are inserted and queried in sorted order.
    """
    usable = {key: sig for key, sig in signatures.items() if not sig.is_empty()}
    if len(usable) < 2:
        return set()
    from datasketch import MinHashLSH

    num_perm = next(iter(usable.values())).num_perm
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    pairs: set[tuple[str, str]] = set()
    for key in sorted(usable):
        for other in lsh.query(usable[key]):
            pairs.add((other, key) if other < key else (key, other))
        lsh.insert(key, usable[key])
    return pairs
