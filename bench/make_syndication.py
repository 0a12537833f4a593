"""Synthetic syndication set: wire reports, outlets' edited copies and independent reports of the same events.

Built from our own German templates (bench/german_templates.toml): an event (a fire, a flood, a strike,
a council vote, ...) gets made-up places, people and numbers; one to three agencies report it in
different wordings of the same facts ("reports"); outlets copy a report with edits (a new headline,
words dropped, a paragraph of their own added, the end cut). Events of the same kind in other places
use the same templates, so the set also holds similar-looking articles that are not duplicates.

Ground truth (``OUT/ground_truth.csv``, one row per article of ``OUT/syndication.jsonl``): ``event``
and ``family`` (a report and its copies). For dedup, two articles are duplicates when they share a
family; reports of one event are distinct articles about the same event (the same story, not copies).
``jaccard`` is the word 3-gram Jaccard similarity to the family's report. Generated at run time and never
committed. Usage: python bench/make_syndication.py OUT [--n 2000] [--seed 1]
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
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
TEMPLATES: dict[str, Any] = tomllib.loads((HERE / "german_templates.toml").read_text(encoding="utf-8"))
START = datetime.fromisoformat("2025-03-01T06:00:00+01:00")
DAYS = 30

ROLES = ("lead", "detail", "number", "quote", "background", "outlook")
# Agencies per event and copies per report: most events have one agency report, a few up to three; a
# report is copied by 0-8 outlets, 3 on average. Chosen to give ~5 articles per event, as a regional
# news day looks; exact shares matter less than having singletons, small and large families.
REPORTS = {1: 0.5, 2: 0.35, 3: 0.15}
COPIES = {0: 0.15, 1: 0.15, 2: 0.15, 3: 0.15, 4: 0.12, 5: 0.1, 6: 0.08, 8: 0.1}
# Chance of each edit in a copy.
NEW_HEADLINE, DROP_WORDS, ADD_PARAGRAPH, CUT_END = 0.6, 0.5, 0.4, 0.3
COPY_DELAY_HOURS, REPORT_DELAY_HOURS = 2.0, 3.0  # mean lag behind the first report (exponential)
SHINGLE_WORDS = 3
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Piece:
    title: str
    paragraphs: tuple[str, ...]
    outlet: str
    minute: float
    event: int
    family: str
    kind: str
    edits: str


def fills(rng: random.Random) -> dict[str, str]:
    values = {name: rng.choice(options) for name, options in TEMPLATES["fills"].items()}
    values |= {name: _number(rng.randint(low, high)) for name, (low, high) in TEMPLATES["numbers"].items()}
    return values


def _number(value: int) -> str:
    """German digit grouping from five digits on ("16.123"); four-digit numbers and years stay as they are."""
    return f"{value:,}".replace(",", ".") if value >= 10_000 else str(value)


def report(kind: str, facts: dict[str, str], wording: int, number: int, agency: str,
           rng: random.Random) -> tuple[str, list[str]]:
    """Agency ``number``'s text of an event: alternative ``wording + number`` of every sentence, so that
    reports differ wherever there are enough alternatives (beyond that a random one), plus its own order
    of the middle sentences and its own paragraphs."""
    roles = TEMPLATES["events"][kind]["roles"]
    said = {}
    for role in ROLES:
        choices = roles[role]
        pick = (wording + number) % len(choices) if number < len(choices) else rng.randrange(len(choices))
        said[role] = choices[pick].format(**facts)
    middle = ["number", "quote", "background"]
    if rng.random() < 0.5:
        rng.shuffle(middle)
    order = ["lead", "detail", *middle, "outlook"]
    cuts = sorted(rng.sample(range(1, len(order)), k=3))
    paragraphs = [" ".join(said[r] for r in order[a:b]) for a, b in zip([0, *cuts], [*cuts, len(order)], strict=True)]
    paragraphs[0] = f"{facts['ort']} ({TEMPLATES['agencies'][agency]}) – {paragraphs[0]}"
    headlines = TEMPLATES["events"][kind]["headlines"]
    return headlines[(wording + number) % len(headlines)].format(**facts), paragraphs


def copy(title: str, paragraphs: list[str], kind: str, facts: dict[str, str],
         rng: random.Random) -> tuple[str, list[str], str]:
    """An outlet's copy of a report, with some of the edits outlets make; the edits named."""
    edits = []
    text = list(paragraphs)
    if rng.random() < NEW_HEADLINE:
        others = [h.format(**facts) for h in TEMPLATES["events"][kind]["headlines"]]
        others = [h for h in others if h != title]
        title = f"{rng.choice(TEMPLATES['kickers'])}: {title}" if rng.random() < 0.3 else rng.choice(others)
        edits.append("headline")
    if rng.random() < DROP_WORDS:
        at = rng.randrange(len(text))
        words = text[at].split(" ")
        for _ in range(rng.randint(1, 3)):
            if len(words) > 6:
                del words[rng.randrange(2, len(words) - 1)]
        text[at] = " ".join(words)
        edits.append("words")
    if rng.random() < CUT_END and len(text) > 2:
        text.pop()
        edits.append("cut")
    if rng.random() < ADD_PARAGRAPH:
        text.insert(rng.choice([1, len(text)]), rng.choice(TEMPLATES["added"]))
        edits.append("added")
    return title, text, "+".join(edits) or "none"


