"""Test builders: Article, Doc, Briefing and Digest objects from plain strings, without any pipeline stage."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from presseschau.model import (
    Article,
    Briefing,
    CopyLink,
    Digest,
    Doc,
    Entity,
    FigureGroup,
    FigureValue,
    OnlyIn,
    QuoteGroup,
    Removal,
    Sentence,
    SentenceRef,
    Skipped,
    Story,
    SummaryLine,
    TimelineEvent,
    Token,
    TranslationFlag,
)

# Naive on purpose: a sentence ends at ". " (or "!", "?", or a line break after one); tests must not
# depend on the real segmenter, whose decisions are tested where it lives.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_TOKEN = re.compile(r"\S+")


def article(
    id: str,
    text: str,
    *,
    title: str | None = None,
    outlet: str = "Testblatt",
    published: str | None = "2024-03-05",
    source: str | None = None,
    url: str | None = None,
    language: str | None = "de",
    removed: Iterable[Removal] = (),
    extra: dict[str, object] | None = None,
) -> Article:
    """An Article as cleaning would leave it; the title defaults to the first sentence."""
    return Article(
        id=id,
        source=source if source is not None else f"eingang/{id}.txt",
        title=title if title is not None else text.split(". ")[0],
        text=text,
        outlet=outlet,
        outlet_from="metadata",
        published=published,
        published_from="metadata" if published else None,
        url=url,
        format="txt",
        language=language,
        removed=tuple(removed),
        extra=extra or {},
    )


def removal(text: str, *, rule: str = "boilerplate", reason: str = "Werbung", line: int = 1) -> Removal:
    return Removal(text=text, rule=rule, reason=reason, line=line)


def sentences(text: str) -> tuple[Sentence, ...]:
    """Sentences split on whitespace after closing punctuation, tokens on whitespace, all as offsets."""
    found: list[Sentence] = []
    start = len(text) - len(text.lstrip())
    ends = [m.start() for m in _SENTENCE_END.finditer(text)] + [len(text.rstrip())]
    for end in ends:
        if end <= start:
            continue
        tokens = tuple(
            Token(start + m.start(), start + m.end(), m.group().lower(), "X") for m in _TOKEN.finditer(text[start:end])
        )
        paragraph = text.count("\n", 0, start)
        found.append(Sentence(len(found), start, end, paragraph, tokens))
        following = text[end:]
        start = end + len(following) - len(following.lstrip())
    return tuple(found)


def doc(of: Article, *, language: str = "de", warnings: Sequence[str] = ()) -> Doc:
    return Doc(article=of, language=language, sentences=sentences(of.text), warnings=tuple(warnings))


def line(docs: Sequence[Doc], *refs: tuple[str, int]) -> SummaryLine:
    """A summary line showing the first ref's sentence, with each distinct outlet of the refs."""
    by_id = {d.article.id: d for d in docs}
    first = by_id[refs[0][0]]
    text = first.text_of(first.sentences[refs[0][1]])
    outlets = tuple(dict.fromkeys(by_id[article_id].article.outlet for article_id, _ in refs))
    return SummaryLine(text, tuple(SentenceRef(a, i) for a, i in refs), outlets)


def briefing(story_id: str, title: str, articles: Sequence[Article], summary: Sequence[SummaryLine]) -> Briefing:
    story = Story(id=story_id, title=title, article_ids=tuple(a.id for a in articles))
    outlets = tuple(dict.fromkeys(a.outlet for a in articles))
    words = sum(len(s.text.split()) for s in summary)
    return Briefing(story=story, summary=tuple(summary), outlets=outlets, summarizer="lead", words=words)


def digest(
    articles: Sequence[Article],
    docs: Sequence[Doc],
    briefings: Sequence[Briefing],
    skipped: Sequence[Skipped] = (),
    warnings: Sequence[str] = (),
) -> Digest:
    return Digest(tuple(articles), tuple(docs), tuple(briefings), tuple(skipped), tuple(warnings))


# Story facts: each builder takes the docs the refs point into and derives outlets from them, as the brief
# stage does, so a test states only what matters to it.

Place = tuple[str, int]
"""(article id, sentence index) – the short form of a SentenceRef in tests."""


def _refs(at: Sequence[Place]) -> tuple[SentenceRef, ...]:
    return tuple(SentenceRef(article_id, index) for article_id, index in at)


