"""RawArticle to Article: headline, outlet and date found, boilerplate removed, every removal logged."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import date, datetime, time
from email.utils import parsedate_to_datetime
from pathlib import PurePosixPath
from typing import NamedTuple

from presseschau.lang.de import cleaning as de
from presseschau.lang.de import outlets
from presseschau.lang.en import cleaning as en
from presseschau.model import Article, RawArticle, Removal, Skipped

HEADER_ZONE_LINES = 5  # metadata lines sit above the article; seen at most 3 deep in exported texts
HEADLINE_MAX_WORDS = 25  # longest seed headline has 14 words; German headlines rarely pass 20
REPEAT_MIN_WORDS = 5  # a shorter prefix of the headline could be an ordinary subheading
# Lines longer than this many headline lengths (plus a few characters) are not compared with the headline.
REPEAT_MAX_RATIO = 4
REPEAT_SLACK = 20
BYLINE_MAX_WORDS = 12  # "Von" + three authors with two names each and a place
COPYRIGHT_MAX_WORDS = 30  # notices are one or two short sentences; longer lines are article text
PHOTO_MAX_WORDS = 10  # "Bild: picture alliance / dpa | Max Muster" has 8
GLUE_WINDOW = 40  # credits glued to the next sentence end within this many characters of "Foto:"
GLUED_MIN_WORDS = 3  # what follows a glued credit must be a sentence, not the rest of a name
COLON_DATELINE_MIN_WORDS = 8  # "SEOUL: " opens a full paragraph; a subheading "NATO: ..." is short
SOURCE_LINE_MAX_WORDS = 8  # "Mit Material von dpa und AFP"; longer lines are sentences
WRAP_MIN, WRAP_MAX = 50, 100  # hard-wrapped text fills its lines to 60-80 characters

# The rules in the order they run. Between read_also and repeated_headline the headline is taken:
# ``raw.title``, else the first line left (a lead paragraph, opening with a dateline or longer than any
# headline, stays in the body and lends its first sentence). Glued credits are cut with the datelines.
REASONS = {
    "header": "metadata line above the article",  # the first lines only; gives date and outlet
    "copyright": "copyright or licence notice",
    "byline": "author byline",
    "photo_credit": "photo credit",
    "read_also": "teaser pointing to another article",
    "repeated_headline": "repeats the headline",  # also shortened or spelt in ASCII
    "dateline": "dateline: place (and agency) before the first sentence",
    "tag_line": "trailing tag: one lower-case token, no sentence",
    "source_line": "trailing source line",
}


def _merged(name: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(w for lang in (de, en) for w in getattr(lang, name)))


def _alt(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_MONTHS: dict[str, int] = {**en.MONTHS, **de.MONTHS}
_TRANSLIT = str.maketrans({**en.TRANSLITERATION, **de.TRANSLITERATION})
_DATE_KEYS, _URL_KEYS = _merged("HEADER_DATE_KEYS"), _merged("HEADER_URL_KEYS")
_GENERIC = {w.casefold() for w in _merged("GENERIC_SOURCES")}
_NOT_NAMES, _NOT_PLACES = set(_merged("NOT_NAMES")), set(_merged("NOT_PLACES"))
# Lower-case name -> the short name briefings use ("thomson reuters" -> "Reuters", "afp" -> "AFP").
_ALIASES = {**{a.casefold(): a for a in outlets.AGENCIES}, **outlets.OUTLET_ALIASES}
_CREDITS = sorted(outlets.PHOTO_CREDITS, key=len, reverse=True)
_LABELS = _merged("SOURCE_LABELS")

_KEY = rf"(?P<key>{_alt(_DATE_KEYS + _URL_KEYS + _merged('HEADER_OUTLET_KEYS'))})"
_HEADER_FIRST = re.compile(rf"(?i){_KEY}(?![\w-])\s*(?P<colon>:)?\s*")
_HEADER_NEXT = re.compile(rf"(?i)(?<!\S){_KEY}\s*:\s*")
_ISO_DATE = r"(?P<year>\d{4})-(?P<month>\d{1,2})(?:-(?P<day>\d{1,2}))?"  # also a partial "2023-09"
_DATES = tuple(re.compile(p, re.IGNORECASE) for p in (_ISO_DATE, *_merged("DATE_PATTERNS")))
_URL = re.compile(r"https?://\S+|www\.\S+")
# "Copyright" alone is a topic ("Streit um Copyright"); a notice opens with it or dates it.
_COPYRIGHT = re.compile(r"(?i)^\(c\)\s|\(c\)\s*(?:\d{4}|copyright)|©|^copyright\b|copyright\s+\d{4}|"
                        + "|".join(_merged("COPYRIGHT_PATTERNS")))
_NAME = r"[A-ZÄÖÜ][\w'’.]*(?:-[\w'’.]+)*"
_PERSON = rf"{_NAME}(?:\s+(?:(?:{_alt(_merged('NAME_PARTICLES'))})\s+)*{_NAME})*"
_BYLINE = re.compile(
    rf"^[-–—•*]?\s*(?i:{_alt(_merged('BYLINE_INTROS'))})\s+(?P<names>{_PERSON}"
    rf"(?:(?:\s*,\s*|\s+(?:{_alt(_merged('NAME_JOINERS'))})\s+){_PERSON})*)(?:\s*[,/|]\s*{_NAME})?$")
_PHOTO_LABEL = rf"\(?(?i:{_alt(_merged('PHOTO_LABELS'))})\s*:\s*"
_PHOTO = re.compile(rf"^{_PHOTO_LABEL}(?P<rest>.+?)\)?$")
_PHOTO_TAIL = re.compile(rf"(?<=[.!?\"“”])\s+{_PHOTO_LABEL}[^.!?]{{1,60}}$")
# A word boundary without a space: "imagesNordkorea", "APMit" (an upper-case run before a capitalised word).
_CAMEL = re.compile(r"(?<=[a-zäöüß0-9.)])(?=[A-ZÄÖÜ][a-zäöüß])|(?<=[A-ZÄÖÜ])(?=[A-ZÄÖÜ][a-zäöüß])")
_READ_ALSO = re.compile(rf"^(?i:{_alt(_merged('READ_ALSO'))})\b")
_KNOWN_AGENCY, _MORE_AGENCIES = rf"(?i:{_alt(outlets.AGENCIES)})", r"(?:\s*/\s*[\w-]{1,12})*"  # "dpa/lhe"
_AGENCY = rf"(?P<agency>{_KNOWN_AGENCY}){_MORE_AGENCIES}"
_PLACE = r"[A-ZÄÖÜ][\w'’.-]*(?:[ /][A-ZÄÖÜ][\w'’.-]*){0,3}(?:,\s*[\w. ]{1,30}?)?"
# A known agency or any acronym ("Lindholm (NDA) -"); only a known one names the outlet.
_DATELINE = re.compile(
    rf"^{_PLACE}\s*\((?P<agency>{_KNOWN_AGENCY}|[A-Z]{{2,6}}){_MORE_AGENCIES}\)\s*[-–—:]\s*(?=\S)")
_COLON_DATELINE = re.compile(r"^(?P<place>[A-ZÄÖÜ]{2,}(?:[ -][A-ZÄÖÜ]{2,}){0,2})\s*:\s+(?=[A-ZÄÖÜ„\"“‚'])")
_TAG = re.compile(r"(?=.*[a-zäöüß])[a-z0-9äöüß]+(?:[-_][a-z0-9äöüß]+)+")
# One-word labels need their colon ("Quelle: dpa"), longer ones do not ("Mit Material von dpa").
_SOURCE = re.compile(
    rf"^\(?(?:(?i:{_alt(tuple(w for w in _LABELS if ' ' not in w))})\s*:"
    rf"|(?i:{_alt(tuple(w for w in _LABELS if ' ' in w))})\s*:?)\s*(?P<value>[^!?]{{1,60}}?)\)?$"
    rf"|^\(?(?P<bare>{_AGENCY})\)?$")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ„\"“])")
_MD_HEADING = re.compile(r"^#{1,6}\s+")
_INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff]")  # soft hyphen, zero-width space, word joiner, BOM
_SPACES = re.compile(r"\s+")


class _Line(NamedTuple):
    number: int  # 1-based line number in the raw text
    text: str


def clean(raw: RawArticle) -> Article | Skipped:
    """The cleaned Article, or Skipped("clean", ...) when no body text is left after the removals.

    Rules run in the order of ``REASONS``, with the word lists of ``lang/de`` and ``lang/en`` (the language
    is known only later). Whitespace is collapsed and hard-wrapped paragraphs rejoined unlogged: no text is
    lost. Outlet: metadata > header or agency copyright > dateline > source line > file name. Published:
    metadata > header > ``None``, never guessed.
    """
    removed: list[Removal] = []
    hints: dict[str, str] = {}
    lines = _drop_lines(_drop_header(_lines(raw.text, raw.format == "md"), removed, hints), removed, hints)
    title, lead = _headline(raw, lines)
    if title is None:
        return Skipped(raw.source, "clean", "no article text: the input holds no headline or body text")
    if not lead:
        lines = _drop_repeats(lines if _field(raw.title) else lines[1:], title, removed)
    lines = _drop_trailing(_cut_prefixes(lines, removed, hints), removed, hints)
    body = "\n".join(_unwrap(lines))
    if not body:
        rules = sorted({r.rule for r in removed})
        why = f"; removed: {', '.join(rules)}" if rules else "; the text held only a headline"
        return Skipped(raw.source, "clean", f"no article text left after cleaning{why}")
    outlet, outlet_from = _outlet(raw, hints)
    given_date = _field(raw.published)
    published = _iso_date(given_date) if given_date else None
    published_from = "metadata" if published else "header" if "published" in hints else None
    # A plain dict: Articles go to worker processes, and a MappingProxyType cannot be pickled.
    extra = {**raw.extra, **({"published_unparsed": given_date} if given_date and not published else {})}
    return Article(
        id="a" + hashlib.sha256(f"{title}\n{body}".encode()).hexdigest()[:11],
        source=raw.source, title=title, text=body, outlet=outlet, outlet_from=outlet_from,
        published=published or hints.get("published"), published_from=published_from,
        url=_field(raw.url) or hints.get("url"), format=raw.format, language=_field(raw.language),
        removed=tuple(sorted(removed, key=lambda r: r.line)), encoding=raw.encoding, extra=extra,
    )


def _lines(text: str, markdown: bool) -> list[_Line]:
    """Non-empty lines, whitespace collapsed and invisible characters dropped, numbered as in the raw text."""
    found = []
    for number, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
        line = _SPACES.sub(" ", unicodedata.normalize("NFC", _INVISIBLE.sub("", line))).strip()
        line = _MD_HEADING.sub("", line) if markdown else line
        if line:
            found.append(_Line(number, line))
    return found


def _drop_header(lines: list[_Line], removed: list[Removal], hints: dict[str, str]) -> list[_Line]:
    """Metadata lines among the first lines, above the first paragraph (a line ending in a full stop)."""
    kept: list[_Line] = []
    for index, line in enumerate(lines):
        in_zone = index < HEADER_ZONE_LINES and not any(k.text.rstrip("\"“”»«").endswith(".") for k in kept)
        fields = _header(line.text) if in_zone else None
        if fields is None:
            kept.append(line)
        else:
            hints.update({key: value for key, value in fields.items() if key not in hints})
            found = ", ".join(f"{k} {v}" for k, v in fields.items()) or "no usable value"
            removed.append(_removal(line.text, "header", line.number, found))
    return kept


def _header(text: str) -> dict[str, str] | None:
    """The fields of a metadata line ("date 2023-09 Quelle: Reuters"), or ``None`` if it is not one."""
    first = _HEADER_FIRST.match(text)
    if first is None:
        return None
    rest, first_key = text[first.end():], first["key"].casefold()
    if first["colon"] is None and not (first_key in _DATE_KEYS and rest[:1].isdigit()):
        return None  # without a colon only "date 2023-09" counts: "Stand der Dinge ..." is a sentence
    pieces = _HEADER_NEXT.split(rest)  # value, key, value, key, value ...
    fields: dict[str, str] = {}
    for key, value in zip([first_key, *(k.casefold() for k in pieces[1::2])], pieces[0::2], strict=True):
        value = value.strip(" ,;|")
        if key in _DATE_KEYS or key in _URL_KEYS:
            found = _iso_date(value) if key in _DATE_KEYS else value if _URL.fullmatch(value) else None
            if found is None:
                return None
            fields.setdefault("published" if key in _DATE_KEYS else "url", found)
        elif name := _outlet_name(value):
            fields.setdefault("outlet", name)
    return fields


def _drop_lines(lines: list[_Line], removed: list[Removal], hints: dict[str, str]) -> list[_Line]:
    """Whole lines that are copyright notices, bylines, photo credits or read-also teasers."""
    kept = []
    for line in lines:
        text, words = line.text, len(line.text.split())
        credit = _photo_credit(text)
        if words <= COPYRIGHT_MAX_WORDS and _COPYRIGHT.search(text):
            if agency := _outlet_name(text, known_only=True):
                hints.setdefault("outlet", agency)
            removed.append(_removal(text, "copyright", line.number))
        elif words <= BYLINE_MAX_WORDS and _is_byline(text):
            removed.append(_removal(text, "byline", line.number))
        elif credit is not None and not credit[1]:
            removed.append(_removal(text, "photo_credit", line.number))
        elif _READ_ALSO.match(text):
            removed.append(_removal(text, "read_also", line.number))
        else:
            kept.append(line)
    return kept


def _is_byline(text: str) -> bool:
    """"Von Max Mustermann und Erika Beispiel", but not "Von Montag an gilt ..." (lower-case words)."""
    match = _BYLINE.match(text)
    if match is None or text[-1] in ".!?:;":
        return False
    names = match["names"].split()
    return names[0] not in _NOT_NAMES and sum(1 for n in names if n[0].isupper()) >= 2


def _photo_credit(text: str) -> tuple[str, str] | None:
    """(credit, rest of the line) for a line opening with "Foto: ...", rest "" when the line is only a
    credit; ``None`` when the line is no credit or where the credit ends cannot be told."""
    match = _PHOTO.match(text)
    if match is None:
        return None
    rest, start = match["rest"], match.start("rest")
    # The longest known credit the rest opens with ("imago images" before "imago"), and what follows.
    credit = next((c for c in _CREDITS if rest[:len(c)].casefold() == c.casefold()), "")
    after = rest[len(credit):]
    if credit and not after.strip(" )"):
        return text, ""
    if credit and after[:1].isupper() and after[1:2].islower():  # "APMit einem ..."
        return text[:start + len(credit)], after
    for boundary in _CAMEL.finditer(rest[:GLUE_WINDOW]):
        cut = boundary.start()
        if cut >= 2 and len(rest[cut:].split()) >= GLUED_MIN_WORDS:
            return text[:start + cut], rest[cut:]
    sentence = after[:1] == " " and after[1:2].isupper() and after[-1:] in ".!?\"“”"
    if credit and sentence and len(after.split()) > 4:
        return text[:start + len(credit)], after.strip()  # "dpa Mit einem ... ." after a known credit
    if len(rest.split()) <= PHOTO_MAX_WORDS and rest.rstrip(")")[-1:] not in ".!?":
        return text, ""
    return None


def _headline(raw: RawArticle, lines: list[_Line]) -> tuple[str | None, bool]:
    """The title, and whether it was taken from a lead paragraph that stays in the body."""
    if given := _field(raw.title):
        return _MD_HEADING.sub("", given), False
    if not lines:
        return None, False
    first = lines[0].text
    dateline = _dateline(first)
    if dateline is None and len(first.split()) <= HEADLINE_MAX_WORDS:
        return first, False
    words = _SENTENCE_END.split(first[dateline.end():] if dateline else first)[0].split()
    if len(words) > HEADLINE_MAX_WORDS:
        return " ".join(words[:HEADLINE_MAX_WORDS]) + " …", True
    return " ".join(words).rstrip("."), True


def _dateline(text: str) -> re.Match[str] | None:
    """ "Berlin (dpa) - " at the start of ``text``, but not "Scholz (SPD) - ": parties are no agencies."""
    match = _DATELINE.match(text)
    return match if match is not None and match["agency"] not in _NOT_PLACES else None


def _drop_repeats(lines: list[_Line], title: str, removed: list[Removal]) -> list[_Line]:
    folded_title, kept = _fold(title), []
    for line in lines:
        # Folding at most doubles a text (umlauts -> two letters) and drops only punctuation and accents: a line
        # four times the headline's length cannot fold to it or to its start (most lines of an article).
        if len(line.text) > REPEAT_MAX_RATIO * len(title) + REPEAT_SLACK:
            kept.append(line)
            continue
        folded = _fold(line.text)
        if folded == folded_title or (
            len(folded.split()) >= REPEAT_MIN_WORDS and folded_title.startswith(folded)  # may end mid-word
        ):
            removed.append(_removal(line.text, "repeated_headline", line.number))
        else:
            kept.append(line)
    return kept


def _fold(text: str) -> str:
    """Lower case, ASCII spellings of umlauts, no accents and no punctuation: "Während," -> "waehrend"."""
    text = text.casefold().translate(_TRANSLIT)
    if not text.isascii():
        text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[\W_]+", " ", text).split())


def _cut_prefixes(lines: list[_Line], removed: list[Removal], hints: dict[str, str]) -> list[_Line]:
    """Glued photo credits and datelines cut from the start of lines; credits after captions from the end."""
    kept = []
    for index, line in enumerate(lines):
        text = line.text
        credit = _photo_credit(text)
        if credit is not None and credit[1]:
            removed.append(_removal(credit[0], "photo_credit", line.number, "glued to the next sentence"))
            text = credit[1]
        cut = _dateline(text)
        if cut is not None:
            if agency := _outlet_name(cut["agency"], known_only=True):
                hints.setdefault("dateline", agency)
        # Only on the first paragraph: a later "SÜDKOREA: ..." line is a subheading, not a dateline.
        elif (index == 0 and (colon := _COLON_DATELINE.match(text)) and colon["place"] not in _NOT_PLACES
              and len(text.split()) >= COLON_DATELINE_MIN_WORDS):
            cut = colon
        if cut is not None:
            removed.append(_removal(cut.group().strip(), "dateline", line.number))
            text = text[cut.end():]
        if tail := _PHOTO_TAIL.search(text):
            removed.append(_removal(tail.group().strip(), "photo_credit", line.number, "after a caption"))
            text = text[:tail.start()]
        kept.append(_Line(line.number, text))
    return kept


def _drop_trailing(lines: list[_Line], removed: list[Removal], hints: dict[str, str]) -> list[_Line]:
    """Tag tokens ("toi-allgemeines") and source lines ("Quelle: dpa") at the end of the text."""
    while lines:
        last = lines[-1]
        source = _SOURCE.match(last.text)
        if _TAG.fullmatch(last.text):
            removed.append(_removal(last.text, "tag_line", last.number))
        elif source is not None and len(last.text.split()) <= SOURCE_LINE_MAX_WORDS:
            if agency := _outlet_name(source["value"] or source["agency"], known_only=True):
                hints.setdefault("source_line", agency)
            removed.append(_removal(last.text, "source_line", last.number))
        else:
            break
        lines = lines[:-1]
    return lines


def _unwrap(lines: list[_Line]) -> list[str]:
    """One string per paragraph. Lines with no empty line between them are joined only when the text is
    hard-wrapped: every line that is not the last before an empty line is 50-100 characters long."""
    joins = {i for i in range(1, len(lines)) if lines[i].number == lines[i - 1].number + 1}
    inner = [lines[i - 1].text for i in joins]
    wrapped = len(inner) >= 3 and all(WRAP_MIN <= len(t) <= WRAP_MAX for t in inner)
    if not wrapped or len(joins) == len(lines) - 1:
        return [line.text for line in lines]  # one block or short lines: lines are paragraphs already
    paragraphs: list[str] = []
    for i, line in enumerate(lines):
        if i in joins:
            paragraphs[-1] += line.text if paragraphs[-1].endswith("-") else " " + line.text
        else:
            paragraphs.append(line.text)
    return paragraphs


def _outlet(raw: RawArticle, hints: dict[str, str]) -> tuple[str, str]:
    if given := _field(raw.outlet):
        return _ALIASES.get(given.casefold(), given), "metadata"
    for key, origin in (("outlet", "header"), ("dateline", "dateline"), ("source_line", "source_line")):
        if key in hints:
            return hints[key], origin
    return PurePosixPath(raw.source.split("#", 1)[0]).stem.strip("<>") or raw.source, "filename"


def _iso_date(value: str) -> str | None:
    """ISO 8601 for a date in ISO, RFC 2822 or a form from ``DATE_PATTERNS``, keeping its precision
    ("2023-09" stays a month); ``None`` when the value is not a date."""
    value = value.strip(" ,;|")
    try:
        if re.fullmatch(r"\d{4}|\d{4}-\d{2}-\d{2}[T ]\d.*", value):  # a year, or an ISO date and time
            return value if len(value) == 4 else datetime.fromisoformat(value).isoformat()
        for pattern in _DATES:
            if match := pattern.fullmatch(value):
                parts, name = match.groupdict(), match.groupdict().get("month_name")
                month = _MONTHS.get(name.casefold(), 0) if name else int(parts["month"])
                day = date(int(parts["year"]), month, int(parts.get("day") or 1))  # raises for month 0
                if parts.get("hour"):
                    clock = time(int(parts["hour"]), int(parts["minute"]))
                    return datetime.combine(day, clock).isoformat(timespec="minutes")
                return day.isoformat() if parts.get("day") else day.isoformat()[:7]
        return parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def _outlet_name(value: str, *, known_only: bool = False) -> str | None:
    """The outlet named in a "Quelle:" value or notice, without copyright words, years and links;
    with ``known_only`` only a name from the agency and alias table counts."""
    name = re.sub(r"(?i)\bcopyright\b|\b(?:19|20)\d{2}\b", " ", _COPYRIGHT.sub(" ", _URL.sub(" ", value)))
    name = _SPACES.sub(" ", name).strip(" .,;:-–—|/()")
    if not name or name.casefold() in _GENERIC:
        return None
    canonical = _ALIASES.get(name.casefold(), name)
    known = name.casefold() in _ALIASES or canonical in _ALIASES.values()
    return canonical if known or not known_only else None


def _field(value: str | None) -> str | None:
    return _SPACES.sub(" ", value).strip() or None if value else None


def _removal(text: str, rule: str, line: int, detail: str = "") -> Removal:
    return Removal(text, rule, f"{REASONS[rule]} ({detail})" if detail else REASONS[rule], line)
