"""Throughput corpus: the 10kGNAD test articles replicated with perturbations to N JSONL articles, with ground truth.

Every source article (1,028 German articles from der Standard, `label;'text'`, one per line) becomes a
story: its first appearance is the original text, the later ones are copies in other outlets, exact or
with light or heavy edits (word drops and swaps, sentences shuffled within paragraphs, the last
paragraph cut, a new headline). How often a story appears follows a skewed (log-normal) weight, as in real
news, and its copies follow the first report by hours, so dedup and clustering meet near-duplicates and
distinct texts in a realistic mix. Articles are written in publication order over ``--days`` days to
``OUT/articles-NNNN.jsonl`` (fields title, text, outlet, published, url; each file under 4 MiB so the
folder reads with the default --max-size) and ``OUT/ground_truth.csv`` (not an input format, so
``presseschau digest OUT`` leaves it alone): one row per article with its source row, category, variant,
edit and word 3-gram Jaccard similarity to the original. Memory stays low: only the plan (a few numbers per
article) and the 1,028 sources are held; the texts are generated and written one at a time.

Measured with seed 1 at 10k articles: word 3-gram Jaccard to the original, mean (10th percentile), is
0.855 (0.78) for light edits and 0.564 (0.47) for heavy ones; a story appears 7 times at the median and
83 at most (at 100k: 61 and 1,059, since 1,028 sources must fill 100,000 slots).

The 10kGNAD text is CC BY-NC-SA 4.0: use the corpus for benchmarking only and never put it in the repo.
Usage: python bench/make_corpus.py OUT --n 10000 [--seed 1] [--days 30] [--source CSV]
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
import time
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = HERE.parent.parent / "shared" / "bench" / "10kgnad" / "test.csv"
START = datetime.fromisoformat("2025-03-01T06:00:00+01:00")

# Fictional outlet names and headline kickers, shared with bench/make_syndication.py.
_TEMPLATES = tomllib.loads((HERE / "german_templates.toml").read_text(encoding="utf-8"))
OUTLETS: tuple[str, ...] = tuple(_TEMPLATES["outlets"])
KICKERS: tuple[str, ...] = tuple(_TEMPLATES["kickers"])

# Edit mix of the later appearances of a story. Guessed from wire-copy practice: most reprints are
# lightly edited, a good share verbatim, some rewritten; "edit" in the ground truth lets an evaluation
# count only the kinds it calls duplicates.
EDIT_MIX = {"copy": 0.2, "light": 0.5, "heavy": 0.3}
# Per edit: share of words dropped, of adjacent word pairs swapped, of paragraphs shuffled, chance to
# cut the last paragraph, chance of a new headline. See the measured shingle Jaccard in the module docstring.
EDITS = {
    "original": (0.0, 0.0, 0.0, 0.0, 0.0),
    "copy": (0.0, 0.0, 0.0, 0.0, 0.5),
    "light": (0.02, 0.01, 0.0, 0.1, 0.7),
    "heavy": (0.07, 0.03, 0.5, 0.4, 1.0),
}
# Story popularity: log-normal weights; sigma 1.0 gives at 10k articles a median story of ~6 appearances
# and the largest ~100 (a few per outlet), where a Pareto tail put half a thousand copies on one story.
POPULARITY_SIGMA = 1.0
DELAY_HOURS = 8.0  # mean lag of a copy behind the first report (exponential), capped at MAX_DELAY_HOURS
MAX_DELAY_HOURS = 72.0
SHINGLE_WORDS = 3
FILE_BYTES = 4 * 1024 * 1024  # under the default --max-size of 5 MiB
SENTENCES_PER_PARAGRAPH = (2, 4)

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ„\"(0-9])")
_ABBREVIATION = re.compile(r"(?:\b\w{1,2}|St|Dr|Prof|Nr|Abs|Mio|Mrd|bzw|ca|vgl|Hr|Fr|Jh|Mag|Ing)\.$")
_DATELINE = re.compile(r"^[\w. /-]{2,30} – ")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Source:
    row: int
    label: str
    title: str
    paragraphs: tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True)
class Slot:
    minute: float
    source: int
    variant: int
    edit: str


def sentences(text: str) -> list[str]:
    """Sentences by end punctuation, not splitting after common abbreviations ("St. Pölten", "Dr. Huber")."""
    parts: list[str] = []
    for piece in _SENTENCE_END.split(text.strip()):
        if parts and _ABBREVIATION.search(parts[-1]):
            parts[-1] = f"{parts[-1]} {piece}"
        else:
            parts.append(piece)
    return [p for p in parts if p]


def headline(teaser: str) -> str:
    """A headline from the teaser sentence: its first part before a dash, at most 12 words."""
    first = re.split(r" – |: ", teaser.rstrip(".!? "), maxsplit=1)[0]
    words = first.split()
    return " ".join(words[:12]).rstrip(",;") or teaser


def load_sources(path: Path) -> list[Source]:
    """The articles of a 10kGNAD CSV: `label;'text'`, quote char ' (doubled inside the text)."""
    found = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row, record in enumerate(csv.reader(handle, delimiter=";", quotechar="'"), 1):
            if len(record) != 2 or not record[1].strip():
                continue
            found.append(_source(row, record[0], record[1]))
    return found


