"""Temporal expressions against the annotated fixture: extraction precision/recall and resolution accuracy.

Fixture: tests/fixtures/dates/annotated.jsonl, one sentence per line (our own writing) with its publication
date, language and gold expressions (exact text and resolved first/last day; null when unresolvable).
Gold spans follow the extractor's conventions: a leading preposition (am, im, seit, bis, bis zum, on, in,
since ...) and modifiers ("vergangenen", "next") belong to the expression; a part of the day ("Abend",
"evening") too; a weekday and the date it names ("am Montag (11.09.2023)") are one expression.

* extraction: an expression counts when its span equals a gold span exactly (precision over the found
  ones, recall over gold); "overlap" counts any shared character instead.
* resolution: of the exactly matched expressions, the share whose first and last day equal gold (both
  None counts as equal: "unresolved" is then the right answer).

Usage: python bench/dates_eval.py [--seeds [FOLDER]]   (--seeds prints every article's expressions and the
timeline of the seed folder, default ../shared/seeds)
"""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path
from typing import Any

from presseschau.model import Article
from presseschau.nlp.analyse import analyse
from presseschau.nlp.dates import find_times

HERE = Path(__file__).resolve().parent
FIXTURE = HERE.parent / "tests" / "fixtures" / "dates" / "annotated.jsonl"


def load(path: Path = FIXTURE) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _article(row: dict[str, Any], n: int) -> Article:
    return Article(id=f"d{n:03d}", source=f"dates#{n}", title="", text=row["text"], outlet="Fixture",
                   outlet_from="metadata", published=row["published"], published_from="metadata",
                   url=None, format="txt", language=row["language"])


def evaluate(rows: list[dict[str, Any]]) -> tuple[dict[str, float], list[str]]:
    """Scores over the rows (see module doc) and a line per disagreement."""
    found_n = gold_n = exact = overlap_found = overlap_gold = resolved_ok = 0
    errors: list[str] = []
    for n, row in enumerate(rows):
        doc = analyse(_article(row, n), row["language"])
        text = row["text"]
        found = [(t.start, t.end, t.first, t.last) for t in find_times(doc)]
        gold = []
        for g in row["gold"]:
            start = text.index(g["text"])
            gold.append((start, start + len(g["text"]), g["first"], g["last"]))
        found_n += len(found)
        gold_n += len(gold)
        overlap_found += sum(any(a < d and c < b for c, d, _, _ in gold) for a, b, _, _ in found)
        overlap_gold += sum(any(a < d and c < b for a, b, _, _ in found) for c, d, _, _ in gold)
        for a, b, first, last in found:
            match = next((g for g in gold if g[:2] == (a, b)), None)
            if match is None:
                errors.append(f"extra   {text[a:b]!r} in {text!r}")
                continue
            exact += 1
            if (first, last) == match[2:]:
                resolved_ok += 1
            else:
                errors.append(f"resolve {text[a:b]!r}: {first}..{last}, gold {match[2]}..{match[3]} "
                              f"(published {row['published']})")
        errors += [f"missed  {text[c:d]!r} in {text!r}" for c, d, _, _ in gold
                   if all((a, b) != (c, d) for a, b, _, _ in found)]
    return {
        "precision": exact / found_n if found_n else 0.0,
        "recall": exact / gold_n if gold_n else 0.0,
        "overlap_precision": overlap_found / found_n if found_n else 0.0,
        "overlap_recall": overlap_gold / gold_n if gold_n else 0.0,
        "resolution_accuracy": resolved_ok / exact if exact else 0.0,
        "sentences": float(len(rows)),
        "gold": float(gold_n),
    }, errors


def seeds(folder: str) -> None:
    from presseschau.brief.align import Aligner
    from presseschau.brief.candidates import candidates
    from presseschau.brief.timeline import timeline
    from presseschau.pipeline import analyse_all, load_articles
    from presseschau.settings import Settings

    articles, _ = load_articles([folder], Settings())
    docs = [dataclasses.replace(d, times=find_times(d)) for d in analyse_all(articles, Settings(workers=1))]
    for doc in docs:
        print(f"# {doc.article.outlet} (published {doc.article.published})")
        for t in doc.times:
            print(f"  s{t.sentence:<3} {doc.article.text[t.start:t.end]!r:32} {t.kind:8} {t.first} {t.last}")
    by_id = {d.article.id: d for d in docs}
    print("# timeline")
    for event in timeline(docs, Aligner(candidates(docs))):
        cited = ", ".join(f"{by_id[r.article_id].article.outlet}#{r.index}" for r in event.refs)
        print(f"  {event.first} {event.last} {event.expression!r} [{cited}]")


def main() -> None:
    if "--seeds" in sys.argv:
        rest = sys.argv[sys.argv.index("--seeds") + 1 :]
        seeds(rest[0] if rest else str(HERE.parent.parent / "shared" / "seeds"))
        return
    scores, errors = evaluate(load())
    for line in errors:
        print(line)
    for name, value in scores.items():
        print(f"{name:20} {value:.3f}")


if __name__ == "__main__":
    main()
