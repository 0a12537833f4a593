"""The story timeline: grouping one event across outlets, ordering, anchors and what is left out."""

from __future__ import annotations

import dataclasses

from nlp_builders import doc

from presseschau.brief.align import Aligner
from presseschau.brief.candidates import candidates
from presseschau.brief.timeline import timeline
from presseschau.model import Doc, SentenceRef, TimelineEvent
from presseschau.nlp.dates import find_times


def dated(text: str, outlet: str, published: str | None, language: str = "de") -> Doc:
    d = doc(text, outlet=outlet, published=published, language=language)
    return dataclasses.replace(d, times=find_times(d))


def run(*docs: Doc) -> tuple[TimelineEvent, ...]:
    return timeline(docs, Aligner(candidates(docs)))


def test_one_event_across_two_outlets_with_both_refs_and_outlets() -> None:
    a = dated("Der Hafenkran stürzte am Mittwoch im Containerterminal Waltershof auf ein Frachtschiff.",
              "Nordkurier", "2023-09-14")
    b = dated("Gestern stürzte ein Hafenkran im Containerterminal Waltershof auf ein Frachtschiff.",
              "Elbbote", "2023-09-14")
    (event,) = run(a, b)
    assert (event.first, event.last) == ("2023-09-13", "2023-09-13")
    assert event.expression == "am Mittwoch"
    assert event.refs == (SentenceRef(a.article.id, 0), SentenceRef(b.article.id, 0))
    assert event.outlets == ("Nordkurier", "Elbbote")


def test_same_day_other_content_stays_apart_and_events_are_ordered() -> None:
    a = dated("Die Stadtwerke erhöhten am Mittwoch die Gaspreise für Haushalte deutlich. "
              "Im April 2019 hatte der Stadtrat den Verkauf der Stadtwerke abgelehnt. "
              "Die Feuerwehr löschte am Mittwoch einen Brand in einer Lagerhalle am Hafen.",
              "Nordkurier", "2023-09-14")
    b = dated("Am Sonntag demonstrierten Hunderte Anwohner gegen den Lärm am Flughafen.", "Elbbote", None)
    events = run(a, b)
    assert [(e.first, e.expression) for e in events] == [
        ("2019-04-01", "Im April 2019"), ("2023-09-13", "am Mittwoch"), ("2023-09-13", "am Mittwoch"),
        (None, "Am Sonntag"),
    ]
    assert events[1].refs != events[2].refs


def test_unresolved_ones_follow_in_article_order() -> None:
    a = dated("Der Bürgermeister trat am Montag zurück. Gestern wählte der Rat einen Nachfolger.", "A", None)
    b = dated("Das Museum wurde im Jahr 1953 eröffnet, sagte die Leiterin am Freitag.", "B", None)
    assert [(e.first, e.expression) for e in run(a, b)] == [
        ("1953-01-01", "im Jahr 1953"), (None, "am Montag"), (None, "Gestern")]


def test_boundaries_headings_and_repeats_are_no_extra_events() -> None:
    a = dated("Streik am Montag\n"
              "Es ist der erste Streik seit 2019 im Hafen von Rostock.\n"
              "Die Hafenarbeiter in Rostock legten am Montag die Arbeit nieder und blockierten das Tor.\n"
              "Erst am Montag legten die Hafenarbeiter in Rostock die Arbeit nieder und blockierten das Tor.",
              "A", "2023-09-14")
    events = run(a)
    assert len(events) == 1
    assert events[0].refs == (SentenceRef(a.article.id, 2),)
    assert events[0].first == "2023-09-11"


def test_a_wide_range_joins_the_precise_day_of_the_same_content() -> None:
    a = dated("Im September 2023 unterzeichneten Norwegen und Schweden das Abkommen über die Fischerei.",
              "A", None)
    b = dated("Am 13. September 2023 unterzeichneten Norwegen und Schweden das Abkommen über die Fischerei.",
              "B", None)
    (event,) = run(a, b)
    assert (event.first, event.last, event.expression) == ("2023-09-13", "2023-09-13", "Am 13. September 2023")
    assert event.refs == (SentenceRef(b.article.id, 0), SentenceRef(a.article.id, 0))
    assert event.outlets == ("B", "A")


def test_anchor_on_own_date_and_on_another_articles_date() -> None:
    own = dated("Die Fähre legte am Montag (11.09.2023) in Kiel nach Oslo ab. "
                "Am Mittwoch erreichte die Fähre nach zwei Tagen auf See den Hafen von Oslo.", "Kieler Blatt", None)
    month = dated("Die Fähre aus Kiel war am Dienstag in einen Sturm im Skagerrak geraten.", "Nordwind", "2023-09")
    undated = dated("Am Mittwoch erreichte die Fähre aus Kiel nach der Fahrt den Hafen von Oslo.", "Fjordpost", None)
    events = run(own, month, undated)
    by_day = {e.first: e for e in events}
    assert by_day["2023-09-12"].expression == "am Dienstag (bezogen auf 11.09.2023 laut Kieler Blatt)"
    arrival = by_day["2023-09-13"]
    assert arrival.expression == "Am Mittwoch (bezogen auf 11.09.2023)"
    # The undated article's plain "Am Mittwoch" joins the same arrival, dated by the article that gives the day.
    assert arrival.outlets == ("Kieler Blatt", "Fjordpost")
    assert all(e.first for e in events)


def test_no_story_anchor_for_an_article_without_any_date() -> None:
    own = dated("Die Fähre legte am Montag (11.09.2023) in Kiel nach Oslo ab.", "Kieler Blatt", None)
    other = dated("Die Reederei stellte am Freitag einen neuen Fahrplan für den Winter vor.", "Fjordpost", None)
    assert [(e.first, e.expression) for e in run(own, other)] == [
        ("2023-09-11", "am Montag (11.09.2023)"), (None, "am Freitag")]


def test_english_articles_and_publication_day_sentences() -> None:
    a = dated("The harbour crane collapsed onto a cargo ship at the Waltershof terminal today.",
              "Harbour News", "2023-09-13", "en")
    b = dated("A harbour crane collapsed onto a cargo ship at the Waltershof terminal on Wednesday.",
              "Port Daily", "2023-09-15", "en")
    (event,) = run(a, b)
    assert (event.first, event.outlets) == ("2023-09-13", ("Harbour News", "Port Daily"))


def test_no_times_no_events() -> None:
    assert run(dated("Der Hafen bleibt geschlossen.", "A", "2023-09-14")) == ()


def test_sharing_only_the_date_is_not_the_same_event() -> None:
    a = dated("Am 13. September 2023 eröffnete der Zoo. Die Tiere kamen aus Afrika. Der Eintritt ist frei.", "A", None)
    b = dated("Am 13. September 2023 schloss die Bank. Die Kunden waren empört. Die Filiale war alt.", "B", None)
    assert [e.outlets for e in run(a, b)] == [("A",), ("B",)]