def _source(row: int, label: str, text: str) -> Source:
    said = sentences(text)
    teaser, body = said[0], said[1:] or said
    rng = random.Random(f"paragraphs:{row}")  # the same paragraphs in every appearance of the story
    paragraphs: list[tuple[str, ...]] = [(teaser,)] if len(said) > 1 else []
    while body:
        size = rng.randint(*SENTENCES_PER_PARAGRAPH)
        paragraphs.append(tuple(body[:size]))
        body = body[size:]
    return Source(row=row, label=label, title=headline(teaser), paragraphs=tuple(paragraphs))


def plan(n: int, sources: int, seed: int, days: float) -> list[Slot]:
    """N appearances in publication order: every source once (when N allows), the rest by popularity."""
    rng = random.Random(f"plan:{seed}")
    weights = [rng.lognormvariate(0.0, POPULARITY_SIGMA) for _ in range(sources)]
    picks = list(range(sources)) if n >= sources else []
    picks += rng.choices(range(sources), weights=weights, k=n - len(picks))
    first = [rng.uniform(0, days * 24 * 60) for _ in range(sources)]
    seen = [0] * sources
    slots = []
    for source in picks:
        variant = seen[source]
        seen[source] += 1
        if variant == 0:
            slots.append(Slot(first[source], source, 0, "original"))
            continue
        delay = min(rng.expovariate(1 / DELAY_HOURS), MAX_DELAY_HOURS) * 60
        edit = rng.choices(list(EDIT_MIX), weights=list(EDIT_MIX.values()))[0]
        slots.append(Slot(first[source] + delay, source, variant, edit))
    slots.sort(key=lambda s: (s.minute, s.source, s.variant))
    return slots


def perturb(source: Source, edit: str, rng: random.Random) -> tuple[str, str]:
    """Headline and text of one appearance of ``source`` with the edits of kind ``edit``."""
    drop, swap, shuffle, cut, retitle = EDITS[edit]
    paragraphs = [list(p) for p in source.paragraphs]
    if len(paragraphs) > 2 and rng.random() < cut:
        paragraphs.pop()
    lines = []
    for sentences_ in paragraphs:
        if len(sentences_) > 1 and rng.random() < shuffle:
            rng.shuffle(sentences_)
        lines.append(" ".join(_edit_words(s, drop, swap, rng) for s in sentences_))
    title = _retitle(source, rng) if rng.random() < retitle else source.title
    return title, "\n\n".join(line for line in lines if line)


def _edit_words(sentence: str, drop: float, swap: float, rng: random.Random) -> str:
    if not drop and not swap:
        return sentence
    words = sentence.split(" ")
    kept = [w for i, w in enumerate(words) if i == 0 or i == len(words) - 1 or rng.random() >= drop]
    for i in range(1, len(kept) - 2):  # first and last word stay: the sentence keeps its shape
        if rng.random() < swap:
            kept[i], kept[i + 1] = kept[i + 1], kept[i]
    return " ".join(kept)


def _retitle(source: Source, rng: random.Random) -> str:
    choice = rng.randrange(3)
    if choice == 0:
        return f"{rng.choice(KICKERS)}: {source.title}"
    if choice == 1 and len(source.paragraphs) > 1:  # a headline from the first body sentence
        lead = _DATELINE.sub("", source.paragraphs[1][0]).rstrip(".!? ").split()
        return " ".join(lead[: rng.randint(6, 10)]).rstrip(",;:")
    words = source.title.split()
    if len(words) > 4:
        del words[rng.randrange(1, len(words))]
    return " ".join(words)


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