def _outlets(docs: Sequence[Doc], at: Sequence[Place]) -> tuple[str, ...]:
    by_id = {d.article.id: d.article.outlet for d in docs}
    return tuple(dict.fromkeys(by_id[article_id] for article_id, _ in at))


def event(
    docs: Sequence[Doc], expression: str, *at: Place, first: str | None, last: str | None = None
) -> TimelineEvent:
    """A timeline event on day ``first`` (to ``last``); ``first=None`` is an unresolved one."""
    last = last if last is not None or first is None else first
    return TimelineEvent(first, last, expression, _refs(at), _outlets(docs, at))


def entity(
    docs: Sequence[Doc], name: str, type: str, *at: Place, variants: Sequence[str] = (), roles: Sequence[str] = ()
) -> Entity:
    """An entity mentioned once in each sentence of ``at``; its name is always one of its variants."""
    by_id = {d.article.id: d.article.outlet for d in docs}
    counts = Counter(by_id[article_id] for article_id, _ in at)
    return Entity(name, type, (name, *variants), tuple(roles), tuple(counts.items()), _refs(at))


def quote(
    docs: Sequence[Doc], text: str, *at: Place, speaker: str | None, kind: str = "direct", agreement: str = ""
) -> QuoteGroup:
    """A quote group; ``agreement`` defaults to "single" for one outlet and "verbatim" for more."""
    outlets = _outlets(docs, at)
    agreement = agreement or ("single" if len(outlets) == 1 else "verbatim")
    return QuoteGroup(speaker, kind, text, agreement, _refs(at), outlets)


def figure(docs: Sequence[Doc], what: str, *values: tuple[str, int, float, str]) -> FigureGroup:
    """A figure group from (article id, sentence, value, text as written); it disagrees when values differ."""
    by_id = {d.article.id: d.article.outlet for d in docs}
    found = tuple(FigureValue(v, text, by_id[a], SentenceRef(a, i)) for a, i, v, text in values)
    return FigureGroup(what, found, len({v.value for v in found}) > 1)


def only_in(docs: Sequence[Doc], *at: Place) -> OnlyIn:
    return OnlyIn(_outlets(docs, at)[0], _refs(at))


def copy(
    article_id: str, origin_id: str, similarity: float, added: Sequence[int] = (), cut: Sequence[int] = ()
) -> CopyLink:
    """``article_id`` copies ``origin_id``; ``added`` are sentence indexes of the copy, ``cut`` of the origin."""
    return CopyLink(
        article_id,
        origin_id,
        similarity,
        tuple(SentenceRef(article_id, i) for i in added),
        tuple(SentenceRef(origin_id, i) for i in cut),
    )


MARKUP = "<b>fett</b> & <script>alert(2)</script>"
"""Markup in fact fields: every format must show it as text."""

STORM_NORDKURIER = (
    "Ein Sturm hat am Mittwoch im Hafen von Seedorf einen Containerkran umgeworfen. "
    "Rund 120 Einsatzkräfte waren bis in die Nacht im Einsatz. "
    "„Wir hatten großes Glück, dass niemand unter dem Kran stand“, sagte Hafenmeisterin Greta Olsen. "
    "Die Seedorf Port AG schätzt den Schaden auf 4 Millionen Euro. "
    "Von Montag bis Mittwoch hatte der Wetterdienst vor schweren Böen gewarnt."
)
STORM_MORGENECHO = (
    "Im Seedorfer Hafen ist am Mittwochabend ein Containerkran im Sturm umgestürzt. "
    "Nach Angaben der Feuerwehr waren 150 Einsatzkräfte vor Ort. "
    "Hafenmeisterin Olsen sagte, man habe großes Glück gehabt. "
    "Der Schaden liegt laut Seedorf Port AG bei 4 Millionen Euro. "
    "Umweltminister Jonas Wendt kündigte für Freitag einen Besuch an. "
    "Der Kran war erst vor zwei Jahren aus Dänemark geliefert worden."
)
STORM_KUESTENBOTE = (
    "Ein Sturm hat am Mittwoch im Hafen von Seedorf einen Containerkran umgeworfen. "
    "Rund 120 Einsatzkräfte waren bis in die Nacht im Einsatz. "
    "„Wir hatten großes Glück, dass niemand unter dem Kran stand“, sagte Hafenmeisterin Greta Olsen. "
    "Der Hafen bleibt bis auf Weiteres für Besucher gesperrt."
)
STORM_INSELBOTE = (
    "Der Sturm hat umgeworfen einen Kran in dem Hafen von Seedorf am Mittwoch. "
    "Die Hafenmeisterin Greta Olsen sagte, dass sie hatten großes Glück. "
    "Die Aufräumarbeiten werden nehmen Platz in den nächsten Tagen."
)


