"""Temporal expressions: every supported form in German and English, resolution rules, and the fixture gate."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from nlp_builders import doc

from presseschau.model import TimeExpression
from presseschau.nlp.dates import find_times

THU = "2023-09-14"  # a Thursday
BENCH = Path(__file__).resolve().parent.parent / "bench" / "dates_eval.py"


def times(text: str, published: str | None = THU, language: str = "de") -> dict[str, tuple[str | None, str | None]]:
    d = doc(text, published=published, language=language)
    return {d.article.text[t.start : t.end]: (t.first, t.last) for t in find_times(d)}


def day(iso: str) -> tuple[str, str]:
    return iso, iso


@pytest.mark.parametrize(("published", "text", "expression", "expected"), [
    ("2023-09-14", "Kim traf Putin am Mittwoch in der Hauptstadt.", "am Mittwoch", "2023-09-13"),
    ("2023-09-11", "Der Zug verließ am Montag die Hauptstadt.", "am Montag", "2023-09-11"),
    ("2023-09-13", "Die Delegation war am Dienstag eingetroffen.", "am Dienstag", "2023-09-12"),
    (THU, "Mittwochabend brannte eine Scheune nieder.", "Mittwochabend", "2023-09-13"),
    (THU, "Die Polizei räumte am Dienstagabend das Gelände.", "am Dienstagabend", "2023-09-12"),
    (THU, "Am Montag (11.09.2023) begann der Streik.", "Am Montag (11.09.2023)", "2023-09-11"),
    (THU, "Vergangenen Freitag schloss die Filiale.", "Vergangenen Freitag", "2023-09-08"),
    (THU, "Der Rat tagt wieder am kommenden Freitag.", "am kommenden Freitag", "2023-09-15"),
    (THU, "Der Minister wird am Freitag nach Paris reisen.", "am Freitag", "2023-09-15"),
    (THU, "Die Abstimmung soll am Montag stattfinden.", "am Montag", "2023-09-18"),
    (THU, "Er soll am Montag nach Moskau gefahren sein.", "am Montag", "2023-09-11"),
    (THU, "Am Donnerstag meldete die Behörde neue Zahlen.", "Am Donnerstag", "2023-09-14"),
])
def test_german_weekdays(published: str, text: str, expression: str, expected: str) -> None:
    assert times(text, published)[expression] == day(expected)


@pytest.mark.parametrize(("text", "expression", "expected"), [
    ("Putin met Kim on Wednesday at the spaceport.", "on Wednesday", day("2023-09-13")),
    ("The talks collapsed on Tuesday evening.", "on Tuesday evening", day("2023-09-12")),
    ("The council will vote next Friday.", "next Friday", day("2023-09-15")),
    ("The union will strike on Monday.", "on Monday", day("2023-09-18")),
    ("Yesterday the river flooded the town.", "Yesterday", day("2023-09-13")),
    ("Prices rose today, and tomorrow the bank will decide.", "today", day("2023-09-14")),
    ("Prices rose today, and tomorrow the bank will decide.", "tomorrow", day("2023-09-15")),
    ("The storm reached the coast this morning.", "this morning", day("2023-09-14")),
    ("Sales fell last week.", "last week", ("2023-09-04", "2023-09-10")),
    ("The ship sank two days ago.", "two days ago", day("2023-09-12")),
    ("The deal was signed on September 13, 2023, in Geneva.", "on September 13, 2023", day("2023-09-13")),
    ("About 2000 people marched on 12 September.", "on 12 September", day("2023-09-12")),
    ("The plant closed in early 2020.", "in early 2020", ("2020-01-01", "2020-04-30")),
    ("Exports fell in August.", "in August", ("2023-08-01", "2023-08-31")),
    ("They first met in April 2019.", "in April 2019", ("2019-04-01", "2019-04-30")),
    ("It is the first visit since 2019.", "since 2019", ("2019-01-01", "2019-12-31")),
])
def test_english(text: str, expression: str, expected: tuple[str, str]) -> None:
    assert times(text, language="en")[expression] == expected


@pytest.mark.parametrize(("text", "expression", "expected"), [
    ("Gestern sprach der Kanzler im Bundestag.", "Gestern", day("2023-09-13")),
    ("Der Verband hatte vorgestern gewarnt.", "vorgestern", day("2023-09-12")),
    ("Heute beginnt die Messe.", "Heute", day("2023-09-14")),
    ("Der Minister reiste heute Morgen ab.", "heute Morgen", day("2023-09-14")),
    ("Das Urteil fällt morgen.", "morgen", day("2023-09-15")),
    ("Morgen wird in Bremen gewählt.", "Morgen", day("2023-09-15")),
    ("Der Gipfel beginnt übermorgen.", "übermorgen", day("2023-09-16")),
    ("Vergangene Woche stiegen die Preise.", "Vergangene Woche", ("2023-09-04", "2023-09-10")),
    ("Die Zahl sank letzte Woche.", "letzte Woche", ("2023-09-04", "2023-09-10")),
    ("Diese Woche ruht der Betrieb.", "Diese Woche", ("2023-09-11", "2023-09-17")),
    ("Nächste Woche kommt der Bericht.", "Nächste Woche", ("2023-09-18", "2023-09-24")),
    ("Die Gespräche gehen kommende Woche weiter.", "kommende Woche", ("2023-09-18", "2023-09-24")),
    ("Vor zwei Tagen brach der Deich.", "Vor zwei Tagen", day("2023-09-12")),
    ("Der Vertrag wurde vor drei Wochen geschlossen.", "vor drei Wochen", ("2023-08-21", "2023-08-27")),
    ("Im vergangenen Jahr kamen mehr Gäste.", "Im vergangenen Jahr", ("2022-01-01", "2022-12-31")),
])
def test_german_relative(text: str, expression: str, expected: tuple[str, str]) -> None:
    assert times(text)[expression] == expected


@pytest.mark.parametrize(("text", "expression", "expected"), [
    ("Das Werk öffnete am 11.09.2023 wieder.", "am 11.09.2023", day("2023-09-11")),
    ("Das Werk öffnete am 11.9.2023 wieder.", "am 11.9.2023", day("2023-09-11")),
    ("Das Werk öffnete am 11.09. wieder.", "am 11.09.", day("2023-09-11")),
    ("Die Messe endete am 13. September.", "am 13. September", day("2023-09-13")),
    ("Die Messe endete am 13. September 2023.", "am 13. September 2023", day("2023-09-13")),
    ("Die Messe endete am 13. Sept. mit einem Rekord.", "am 13. Sept.", day("2023-09-13")),
    ("Laut Protokoll war es der 2023-09-13.", "2023-09-13", day("2023-09-13")),
    ("Im August regnete es kaum.", "Im August", ("2023-08-01", "2023-08-31")),
    ("Im April 2019 kaufte die Stadt das Haus.", "Im April 2019", ("2019-04-01", "2019-04-30")),
    ("Anfang 2020 schloss das Werk.", "Anfang 2020", ("2020-01-01", "2020-04-30")),
    ("Ende August kam der Regen.", "Ende August", ("2023-08-21", "2023-08-31")),
    ("Die Zahl wächst seit 2019 stetig.", "seit 2019", ("2019-01-01", "2019-12-31")),
    ("Im Jahr 2017 gab es noch 400 Mitglieder.", "Im Jahr 2017", ("2017-01-01", "2017-12-31")),
    ("Die 1953 gegründete Werft schließt.", "1953", ("1953-01-01", "1953-12-31")),
    ("Die Wahl findet am 24. September statt.", "am 24. September", day("2023-09-24")),
    ("Der Besuch wird im Oktober erwartet.", "im Oktober", ("2023-10-01", "2023-10-31")),
])
def test_german_dates_months_years(text: str, expression: str, expected: tuple[str, str]) -> None:
    assert times(text)[expression] == expected


def test_a_date_without_year_takes_the_nearest_past_year_across_new_year() -> None:
    assert times("Am 28.12. fiel der erste Schnee.", "2024-01-05")["Am 28.12."] == day("2023-12-28")


@pytest.mark.parametrize("text", [
    "Der Kurs stieg um 11.09 Prozent.",
    "Die Variante COVID-2019 blieb selten.",
    "Rund 2000 Soldaten waren im Einsatz.",
    "Am Morgen lag Nebel über dem Fluss.",
    "Der Mai ist gekommen.",
    "Die Zahl stieg auf 1500 Euro.",
])
def test_no_false_positives(text: str) -> None:
    assert times(text) == {}


def test_morgen_after_heute_is_the_morning_not_tomorrow() -> None:
    assert times("Der Zug fuhr heute morgen ab.") == {"heute morgen": day("2023-09-14")}
    assert times("Die Frist läuft bis morgen.") == {"bis morgen": day("2023-09-15")}


def test_without_publication_date_only_absolute_expressions_resolve() -> None:
    found = times("Am Mittwoch unterschrieben beide. Gestern kam Kritik. Das war im April 2019 anders.", None)
    assert found == {"Am Mittwoch": (None, None), "Gestern": (None, None),
                     "im April 2019": ("2019-04-01", "2019-04-30")}
    assert times("Der Vertrag wurde am 13. September 2023 unterschrieben.", None) == {
        "am 13. September 2023": day("2023-09-13")}


def test_partial_publication_date_resolves_years_and_months_but_not_weekdays() -> None:
    found = times("Am 11.09. begann die Ernte, am Dienstag kam Regen. Im August war es trocken. Gestern nicht.",
                  "2023-09")
    assert found == {"Am 11.09.": day("2023-09-11"), "am Dienstag": (None, None),
                     "Im August": ("2023-08-01", "2023-08-31"), "Gestern": (None, None)}


def test_weekdays_anchor_on_the_articles_own_full_date() -> None:
    found = times("Der Zug fuhr am Montag (11.09.2023) ab. Am Mittwoch traf Kim Putin. "
                  "Am Freitag hatte es Gerüchte gegeben. Der Gipfel soll ab Sonntag stattfinden. Heute regnet es.",
                  "2023-09")
    assert found["Am Mittwoch"] == day("2023-09-13")
    assert found["Am Freitag"] == day("2023-09-08")  # nearest Friday to the anchor, three days before it
    assert found["ab Sonntag"] == day("2023-09-17")  # future clause: on or after the anchor
    assert found["Heute"] == (None, None)  # the anchor is a date in the text, not the day of writing


def test_a_historical_date_anchors_nothing_but_one_in_the_publication_month_does() -> None:
    text = "Am Montag erinnerte der Präsident an den 9. November 1989. Die Feier am 12.09.2023 war kurz."
    assert times(text, None)["Am Montag"] == (None, None)
    assert times(text, "2023-09")["Am Montag"] == day("2023-09-11")
    assert times("Am Montag (12.09.2023) fuhr er ab. Am Mittwoch kam er an.", None)["Am Mittwoch"] == (None, None)


def test_publication_time_and_offset_are_read() -> None:
    assert times("Gestern Abend tagte der Rat.", "2025-03-12T18:30:00+01:00") == {"Gestern Abend": day("2025-03-11")}


def test_kinds_sentences_and_offsets() -> None:
    d = doc("Ein erster Satz ohne Datum. Am Montag (11.09.2023) fuhr er ab. Im April 2019 und seit 2019 "
            "und gestern.", published=THU)
    found = find_times(d)
    assert [t.kind for t in found] == ["date", "month", "year", "relative"]
    assert all(isinstance(t, TimeExpression) and t.sentence == d.sentence_of(t.start) for t in found)
    assert [t.sentence for t in found] == [1, 2, 2, 2]
    assert d.article.text[found[0].start : found[0].end] == "Am Montag (11.09.2023)"


def test_unsupported_language_and_odd_text_yield_nothing() -> None:
    assert find_times(doc("Le 13 septembre 2023, il pleuvait.", language="fr")) == ()
    assert times("31.02.2023 ??? 99.99. --- 0000") == {}


def _bench() -> object:
    spec = importlib.util.spec_from_file_location("dates_eval", BENCH)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_annotated_fixture_floors() -> None:
    bench = _bench()
    scores, _ = bench.evaluate(bench.load())  # type: ignore[attr-defined]
    assert scores["sentences"] >= 50
    # Measured 2026-11-21 on 62 sentences (49 German, 13 English), 69 gold expressions:
    # precision 0.985, recall 0.928, resolution accuracy 0.984 (python bench/dates_eval.py).
    assert scores["precision"] >= 0.96
    assert scores["recall"] >= 0.90
    assert scores["resolution_accuracy"] >= 0.96


def test_ago_in_any_case_and_with_digits() -> None:
    assert times("VOR 2 TAGEN brach der Deich.") == {"VOR 2 TAGEN": day("2023-09-12")}
    assert times("The dam broke 3 Days ago.", language="en") == {"3 Days ago": day("2023-09-11")}


@pytest.mark.parametrize(("text", "language", "expression"), [
    ("Die Messe begann am Montag, 11. September 2023, in Leipzig.", "de", "am Montag, 11. September 2023"),
    ("Die Messe begann am Montag, den 11.09.2023 in Leipzig.", "de", "am Montag, den 11.09.2023"),
    ("The fair opened on Monday (Sept. 11) in Leipzig.", "en", "on Monday (Sept. 11)"),
    ("The fair opened on Monday, September 11, 2023, in Leipzig.", "en", "on Monday, September 11, 2023"),
])
def test_a_weekday_with_its_date_is_one_date(text: str, language: str, expression: str) -> None:
    d = doc(text, published=None if "2023" in text else THU, language=language)
    (found,) = find_times(d)
    assert (d.article.text[found.start : found.end], found.kind, found.first) == (expression, "date", "2023-09-11")


def test_boundary_in_a_present_tense_clause_points_forward() -> None:
    # Published Thursday 2025-03-13: "bleibt bis mindestens Freitag gesperrt" is the coming Friday.
    d = doc("Der Kai bleibt bis mindestens Freitag gesperrt.", published="2025-03-13")
    (t,) = [t for t in find_times(d) if "Freitag" in d.article.text[t.start : t.end]]
    assert t.first == "2025-03-14"
