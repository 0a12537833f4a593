"""The story facts as every output format words them: German dates, group titles, quote and copy labels."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from presseschau.model import (
    Briefing,
    CopyLink,
    Entity,
    FigureGroup,
    FigureValue,
    OnlyIn,
    QuoteGroup,
    SentenceRef,
    TimelineEvent,
    TranslationFlag,
)
from presseschau.render.view import Lookup, one_line

WEEKDAYS = ("Mo", "Di", "Mi", "Do", "Fr", "Sa", "So")
MONTHS = (
    "Januar", "Februar", "März", "April", "Mai", "Juni",
    "Juli", "August", "September", "Oktober", "November", "Dezember",
)  # fmt: skip
UNCLEAR = "Datum unklar"

ENTITY_GROUPS = (
    ("person", "Personen"),
    ("place", "Orte"),
    ("country", "Länder"),
    ("organisation", "Organisationen"),
    ("other", "Weitere"),
)
"""Entity type to the title of its group, in the order the groups are shown; unknown types join "other"."""

QUOTE_KINDS = {"direct": "direkt", "indirect": "indirekt"}
AGREEMENTS = {"verbatim": "wörtlich", "paraphrased": "paraphrasiert"}


@dataclass(frozen=True, slots=True)
class Section:
    """A part of a story's briefing: ``key`` makes its anchor, ``title`` is its heading."""

    key: str
    title: str


SUMMARY = Section("zusammenfassung", "Zusammenfassung")
TIMELINE = Section("zeitleiste", "Zeitleiste")
ENTITIES = Section("beteiligte", "Beteiligte")
QUOTES = Section("zitate", "Zitate")
FIGURES = Section("zahlen", "Zahlen")
ONLY_IN = Section("nur-bei", "Nur bei …")
SOURCES = Section("quellen", "Quellen")
SOURCES_AND_COPIES = Section("quellen", "Quellen und Kopien")


def sections(briefing: Briefing) -> tuple[Section, ...]:
    """The sections a briefing shows, in reading order; a fact section without facts is left out."""
    present = [
        (TIMELINE, briefing.timeline),
        (ENTITIES, briefing.entities),
        (QUOTES, briefing.quotes),
        (FIGURES, briefing.figures),
        (ONLY_IN, briefing.only_in),
    ]
    facts = tuple(section for section, items in present if items)
    return (SUMMARY, *facts, SOURCES_AND_COPIES if has_copy_facts(briefing) else SOURCES)


def has_copy_facts(briefing: Briefing) -> bool:
    # independent_sources stays 0 until the brief stage counts them: a story always has at least one.
    return bool(briefing.independent_sources or briefing.copies or briefing.translations)


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def day_label(first: str, last: str | None = None) -> str:
    """A German reading of an ISO day or range: "Mi, 13.09.2023", "11.–13.09.2023", "September 2023"."""
    start, end = _day(first), _day(last or first)
    if start is None or end is None:
        # Not an ISO day: shown as given rather than guessed at.
        return first if not last or last == first else f"{first}–{last}"
    start, end = min(start, end), max(start, end)
    if start == end:
        return f"{WEEKDAYS[start.weekday()]}, {start:%d.%m.%Y}"
    month_end = calendar.monthrange(end.year, end.month)[1]
    if start.year == end.year and start.day == 1 and end.day == month_end:
        if start.month == end.month:
            return f"{MONTHS[start.month - 1]} {start.year}"
        if start.month == 1 and end.month == 12:
            return str(start.year)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start:%d}.–{end:%d.%m.%Y}"
    if start.year == end.year:
        return f"{start:%d.%m.}–{end:%d.%m.%Y}"
    return f"{start:%d.%m.%Y}–{end:%d.%m.%Y}"


def when_label(event: TimelineEvent) -> str:
    """The event's day or range, or "Datum unklar: „<expression>“" when it was not resolved."""
    if event.first is None:
        return f"{UNCLEAR}: „{one_line(event.expression)}“"
    return day_label(event.first, event.last)


def repeats(timeline: tuple[TimelineEvent, ...]) -> list[bool]:
    """Per event, whether it falls on the same day (or range) as the one before: its date is shown once."""
    labels = [when_label(event) for event in timeline]
    return [n > 0 and label == labels[n - 1] for n, label in enumerate(labels)]


def iso_range(event: TimelineEvent) -> str | None:
    """The value of an HTML ``datetime`` attribute: the day, or None for a range or an unresolved day."""
    if event.first is None or (event.last not in (None, event.first)) or _day(event.first) is None:
        return None
    return event.first


def entity_groups(entities: tuple[Entity, ...]) -> list[tuple[str, list[Entity]]]:
    """The entities under their group titles (Personen, Orte, …), groups in a fixed order, empty ones left out."""
    titles = dict(ENTITY_GROUPS)
    grouped: dict[str, list[Entity]] = {kind: [] for kind, _ in ENTITY_GROUPS}
    for entity in entities:
        grouped[entity.type if entity.type in titles else "other"].append(entity)
    return [(titles[kind], members) for kind, members in grouped.items() if members]


