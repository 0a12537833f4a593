"""Figures: numbers with unit and qualifier found in German and English text, and grouped across outlets."""

from __future__ import annotations

import dataclasses

import pytest
from nlp_builders import doc

from presseschau.brief.figures import figure_groups
from presseschau.model import Doc
from presseschau.nlp.figures import find_figures


def _found(text: str, language: str = "de") -> list[tuple[str, float, str | None, str | None]]:
    d = doc(text, language=language)
    return [(d.article.text[f.start : f.end], f.value, f.unit, f.qualifier) for f in find_figures(d)]


def _with_figures(text: str, outlet: str, **kwargs: object) -> Doc:
    d = doc(text, outlet=outlet, **kwargs)
    return dataclasses.replace(d, figures=find_figures(d))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Drohne flog 650 Kilometer über das Meer.", ("650 Kilometer", 650.0, "Kilometer", None)),
        ("Die Drohne flog rund 650 Kilometer weit.", ("rund 650 Kilometer", 650.0, "Kilometer", "rund")),
        ("Die Strecke misst 650 km bis zur Küste.", ("650 km", 650.0, "Kilometer", None)),
        ("Das Werk stellt zwei Millionen Granaten her.", ("zwei Millionen Granaten", 2e6, "Granate", None)),
        ("Der Umbau kostet 1,5 Mio. Euro im Jahr.", ("1,5 Mio. Euro", 1.5e6, "Euro", None)),
        ("Der Schaden liegt bei 4,5 Millionen Euro.", ("4,5 Millionen Euro", 4.5e6, "Euro", None)),
        ("Am Bahnhof warteten 3.200 Fahrgäste auf den Zug.", ("3.200 Fahrgäste", 3200.0, "Fahrgast", None)),
        ("Bei dem Unfall gab es drei Tote auf der Straße.", ("drei Tote", 3.0, "Tote", None)),
        ("Vor Ort waren 120 Einsatzkräfte der Wehren.", ("120 Einsatzkräfte", 120.0, "Einsatzkraft", None)),
        ("Er dankte den 120 Einsatzkräften für die Hilfe.", ("120 Einsatzkräften", 120.0, "Einsatzkraft", None)),
        ("Das Heer verschoss mehr als zehn Millionen Granaten.",
         ("mehr als zehn Millionen Granaten", 1e7, "Granate", "mehr als")),
        ("Die Fahrt mit dem Zug dauerte 20 Stunden.", ("20 Stunden", 20.0, "Stunde", None)),
        ("Die Armee feuerte zwei Kurzstreckenraketen ab.",
         ("zwei Kurzstreckenraketen", 2.0, "Kurzstreckenrakete", None)),
        ("Die Preise stiegen um 12 % im Vergleich.", ("12 %", 12.0, "Prozent", None)),
        ("Es kamen zweiundzwanzig Helfer aus dem Dorf.", ("zweiundzwanzig Helfer", 22.0, "Helfer", None)),
        ("Es kamen dreihundertfünfzig Gäste zum Fest.", ("dreihundertfünfzig Gäste", 350.0, "Gast", None)),
        ("Die Stadt zahlt viereinhalb Millionen Euro dafür.", ("viereinhalb Millionen Euro", 4.5e6, "Euro", None)),
        ("Im Stadion saßen 10 000 Menschen beim Spiel.", ("10 000 Menschen", 10000.0, "Mensch", None)),
        ("Die Firma kaufte ein Dutzend Fahrzeuge für den Hof.", ("ein Dutzend Fahrzeuge", 12.0, "Fahrzeug", None)),
        ("Die Hälfte der Gäste blieb bis zum Morgen.", ("Hälfte", 50.0, "Prozent", None)),
        ("Der Verein erhält eine Million Dollar vom Sponsor.", ("eine Million Dollar", 1e6, "Dollar", None)),
        ("Die Anlage kostete 2 Mrd. $ beim Bau.", ("2 Mrd. $", 2e9, "Dollar", None)),
        ("Gebaut wurden zwei ballistische Raketen im Werk.", ("zwei ballistische Raketen", 2.0, "Rakete", None)),
        ("Es sind etwa 80 Helfer, knapp 300 Gäste.", ("etwa 80 Helfer", 80.0, "Helfer", "etwa")),
        ("Das Schiff transportierte bis zu 5.000 Tonnen Getreide.",
         ("bis zu 5.000 Tonnen", 5000.0, "Tonne", "bis zu")),
        ("Die Granaten haben 122 Millimeter Durchmesser.", ("122 Millimeter", 122.0, "Millimeter", None)),
        ("In der Stadt leben 2000 Menschen am Fluss.", ("2000 Menschen", 2000.0, "Mensch", None)),
    ],
)
def test_german_figures_are_found_with_value_unit_and_qualifier(
    text: str, expected: tuple[str, float, str | None, str | None]
) -> None:
    assert _found(text)[0] == pytest.approx(expected)


