"""The story's timeline: dated events, each with the sentence of every article that reports it.

Rules:

* A **candidate** is a body sentence with a time expression that dates something that happened: one per
  sentence (resolved before unresolved, then the narrowest, then the first); expressions that open with
  a boundary word ("seit 2019", "bis Ende 2024") name no event and are skipped.
* Candidates are one **event** when their days or ranges overlap and one reports enough of the other's
  content (``SAME_EVENT``). Precise candidates are placed first, so a wide range ("im September 2023")
  about the same content joins the precise day instead of standing beside it; the event keeps the
  narrowest day. Repeated mentions in one article collapse into its first one.
* An **unresolved weekday** joins a resolved event of the same weekday and content: the day then comes
  from the article that gives it, and the joining article only adds its report.
* **Story anchor:** an article that gives only its publication month ("2023-09") and no full date of its
  own has its plain weekdays resolved on the latest full date of another article of the story that falls
  in that month (the nearest such weekday, at most three days away), shown with a note naming that date
  and outlet. Articles with no publication date take no story anchor: nothing ties them to the
  story's week (a follow-up written days later would put its "Freitag" a week early).
* Events are ordered by date; unresolved ones follow in article order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from types import ModuleType

from presseschau.brief.align import PREFIX, Aligner
from presseschau.lang import data
from presseschau.model import Doc, SentenceRef, TimeExpression, TimelineEvent

# Two candidates report one event when Aligner.similarity (share of one sentence's IDF-weighted content
# the other reports, either direction) reaches this. Lower than the summary's MIN_COVERAGE (0.45): the date
# must agree too. Chosen by reading every date-compatible pair on ../shared/seeds: the two true repeats
# (Kim's arrival, his April 2019 visit) score 0.46 and 0.55, all others 0 but one same-day pair of
# different events in one article (0.52), which no threshold parts.
SAME_EVENT = 0.3
# The date itself counts in that share ("April", "2019" in both), so at least this many shared words must be
# other than the date's. 2 would also part the two outlets' reports of Kim's April 2019 visit on the seeds.
MIN_SHARED_CONTENT = 1
# A plain weekday resolved on another article's date is the nearest such day, at most this far away.
ANCHOR_REACH = 3
_FULL_DATE = re.compile(r"\d{4}|\d\.\d{1,2}\.\d{2}(?!\d)")
_PUBLISHED = re.compile(r"(\d{4})-(\d{2})(?:-(\d{2}))?")
_PUBLISHED_PART = re.compile(r"(\d{4})(?:-(\d{2}))?")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class _Mention:
    order: int
    ref: SentenceRef
    outlet: str
    text: str  # the expression as written, with a note when resolved on an anchor date
    first: date | None
    last: date | None
    weekday: int | None  # the day of a plain weekday expression ("am Dienstag"), else None
    month: tuple[int, int] | None  # the article's publication month, when known

    @property
    def width(self) -> int:
        return (self.last - self.first).days if self.first and self.last else 1 << 30


def timeline(docs: Sequence[Doc], aligner: Aligner) -> tuple[TimelineEvent, ...]:
    """The dated events of a story (see module doc), earliest first, unresolved ones last."""
    mentions = _story_anchored(_mentions(docs), docs)
    by_ref = {c.ref: c for c in aligner.candidates}
    date_words = _date_words(docs)

    def similar(a: _Mention, b: _Mention) -> bool:
        ca, cb = by_ref.get(a.ref), by_ref.get(b.ref)
        if ca is None or cb is None or max(aligner.similarity(ca, cb), aligner.similarity(cb, ca)) < SAME_EVENT:
            return False
        shared = aligner.keys[a.ref] & aligner.keys[b.ref]
        own = date_words.get(a.ref, frozenset()) | date_words.get(b.ref, frozenset())
        return len(shared - own) >= MIN_SHARED_CONTENT

    events: list[list[_Mention]] = []
    resolved = sorted((m for m in mentions if m.first), key=lambda m: (m.width, m.order))
    for mention in [*resolved, *(m for m in mentions if not m.first)]:
        home = next((e for e in events if _compatible(mention, e[0]) and any(similar(mention, o) for o in e)), None)
        if home is None:
            events.append([mention])
        elif all(o.ref.article_id != mention.ref.article_id for o in home):
            home.append(mention)
    dated = sorted((e for e in events if e[0].first), key=lambda e: (e[0].first, e[0].last, e[0].order))
    undated = sorted((e for e in events if not e[0].first), key=lambda e: e[0].order)
    return tuple(_event(e) for e in [*dated, *undated])


def _date_words(docs: Sequence[Doc]) -> dict[SentenceRef, frozenset[str]]:
    """Per dated sentence, the words of its time expressions as the aligner keys them (first PREFIX letters)."""
    dated: dict[SentenceRef, set[str]] = {}
    for doc in docs:
        text = doc.article.text
        for expression in doc.times:
            sentence = doc.sentences[expression.sentence]
            words = dated.setdefault(SentenceRef(doc.article.id, sentence.index), set())
            for token in sentence.tokens:
                if expression.start <= token.start < expression.end:
                    surface = text[token.start : token.end]
                    words.add(surface.rstrip(".").replace(".", "").replace(",", ".")[:PREFIX])
                    words.update(w[:PREFIX] for w in _WORD.findall(token.lemma.lower()))
    return {ref: frozenset(words) for ref, words in dated.items()}


def _event(members: list[_Mention]) -> TimelineEvent:
    giver, others = members[0], sorted(members[1:], key=lambda m: m.order)
    refs = [giver.ref, *(m.ref for m in others)]
    outlets = tuple(dict.fromkeys([giver.outlet, *(m.outlet for m in others)]))
    first = giver.first.isoformat() if giver.first else None
    last = giver.last.isoformat() if giver.last else None
    return TimelineEvent(first, last, giver.text, tuple(refs), outlets)


def _compatible(mention: _Mention, giver: _Mention) -> bool:
    """Whether ``mention`` may report the same event as the one ``giver`` dates (content aside)."""
    if mention.first and giver.first and mention.last and giver.last:
        return mention.first <= giver.last and giver.first <= mention.last
    if mention.first or mention.weekday is None:
        return not giver.first and mention.text.lower() == giver.text.lower()
    if giver.first is None:
        return giver.weekday == mention.weekday
    if giver.first != giver.last or giver.first.weekday() != mention.weekday:
        return False
    # A partial publication date still bounds the day: it lies in that month or the week before it.
    if mention.month is None:
        return True
    start = date(*mention.month, 1)
    return start - timedelta(days=6) <= giver.first < _next_month(start)


def _next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def _lang(doc: Doc) -> ModuleType | None:
    return data(doc.language, "dates")


def _mentions(docs: Sequence[Doc]) -> list[_Mention]:
    out: list[_Mention] = []
    for doc in docs:
        lang = _lang(doc)
        if lang is None:
            continue
        own = _own_anchor(doc)
        published = _PUBLISHED.match(doc.article.published or "")
        month = (int(published.group(1)), int(published.group(2))) if published else None
        full = bool(published and published.group(3))
        for sentence in doc.sentences:
            if sentence.kind != "body":
                continue
            found = [t for t in doc.times if t.sentence == sentence.index and _is_event(doc, t, lang)]
            if not found:
                continue
            best = min(found, key=lambda t: (t.first is None, _days(t), t.start))
            text = doc.article.text[best.start : best.end]
            if best.kind == "weekday" and best.first and not full and own:
                text = lang.ANCHOR_NOTE.format(expression=text, anchor=own.strftime(lang.DATE_FORMAT))
            out.append(_Mention(
                len(out), SentenceRef(doc.article.id, sentence.index), doc.article.outlet, text,
                date.fromisoformat(best.first) if best.first else None,
                date.fromisoformat(best.last) if best.last else None,
                _plain_weekday(text, lang) if best.kind == "weekday" else None, month,
            ))
    return out


def _days(expression: TimeExpression) -> int:
    if expression.first and expression.last:
        return (date.fromisoformat(expression.last) - date.fromisoformat(expression.first)).days
    return 1 << 30


def _is_event(doc: Doc, expression: TimeExpression, lang: ModuleType) -> bool:
    before = doc.article.text[max(0, expression.start - 20) : expression.start].split()[-1:]
    words = [*before, *doc.article.text[expression.start : expression.end].split()[:1]]
    return not any(w.lower() in lang.NOT_EVENT for w in words)


def _plain_weekday(text: str, lang: ModuleType) -> int | None:
    """The weekday a weekday expression names, unless a modifier ("vergangenen", "next") shifts it."""
    words = text.lower().split()
    if any(w.startswith(stem) for w in words for stem in lang.MODIFIERS):
        return None
    return next((int(day) for name, day in lang.WEEKDAYS.items() if name in text), None)


def _own_anchor(doc: Doc) -> date | None:
    """The article's own date its weekdays are resolved on when it has no full publication date (the rule
    of nlp.dates: the latest full date written with its weekday or inside the publication month or year)."""
    lang = _lang(doc)
    published = _PUBLISHED_PART.match(doc.article.published or "")
    days = []
    for t in doc.times:
        text = doc.article.text[t.start : t.end]
        if lang is None or t.kind != "date" or not t.first or t.first != t.last or not _FULL_DATE.search(text):
            continue
        day = date.fromisoformat(t.first)
        named = [int(n) for name, n in lang.WEEKDAYS.items() if name in text]
        in_month = published is not None and int(published.group(1)) == day.year and (
            published.group(2) is None or int(published.group(2)) == day.month)
        if named == [day.weekday()] or (not named and in_month):
            days.append(day)
    return max(days, default=None)


def _story_anchored(mentions: list[_Mention], docs: Sequence[Doc]) -> list[_Mention]:
    """Plain weekdays of articles dated only to a month, resolved on another article's date (module doc)."""
    anchors: list[tuple[date, str, str]] = []
    for doc in docs:
        published = _PUBLISHED.match(doc.article.published or "")
        if published and published.group(3):
            anchors.append((date.fromisoformat(published.group(0)), doc.article.outlet, doc.article.id))
        own = _own_anchor(doc)
        if own:
            anchors.append((own, doc.article.outlet, doc.article.id))
    by_id = {doc.article.id: doc for doc in docs}
    out: list[_Mention] = []
    for m in mentions:
        doc = by_id[m.ref.article_id]
        lang = _lang(doc)
        usable = [(day, outlet) for day, outlet, other in anchors
                  if other != doc.article.id and m.month == (day.year, day.month)]
        if m.first or m.weekday is None or lang is None or not usable or _own_anchor(doc):
            out.append(m)
            continue
        anchor, outlet = max(usable)
        delta = (m.weekday - anchor.weekday()) % 7
        day = anchor + timedelta(days=delta - 7 if delta > ANCHOR_REACH else delta)
        text = lang.STORY_ANCHOR_NOTE.format(
            expression=m.text, anchor=anchor.strftime(lang.DATE_FORMAT), outlet=outlet)
        out.append(replace(m, text=text, first=day, last=day))
    return out
