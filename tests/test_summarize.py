"""Contract of every registered summarizer, and the ILP summarizer's own behaviour."""

from __future__ import annotations

import pytest
from nlp_builders import doc

from presseschau.brief.candidates import candidates
from presseschau.brief.summarize import SUMMARIZERS
from presseschau.errors import SettingsError, UnknownBackendError
from presseschau.registry import build

STORY = [
    doc("Ein Großbrand hat am Dienstag eine Lagerhalle im Hafen von Lindholm zerstört. "
        "Die Feuerwehr war mit 120 Einsatzkräften vor Ort und löschte bis in die Nacht. "
        "Die Anwohner wurden aufgefordert, Fenster und Türen geschlossen zu halten. "
        "Der Hafenmeister trank am Morgen einen Kaffee in der Kantine am Kai.",
        outlet="Nordkurier", published="2025-03-11"),
    doc("In Lindholm hat ein Großbrand im Hafen eine Lagerhalle mit Chemikalien zerstört. "
        "Anwohner sollen Fenster und Türen geschlossen halten, warnte die Stadt am Abend. "
        "Die Ursache des Feuers in der Lagerhalle ist noch unklar und wird ermittelt.",
        outlet="Hafenblatt", published="2025-03-12"),
    doc("Das Feuer in der Lagerhalle im Hafen von Lindholm brach am Dienstagabend aus. "
        "Die Polizei ermittelt zur Ursache des Brandes in der Lagerhalle am Hafen. "
        "Der Schaden wird auf rund 4,5 Millionen Euro geschätzt, teilte der Eigentümer mit.",
        outlet="Abendpost", published="2025-03-12"),
]


@pytest.mark.parametrize("name", sorted(SUMMARIZERS))
@pytest.mark.parametrize("budget", [12, 25, 60])
def test_summary_respects_budget_and_points_into_the_story(name: str, budget: int) -> None:
    pool = candidates(STORY)
    refs = build("summarizer", SUMMARIZERS, name, {}).summarize(pool, words=budget)
    by_ref = {c.ref: c for c in pool}
    assert all(r in by_ref for r in refs)
    assert sum(by_ref[r].words for r in refs) <= budget
    assert len(set(refs)) == len(refs)
    assert all(by_ref[r].eligible for r in refs)


@pytest.mark.parametrize("name", sorted(SUMMARIZERS))
def test_one_document_and_one_sentence_clusters(name: str) -> None:
    summarizer = build("summarizer", SUMMARIZERS, name, {})
    one_doc = candidates(STORY[:1])
    assert summarizer.summarize(one_doc, words=40)
    one_sentence = candidates([doc("Die Feuerwehr löschte am Dienstag einen Brand im Hafen von Lindholm.")])
    refs = summarizer.summarize(one_sentence, words=40)
    assert refs == [one_sentence[0].ref]
    assert summarizer.summarize([], words=40) == []


@pytest.mark.parametrize("name", sorted(SUMMARIZERS))
def test_deterministic(name: str) -> None:
    pool = candidates(STORY)
    summarizer = build("summarizer", SUMMARIZERS, name, {})
    assert summarizer.summarize(pool, words=40) == summarizer.summarize(pool, words=40)


def test_registry_names_valid_choices_and_refuses_unknown_options() -> None:
    with pytest.raises(UnknownBackendError, match="choose one of: " + ", ".join(sorted(SUMMARIZERS))):
        build("summarizer", SUMMARIZERS, "lexrnk", {})
    with pytest.raises(SettingsError):
        build("summarizer", SUMMARIZERS, "ilp", {"nonsense": 1})


def test_ilp_prefers_what_several_outlets_report() -> None:
    pool = candidates(STORY)
    refs = SUMMARIZERS["ilp"]().summarize(pool, words=30)
    texts = " ".join(c.text for c in pool if c.ref in refs)
    assert "Großbrand" in texts or "Feuer" in texts
    assert "Kaffee" not in texts  # reported by one outlet only, and off topic


def test_captions_headings_and_fragments_are_never_candidates() -> None:
    d = doc("Die Lage am Hafen\nBürgermeisterin Ahlers am Kai.\nDie Feuerwehr löschte den Brand in der Nacht "
            "vollständig und zog am Morgen ab.\nEr sagte das.")
    eligible = [c.text for c in candidates([d]) if c.eligible]
    assert eligible == ["Die Feuerwehr löschte den Brand in der Nacht vollständig und zog am Morgen ab."]