def other_variants(entity: Entity) -> tuple[str, ...]:
    """The spellings of ``entity`` besides its name, each once."""
    return tuple(v for v in dict.fromkeys(entity.variants) if v != entity.name)


def mentions_label(entity: Entity) -> str:
    return ", ".join(f"{outlet} {count}×" for outlet, count in entity.mentions)


def speaker_label(quote: QuoteGroup) -> str:
    return one_line(quote.speaker) if quote.speaker else "ohne Sprecher"


def agreement_label(quote: QuoteGroup) -> str:
    """The agreement in words: "wörtlich", "paraphrasiert" or "nur bei <outlet>"; unknown values as given."""
    if quote.agreement == "single":
        return f"nur bei {quote.outlets[0]}" if quote.outlets else "nur eine Quelle"
    return AGREEMENTS.get(quote.agreement, quote.agreement)


def quote_label(quote: QuoteGroup) -> str:
    """Kind and agreement of a quote: "direkt, wörtlich"."""
    return f"{QUOTE_KINDS.get(quote.kind, quote.kind)}, {agreement_label(quote)}"


def claims(only: OnlyIn, lookup: Lookup) -> list[tuple[SentenceRef, ...]]:
    """The claims of ``only``, each as its outlet's sentence followed by the sentences of copies that repeat it.

    The brief stage lists a claim's refs origin first, then its copies' (other outlets): a ref of the outlet
    itself starts the next claim. A claim is shown once, cited with every outlet that carries it.
    """
    found: list[list[SentenceRef]] = []
    for ref in only.refs:
        if not found or lookup.outlet_of(ref) == only.outlet:
            found.append([ref])
        else:
            found[-1].append(ref)
    return [tuple(refs) for refs in found]


def figures_in_order(figures: tuple[FigureGroup, ...]) -> list[FigureGroup]:
    """Disagreements first, since they are what a reader must check; otherwise the brief stage's order."""
    return sorted(figures, key=lambda group: not group.disagree)


def readings(group: FigureGroup) -> list[tuple[str, tuple[FigureValue, ...]]]:
    """The values of ``group`` as written, each with the outlets' values that write it so (case aside).

    Grouped by text, not by number: "mehr als 120" and "rund 120" are different claims about the same 120.
    """
    by_text: dict[str, list[FigureValue]] = {}
    for value in group.values:
        by_text.setdefault(one_line(value.text).casefold(), []).append(value)
    return [(one_line(values[0].text), tuple(values)) for values in by_text.values()]


def disagreement_label(group: FigureGroup) -> str:
    """ "Abweichung: Einsatzkräfte — Nordkurier, Küstenbote: rund 120; Morgenecho: 150"."""
    values = "; ".join(f"{', '.join(v.outlet for v in values)}: {text}" for text, values in readings(group))
    return f"Abweichung: {one_line(group.what)} — {values}"


def agreed_value(group: FigureGroup) -> str:
    """The value every outlet of an agreeing figure gives, as the first one writes it."""
    return one_line(group.values[0].text) if group.values else ""


def sources_label(briefing: Briefing) -> str:
    """ "4 Artikel, 3 unabhängige Quellen"."""
    count = briefing.independent_sources
    noun = "unabhängige Quelle" if count == 1 else "unabhängige Quellen"
    return f"{len(briefing.story.article_ids)} Artikel, {count} {noun}"


def _outlet(article_id: str, lookup: Lookup) -> str:
    return lookup.outlet_of(SentenceRef(article_id, 0))


def _sentences(count: int) -> str:
    return f"{count} Satz" if count == 1 else f"{count} Sätze"


def copy_label(link: CopyLink, lookup: Lookup) -> str:
    """ "Küstenbote übernimmt Nordkurier (Ähnlichkeit 0,83): ergänzt 2 Sätze, kürzt 1 Satz"."""
    similarity = f"{link.similarity:.2f}".replace(".", ",")
    changes = [
        f"ergänzt {_sentences(len(link.added))}" if link.added else "ergänzt nichts",
        f"kürzt {_sentences(len(link.cut))}" if link.cut else "kürzt nichts",
    ]
    copier, origin = _outlet(link.article_id, lookup), _outlet(link.origin_id, lookup)
    return f"{copier} übernimmt {origin} (Ähnlichkeit {similarity}): {', '.join(changes)}"


def translation_label(flag: TranslationFlag, lookup: Lookup) -> str:
    """ "Inselbote („Titel“) wirkt maschinell übersetzt"."""
    article = lookup.articles.get(flag.article_id)
    title = f" („{one_line(article.title)}“)" if article is not None else ""
    return f"{_outlet(flag.article_id, lookup)}{title} wirkt maschinell übersetzt"


def sentence_or_ref(ref: SentenceRef, lookup: Lookup) -> str:
    """The cited sentence on one line, or the bare reference when the digest does not hold it."""
    text = lookup.sentence_text(ref)
    return one_line(text) if text is not None else f"{ref.article_id}, Satz {ref.index + 1}"
