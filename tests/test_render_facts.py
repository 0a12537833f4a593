"""Tests of the story facts (timeline, entities, quotes, figures, only-in, copies) in every output format."""

from __future__ import annotations

import copy
import html
import json
import math
import re
from dataclasses import replace
from typing import Any

import builders as b
import pytest
from jsonschema import Draft202012Validator, ValidationError
from test_render import Page, flat

from presseschau.model import (
    Digest,
    Entity,
    FigureGroup,
    FigureValue,
    OnlyIn,
    QuoteGroup,
    SentenceRef,
    TimelineEvent,
)
from presseschau.render import render
from presseschau.render.facts import day_label
from presseschau.render.json import schema

HEADINGS = ["Zusammenfassung", "Zeitleiste", "Beteiligte", "Zitate", "Zahlen", "Nur bei …", "Quellen und Kopien"]


def plain(digest: Digest, fmt: str) -> str:
    """The output as the reader sees it: tags, Markdown marks and footnote numbers taken away, one line."""
    output = render(digest, fmt, width=400)
    if fmt == "html":
        output = html.unescape(re.sub(r"<[^>]+>", "", output))
    if fmt == "md":
        output = re.sub(r"\[\^\d+\]", "", output).replace("**", "").replace("\\", "")
    if fmt == "text":
        output = output.replace("•", "")  # the timeline's bullet column stands between date and event
    return flat(output)


def with_facts(**facts: Any) -> Digest:
    """The storm digest with only the given facts; the other fact fields are empty."""
    storm = b.storm()
    empty = {"timeline": (), "entities": (), "quotes": (), "figures": (), "only_in": (), "copies": ()}
    bare = replace(storm.briefings[0], **empty, independent_sources=0, translations=())
    return replace(storm, briefings=(replace(bare, **facts),))


@pytest.mark.parametrize("fmt", ["text", "md", "html"])
def test_every_format_shows_every_fact(fmt: str) -> None:
    shown = plain(b.storm(), fmt)
    # HTML puts each value of a disagreement on a line of its own.
    disagreement = ["Abweichung: Einsatzkräfte Nordkurier, Küstenbote: Rund 120 Morgenecho: 150"]
    if fmt != "html":
        disagreement = ["Abweichung: Einsatzkräfte — Nordkurier, Küstenbote: Rund 120; Morgenecho: 150"]
    for expected in [
        *disagreement,
        "11.–13.09.2023",
        "Mi, 13.09.2023",
        "Fr, 15.09.2023",
        "Datum unklar: „in den nächsten Tagen“",
        "Die Aufräumarbeiten werden nehmen Platz in den nächsten Tagen.",
        "Personen",
        "Orte",
        "Länder",
        "Organisationen",
        "Hafenmeisterin",
        "auch: Olsen",
        "Morgenecho 1×",
        "„Wir hatten großes Glück, dass niemand unter dem Kran stand“",
        "wörtlich",
        "paraphrasiert",
        "nur bei Morgenecho",
        "Schaden in Euro: 4 Millionen Euro",
        "Nur bei Küstenbote",
        "4 Artikel, 3 unabhängige Quellen",
        "Küstenbote übernimmt Nordkurier (Ähnlichkeit 0,83): ergänzt 1 Satz, kürzt 2 Sätze",
        "Der Hafen bleibt bis auf Weiteres für Besucher gesperrt.",
        "Die Seedorf Port AG schätzt den Schaden auf 4 Millionen Euro.",
        "Inselbote („Sturm wirft Kran um“) wirkt maschinell übersetzt",
        "hat umgeworfen einen Kran",
        b.MARKUP,
    ]:
        assert expected in shown, expected
    positions = [shown.index(heading) for heading in HEADINGS]
    assert positions == sorted(positions), "sections must come in reading order"
    assert shown.index("Abweichung") < shown.index("Schaden in Euro"), "disagreements come first"
    assert shown.index("Personen") < shown.index("Orte") < shown.index("Länder") < shown.index("Organisationen")


@pytest.mark.parametrize("fmt", ["text", "md", "html"])
def test_empty_fact_sections_are_left_out(fmt: str) -> None:
    only_timeline = plain(with_facts(timeline=b.briefing_facts(b.storm().docs)["timeline"]), fmt)
    assert "Zeitleiste" in only_timeline and "Mi, 13.09.2023" in only_timeline
    for heading in ["Beteiligte", "Zitate", "Zahlen", "Nur bei", "Quellen und Kopien", "unabhängige"]:
        assert heading not in only_timeline, heading
    assert "Quellen" in only_timeline, "the sources table stays"


