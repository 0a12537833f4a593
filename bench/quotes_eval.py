"""Quote detection precision/recall and speaker accuracy on the annotated quote fixture (German and English).

A found quote matches a gold quote when their character spans overlap with Dice >= MIN_DICE (each gold quote
is matched once). Speaker accuracy is over matched pairs: the speakers agree after lower-casing and dropping
leading articles ("der Kreml" = "Kreml"); a gold speaker of null must be found as None.
Records de*/en* were written first and used for development; hde*/hen* and gde*/gen* were written later as
held-out batches and scored once before they, too, prompted fixes (see tests/test_quotes.py for the numbers).
Usage: python bench/quotes_eval.py [FIXTURE]   (default tests/fixtures/quotes/annotated.jsonl)
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

from presseschau.model import Article
from presseschau.nlp.analyse import analyse
from presseschau.nlp.quotes import find_quotes

FIXTURE = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "quotes" / "annotated.jsonl"
# Indirect speech has no marks, so where the reported clause starts ("dass" or not) is a matter of taste:
# half the joint length is the agreement asked for.
MIN_DICE = 0.5
_ARTICLES = frozenset(["der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines", "the", "a", "an"])


def _speaker(name: str | None) -> tuple[str, ...] | None:
    if name is None:
        return None
    words = re.findall(r"\w+", name.lower())
    while words and words[0] in _ARTICLES:
        words.pop(0)
    return tuple(words)


def _dice(a: tuple[int, int], b: tuple[int, int]) -> float:
    overlap = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    return 2 * overlap / max(1, (a[1] - a[0]) + (b[1] - b[0]))


def evaluate(path: Path = FIXTURE) -> dict[str, float]:
    """Precision, recall, F1, speaker and kind accuracy over every record of the fixture, plus misses."""
    found = gold_n = matched = speaker_ok = kind_ok = 0
    errors: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        text = record["text"]
        article = Article(id="q" + hashlib.sha256(text.encode()).hexdigest()[:11], source=record["id"], title="",
                          text=text, outlet="Test", outlet_from="metadata", published=None, published_from=None,
                          url=None, format="txt", language=record["language"])
        quotes = list(find_quotes(analyse(article)))
        found += len(quotes)
        gold_n += len(record["quotes"])
        for gold in record["quotes"]:
            start = text.index(gold["text"])
            span = (start, start + len(gold["text"]))
            best = max(quotes, key=lambda q: _dice(span, (q.start, q.end)), default=None)
            if best is None or _dice(span, (best.start, best.end)) < MIN_DICE:
                errors.append(f"{record['id']}: missed {gold['text']!r}")
                continue
            quotes.remove(best)
            matched += 1
            kind_ok += best.kind == gold["kind"]
            if _speaker(best.speaker) == _speaker(gold["speaker"]):
                speaker_ok += 1
            else:
                errors.append(f"{record['id']}: speaker {best.speaker!r}, gold {gold['speaker']!r}")
        errors.extend(f"{record['id']}: extra {text[q.start:q.end]!r}" for q in quotes)
    precision, recall = matched / max(found, 1), matched / max(gold_n, 1)
    return {"precision": precision, "recall": recall, "f1": 2 * precision * recall / max(precision + recall, 1e-9),
            "speaker_accuracy": speaker_ok / max(matched, 1), "kind_accuracy": kind_ok / max(matched, 1),
            "gold": gold_n, "found": found, "errors": errors}  # type: ignore[dict-item]


def main() -> None:
    scores = evaluate(Path(sys.argv[1]) if len(sys.argv) > 1 else FIXTURE)
    for line in scores.pop("errors"):  # type: ignore[union-attr]
        print("  " + line)
    print("  ".join(f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}" for k, v in scores.items()))


if __name__ == "__main__":
    main()
