"""Story embeddings for the incremental clusterer: per-language sums of unit vectors, and their JSON form."""

from __future__ import annotations

import base64
import math
from collections.abc import Mapping, Sequence

import numpy as np
import numpy.typing as npt

Vector = npt.NDArray[np.float32]
# language -> (sum of unit embeddings, their count); an article's is {its language: (its unit embedding, 1)}
Sums = Mapping[str, tuple[Vector, int]]

EMBEDDING_FIELDS = ("embedding", "embedded")


def encode(vector: Vector) -> str:
    return base64.b64encode(vector.astype("<f4").tobytes()).decode("ascii")


def decode(text: str) -> Vector:
    return np.frombuffer(base64.b64decode(text), dtype="<f4").astype(np.float32)


def unit_sums(language: str | None, vector: Sequence[float] | None) -> Sums:
    """{language: (``vector`` scaled to length 1 as float32, 1)}, or {} for no vector, an empty one, one without a
    direction (zero or not finite), or an undetermined language: odd input counts as no embedding, never raises."""
    if vector is None or len(vector) == 0 or not language or language == "und":
        return {}
    array = np.asarray(vector, dtype=np.float32)
    norm = float(np.linalg.norm(array))
    if array.ndim != 1 or not math.isfinite(norm) or norm == 0.0:
        return {}
    return {language: (array / np.float32(norm), 1)}


def add_sums(embedding: dict[str, Vector], embedded: dict[str, int], sums: Sums) -> None:
    """Add ``sums`` into a story's per-language sums (``embedding``) and counts (``embedded``), in place."""
    for language, (total, count) in sums.items():
        mine = embedding.get(language)
        if mine is None:
            embedding[language] = total.copy()
        elif mine.shape == total.shape:  # a vector of another embedder's length is left out
            embedding[language] = mine + total
        else:
            continue
        embedded[language] = embedded.get(language, 0) + count
