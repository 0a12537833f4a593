"""Wire copies while ingesting: a banded MinHash index over the recent articles, candidates verified on shingles."""

from __future__ import annotations

import heapq
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

import numpy as np

from presseschau.dedup.lineage import COPY_THRESHOLD, LSH_FACTOR, MIN_SHARED_SHINGLES
from presseschau.dedup.minhash import NUM_PERM, signature_of_hashes
from presseschau.dedup.shingles import figures, figures_agree, shingles
from presseschau.model import CopyLink

# Rows per band. With 128 permutations and 2 rows, 64 bands: what datasketch's MinHashLSH picks for the
# candidate threshold COPY_THRESHOLD * LSH_FACTOR = 0.125 (it minimises false positives and negatives there), so
# a pair at Jaccard 0.25 is proposed with probability 0.98, at 0.34 with 0.9995. The index is our own rather
# than datasketch's MinHashLSH because ingest queries and inserts every article: two uint32 rows of a band are
# one uint64 here, so all 64 keys come from one numpy view (python bench/copy_index.py, 20,000 articles:
# 0.04 ms and 4.6 KiB per article, against 0.23 ms and 18.5 KiB with MinHashLSH at the same banding).
BAND_ROWS = 2
BANDS = NUM_PERM // BAND_ROWS
# Only the most likely candidates (by the signature's Jaccard estimate) are verified on shingles: a text
# reprinted 500 times would otherwise be compared 500 times. The best verified one is the copy's origin.
VERIFY_TOP = 4
# Copies follow their origin within hours or days; an agency text reprinted weeks later is a new event.
COPY_WINDOW_DAYS = 3


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What copy detection keeps of one article: its MinHash signature (``NUM_PERM`` uint32), the sorted, unique
    32-bit hashes of its shingles (exact Jaccard without the shingle strings) and of its figures, as bytes."""

    signature: bytes
    shingles: bytes
    figures: bytes = b""

    @property
    def empty(self) -> bool:
        return not self.shingles


def fingerprint(text: str) -> Fingerprint:
    """The Fingerprint of an article body: its shingles hashed once with CRC-32, the MinHash signature of those."""
    found = shingles(text)
    if not found:
        return Fingerprint(b"", b"")
    hashes = _hashes(found)
    values = signature_of_hashes(hashes.tolist()).hashvalues.astype(np.uint32)
    return Fingerprint(values.tobytes(), hashes.tobytes(), _hashes(figures(text)).tobytes())


def _hashes(items: frozenset[str]) -> np.ndarray:
    """Sorted unique CRC-32 hashes of the strings (stable across processes and runs, unlike ``hash``)."""
    return np.unique(np.fromiter((zlib.crc32(s.encode("utf-8")) for s in items), dtype=np.uint32, count=len(items)))


class CopyIndex:
    """Finds, for each article added in publication order, the earlier article it copies.

    ``add`` proposes the articles of the last ``window_days`` that share a band of the MinHash signature,
    ranks them by the signature's Jaccard estimate and verifies the top ``verify_top`` exactly on shingles: a
    copy reaches ``threshold``, shares at least MIN_SHARED_SHINGLES shingles and agrees on its figures (the
    sentence check of ``dedup.copies`` needs the full analysis and is left to the briefing). The most similar
    verified article is the origin (or the copy it was copied from: lineage follows the chain). Articles read
    back from a store (``remember``) bring only their signature; their text comes from ``text_of`` when first
    verified.
    """

    def __init__(self, *, threshold: float = COPY_THRESHOLD, window_days: int = COPY_WINDOW_DAYS,
                 verify_top: int = VERIFY_TOP, min_shared: int = MIN_SHARED_SHINGLES,
                 text_of: Callable[[str], str] | None = None) -> None:
        self.threshold, self.window_days = threshold, window_days
        self.verify_top, self.min_shared = verify_top, min_shared
        self._text_of = text_of
        self._buckets: dict[int, str | list[str]] = {}
        # article id -> (day ordinal, fingerprint); a remembered article's shingles are b"" until first verified
        self._entries: dict[str, tuple[int, Fingerprint]] = {}
        self._expiry: list[tuple[int, str]] = []  # (day, article id), a heap
        self._today = 0

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._entries

    def add(self, article_id: str, print_: Fingerprint, published: str | None) -> CopyLink | None:
        """Index the article and return its CopyLink when it copies one indexed before (else None).

        An undated article counts as published on the latest day seen. Adding an id twice changes nothing.
        """
        if article_id in self._entries:
            return None
        day = _ordinal(published) or self._today
        if day > self._today:
            self._today = day
            self._expire()
        if print_.empty:
            return None
        link = self._match(article_id, print_)
        self._insert(article_id, day, print_)
        return link

    def remember(self, items: Iterable[tuple[str, bytes, str | None]]) -> int:
        """Index stored articles (id, signature, published) without looking for their origins: their copies are
        known. Their shingles come from ``text_of`` when one is first verified. Returns how many were new."""
        added = 0
        for article_id, signature_bytes, published in items:
            if article_id not in self._entries and len(signature_bytes) == NUM_PERM * 4:
                day = _ordinal(published) or self._today
                self._today = max(self._today, day)
                self._insert(article_id, day, Fingerprint(signature_bytes, b""))
                added += 1
        self._expire()
        return added

    def _match(self, article_id: str, print_: Fingerprint) -> CopyLink | None:
        found: set[str] = set()
        for key in _keys(print_.signature):
            bucket = self._buckets.get(key)
            if bucket is not None:
                found.update((bucket,) if isinstance(bucket, str) else bucket)
        if not found:
            return None
        mine = np.frombuffer(print_.signature, dtype=np.uint32)
        ids = sorted(found)
        theirs = np.frombuffer(b"".join(self._entries[i][1].signature for i in ids), dtype=np.uint32)
        estimates = (theirs.reshape(len(ids), -1) == mine).mean(axis=1)
        best: tuple[float, str] | None = None
        for estimate, other in heapq.nlargest(self.verify_top, zip(estimates.tolist(), ids, strict=True)):
            if estimate < self.threshold * LSH_FACTOR:
                break
            similarity = self._verify(print_, self._shingled(other))
            if similarity is not None and (best is None or similarity > best[0]):
                best = (similarity, other)
        return None if best is None else CopyLink(article_id, best[1], round(best[0], 4), (), ())

    def _shingled(self, article_id: str) -> Fingerprint:
        day, print_ = self._entries[article_id]
        if not print_.shingles and self._text_of is not None:
            full = fingerprint(self._text_of(article_id))
            print_ = Fingerprint(print_.signature, full.shingles, full.figures)
            self._entries[article_id] = (day, print_)
        return print_

    def _verify(self, a: Fingerprint, b: Fingerprint) -> float | None:
        """Exact shingle Jaccard when the pair is a copy, else None."""
        left, right = np.frombuffer(a.shingles, dtype=np.uint32), np.frombuffer(b.shingles, dtype=np.uint32)
        if not len(left) or not len(right):
            return None
        shared = len(np.intersect1d(left, right, assume_unique=True))
        similarity = shared / (len(left) + len(right) - shared)
        if similarity < self.threshold or shared < self.min_shared:
            return None
        mine, theirs = (frozenset(np.frombuffer(f.figures, dtype=np.uint32).tolist()) for f in (a, b))
        return similarity if figures_agree(mine, theirs) else None

    def _insert(self, article_id: str, day: int, print_: Fingerprint) -> None:
        self._entries[article_id] = (day, print_)
        heapq.heappush(self._expiry, (day, article_id))
        for key in _keys(print_.signature):
            bucket = self._buckets.get(key)
            if bucket is None:
                self._buckets[key] = article_id
            elif isinstance(bucket, str):
                self._buckets[key] = [bucket, article_id]
            else:
                bucket.append(article_id)

    def _expire(self) -> None:
        horizon = self._today - self.window_days
        while self._expiry and self._expiry[0][0] < horizon:
            _, article_id = heapq.heappop(self._expiry)
            entry = self._entries.pop(article_id, None)
            if entry is not None:
                for key in _keys(entry[1].signature):
                    self._drop(key, article_id)

    def _drop(self, key: int, article_id: str) -> None:
        bucket = self._buckets.get(key)
        if bucket == article_id:
            del self._buckets[key]
        elif isinstance(bucket, list):
            bucket.remove(article_id)
            if len(bucket) == 1:
                self._buckets[key] = bucket[0]


def _keys(signature_bytes: bytes) -> list[int]:
    """One int per band: the band's two uint32 rows read as one uint64, plus the band number above them."""
    rows = np.frombuffer(signature_bytes, dtype=np.uint64)  # BAND_ROWS = 2 uint32 rows make one uint64
    return [(band << 64) | value for band, value in enumerate(rows.tolist())]


def _ordinal(published: str | None) -> int:
    """The date ordinal of an ISO date or datetime; 0 when unknown or unreadable."""
    if not published or len(published) < 10:
        return 0
    try:
        return date.fromisoformat(published[:10]).toordinal()
    except ValueError:
        return 0

