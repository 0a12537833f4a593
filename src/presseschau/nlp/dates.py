"""Temporal expressions in an article, resolved to ISO days or ranges against its publication date.

Resolution rules (the publication date is the reference; ``None`` where it is not precise enough):

* **Weekdays** ("am Mittwoch", "Mittwochabend", "on Wednesday") name the latest such day on or before
  publication (news report the past: "am Mittwoch" in an article of Thu 14.09.2023 is 13.09.2023; the
  publication weekday itself is that day). In a clause that speaks of the future ("wird am Freitag",
  "soll ... stattfinden") the earliest such day on or after publication. "vergangenen/kommenden/diesen
  Freitag" name the one strictly before / strictly after publication / in the publication's week.
* Without a full publication date a weekday is resolved on the article's **own date**: the latest date
  with day, month and year it writes out together with its (matching) weekday ("am Montag (11.09.2023)"),
  or that lies in the publication month (or year) when that is known. A bare full date in an undated
  article may be history ("der Mauerfall am 9. November 1989") and anchors nothing. The weekday is the
  nearest such day to the anchor (at most three days away), or in a future clause the first on or after
  it. Nothing else is resolved on that anchor: "heute" or "letzte Woche" need the day of publication.
* **Relative days and weeks** ("gestern", "heute Morgen", "vergangene Woche" = Monday to Sunday, "vor
  drei Wochen" = the week that holds the day 21 days back) need a full publication date; months and
  years ("letzten Monat", "vor vier Jahren") need only the publication month or year.
* **Dates and months without a year** ("11.09.", "13. September", "im August") take the latest year that
  puts them no later than LOOKAHEAD after publication (the earliest on or after it in a future clause);
  when only the publication year is known, that year.
* "Anfang/Mitte/Ende" split a month into days 1-10, 11-20, 21-end and a year into thirds (January-April,
  May-August, September-December): "Anfang 2020" is 2020-01-01 to 2020-04-30.
* **Absolute** expressions (full dates, month with year, years) resolve without any publication date.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from types import ModuleType

from presseschau.lang import data
from presseschau.model import Doc, Sentence, TimeExpression, Token

# Dates and months without a year that fall at most this far after publication keep the publication's
# year: reports announce near dates in the present tense ("Die Wahl ist am 24. September"); chosen so
# that the next month still counts as coming, anything later as past.
LOOKAHEAD_DAYS = 31
LOOKAHEAD_MONTHS = 1
# Four-digit numbers in these ranges are years: any after a trigger ("seit 1953"), bare ones only if modern.
YEARS = range(1800, 2100)
BARE_YEARS = range(1900, 2100)
# The nearest weekday to an anchor date is at most this far from it (7 is odd: there is never a tie).
ANCHOR_REACH = 3

_DATE_TAGS = ("numeric", "iso", "daymonth")
_KIND = {"numeric": "date", "iso": "date", "daymonth": "date", "monthyear": "month", "month": "month",
         "year": "year", "weekday": "weekday", "reldays": "relative", "unit": "relative", "ago": "relative"}
_CLAUSE_MARKS = frozenset(",;:()–—\"„“”»«")
_ISO = r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})"
_JOIN = re.compile(r"\s*(?:\(|,)\s*(?:den\s+|the\s+)?$")
_PUBLISHED = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@dataclass(frozen=True, slots=True)
class _Found:
    start: int  # offsets into the sentence text
    end: int
    tag: str
    groups: dict[str, str | None]
    rank: int  # pattern order, breaks ties between matches of equal length


@dataclass(frozen=True, slots=True)
class _Reference:
    year: int | None
    month: int | None
    day: date | None
    anchor: date | None = None


def find_times(doc: Doc) -> tuple[TimeExpression, ...]:
    """Temporal expressions of ``doc`` in text order, resolved against its publication date (see module doc)."""
    lang = data(doc.language, "dates")
    if lang is None:  # other languages: none of our patterns apply
        return ()
    patterns = _patterns(doc.language)
    ref = _reference(doc.article.published)
    found: list[tuple[Sentence, list[_Found]]] = []
    for sentence in doc.sentences:
        text = doc.text_of(sentence)
        hits = [f for f in _matches(text, patterns) if _plausible(f, text, sentence, doc, lang)]
        found.append((sentence, _merge(_select(hits), text)))
    if ref.day is None:
        anchors = [_anchor(f, ref, lang) for _, hits in found for f in hits]
        ref = _Reference(ref.year, ref.month, None, max((a for a in anchors if a), default=None))
    out: list[TimeExpression] = []
    for sentence, hits in found:
        for f in hits:
            future = _future(doc, sentence, f.start, lang)
            span = _resolve(f, ref, future, lang)
            kind = "date" if "day" in f.groups and f.tag == "weekday" else _KIND[f.tag]
            first, last = (span[0].isoformat(), span[1].isoformat()) if span else (None, None)
            start = sentence.start + f.start
            out.append(TimeExpression(doc.sentence_of(start), start, sentence.start + f.end, kind, first, last))
    return tuple(out)


def _alternation(words: Iterable[str], *, any_case: bool = False) -> str:
    keys = sorted(words, key=len, reverse=True)
    if any_case:
        return "|".join(f"[{k[0].upper()}{k[0].lower()}]{re.escape(k[1:])}" for k in keys if k)
    return "|".join(re.escape(k) for k in keys if k)


@lru_cache(maxsize=8)
def _patterns(language: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    lang = data(language, "dates")
    assert lang is not None
    month = f"(?:{_alternation(lang.MONTHS)})"
    parts = _alternation(lang.PARTS)
    mods = "|".join(f"{re.escape(m)}{lang.MODIFIER_ENDING}" for m in sorted(lang.MODIFIERS, key=len, reverse=True))
    joined = _alternation(lang.DAYPARTS_JOINED) or "(?!)"
    number = r"(?:\d{1,2}|" + _alternation(lang.NUMBERS) + ")"
    cores = [("numeric", p) for p in lang.NUMERIC_DATES] + [("iso", _ISO)]
    cores += [("daymonth", p.replace("{month}", month)) for p in lang.DAY_MONTH]
    cores += [
        ("monthyear", rf"(?:(?P<part>{parts})\s*)?" + lang.MONTH_YEAR.replace("{month}", month)),
        ("month", rf"(?:(?P<part>{parts})\s*)?(?P<month>{month})"),
        ("year", rf"(?:(?P<part>{parts})\s*|(?P<yw>{lang.YEAR_WORDS}))?(?P<year>\d{{4}})"),
        ("weekday", rf"(?:(?P<mod>(?i:{mods}))\s+)?(?P<wd>{_alternation(lang.WEEKDAYS)})(?P<dp1>{joined})?"
                    rf"(?:\s+(?P<dp2>{_alternation(lang.DAYPARTS, any_case=True)}))?"),
        ("reldays", rf"(?P<rel>{_alternation(lang.RELATIVE_DAYS, any_case=True)})"
                    rf"(?:\s+(?P<dp>{_alternation(lang.DAYPARTS, any_case=True)}))?"),
        ("unit", rf"(?P<mod>(?i:{mods}))\s+(?P<unit>{_alternation(lang.UNITS)})"),
        ("ago", "(?i:" + lang.AGO.replace("{number}", number).replace("{unit}", _alternation(lang.AGO_UNITS)) + ")"),
    ]
    return tuple(
        (tag, re.compile(rf"(?<![\w.,/-])(?P<pre>(?i:{lang.PREFIX}))?(?:{core})(?![\w-])(?!\.\d)"))
        for tag, core in cores
    )


def _matches(text: str, patterns: tuple[tuple[str, re.Pattern[str]], ...]) -> list[_Found]:
    return [
        _Found(m.start(), m.end(), tag, m.groupdict(), rank)
        for rank, (tag, pattern) in enumerate(patterns)
        for m in pattern.finditer(text)
    ]


def _select(found: list[_Found]) -> list[_Found]:
    """Longest matches first, leftmost on ties; no two may overlap."""
    chosen: list[_Found] = []
    for f in sorted(found, key=lambda f: (-(f.end - f.start), f.start, f.rank)):
        if all(f.end <= c.start or f.start >= c.end for c in chosen):
            chosen.append(f)
    return sorted(chosen, key=lambda f: f.start)


def _merge(found: list[_Found], text: str) -> list[_Found]:
    """A weekday followed by the date it names ("am Montag (11.09.2023)") is one expression: that date."""
    out: list[_Found] = []
    for f in found:
        prev = out[-1] if out else None
        if prev and prev.tag == "weekday" and f.tag in _DATE_TAGS and _JOIN.fullmatch(text[prev.end : f.start]):
            end = f.end + 1 if text[f.end : f.end + 1] == ")" and "(" in text[prev.end : f.start] else f.end
            out[-1] = _Found(prev.start, end, "weekday", {**f.groups, "wd": prev.groups["wd"]}, prev.rank)
        else:
            out.append(f)
    return out


def _plausible(f: _Found, text: str, sentence: Sentence, doc: Doc, lang: ModuleType) -> bool:
    """Context checks a pattern cannot make: triggers, "morgen" vs "Morgen", numbers that are no years."""
    g = f.groups
    pre = (g.get("pre") or "").split()
    before = [w.lower() for w in re.findall(r"[\w.-]+|[^\w\s]", text[: f.start])[-1:]]
    trigger = (pre[0].lower() if pre else None) or (before[0] if before else None)
    if f.tag == "numeric" and not g.get("year"):
        return trigger in lang.NUMERIC_TRIGGERS or (bool(before) and before[0].capitalize() in lang.WEEKDAYS)
    if f.tag == "month":
        return bool(g.get("part")) or trigger in lang.MONTH_TRIGGERS
    if f.tag == "year":
        year = int(g["year"] or 0)
        if g.get("part") or g.get("yw") or trigger in lang.MONTH_TRIGGERS:
            return year in YEARS
        return (year in BARE_YEARS and trigger not in lang.QUANTITY_WORDS
                and re.match(lang.BARE_YEAR_NEXT, text[f.end :]) is not None)
    if f.tag == "reldays" and (g["rel"] or "").lower() == lang.TOMORROW:
        word = g["rel"] or ""
        if trigger in lang.NOT_TOMORROW_AFTER:  # "am Morgen", "heute morgen": the noun
            return False
        if word[0].isupper():  # the noun "Morgen", unless it opens the sentence before a finite verb
            return not text[: f.start].strip(" „\"»") and _finite_next(sentence, doc, sentence.start + f.end)
        return True
    if f.tag in _DATE_TAGS:
        return _absolute(f, lang, require_year=False) is not None
    return True


def _finite_next(sentence: Sentence, doc: Doc, offset: int) -> bool:
    finite = getattr(data(doc.language, "nlp"), "FINITE_VERB_POS", ())
    following = [t for t in sentence.tokens if t.start >= offset]
    return bool(following) and following[0].pos in finite


def _future(doc: Doc, sentence: Sentence, start: int, lang: ModuleType) -> bool:
    """Whether the clause around sentence offset ``start`` speaks of the future ("wird", "soll", "will")."""
    tokens = sentence.tokens
    words = [doc.token_text(t) for t in tokens]
    here = next((i for i, t in enumerate(tokens) if t.end > sentence.start + start), len(tokens) - 1)
    marks = [i for i, w in enumerate(words) if w in _CLAUSE_MARKS]
    clauses, begin = [], 0
    for mark in [*marks, len(tokens)]:
        clauses.append(range(begin, mark))
        begin = mark + 1
    at = next((k for k, c in enumerate(clauses) if here < c.stop), len(clauses) - 1)
    span = set(clauses[at])
    # A clause without a verb ("d.h. ab Mittwoch,") takes its tense from the next clause, else the previous.
    for k in (at + 1, at - 1):
        if not _has_verb(span, tokens) and 0 <= k < len(clauses):
            span |= set(clauses[k])
    lowered = {words[i].lower() for i in span}
    # "bleibt bis (mindestens) Freitag gesperrt": a boundary ahead of a present-tense clause lies in the future.
    before = {w.lower() for w in words[max(0, here - 2) : here]}
    forward = bool(before & getattr(lang, "FORWARD_BOUNDARY_WORDS", frozenset()))
    return (forward or bool(lowered & lang.FUTURE_WORDS)) and not lowered & lang.PERFECT_WORDS


def _has_verb(span: set[int], tokens: tuple[Token, ...]) -> bool:
    tags = [tokens[i].pos for i in span]
    if tags and all(t == "X" for t in tags):  # untagged language: a clause of some length has its verb
        return len(tags) >= 4
    return any(t.startswith("V") for t in tags)


def _reference(published: str | None) -> _Reference:
    match = _PUBLISHED.match(published or "")
    if not match:
        return _Reference(None, None, None)
    year, month, day = (int(x) if x else None for x in match.groups())
    if month is not None and not 1 <= month <= 12:
        return _Reference(year, None, None)
    full = _date(year, month, day) if year and month and day else None
    return _Reference(year, month, full)


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_of(value: str | None, lang: ModuleType) -> int:
    if value is None:
        return 0
    return int(value) if value.isdigit() else int(lang.MONTHS.get(value, 0))


def _year_of(value: str) -> int:
    return 2000 + int(value) if len(value) == 2 else int(value)


def _absolute(f: _Found, lang: ModuleType, *, require_year: bool = True) -> date | None:
    """The day a date expression writes out in full (day, month and year), else None."""
    g = f.groups
    if "day" not in g or g.get("day") is None:
        return None
    year = g.get("year")
    if not year and require_year:
        return None
    return _date(_year_of(year) if year else 2000, _month_of(g.get("month"), lang), int(g["day"] or 0))


def _anchor(f: _Found, ref: _Reference, lang: ModuleType) -> date | None:
    """The full date ``f`` writes out, if it may anchor the article's weekdays (see module doc)."""
    day = _absolute(f, lang)
    if day is None:
        return None
    if f.tag == "weekday":  # merged with its date: the weekday must be that date's
        return day if lang.WEEKDAYS[f.groups["wd"]] == day.weekday() else None
    return day if ref.year == day.year and ref.month in (None, day.month) else None


