"""Tests of the output formats on a hand-built digest (no pipeline stage runs)."""

from __future__ import annotations

import copy
import html
import json
import re
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path
from typing import Any

import builders as b
import pytest
from jsonschema import Draft202012Validator, ValidationError

from presseschau.errors import UnknownBackendError
from presseschau.model import Digest, Skipped
from presseschau.render import FORMATS, render
from presseschau.render.json import schema
from presseschau.render.view import date_label

SCRIPT = "<script>alert(1)</script>"

FERRY = (
    "Die Fähre „Möwe“ ist am Dienstagmorgen vor Nordhaven auf eine Sandbank gelaufen. "
    "Alle 84 Fahrgäste blieben unverletzt. "
    "Die Reederei Krause & Söhne kündigte eine Untersuchung an.\n"
    "Am Nachmittag zog ein Schlepper das Schiff frei."
)
WIRE = (
    "Eine Fähre ist vor Nordhaven auf Grund gelaufen. "
    "Die 84 Passagiere wurden laut Küstenwache an Land gebracht. "
    f"Ein Sprecher schrieb {SCRIPT} in den Chat & lachte."
)
BRIDGE = (
    "Der Gemeinderat von Talwald hat den Bau einer neuen Brücke beschlossen. "
    "Die Kosten liegen bei 2,4 Millionen Euro. Baubeginn ist im Herbst."
)


def sample() -> Digest:
    """Two stories, three articles (one without date, one with markup in its title), a skipped file."""
    ferry = b.article(
        "a1",
        FERRY,
        title="Fähre läuft im Nebel auf Sandbank",
        outlet="Hafenblatt",
        published="2024-03-05T09:30:00",
        url="https://hafenblatt.example/faehre",
        removed=[
            b.removal("Foto: Privatarchiv", rule="photo-credit", reason="Bildnachweis im Text", line=4),
            b.removal("Anzeige", rule="boilerplate", reason="Werbekennzeichnung", line=9),
        ],
    )
    wire = b.article("a2", WIRE, title=f"Fähre auf Grund {SCRIPT} & mehr", outlet="Reuters", published=None)
    bridge = b.article(
        "a3", BRIDGE, title="Talwald baut neue Brücke", outlet="Bergkurier", published="2024-03"
    )
    docs = [b.doc(ferry), b.doc(wire), b.doc(bridge, warnings=["Sprache unsicher"])]
    story_ferry = b.briefing(
        "st-faehre",
        "Fähre vor Nordhaven auf Grund",
        [ferry, wire],
        [b.line(docs, ("a1", 0), ("a2", 0)), b.line(docs, ("a2", 2)), b.line(docs, ("a2", 1), ("a1", 1))],
    )
    story_bridge = b.briefing(
        "st-bruecke", "Talwald baut neue Brücke", [bridge], [b.line(docs, ("a3", 0)), b.line(docs, ("a3", 1))]
    )
    return b.digest(
        [ferry, wire, bridge],
        docs,
        [story_ferry, story_bridge],
        skipped=[Skipped("eingang/kaputt.pdf", "ingest", "Format nicht unterstützt")],
        warnings=["Zwei Dateien ohne Datum"],
    )