def shingles(text: str) -> set[str]:
    """Word 3-grams, lower case: what MinHash near-duplicate detection compares."""
    words = _WORD.findall(text.lower())
    return {" ".join(words[i:i + SHINGLE_WORDS]) for i in range(max(1, len(words) - SHINGLE_WORDS + 1))}


def _slug(outlet: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", outlet.lower().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
                  .replace("ß", "ss")).strip("-")


def articles(sources: list[Source], slots: list[Slot], seed: int) -> Iterator[tuple[dict[str, str], dict[str, object]]]:
    """(article, ground-truth row) per slot, in slot order; each from its own seeded generator."""
    originals: dict[int, set[str]] = {}
    for number, slot in enumerate(slots, 1):
        rng = random.Random(f"article:{seed}:{number}")
        source = sources[slot.source]
        title, text = perturb(source, slot.edit, rng)
        words = shingles(text)
        if slot.source not in originals:  # the original comes first: copies follow it in time
            originals[slot.source] = words if slot.variant == 0 else shingles(perturb(source, "original", rng)[1])
        base = originals[slot.source]
        outlet = rng.choice(OUTLETS)
        published = START + timedelta(minutes=int(slot.minute))
        url = f"https://{_slug(outlet)}.example/{published:%Y/%m/%d}/a{number:06d}"
        article = {"title": title, "text": text, "outlet": outlet,
                   "published": published.isoformat(timespec="minutes"), "url": url}
        truth = {"url": url, "source_row": source.row, "label": source.label, "variant": slot.variant,
                 "edit": slot.edit, "jaccard": round(jaccard(words, base), 3)}
        yield article, truth


def generate(out: Path, n: int, *, seed: int = 1, days: float = 30.0, source: Path = SOURCE) -> dict[str, int]:
    """Write the corpus to ``out``; the counts of articles, files and bytes written."""
    sources = load_sources(source)
    if not sources:
        raise SystemExit(f"no articles in {source}")
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("articles-*.jsonl"):  # a smaller earlier run must not leave files behind
        old.unlink()
    files, size, total, handle = 0, 0, 0, None
    fields = ["file", "line", "url", "source_row", "label", "variant", "edit", "jaccard"]
    with (out / "ground_truth.csv").open("w", encoding="utf-8", newline="") as truth_file:
        truth_csv = csv.DictWriter(truth_file, fieldnames=fields)
        truth_csv.writeheader()
        line = 0
        for article, truth in articles(sources, plan(n, len(sources), seed, days), seed):
            data = (json.dumps(article, ensure_ascii=False) + "\n").encode("utf-8")
            if handle is None or size + len(data) > FILE_BYTES:
                if handle is not None:
                    handle.close()
                files += 1
                handle = (out / f"articles-{files:04d}.jsonl").open("wb")
                size, line = 0, 0
            handle.write(data)
            size, total, line = size + len(data), total + len(data), line + 1
            truth_csv.writerow({"file": f"articles-{files:04d}.jsonl", "line": line, **truth})
        if handle is not None:
            handle.close()
    return {"articles": n, "sources": len(sources), "files": files, "bytes": total}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("out", type=Path, help="folder to write to (outside the repository)")
    parser.add_argument("--n", type=int, required=True, help="number of articles (e.g. 10000, 30000, 100000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--days", type=float, default=30.0, help="publication times spread over this many days")
    parser.add_argument("--source", type=Path, default=SOURCE, help="10kGNAD CSV (label;'text')")
    args = parser.parse_args(argv)
    if args.out.resolve().is_relative_to(HERE.parent):
        raise SystemExit("the corpus holds CC BY-NC-SA text: write it outside the repository (e.g. /tmp/corpus)")
    begin = time.perf_counter()
    counts = generate(args.out, args.n, seed=args.seed, days=args.days, source=args.source)
    print(f"{counts['articles']} articles from {counts['sources']} sources in {counts['files']} files, "
          f"{counts['bytes'] / 1024 / 1024:.1f} MB, in {time.perf_counter() - begin:.1f} s -> {args.out}")


if __name__ == "__main__":
    main(sys.argv[1:])