def _month_range(year: int, month: int, part: int | None = None) -> tuple[date, date]:
    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    end = calendar.monthrange(year, month)[1]
    if part is None:
        return date(year, month, 1), date(year, month, end)
    return date(year, month, (1, 11, 21)[part]), date(year, month, (10, 20, end)[part])


def _week(day: date) -> tuple[date, date]:
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def _pick_year(month: int, day: int | None, ref: _Reference, future: bool) -> int | None:
    """The year of a date or month written without one (see module doc)."""
    if ref.year is None:
        return None
    if ref.month is None:
        return ref.year
    pub = ref.year * 12 + ref.month - 1
    for year in ((ref.year - 1, ref.year, ref.year + 1) if future else (ref.year + 1, ref.year, ref.year - 1)):
        at = year * 12 + month - 1
        if ref.day is not None and day is not None:
            when = _date(year, month, day)
            if when is None:
                continue
            ok = when >= ref.day if future else when <= ref.day + timedelta(days=LOOKAHEAD_DAYS)
        else:
            ok = at >= pub if future else at <= pub + LOOKAHEAD_MONTHS
        if ok:
            return year
    return None


def _weekday(f: _Found, ref: _Reference, future: bool, lang: ModuleType) -> date | None:
    g = f.groups
    wanted = int(lang.WEEKDAYS[g["wd"]])
    mod = g.get("mod")
    shift = next((v for k, v in lang.MODIFIERS.items() if mod and mod.lower().startswith(k)), None)
    if ref.day is not None:
        base = ref.day
        back = (base.weekday() - wanted) % 7
        ahead = (wanted - base.weekday()) % 7
        if shift == 0:
            return base + timedelta(days=wanted - base.weekday())
        if shift == -1:
            return base - timedelta(days=back or 7)
        if shift == 1:
            return base + timedelta(days=ahead or 7)
        return base + timedelta(days=ahead) if future else base - timedelta(days=back)
    if ref.anchor is None or shift is not None:
        return None
    delta = (wanted - ref.anchor.weekday()) % 7
    if not future and delta > ANCHOR_REACH:
        delta -= 7
    return ref.anchor + timedelta(days=delta)