def pieces(n: int, seed: int) -> list[Piece]:
    """``n`` articles: whole events until the count is reached (the last event may be cut short)."""
    rng = random.Random(f"syndication:{seed}")
    kinds = sorted(TEMPLATES["events"])
    found: list[Piece] = []
    event = 0
    while len(found) < n:
        event += 1
        kind, facts = rng.choice(kinds), fills(rng)
        start = rng.uniform(0, DAYS * 24 * 60 - 24 * 60)
        agencies = rng.sample(sorted(TEMPLATES["agencies"]), k=_pick(REPORTS, rng))
        wording = rng.randrange(6)  # 6: every combination of two and three alternatives
        for number, agency in enumerate(agencies):
            title, paragraphs = report(kind, facts, wording, number, agency, rng)
            minute = start + (rng.expovariate(1 / REPORT_DELAY_HOURS) * 60 if number else 0.0)
            family = f"e{event:04d}-r{number + 1}"
            found.append(Piece(title, tuple(paragraphs), agency, minute, event, family, "report", "none"))
            outlets = rng.sample(TEMPLATES["outlets"], k=_pick(COPIES, rng))
            for outlet in outlets:
                copy_title, copy_text, edits = copy(title, paragraphs, kind, facts, rng)
                lag = rng.expovariate(1 / COPY_DELAY_HOURS) * 60
                found.append(Piece(copy_title, tuple(copy_text), outlet, minute + lag, event, family, "copy", edits))
    return sorted(found[:n], key=lambda p: (p.minute, p.family, p.kind != "report"))


def _pick(shares: dict[int, float], rng: random.Random) -> int:
    return rng.choices(list(shares), weights=list(shares.values()))[0]


def shingles(text: str) -> set[str]:
    words = _WORD.findall(text.lower())
    return {" ".join(words[i:i + SHINGLE_WORDS]) for i in range(max(1, len(words) - SHINGLE_WORDS + 1))}


def _slug(outlet: str) -> str:
    table = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
    return re.sub(r"[^a-z0-9]+", "-", outlet.lower().translate(table)).strip("-")


def generate(out: Path, n: int, *, seed: int = 1) -> dict[str, int]:
    """Write ``syndication.jsonl`` and ``ground_truth.csv`` to ``out``; the counts written."""
    out.mkdir(parents=True, exist_ok=True)
    chosen = pieces(n, seed)
    reports = {p.family: shingles("\n".join(p.paragraphs)) for p in chosen if p.kind == "report"}
    fields = ["line", "url", "event", "family", "kind", "edits", "outlet", "jaccard"]
    with (out / "syndication.jsonl").open("w", encoding="utf-8") as articles, \
            (out / "ground_truth.csv").open("w", encoding="utf-8", newline="") as truth_file:
        truth = csv.DictWriter(truth_file, fieldnames=fields)
        truth.writeheader()
        for line, piece in enumerate(chosen, 1):
            published = START + timedelta(minutes=int(piece.minute))
            url = f"https://{_slug(piece.outlet)}.example/{published:%Y/%m/%d}/s{line:05d}"
            text = "\n\n".join(piece.paragraphs)
            article = {"title": piece.title, "text": text, "outlet": piece.outlet,
                       "published": published.isoformat(timespec="minutes"), "url": url}
            articles.write(json.dumps(article, ensure_ascii=False) + "\n")
            # A copy is generated after its report, so the cut at n never leaves a copy without its report.
            similarity = round(_jaccard(shingles(text), reports[piece.family]), 3)
            truth.writerow({"line": line, "url": url, "event": piece.event, "family": piece.family,
                            "kind": piece.kind, "edits": piece.edits, "outlet": piece.outlet,
                            "jaccard": similarity})
    return {"articles": len(chosen), "events": len({p.event for p in chosen}),
            "families": len({p.family for p in chosen})}


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("out", type=Path, help="folder to write to (outside the repository)")
    parser.add_argument("--n", type=int, default=2000, help="number of articles")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    if args.out.resolve().is_relative_to(HERE.parent):
        raise SystemExit("generated data is not committed: write it outside the repository (e.g. /tmp/syndication)")
    begin = time.perf_counter()
    counts = generate(args.out, args.n, seed=args.seed)
    print(f"{counts['articles']} articles, {counts['events']} events, {counts['families']} copy families "
          f"in {time.perf_counter() - begin:.2f} s -> {args.out}")


if __name__ == "__main__":
    main(sys.argv[1:])