def storm() -> Digest:
    """One story with every kind of fact: four articles, one a copy of another, one machine-translated."""
    north = article(
        "n1",
        STORM_NORDKURIER,
        title="Sturm wirft Kran im Hafen von Seedorf um",
        outlet="Nordkurier",
        published="2023-09-13",
    )
    morning = article(
        "m1",
        STORM_MORGENECHO,
        title="Containerkran stürzt im Sturm um",
        outlet="Morgenecho",
        published="2023-09-14T06:00:00",
    )
    coast = article(
        "k1", STORM_KUESTENBOTE, title="Kran im Seedorfer Hafen umgestürzt", outlet="Küstenbote", published="2023-09-13"
    )
    island = article("i1", STORM_INSELBOTE, title="Sturm wirft Kran um", outlet="Inselbote", published="2023-09-14")
    articles = [north, morning, coast, island]
    docs = [doc(a) for a in articles]
    base = briefing(
        "st-sturm",
        "Sturm wirft Containerkran in Seedorf um",
        articles,
        [line(docs, ("n1", 0), ("m1", 0), ("k1", 0), ("i1", 0)), line(docs, ("n1", 1), ("k1", 1), ("m1", 1))],
    )
    facts = briefing_facts(docs)
    return digest(articles, docs, [replace(base, **facts)])


def briefing_facts(docs: Sequence[Doc]) -> dict[str, Any]:
    """The facts of the ``storm`` story, as keyword arguments of ``Briefing``."""
    return {
        "timeline": (
            event(docs, "von Montag bis Mittwoch", ("n1", 4), first="2023-09-11", last="2023-09-13"),
            event(docs, "am Mittwoch", ("n1", 0), ("m1", 0), ("k1", 0), ("i1", 0), first="2023-09-13"),
            event(docs, "für Freitag", ("m1", 4), first="2023-09-15"),
            event(docs, "in den nächsten Tagen", ("i1", 2), first=None),
        ),
        "entities": (
            entity(
                docs,
                "Greta Olsen",
                "person",
                ("n1", 2),
                ("m1", 2),
                ("k1", 2),
                ("i1", 1),
                variants=["Olsen"],
                roles=["Hafenmeisterin"],
            ),
            entity(docs, "Jonas Wendt", "person", ("m1", 4), roles=["Umweltminister"]),
            entity(docs, "Seedorf", "place", ("n1", 0), ("m1", 0), ("k1", 0), ("i1", 0), variants=["Seedorfer"]),
            entity(docs, "Dänemark", "country", ("m1", 5)),
            entity(docs, "Seedorf Port AG", "organisation", ("n1", 3), ("m1", 3), roles=[MARKUP]),
        ),
        "quotes": (
            quote(
                docs,
                "Wir hatten großes Glück, dass niemand unter dem Kran stand",
                ("n1", 2),
                ("k1", 2),
                speaker="Greta Olsen",
            ),
            quote(
                docs,
                "man habe großes Glück gehabt",
                ("m1", 2),
                ("i1", 1),
                speaker="Greta Olsen",
                kind="indirect",
                agreement="paraphrased",
            ),
            quote(docs, "kündigte für Freitag einen Besuch an", ("m1", 4), speaker="Jonas Wendt", kind="indirect"),
        ),
        "figures": (
            figure(docs, "Schaden in Euro", ("n1", 3, 4e6, "4 Millionen Euro"), ("m1", 3, 4e6, "4 Millionen Euro")),
            figure(
                docs, "Einsatzkräfte", ("n1", 1, 120, "Rund 120"), ("m1", 1, 150, "150"), ("k1", 1, 120, "Rund 120")
            ),
        ),
        "only_in": (only_in(docs, ("m1", 4), ("m1", 5)), only_in(docs, ("k1", 3))),
        "copies": (copy("k1", "n1", 0.83, added=[3], cut=[3, 4]),),
        "independent_sources": 3,
        "translations": (
            TranslationFlag("i1", ("Verb vor dem Objekt wie im Englischen: „hat umgeworfen einen Kran“", MARKUP)),
        ),
    }