def _relative(f: _Found, ref: _Reference, lang: ModuleType) -> tuple[date, date] | None:
    g = f.groups
    if f.tag == "reldays":
        words = " ".join((g["rel"] or "").lower().split())
        if ref.day is None:
            return None
        day = ref.day + timedelta(days=int(lang.RELATIVE_DAYS[words]))
        return day, day
    if f.tag == "unit":
        unit = lang.UNITS[g["unit"]]
        mod = (g["mod"] or "").lower()
        n = next(v for k, v in lang.MODIFIERS.items() if mod.startswith(k))
    else:
        unit = {k.lower(): v for k, v in lang.AGO_UNITS.items()}[(g["unit"] or "").lower()]  # matched any case
        count = (g["n"] or "").lower()
        n = -(int(count) if count.isdigit() else int(lang.NUMBERS[count]))
    if unit == "year":
        return (date(ref.year + n, 1, 1), date(ref.year + n, 12, 31)) if ref.year else None
    if unit == "month":
        return _month_range(ref.year, ref.month + n) if ref.year and ref.month else None
    if ref.day is None:
        return None
    if unit == "day":
        return ref.day + timedelta(days=n), ref.day + timedelta(days=n)
    if unit == "week":
        return _week(ref.day + timedelta(days=7 * n))
    # weekend: the last one before publication, the one of its week, or the first after it
    saturday = ref.day + timedelta(days=5 - ref.day.weekday())
    if n < 0:
        saturday -= timedelta(days=7)
    elif n > 0 and ref.day >= saturday:
        saturday += timedelta(days=7)
    return saturday, saturday + timedelta(days=1)


def _resolve(f: _Found, ref: _Reference, future: bool, lang: ModuleType) -> tuple[date, date] | None:
    g = f.groups
    written = g.get("year")
    if f.tag in _DATE_TAGS or "day" in g:
        month = _month_of(g.get("month"), lang)
        year = _year_of(written) if written else _pick_year(month, int(g["day"] or 0), ref, future)
        when = _date(year, month, int(g["day"] or 0)) if year else None
        return (when, when) if when else None
    part = lang.PARTS.get(g["part"]) if g.get("part") else None
    if f.tag in ("monthyear", "month"):
        month = _month_of(g["month"], lang)
        year = int(written) if written else _pick_year(month, None, ref, future)
        return _month_range(year, month, part) if year else None
    if f.tag == "year":
        year = int(written or 0)
        if part is None:
            return date(year, 1, 1), date(year, 12, 31)
        return _month_range(year, 1 + 4 * part)[0], _month_range(year, 4 + 4 * part)[1]
    if f.tag == "weekday":
        when = _weekday(f, ref, future, lang)
        return (when, when) if when else None
    return _relative(f, ref, lang)
