"""Wire copies with their lineage (MinHash LSH, verified on shingles and sentences) and machine-translation flags."""

from __future__ import annotations

from presseschau.dedup.index import CopyIndex, Fingerprint, fingerprint
from presseschau.dedup.lineage import COPY_THRESHOLD, copies, independent_sources, origin_of
from presseschau.dedup.minhash import candidates, signature
from presseschau.dedup.shingles import doc_shingles, jaccard, shingles, words
from presseschau.dedup.translation import translation_flags

__all__ = [
    "COPY_THRESHOLD",
    "CopyIndex",
    "Fingerprint",
    "candidates",
    "copies",
    "doc_shingles",
    "fingerprint",
    "independent_sources",
    "jaccard",
    "origin_of",
    "shingles",
    "signature",
    "translation_flags",
    "words",
]