class Page(HTMLParser):
    """Collects tags, attributes and the text of each sentence span of an HTML page."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.spans: dict[str, str] = {}
        self._open: str | None = None
        self.feed(page)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag == "span" and attributes.get("class") == "sent":
            self._open = attributes["id"]
            assert self._open is not None
            self.spans[self._open] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "span":
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self.spans[self._open] += data

    def values(self, name: str) -> list[str]:
        return [value for _, attrs in self.tags for key, value in attrs.items() if key == name and value]


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_format_renders_both_stories(fmt: str) -> None:
    output = render(sample(), fmt)
    assert "Talwald baut neue Brücke" in output
    assert "Nordhaven" in output
    assert output == render(sample(), fmt), "rendering must be deterministic"


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_empty_digest_renders(fmt: str) -> None:
    assert render(b.digest([], [], []), fmt)


def test_text_is_plain_without_color_and_cites_every_outlet() -> None:
    output = render(sample(), "text", width=100)
    assert "\x1b" not in output
    assert max(len(line) for line in output.splitlines()) <= 100
    text = flat(output)
    assert "Sandbank gelaufen. [Hafenblatt, Reuters]" in text
    assert "an Land gebracht. [Reuters, Hafenblatt]" in text
    assert "2 Artikel aus 2 Medien: Hafenblatt, Reuters" in text
    assert "1 Artikel aus 1 Medium" in text
    assert "Datum unbekannt" in text and "05.03.2024, 09:30" in text
    assert "eingang/kaputt.pdf" in text and "Format nicht unterstützt" in text
    assert "Zwei Dateien ohne Datum" in text and "Sprache unsicher" in text
    # Markup-looking article text comes out verbatim, not interpreted by rich.
    assert SCRIPT in text


def test_text_color_and_width_are_honoured() -> None:
    assert "\x1b[" in render(sample(), "text", color=True)
    narrow = render(sample(), "text", width=40)
    assert max(len(line) for line in narrow.splitlines()) <= 40
    # Narrow terminals get the sources as a list, with outlet names whole rather than folded.
    assert "Bergkurier, 03.2024," in flat(narrow)


def test_markdown_lists_outlets_with_footnotes() -> None:
    output = render(sample(), "md")
    assert "## 1. Fähre vor Nordhaven auf Grund" in output
    assert "\\[Hafenblatt[^1], Reuters[^2]\\]" in output
    assert "\\[Reuters[^2], Hafenblatt[^1]\\]" in output
    used = set(re.findall(r"\[\^(\d+)\](?!:)", output))
    defined = set(re.findall(r"^\[\^(\d+)\]:", output, flags=re.MULTILINE))
    assert used and used <= defined
    assert SCRIPT not in output and "\\<script\\>" in output
    assert "| Datum unbekannt |" in output
    assert "## Übersprungen" in output and "eingang/kaputt.pdf" in output


@pytest.mark.parametrize("fmt", ["text", "md", "html"])
def test_explain_shows_removals(fmt: str) -> None:
    plain, explained = render(sample(), fmt), render(sample(), fmt, explain=True)
    assert "Foto: Privatarchiv" not in plain
    assert "Foto: Privatarchiv" in explained
    assert "photo-credit" in explained and "Bildnachweis im Text" in explained


def test_json_schema_is_valid_and_output_follows_it() -> None:
    Draft202012Validator.check_schema(schema())
    data = json.loads(render(sample(), "json"))
    Draft202012Validator(schema()).validate(data)
    assert data["schema_version"] == "1" and data["generator"].startswith("presseschau ")
    assert data["skipped"] == [
        {"path": "eingang/kaputt.pdf", "stage": "ingest", "reason": "Format nicht unterstützt"}
    ]
    assert data["warnings"] == ["Zwei Dateien ohne Datum"]


def test_json_ids_and_sources_are_consistent() -> None:
    data = json.loads(render(sample(), "json"))
    articles = {article["id"]: article for article in data["articles"]}
    assert list(articles) == ["a1", "a2", "a3"]
    for story in data["stories"]:
        assert set(story["articles"]) <= set(articles)
        for line in story["summary"]:
            ref_ids = [ref["article"] for ref in line["refs"]]
            assert line["sources"] == list(dict.fromkeys(ref_ids))
            assert set(line["sources"]) <= set(story["articles"])
            assert line["outlets"] == list(dict.fromkeys(articles[i]["outlet"] for i in ref_ids))
            first = line["refs"][0]
            shown = articles[first["article"]]
            sentence = shown["sentences"][first["sentence"]]
            assert shown["text"][sentence["start"] : sentence["end"]] == line["text"]
    assert data["stories"][0]["summary"][0]["sources"] == ["a1", "a2"]
    wire = articles["a2"]
    assert wire["published"] is None and wire["language"] == "de" and wire["path"] == "eingang/a2.txt"
    assert articles["a1"]["removed"][0] == {
        "rule": "photo-credit",
        "line": 4,
        "text": "Foto: Privatarchiv",
        "reason": "Bildnachweis im Text",
    }
    assert articles["a3"]["warnings"] == ["Sprache unsicher"]


def _drop_line_outlets(d: dict[str, Any]) -> None:
    del d["stories"][0]["summary"][0]["outlets"]


def _unknown_article_field(d: dict[str, Any]) -> None:
    d["articles"][0]["colour"] = "blau"


def _numeric_date(d: dict[str, Any]) -> None:
    d["articles"][0]["published"] = 20240305


def _skipped_without_reason(d: dict[str, Any]) -> None:
    del d["skipped"][0]["reason"]


def _negative_sentence(d: dict[str, Any]) -> None:
    d["stories"][0]["summary"][0]["refs"][0]["sentence"] = -1


@pytest.mark.parametrize(
    "break_it",
    [_drop_line_outlets, _unknown_article_field, _numeric_date, _skipped_without_reason, _negative_sentence],
)
def test_schema_rejects_invalid_documents(break_it: Any) -> None:
    data = json.loads(render(sample(), "json"))
    broken = copy.deepcopy(data)
    break_it(broken)
    with pytest.raises(ValidationError):
        Draft202012Validator(schema()).validate(broken)


def test_html_escapes_article_text() -> None:
    page = render(sample(), "html")
    assert SCRIPT not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Krause &amp; Söhne" in page
    assert '<html lang="de">' in page and '<meta charset="utf-8">' in page
    assert [tag for tag, _ in Page(page).tags if tag == "script"] == []


def test_html_is_self_contained() -> None:
    page = render(sample(), "html")
    parsed = Page(page)
    for tag, attrs in parsed.tags:
        assert tag not in {"link", "img", "iframe", "object", "embed"}
        for key, value in attrs.items():
            if key in {"href", "src", "action", "srcset", "poster", "data"} and value:
                assert value.startswith("#"), f"<{tag} {key}={value!r}> leaves the page"
    assert "url(" not in page and "@import" not in page
    # The article URL is shown, but only as text.
    assert "https://hafenblatt.example/faehre" in page
    assert 'href="http' not in page and "src=" not in page


def test_html_citations_jump_to_sentences() -> None:
    page = render(sample(), "html")
    parsed = Page(page)
    ids = set(parsed.values("id"))
    hrefs = parsed.values("href")
    assert "#s-a1-0" in hrefs and "#s-a2-0" in hrefs and "#s-a2-2" in hrefs
    missing = [href for href in hrefs if href[1:] not in ids]
    assert missing == []
    assert ".sent:target" in page
    docs = {doc.article.id: doc for doc in sample().docs}
    for anchor, shown in parsed.spans.items():
        _, article_id, index = anchor.split("-")
        doc = docs[article_id]
        assert shown == doc.text_of(doc.sentences[int(index)])
    assert len(parsed.spans) == sum(len(doc.sentences) for doc in docs.values())


def test_html_keeps_text_between_sentences() -> None:
    page = render(sample(), "html")
    body = re.search(r'<article id="a-a1">.*?<div class="text"[^>]*>(.*?)</div>', page, flags=re.DOTALL)
    assert body is not None
    assert html.unescape(re.sub(r"</?span[^>]*>", "", body.group(1))) == FERRY


def test_article_without_doc_is_shown_but_not_linked() -> None:
    loose = b.article("x9", "Ein kurzer Text. Noch ein Satz.", outlet="Dorfbote", language=None)
    other = b.article("x8", "Ein kurzer Text. Dazu mehr.", outlet="Stadtanzeiger", language="en")
    docs = [b.doc(other, language="de"), b.doc(loose)]
    line = b.line(docs, ("x8", 0), ("x9", 0))
    digest = b.digest([loose, other], docs[:1], [b.briefing("st-x", "Kurz", [loose, other], [line])])
    data = json.loads(render(digest, "json"))
    Draft202012Validator(schema()).validate(data)
    by_id = {article["id"]: article for article in data["articles"]}
    assert by_id["x9"]["language"] is None and by_id["x9"]["sentences"] == []
    assert by_id["x8"]["language"] == "de", "the analysed language wins over the source's claim"
    parsed = Page(render(digest, "html"))
    hrefs = parsed.values("href")
    assert "#s-x8-0" in hrefs and "#s-x9-0" not in hrefs
    assert all(href[1:] in set(parsed.values("id")) for href in hrefs)
    assert "[Stadtanzeiger, Dorfbote]" in flat(render(digest, "text"))


def test_two_articles_of_one_outlet_name_it_once() -> None:
    first = b.article("w1", "Die Messe öffnet am Montag. Es kommen viele.", outlet="dpa")
    second = b.article("w2", "Die Messe öffnet am Montag. Der Eintritt ist frei.", outlet="dpa")
    docs = [b.doc(first), b.doc(second)]
    digest = b.digest(
        [first, second],
        docs,
        # w1 is cited twice: its id must still be one source and one footnote.
        [b.briefing("st-m", "Messe", [first, second], [b.line(docs, ("w1", 0), ("w2", 0), ("w1", 1))])],
    )
    assert "Montag. [dpa]" in flat(render(digest, "text"))
    assert "\\[dpa[^1][^2]\\]" in render(digest, "md")
    data = json.loads(render(digest, "json"))
    Draft202012Validator(schema()).validate(data)
    assert data["stories"][0]["summary"][0]["sources"] == ["w1", "w2"]
    page = render(digest, "html")
    assert page.count(">dpa</a>") == 1
    assert '<sup><a class="cite" href="#s-w2-0"' in page and 'href="#s-w1-1"' in page


def test_unknown_format_lists_the_valid_ones() -> None:
    with pytest.raises(UnknownBackendError, match="choose one of: html, json, md, text"):
        render(sample(), "pdf")


def test_docs_example_follows_the_schema() -> None:
    docs = (Path(__file__).parents[1] / "docs" / "JSON.md").read_text(encoding="utf-8")
    example = re.search(r"```json\n(.*?)```", docs, flags=re.DOTALL)
    assert example is not None
    Draft202012Validator(schema()).validate(json.loads(example.group(1)))


def test_schema_and_template_are_package_data() -> None:
    package = resources.files("presseschau.render")
    assert package.joinpath("digest.schema.json").is_file()
    assert package.joinpath("templates/report.html.j2").is_file()
    assert package.joinpath("templates/report.css").is_file()
    assert schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema"


@pytest.mark.parametrize(
    ("published", "label"),
    [
        ("2024-03-05T09:30:00", "05.03.2024, 09:30"),
        ("2024-03-05", "05.03.2024"),
        ("2024-03", "03.2024"),
        ("2024", "2024"),
        (None, "Datum unbekannt"),
        ("gestern", "gestern"),
    ],
)
def test_date_labels(published: str | None, label: str) -> None:
    assert date_label(published) == label