@pytest.mark.parametrize(
    "text",
    [
        "Der Vertrag wurde im Jahr 2017 in der Hauptstadt unterzeichnet.",
        "Er ist seit 2011 an der Macht im Land.",
        "Die Reise begann am 11.09.2023 im Norden.",
        "Die Reise begann am 13. September im Norden.",
        "Das Feuer brach gegen 19.30 Uhr in der Halle aus.",
        "Die Feuerwehr hatte den Brand gegen sechs Uhr unter Kontrolle.",
        "Die Sirenen heulten um halb acht am Abend.",
        "Gefeiert wurde der 70. Jahrestag des Kriegsendes.",
        "Das zweite Gipfeltreffen fand in der Hauptstadt statt.",
        "Die Armee setzt Panzer vom Typ T-54 und Kampfjets Su-57 ein.",
        "Die Gäste gewannen das Derby mit 31:27 in der Halle.",
        "Sie erreichen die Leitstelle unter 0421 556677 rund um die Uhr.",
        "Der Bericht steht auf Seite 12 der Zeitung.",
        "Mehrere hundert Anwohner mussten ihre Häuser verlassen.",
        "Die Hunderte Anwohner mussten ihre Häuser verlassen.",
        "Die beiden Politiker trafen sich im Garten.",
        "Einer der Helfer kam aus dem Nachbarort.",
        "Die nordkoreanische Führung feiert den 1953 geschlossenen Waffenstillstand.",
    ],
)
def test_years_dates_times_ordinals_codes_and_vague_numbers_are_no_figures(text: str) -> None:
    assert _found(text) == []


def test_the_first_number_of_a_range_shares_the_unit_of_the_second() -> None:
    found = _found("Die Granaten haben Kaliber von 122 und 151 Millimeter.")
    assert [(value, unit) for _, value, unit, _ in found] == [(122.0, "Millimeter"), (151.0, "Millimeter")]
    assert found[0][0] == "122"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The missiles flew 650 kilometres before landing.", ("650 kilometres", 650.0, "kilometre", None)),
        ("The repairs cost $1.5 million last year.", ("$1.5 million", 1.5e6, "Dollar", None)),
        ("The storm left three dead in the valley.", ("three dead", 3.0, "dead", None)),
        ("Some 150 firefighters fought the blaze.", ("Some 150 firefighters", 150.0, "firefighter", "some")),
        ("The army fired two ballistic missiles at dawn.", ("two ballistic missiles", 2.0, "missile", None)),
        ("More than 1,200 people were evacuated.", ("More than 1,200 people", 1200.0, "people", "more than")),
        ("The line is twenty-two kilometres long.", ("twenty-two kilometres", 22.0, "kilometre", None)),
        ("Prices rose by 12% in March.", ("12%", 12.0, "percent", None)),
    ],
)
def test_english_figures_are_found(text: str, expected: tuple[str, float, str | None, str | None]) -> None:
    assert _found(text, "en")[0] == pytest.approx(expected)


@pytest.mark.parametrize(
    "text",
    [
        "The fire started at 7.30 p.m. near the port.",
        "The talks took place on September 13, 2023 in the capital.",
        "He has been in power since 2011 in the country.",
        "Hundreds of residents had to leave their homes.",
        "One of the firefighters was taken to hospital.",
        "See page 12 of the report for details.",
    ],
)
def test_english_non_figures(text: str) -> None:
    assert _found(text, "en") == []


def test_figure_sentence_is_the_sentence_holding_it() -> None:
    d = doc("Der Brand war groß. Vor Ort waren rund 120 Einsatzkräfte im Einsatz.")
    (figure,) = find_figures(d)
    assert figure.sentence == 1 == d.sentence_of(figure.start)


def test_unsupported_language_yields_no_figures() -> None:
    d = doc("Il y avait 120 pompiers sur place.", language="fr")
    assert find_figures(d) == ()


def test_the_same_distance_in_two_outlets_is_one_agreeing_group_named_by_context() -> None:
    docs = [
        _with_figures("Nordland feuerte zwei Raketen ab. Die Raketen seien rund 650 Kilometer weit geflogen.", "A"),
        _with_figures("Die Armee meldete zwei Raketen. Beide seien 650 Kilometer weit geflogen und ins Meer "
                      "gestürzt.", "B"),
    ]
    groups = [g for g in figure_groups(docs) if g.values[0].value == 650]
    assert len(groups) == 1
    (group,) = groups
    assert not group.disagree
    assert [(v.outlet, v.text) for v in group.values] == [("A", "rund 650 Kilometer"), ("B", "650 Kilometer")]
    assert group.what == "Kilometer (Raketen)"
    assert group.values[0].ref.index == 1


