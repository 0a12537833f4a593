"""Only-in: claims that a single independent source reports, with wire copies counted as one source."""

from __future__ import annotations

import dataclasses

from nlp_builders import doc

from presseschau.brief.align import Aligner
from presseschau.brief.candidates import candidates
from presseschau.brief.compare import MAX_PER_OUTLET, only_in
from presseschau.model import Doc
from presseschau.nlp.figures import find_figures

SHARED = ("Ein Großbrand hat am Dienstagabend eine Lagerhalle mit Farben im Hafen von Lindholm zerstört. "
          "Die Feuerwehr kämpfte bis zum frühen Morgen gegen die Flammen am Südkai. ")
AGENCY_ONLY = ("In der Halle lagerten nach Angaben des Betreibers vor allem Lacke und Reinigungsmittel in "
               "Kunststofffässern. ")
AGENCY = SHARED + AGENCY_ONLY + "Die Ursache des Feuers ist noch völlig unklar, die Kriminalpolizei ermittelt."
LOCAL_ONLY = "Der Wochenmarkt auf dem Rathausplatz fällt am Samstag wegen der Aufräumarbeiten ersatzlos aus."
PARAPHRASE = ("Im Hafen von Lindholm hat ein Großbrand am Dienstagabend eine Lagerhalle mit Farben zerstört. "
              "Bis zum frühen Morgen kämpfte die Feuerwehr am Südkai gegen die Flammen. ")
LOCAL = PARAPHRASE + LOCAL_ONLY


def _story(*docs: Doc) -> tuple[list[Doc], Aligner]:
    return list(docs), Aligner(candidates(docs))


def _texts(docs: list[Doc], refs: tuple) -> list[str]:
    by_id = {d.article.id: d for d in docs}
    return [by_id[r.article_id].text_of(by_id[r.article_id].sentences[r.index]) for r in refs]


def test_a_claim_in_two_copies_of_one_agency_text_is_listed_once_under_the_origin_with_both_refs() -> None:
    origin = doc(AGENCY, outlet="Nordkurier", published="2025-03-11")
    copy = doc(AGENCY, outlet="Küstenbote", published="2025-03-12", title="Anderer Titel")
    local = doc(LOCAL, outlet="Hafenblatt", published="2025-03-12")
    docs, aligner = _story(origin, copy, local)
    result = only_in(docs, aligner)
    assert [o.outlet for o in result] == ["Hafenblatt", "Nordkurier"]
    hafenblatt, nordkurier = result
    assert _texts(docs, hafenblatt.refs) == [LOCAL_ONLY]
    # Origin first, then the copy: one claim, two refs; the fire itself is reported by all and not listed.
    assert [r.article_id for r in nordkurier.refs[:2]] == [origin.article.id, copy.article.id]
    assert _texts(docs, nordkurier.refs[:2]) == [AGENCY_ONLY.strip()] * 2
    assert not any("Großbrand" in t for o in result for t in _texts(docs, o.refs))


def test_the_copies_mapping_decides_which_articles_are_one_source() -> None:
    first = doc(AGENCY, outlet="Nordkurier", published="2025-03-11")
    second = doc(LOCAL, outlet="Hafenblatt", published="2025-03-12")
    docs, aligner = _story(first, second)
    # Told that the Hafenblatt text copies the Nordkurier one, the story has a single source: nothing is "only in".
    assert only_in(docs, aligner, copies={second.article.id: first.article.id}) == ()
    assert {o.outlet for o in only_in(docs, aligner, copies={})} == {"Hafenblatt", "Nordkurier"}


def test_a_story_with_one_source_has_no_only_in() -> None:
    docs, aligner = _story(doc(AGENCY, outlet="A"))
    assert only_in(docs, aligner) == ()


def test_at_most_five_claims_per_outlet_most_informative_first() -> None:
    extra = " ".join([
        "Die Hafenbahn der Stadt Lindholm stellte am Mittwoch ihren Güterverkehr zum Containerterminal ein.",
        "Der Kutterverein sagte seine geplante Regatta auf der Außenweser für das Wochenende ab.",
        "Die Sparkasse öffnete in der Sporthalle eine mobile Filiale für die Familien aus Süderwarf.",
        "Der Tierschutzverein Lindholm nahm vierzehn Hunde und sechs Katzen aus geräumten Wohnungen auf.",
        "Die Grundschule am Deich bleibt am Donnerstag geschlossen.",
        "Der Landrat Jens Okken besuchte mit der Umweltministerin Meike Harms am Donnerstag den Südkai, das "
        "Landeslabor in Oldenburg und 120 Helfer des Technischen Hilfswerks.",
    ])
    docs, aligner = _story(doc(AGENCY, outlet="A"), doc(LOCAL + " " + extra, outlet="B"))
    (only_b,) = [o for o in only_in(docs, aligner) if o.outlet == "B"]
    texts = _texts(docs, only_b.refs)
    assert len(texts) == MAX_PER_OUTLET
    assert texts[0].startswith("Der Landrat Jens Okken")
    assert "Die Grundschule am Deich bleibt am Donnerstag geschlossen." not in texts


def test_a_sentence_giving_a_figure_another_source_gives_is_not_only_in() -> None:
    helpers = "Mehr als 120 Einsatzkräfte aus dem ganzen Landkreis rückten mit schwerem Gerät in der Nacht an."
    other = "Rund 120 Einsatzkräfte waren bis zum Morgen vor Ort, darunter Taucher und Höhenretter."
    docs = [dataclasses.replace(d, figures=find_figures(d)) for d in
            (doc(SHARED + helpers, outlet="A"), doc(PARAPHRASE + other, outlet="B"))]
    aligner = Aligner(candidates(docs))
    assert only_in(docs, aligner) == ()
    without_figures = [dataclasses.replace(d, figures=()) for d in docs]
    assert {o.outlet for o in only_in(without_figures, Aligner(candidates(without_figures)))} == {"A", "B"}