@pytest.mark.parametrize("width", [40, 100])
def test_text_facts_fit_the_width(width: int) -> None:
    output = render(b.storm(), "text", width=width)
    assert max(len(line) for line in output.splitlines()) <= width
    assert "Datum unklar:" in output


def test_json_holds_every_fact_and_follows_the_schema() -> None:
    data = json.loads(render(b.storm(), "json"))
    Draft202012Validator(schema()).validate(data)
    story = data["stories"][0]
    assert story["timeline"][0] == {
        "first": "2023-09-11",
        "last": "2023-09-13",
        "expression": "von Montag bis Mittwoch",
        "sources": ["n1"],
        "refs": [{"article": "n1", "sentence": 4}],
        "outlets": ["Nordkurier"],
    }
    assert story["timeline"][3]["first"] is None and story["timeline"][3]["last"] is None
    assert story["timeline"][1]["sources"] == ["n1", "m1", "k1", "i1"]
    olsen = story["entities"][0]
    assert olsen["variants"] == ["Greta Olsen", "Olsen"] and olsen["roles"] == ["Hafenmeisterin"]
    assert olsen["mentions"][:2] == [{"outlet": "Nordkurier", "count": 1}, {"outlet": "Morgenecho", "count": 1}]
    assert [q["agreement"] for q in story["quotes"]] == ["verbatim", "paraphrased", "single"]
    assert story["quotes"][1]["kind"] == "indirect" and story["quotes"][1]["sources"] == ["m1", "i1"]
    crew = story["figures"][1]
    assert crew["disagree"] is True
    assert crew["values"][1] == {"value": 150, "text": "150", "outlet": "Morgenecho", "article": "m1", "sentence": 1}
    assert story["only_in"][1] == {"outlet": "Küstenbote", "refs": [{"article": "k1", "sentence": 3}]}
    assert story["copies"] == [
        {
            "article": "k1",
            "origin": "n1",
            "similarity": 0.83,
            "added": [{"article": "k1", "sentence": 3}],
            "cut": [{"article": "n1", "sentence": 3}, {"article": "n1", "sentence": 4}],
        }
    ]
    assert story["independent_sources"] == 3
    assert story["translations"][0]["article"] == "i1" and story["translations"][0]["evidence"][1] == b.MARKUP


def test_json_always_has_the_fact_keys() -> None:
    story = json.loads(render(with_facts(), "json"))["stories"][0]
    for key in ["timeline", "entities", "quotes", "figures", "only_in", "copies", "translations"]:
        assert story[key] == []
    assert story["independent_sources"] == 0


def _bad_kind(d: dict[str, Any]) -> None:
    d["stories"][0]["quotes"][0]["kind"] = "quoted"


def _german_date(d: dict[str, Any]) -> None:
    d["stories"][0]["timeline"][0]["first"] = "13.09.2023"


def _no_timeline(d: dict[str, Any]) -> None:
    del d["stories"][0]["timeline"]


def _similarity_above_one(d: dict[str, Any]) -> None:
    d["stories"][0]["copies"][0]["similarity"] = 1.5


def _figure_without_sentence(d: dict[str, Any]) -> None:
    del d["stories"][0]["figures"][0]["values"][0]["sentence"]


def _mentions_as_pairs(d: dict[str, Any]) -> None:
    d["stories"][0]["entities"][0]["mentions"] = [["Nordkurier", 1]]


@pytest.mark.parametrize(
    "break_it",
    [_bad_kind, _german_date, _no_timeline, _similarity_above_one, _figure_without_sentence, _mentions_as_pairs],
)
def test_schema_rejects_invalid_facts(break_it: Any) -> None:
    broken = copy.deepcopy(json.loads(render(b.storm(), "json")))
    break_it(broken)
    with pytest.raises(ValidationError):
        Draft202012Validator(schema()).validate(broken)


def test_html_fact_citations_jump_to_sentences() -> None:
    page = render(b.storm(), "html")
    parsed = Page(page)
    ids = set(parsed.values("id"))
    hrefs = parsed.values("href")
    assert [href for href in hrefs if href[1:] not in ids] == []
    for cited in [
        "#s-n1-4",  # timeline
        "#s-k1-2",  # quote
        "#s-m1-1",  # the disagreeing figure "Morgenecho: 150"
        "#s-m1-5",  # only in Morgenecho
        "#s-k1-3",  # added by the copy
        "#s-n1-3",  # cut from the origin
        "#story-st-sturm-zeitleiste",  # table of contents
    ]:
        assert cited in hrefs, cited
    disagreement = re.search(r'<li class="disagree">(.*?)</ul>', page, flags=re.DOTALL)
    assert disagreement is not None and "Einsatzkräfte" in disagreement.group(1)
    assert '<a class="cite" href="#s-m1-1"' in disagreement.group(1)
    assert '<time datetime="2023-09-13">Mi, 13.09.2023</time>' in page
    assert re.search(r'<li class="unclear">\s*<div class="when">Datum unklar: <span class="expr">„in den', page)
    assert re.search(r"<details>\s*<summary>Ergänzte und gekürzte Sätze</summary>", page)