def test_different_counts_of_helpers_disagree_and_come_first() -> None:
    docs = [
        _with_figures("Rund 120 Einsatzkräfte der Feuerwehr waren die ganze Nacht im Hafen. Der Schaden beträgt "
                      "4,5 Millionen Euro nach Angaben der Polizei.", "A"),
        _with_figures("Nach Angaben der Feuerwehr waren 150 Einsatzkräfte die Nacht über im Hafen. Die Polizei "
                      "schätzt den Schaden auf rund 4,5 Millionen Euro.", "B"),
        _with_figures("Die Feuerwehr war mit 120 Einsatzkräften im Hafen. Den Schaden schätzt die Polizei auf "
                      "4,5 Millionen Euro. Die Polizei ermittelt.", "C"),
    ]
    groups = figure_groups(docs)
    assert [g.what for g in groups] == ["Einsatzkräfte", "Euro (Schaden)"]
    helpers, damage = groups
    assert helpers.disagree and not damage.disagree
    assert [(v.outlet, v.value) for v in helpers.values] == [("A", 120), ("B", 150), ("C", 120)]
    assert len(damage.values) == 3


@pytest.mark.parametrize(
    ("first", "second", "disagree"),
    [
        ("rund 300", "300", False),
        ("rund 300", "rund 350", True),
        ("mehr als 300", "350", False),  # a lower bound: 350 is more than 300
        ("mehr als 300", "250", True),  # the bound is violated
        ("bis zu 300", "350", True),
        ("knapp 300", "290", False),
        ("2", "3", True),
    ],
)
def test_qualifiers_make_bounds_that_decide_agreement(first: str, second: str, disagree: bool) -> None:
    docs = [
        _with_figures(f"Die Polizei brachte {first} Anwohner aus dem Ortsteil Süderwarf in Sicherheit.", "A"),
        _with_figures(f"Aus dem Ortsteil Süderwarf wurden {second} Anwohner in Sicherheit gebracht.", "B"),
    ]
    (group,) = figure_groups(docs)
    assert group.disagree is disagree


def test_distances_between_other_places_or_far_apart_values_are_not_grouped() -> None:
    docs = [
        _with_figures("Der Bahnhof Frankfurt liegt rund 100 Kilometer von der Grenze zu Polen entfernt.", "A"),
        _with_figures("Die Hafenstadt liegt rund 130 Kilometer von der Grenze zu Dänemark entfernt.", "B"),
        _with_figures("Der Flughafen liegt mehr als 1500 Kilometer von der Grenze entfernt.", "C"),
    ]
    assert figure_groups(docs) == ()


def test_one_outlet_alone_makes_no_group_and_unitless_figures_are_not_grouped() -> None:
    docs = [
        _with_figures("Die Feuerwehr schickte 120 Einsatzkräfte in den Hafen.", "A"),
        _with_figures("Die Feuerwehr schickte 120 Einsatzkräfte in den Hafen.", "A", title="Zweiter Titel"),
        _with_figures("Im Hafen warteten etwa 80 auf die Feuerwehr.", "B"),
    ]
    assert figure_groups(docs) == ()


def test_english_outlets_group_too() -> None:
    docs = [
        _with_figures("About 120 firefighters battled the blaze at the port overnight.", "A", language="en"),
        _with_figures("At the port, 150 firefighters battled the blaze through the night.", "B", language="en"),
    ]
    (group,) = figure_groups(docs)
    assert group.disagree and group.what == "firefighters"


def test_figure_groups_reads_the_figures_on_the_docs() -> None:
    docs = [_with_figures("Rund 120 Einsatzkräfte kamen zum Hafen.", "A"),
            _with_figures("Rund 150 Einsatzkräfte kamen zum Hafen.", "B")]
    assert len(figure_groups(docs)) == 1
    assert figure_groups([dataclasses.replace(d, figures=()) for d in docs]) == ()


def test_only_unit_blocked_pairs_are_scored_and_they_are_exactly_all_pairs_with_a_score() -> None:
    """``_pairs`` compares figures whose units can match and scores equal figures once; the result must be the
    pairs a comparison of every pair gives (agency copies: the same text under several outlets)."""
    from presseschau.brief.figures import _items, _pairs, _score

    texts = [
        "Rund 120 Einsatzkräfte der Feuerwehr waren im Hafen. Der Schaden beträgt 4,5 Millionen Euro. Zwei "
        "Kurzstreckenraketen flogen 650 Kilometer weit.",
        "Etwa 150 Feuerwehrleute löschten im Hafen. Die Raketen flogen rund 600 Kilometer. Der Schaden liegt bei "
        "fünf Millionen Euro.",
        "Die Armee feuerte zwei Raketen ab, die 650 km weit flogen. 3.200 Fahrgäste warteten am Bahnhof.",
    ]
    docs = [_with_figures(text, outlet) for text, outlet in zip(texts * 3, "ABCDEFGHI", strict=True)]
    items = [item for n, d in enumerate(docs) for item in _items(d, n)]
    every = sorted((-score, a, b) for a in range(len(items)) for b in range(a + 1, len(items))
                   if (score := _score(items[a], items[b])) is not None)
    assert len(items) >= 20 and len(every) > 20
    assert sorted(_pairs(items)) == every
