"""The product's reference input: the five real articles in ../shared/seeds (read in place, never copied)."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pytest

from presseschau.model import Digest
from presseschau.pipeline import digest
from presseschau.settings import Settings

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason=f"the shared seed articles are not at {SEEDS}")

# Central facts of the event, as short patterns of our own: a summary line must state each.
CENTRAL_FACTS = {
    "armoured train journey": [r"\bZug\b|Panzerzug|Sonderzug"],
    "meeting at Vostochny": [r"Wostotschny|Kosmodrom|Weltraumbahnhof"],
    # "suspected munitions for Russia's war in exchange for rocket/satellite technology": the munitions and
    # either the war they are for or the technology they are traded for, in one line.
    "munitions for the war or for technology": [r"Munition|Waffen", r"Krieg|Ukraine|Raketen|Technolog|Satellit"],
    "rocket or satellite technology": [r"Raketen|Satellit"],
    "first trip abroad since 2019": [r"2019"],
}


@lru_cache(maxsize=1)
def _digest() -> Digest:
    return digest([str(SEEDS)], Settings())


def test_one_story_with_all_five_outlets() -> None:
    result = _digest()
    assert len(result.briefings) == 1
    assert len(result.briefings[0].outlets) == 5
    assert "Reuters" in result.briefings[0].outlets


def test_summary_carries_the_central_facts() -> None:
    lines = [line.text for line in _digest().briefings[0].summary]
    missing = [fact for fact, patterns in CENTRAL_FACTS.items()
               if not any(all(re.search(p, line, re.I) for p in patterns) for line in lines)]
    assert not missing, f"summary misses {missing}: {lines}"
    assert sum(len(line.split()) for line in lines) <= Settings().words


def test_every_citation_points_at_a_sentence_sharing_the_line_content() -> None:
    result = _digest()
    for line in result.briefings[0].summary:
        words = {w.lower() for w in re.findall(r"\w{5,}", line.text)}
        for ref in line.refs[1:]:
            doc = result.doc(ref.article_id)
            cited = {w.lower() for w in re.findall(r"\w{5,}", doc.text_of(doc.sentences[ref.index]))}
            assert len(words & cited) >= 2, (line.text, doc.text_of(doc.sentences[ref.index]))


def test_no_removed_line_appears_in_any_article_text_or_summary() -> None:
    result = _digest()
    removed = [r.text.strip() for a in result.articles for r in a.removed]
    assert any("Copyright" in r for r in removed)
    assert any(r.startswith("Foto") for r in removed)
    assert any("toi-allgemeines" in r for r in removed)
    for article in result.articles:
        for text in removed:
            if len(text) > 8:
                assert text not in article.text
    summary = " ".join(line.text for line in result.briefings[0].summary)
    assert "Foto:" not in summary and "Copyright" not in summary


def _text(result: Digest, ref: object) -> str:
    doc = result.doc(ref.article_id)  # type: ignore[attr-defined]
    return doc.text_of(doc.sentences[ref.index])  # type: ignore[attr-defined]


def test_timeline_places_departure_arrival_and_meeting() -> None:
    result = _digest()
    events = result.briefings[0].timeline
    def on(day: str, pattern: str) -> bool:
        return any(e.first == day and any(re.search(pattern, _text(result, r)) for r in e.refs) for e in events)
    assert on("2023-09-11", r"Zug"), "departure by train on Monday 11 Sept"
    assert on("2023-09-12", r"angekommen|eingereist"), "arrival on Tuesday 12 Sept"
    assert on("2023-09-13", r"Wostotschny|Kosmodrom"), "meeting at Vostochny on Wednesday 13 Sept"


def test_entities_are_merged_with_roles() -> None:
    entities = {e.name: e for e in _digest().briefings[0].entities}
    for name in ("Kim Jong Un", "Wladimir Putin", "Dmitri Peskow", "Wostotschny", "Wladiwostok"):
        assert name in entities, sorted(entities)
    assert {"Kim Jong-un", "Kim"} <= set(entities["Kim Jong Un"].variants)
    assert "Kremlsprecher" in entities["Dmitri Peskow"].roles
    assert len(entities["Wostotschny"].variants) >= 3


def test_quotes_of_peskow_and_putin_are_attributed() -> None:
    speakers = {q.speaker for q in _digest().briefings[0].quotes if q.speaker}
    assert any("Peskow" in s for s in speakers)
    assert any("Putin" in s for s in speakers)


def test_missile_range_is_a_figure_reported_by_two_outlets() -> None:
    groups = [g for g in _digest().briefings[0].figures if g.values and g.values[0].value == 650]
    assert len(groups) == 1 and not groups[0].disagree
    assert len({v.outlet for v in groups[0].values}) == 2
