"""Story clustering: quality on DUC 2003, the calibration grids, a held-out check, and fast-path throughput.

* quality: BCubed P/R/F1 and ARI of the fast path + incremental clusterer (default settings, no time window:
  DUC events span years) against the 30 DUC 2003 event folders, articles in publication order.
* grids: F1 along each setting around the defaults, and cohesion share x prior for several centroid sizes.
* held out: the events split in halves (d100a-d114e, d115f-d129j); on one half the grid point with the best F1
  averaged over its neighbours is chosen, then scored on the other half; both ways.
* throughput: the fast path (FastFeatures + copy fingerprint) and the clusterer (live defaults, 7-day window)
  over two synthetic German streams from the 10kGNAD test texts, ARTICLES_PER_DAY a day: each text as an event
  run by N outlets within three days (copies perturbed: sentences dropped and swapped, words cut), and articles
  mixed from random sentences (many more distinct stories); memory as active stories and saved state size.
* seeds: the five seed articles (one event) among the 10kGNAD articles should make one story.

Usage: python bench/cluster_eval.py [--quick] [--copies N]   (DUC ../shared/bench/duc2003, 10kGNAD
../shared/bench/10kgnad/test.csv, seeds ../shared/seeds; --quick skips the grids and the held-out check)
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import random
import statistics
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from presseschau.cluster import incremental
from presseschau.cluster.incremental import StoryClusterer
from presseschau.dedup import fingerprint
from presseschau.eval.clusters import DUC_WINDOW_DAYS, Item, cluster_items, load_items, score
from presseschau.model import Article
from presseschau.nlp.fast import fast_features, warm_up

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"
ARTICLES_PER_DAY = 2000
# The grid of the held-out check and of the neighbourhood-averaged choice on all events.
GRID: dict[str, list[Any]] = {
    "story_terms": [30, 40, 50, 60, 80],
    "cohesion_share": [0.5, 0.55, 0.6, 0.65, 0.7],
    "cohesion_prior": [0.1, 0.15, 0.2, 0.25],
    "threshold": [0.05, 0.08, 0.12],
    "name_share": [0.0, 0.05, 0.1],
}
DEFAULTS = {key: getattr(incremental, key.upper()) for key in GRID}


def f1(items: list[Item], **settings: Any) -> tuple[float, Any]:
    assigned, seconds = cluster_items(items, **{"window_days": DUC_WINDOW_DAYS, **settings})
    result = score(items, assigned, cluster_seconds=seconds)
    return result.f1, result


def quality(items: list[Item], features_seconds: float) -> None:
    _, result = f1(items)
    n = result.articles
    print(f"DUC 2003, default settings: {n} articles, {result.events} events -> {result.stories} stories")
    print(f"  BCubed P {result.precision:.3f}  R {result.recall:.3f}  F1 {result.f1:.3f}   ARI {result.ari:.3f}")
    print(f"  fast path {features_seconds / n * 1e3:.2f} ms/article (FastFeatures + fingerprint), clustering "
          f"{result.cluster_seconds / n * 1e3:.2f} ms/article")


def grids(items: list[Item]) -> None:
    print("\nF1 along one setting (others at their defaults):")
    lines = {
        "threshold": [0.0, 0.05, 0.08, 0.1, 0.12, 0.15],
        "cohesion_share": [0.0, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8],
        "cohesion_cap": [0.2, 0.25, 0.3, 0.35, 0.4, 1.0],
        "cohesion_prior": [0.0, 0.1, 0.15, 0.2, 0.25, 0.3],
        "story_terms": [20, 30, 40, 50, 60, 80, 150, 400],
        "name_share": [0.0, 0.05, 0.1, 0.2, 0.3],
        "title_share": [0.0, 0.1, 0.3],
        "merge_share": [0.6, 0.8, 1.0, 1.5, 99.0],
        "query_terms": [5, 10, 20, 50],
        "candidates": [1, 3, 10, 50],
    }
    for key, values in lines.items():
        cells = "  ".join(f"{v}: {f1(items, **{key: v})[0]:.3f}" for v in values)
        print(f"  {key:15} {cells}")
    print("\ncohesion share (rows) x prior (columns), per centroid size:")
    for terms in GRID["story_terms"]:
        print(f"  story_terms {terms}:  " + "  ".join(f"{p:>5}" for p in GRID["cohesion_prior"]))
        for share in GRID["cohesion_share"]:
            row = [f1(items, story_terms=terms, cohesion_share=share, cohesion_prior=p)[0]
                   for p in GRID["cohesion_prior"]]
            print(f"    {share:<5}" + "".join(f"  {v:.3f}" for v in row))
    caps = [0.2, 0.25, 0.3, 0.35, 0.4, 1.0]
    print("\ncohesion share (rows) x cap (columns):\n         " + "  ".join(f"{c:>5}" for c in caps))
    for share in [0.45, *GRID["cohesion_share"], 0.8]:
        row = [f1(items, cohesion_share=share, cohesion_cap=c)[0] for c in caps]
        print(f"    {share:<5}" + "".join(f"  {v:.3f}" for v in row))


def calibrate(items: list[Item]) -> tuple[dict[str, Any], float, float]:
    """The grid point with the best F1 averaged over its neighbours (one step along any axes), its own F1 and
    that average: a choice on a plateau, not a spike."""
    keys = list(GRID)
    scores = {combo: f1(items, **dict(zip(keys, combo, strict=True)))[0] for combo in itertools.product(*GRID.values())}

    def smoothed(combo: tuple[Any, ...]) -> float:
        index = [GRID[k].index(v) for k, v in zip(keys, combo, strict=True)]
        near = []
        for step in itertools.product((-1, 0, 1), repeat=len(keys)):
            at = [i + s for i, s in zip(index, step, strict=True)]
            if all(0 <= a < len(GRID[k]) for a, k in zip(at, keys, strict=True)):
                near.append(scores[tuple(GRID[k][a] for a, k in zip(at, keys, strict=True))])
        return statistics.fmean(near)

    best = max(scores, key=lambda c: (smoothed(c), scores[c]))
    return dict(zip(keys, best, strict=True)), scores[best], smoothed(best)


def held_out(items: list[Item]) -> None:
    events = sorted({item.event for item in items})
    halves = (set(events[: len(events) // 2]), set(events[len(events) // 2 :]))
    print(f"\nheld out ({math.prod(len(v) for v in GRID.values())} grid points per half):")
    for name, (tune, test) in (("first -> second", halves), ("second -> first", halves[::-1])):
        tune_items = [i for i in items if i.event in tune]
        test_items = [i for i in items if i.event in test]
        chosen, own, smooth = calibrate(tune_items)
        _, result = f1(test_items, **chosen)
        _, default = f1(test_items)
        print(f"  {name}: chosen {chosen} (F1 {own:.3f}, neighbourhood {smooth:.3f} on the tuning half)")
        print(f"    held-out half: P {result.precision:.3f} R {result.recall:.3f} F1 {result.f1:.3f} "
              f"ARI {result.ari:.3f}; with the defaults F1 {default.f1:.3f} ARI {default.ari:.3f}")
    chosen, own, smooth = calibrate(items)
    print(f"  all events: neighbourhood choice {chosen}: F1 {own:.3f} (neighbourhood {smooth:.3f}); "
          f"defaults {DEFAULTS}")


def gnad_texts(path: Path) -> list[str]:
    texts = []
    for line in path.read_text(encoding="utf-8").splitlines():
        _, _, text = line.partition(";")
        text = text.strip().strip("'")
        if text:
            texts.append(text)
    return texts


def perturbed(text: str, rng: random.Random) -> str:
    """A rewrite of ``text`` as another outlet might run it: a sentence dropped, two swapped, words cut."""
    sentences = [s for s in text.replace("? ", "?\n").replace(". ", ".\n").splitlines() if s.strip()]
    if len(sentences) > 3:
        del sentences[rng.randrange(len(sentences))]
        i = rng.randrange(len(sentences) - 1)
        sentences[i], sentences[i + 1] = sentences[i + 1], sentences[i]
    words = " ".join(sentences).split(" ")
    return " ".join(w for w in words if rng.random() > 0.05)


def stream(texts: list[str], copies: int) -> list[Article]:
    """Each text becomes an event on a random day of the stream, run by ``copies`` outlets within three days
    (the first copy as written, the others perturbed), about ARTICLES_PER_DAY a day, in publication order."""
    rng = random.Random(7)
    days = max(1, len(texts) * copies // ARTICLES_PER_DAY)
    start = date(2025, 3, 1)
    dated = []
    for i, text in enumerate(texts):
        event = rng.randrange(days)
        for k in range(copies):
            dated.append((event + rng.randrange(3), rng.random(), k, i, text if k == 0 else perturbed(text, rng)))
    articles = []
    for n, (day, _, k, _, text) in enumerate(sorted(dated)):
        published = (start + timedelta(days=day)).isoformat()
        articles.append(Article(id=f"g{n:07d}", source="10kgnad", title=" ".join(text.split()[:8]), text=text,
                                outlet=f"o{k}", outlet_from="metadata", published=published,
                                published_from="metadata", url=None, format="txt", language="de"))
    return articles


def mixed(texts: list[str], count: int) -> list[Article]:
    """``count`` articles of eight sentences drawn from random texts: far more distinct stories for the index."""
    rng = random.Random(3)
    sentences = [s for text in texts for s in text.replace(". ", ".\n").splitlines() if len(s) > 40]
    start = date(2025, 3, 1)
    out = []
    for n in range(count):
        text = " ".join(rng.sample(sentences, 8))
        day = (start + timedelta(days=n // ARTICLES_PER_DAY)).isoformat()
        out.append(Article(id=f"m{n:07d}", source="10kgnad", title=" ".join(text.split()[:8]), text=text, outlet="o",
                           outlet_from="metadata", published=day, published_from="metadata", url=None, format="txt",
                           language="de"))
    return out


def throughput(name: str, articles: list[Article]) -> None:
    features, fast_s, sig_s = [], 0.0, 0.0
    for article in articles:
        t0 = time.perf_counter()
        features.append(fast_features(article))
        t1 = time.perf_counter()
        fingerprint(article.text)
        fast_s, sig_s = fast_s + t1 - t0, sig_s + time.perf_counter() - t1
    clusterer = StoryClusterer()
    t0 = time.perf_counter()
    merge_s = 0.0
    for article, feats in zip(articles, features, strict=True):
        clusterer.add(article.id, feats, article.published)
        if clusterer.merge_due:
            m0 = time.perf_counter()
            clusterer.merge()
            merge_s += time.perf_counter() - m0
    cluster_s = time.perf_counter() - t0
    n = len(articles)
    state = json.dumps(clusterer.state(), ensure_ascii=False)
    active = clusterer.active()
    print(f"\n{name}: {n} articles, {ARTICLES_PER_DAY}/day, window {clusterer.window_days:g} days")
    print(f"  FastFeatures {fast_s / n * 1e3:.2f} ms/article, copy fingerprint {sig_s / n * 1e3:.2f} "
          f"ms/article, clustering {cluster_s / n * 1e3:.3f} ms/article (of it merge rounds {merge_s / n * 1e3:.3f})")
    print(f"  -> {n / (fast_s + sig_s + cluster_s):.0f} articles/s on one core; at the end {len(active)} active "
          f"stories holding {sum(active.values())} articles, state {len(state) / 1e6:.1f} MB as JSON")


def seeds(path: Path, gnad: Path) -> None:
    from presseschau.pipeline import load_articles
    from presseschau.settings import Settings

    seed_articles, _ = load_articles([str(path)], Settings())
    others = [Article(id=f"g{n:05d}", source="10kgnad", title=" ".join(t.split()[:8]), text=t, outlet="std",
                      outlet_from="metadata", published=None, published_from=None, url=None, format="txt",
                      language="de") for n, t in enumerate(gnad_texts(gnad))]
    clusterer = StoryClusterer()
    story = {}
    for article in others + seed_articles:
        story[article.id] = clusterer.add(article.id, fast_features(article), article.published)
    clusterer.merge()
    seed_stories = {story[a.id] for a in seed_articles}
    joined = sum(1 for a in others if story[a.id] in seed_stories)
    print(f"\nseeds among 10kGNAD: {len(seed_articles)} seed articles in {len(seed_stories)} story(ies), "
          f"{joined} 10kGNAD articles joined them; 10kGNAD: {len(others)} articles in "
          f"{len({story[a.id] for a in others})} stories")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--copies", type=int, default=10)
    args = parser.parse_args()
    items, features_seconds = load_items(SHARED / "bench" / "duc2003")
    quality(items, features_seconds)
    if not args.quick:
        grids(items)
        held_out(items)
    texts = gnad_texts(SHARED / "bench" / "10kgnad" / "test.csv")
    start = time.perf_counter()
    warm_up("de")
    print(f"\nsimplemma's German dictionary loads in {time.perf_counter() - start:.2f} s (first use)")
    throughput(f"10kGNAD texts x {args.copies} outlets", stream(texts, args.copies))
    throughput("10kGNAD sentences mixed into distinct articles", mixed(texts, len(texts) * args.copies))
    seeds(SHARED / "seeds", SHARED / "bench" / "10kgnad" / "test.csv")


if __name__ == "__main__":
    main()