def test_html_escapes_facts() -> None:
    page = render(b.storm(), "html")
    assert b.MARKUP not in page and "<script" not in page
    assert "&lt;b&gt;fett&lt;/b&gt; &amp; &lt;script&gt;alert(2)&lt;/script&gt;" in page


def test_a_day_is_named_once_and_a_copied_claim_is_shown_once() -> None:
    docs = b.storm().docs
    digest = with_facts(
        timeline=(
            b.event(docs, "am Mittwoch", ("n1", 0), first="2023-09-13"),
            b.event(docs, "am Mittwoch", ("m1", 0), first="2023-09-13"),
            b.event(docs, "am Donnerstag", ("i1", 2), first="2023-09-14"),
        ),
        # As the brief stage lists it: each claim's own sentence, then the copy's sentence that repeats it.
        only_in=(OnlyIn("Nordkurier", (SentenceRef("n1", 2), SentenceRef("k1", 2), SentenceRef("n1", 3))),),
    )
    claim = "„Wir hatten großes Glück, dass niemand unter dem Kran stand“, sagte Hafenmeisterin Greta Olsen."
    for fmt in ["text", "md"]:
        shown = plain(digest, fmt)
        assert shown.count("Mi, 13.09.2023") == 1 and shown.count("Do, 14.09.2023") == 1, fmt
        assert shown.count(claim) == 1, fmt
        assert f"{claim} [Nordkurier, Küstenbote]" in shown, fmt
        assert "4 Millionen Euro. [Nordkurier]" in shown, fmt
    page = render(digest, "html")
    assert len(re.findall(r'<li class="dated again">', page)) == 1
    start = page.index('<div class="only">')
    only = page[start : page.index("</div>", start)]
    assert 'href="#s-n1-2"' in only and 'href="#s-k1-2"' in only and 'href="#s-n1-3"' in only
    assert only.count("dass niemand unter dem Kran stand") == 1


def test_odd_facts_are_shown_without_failing() -> None:
    """Refs to a missing article or sentence, unknown types, no speaker, a NaN figure: shown, never linked."""
    lost, past_end = SentenceRef("weg", 0), SentenceRef("n1", 99)
    digest = with_facts(
        timeline=(TimelineEvent("2023-09-31", None, "am 31. September", (lost,), ("Geisterblatt",)),),
        entities=(Entity("Sturmtief Xaver", "event", ("Sturmtief Xaver",), (), (("Nordkurier", 1),), (past_end,)),),
        quotes=(QuoteGroup(None, "direct", "Ruhe bewahren", "single", (past_end,), ()),),
        figures=(FigureGroup("Wellenhöhe", (FigureValue(math.nan, "unzählige", "Nordkurier", past_end),), False),),
    )
    for fmt in ["text", "md", "html"]:
        shown = plain(digest, fmt)
        assert "2023-09-31" in shown and "weg, Satz 1" in shown, fmt
        assert "Weitere" in shown and "Sturmtief Xaver" in shown, fmt
        assert "ohne Sprecher" in shown and "nur eine Quelle" in shown, fmt
    parsed = Page(render(digest, "html"))
    hrefs = parsed.values("href")
    assert "#s-weg-0" not in hrefs and "#s-n1-99" not in hrefs
    assert [href for href in hrefs if href[1:] not in set(parsed.values("id"))] == []
    data = json.loads(render(digest, "json"))
    assert data["stories"][0]["figures"][0]["values"][0]["value"] is None


@pytest.mark.parametrize(
    ("first", "last", "label"),
    [
        ("2023-09-13", None, "Mi, 13.09.2023"),
        ("2023-09-13", "2023-09-13", "Mi, 13.09.2023"),
        ("2023-09-11", "2023-09-13", "11.–13.09.2023"),
        ("2023-08-30", "2023-09-02", "30.08.–02.09.2023"),
        ("2023-12-30", "2024-01-02", "30.12.2023–02.01.2024"),
        ("2023-09-01", "2023-09-30", "September 2023"),
        ("2024-02-01", "2024-02-29", "Februar 2024"),
        ("2023-01-01", "2023-12-31", "2023"),
        ("2023-09-13", "2023-09-11", "11.–13.09.2023"),
        ("2023-09", None, "2023-09"),
    ],
)
def test_day_labels(first: str, last: str | None, label: str) -> None:
    assert day_label(first, last) == label
