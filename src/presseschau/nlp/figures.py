"""Figures in a Doc: numbers with what they count ("rund 650 Kilometer", "zwei Millionen Granaten")."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from types import ModuleType

from presseschau.lang import data
from presseschau.model import Doc, Figure, Token

# Adjectives that may stand between a number and its noun ("zwei ballistische Raketen"): two covers news
# prose ("120 freiwillige Feuerwehrleute"); with more, the noun is rarely what the number counts.
MAX_ADJECTIVES = 2
# Untagged languages (English): the counted noun is searched within this many words ("two ballistic missiles").
MAX_UNTAGGED_HEAD = 3
# Longer words are never number words ("dreihundertsiebenundfünfzigtausend" has 34 letters); the cap keeps
# the morpheme search short on odd tokens (URLs, run-together text).
MAX_NUMBER_WORD = 60
# Gaps that join "10 000" into one number: a plain, no-break or thin space.
_THOUSANDS_GAP = frozenset([" ", "\u00a0", "\u202f", "\u2009"])
_GROUP3 = re.compile(r"\d{3}")
_ORDINAL = re.compile(r"\d+\.")
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class _Number:
    """A number in a sentence before its checks: token span [first, after), its unit and where that ends."""

    first: int
    after: int
    value: float
    unit: str | None
    unit_end: int
    digits: str
    worded: bool


@dataclass(frozen=True, slots=True)
class _Sentence:
    """One sentence's tokens with their surface forms, lower-cased, for the number rules."""

    tokens: tuple[Token, ...]
    words: list[str]
    low: list[str]
    text: str

    def at(self, k: int) -> str:
        return self.low[k] if 0 <= k < len(self.low) else ""


def find_figures(doc: Doc) -> tuple[Figure, ...]:
    """Every figure of the Doc: value normalised, unit as a lemma, qualifier as written (lower case).

    Years, dates, clock times, ordinals, model numbers, phone and page numbers and scores are left out.
    Languages without number data (``lang/<code>/numbers.py``) yield none.
    """
    lang = data(doc.language, "numbers")
    if lang is None:
        return ()
    stop: frozenset[str] = getattr(data(doc.language, "nlp"), "STOPWORDS", frozenset())
    out: list[Figure] = []
    for sentence in doc.sentences:
        words = [doc.token_text(t) for t in sentence.tokens]
        view = _Sentence(sentence.tokens, words, [w.lower() for w in words], doc.article.text)
        out.extend(_figures(doc, view, lang, stop))
    return tuple(out)


def _figures(doc: Doc, s: _Sentence, lang: ModuleType, stop: frozenset[str]) -> list[Figure]:
    numbers: list[_Number] = []
    i = 0
    while i < len(s.tokens):
        number = _number_at(i, s, lang, stop)
        if number is None:
            i += 1
            continue
        numbers.append(number)
        i = number.unit_end
    figures: list[Figure] = []
    for n, number in enumerate(numbers):
        unit, end = number.unit, number.unit_end
        if unit is None and n + 1 < len(numbers):
            # "122 und 151 Millimeter", "zwei bis drei Tote": the first number shares the second's unit.
            nxt = numbers[n + 1]
            if nxt.first == number.after + 1 and s.at(number.after) in lang.RANGE_JOINERS:
                unit = nxt.unit
        if not _excluded(number, unit, s, lang):
            figures.append(_figure(doc, number, unit, end, s, lang))
    return figures


def _excluded(number: _Number, unit: str | None, s: _Sentence, lang: ModuleType) -> bool:
    """True for numbers that are no quantity: dates, years, times, references, vague or pronoun-like words."""
    first = number.first - 1 if s.at(number.first - 1) in lang.CURRENCY_BEFORE else number.first
    before, after = s.at(first - 1), s.at(number.after)
    if before in lang.VAGUE or before in lang.REFERENCES or before in lang.TIME_CUES or before in lang.MONTHS:
        return True
    if after in lang.MONTHS or after in lang.TIME_UNITS or (unit or "").lower() in lang.TIME_UNITS:
        return True
    # A number written next to another number is part of a date, a phone number or a code ("11. 09. 2023").
    if _DIGIT.search(before) or _DIGIT.match(after):
        return True
    if _year_like(number.digits, lang) and (before in lang.YEAR_CUES or unit is None):
        return True
    # "die beiden", "one of them": a number word that counts nothing stands for a noun.
    return number.worded and unit is None


def _figure(doc: Doc, number: _Number, unit: str | None, end: int, s: _Sentence, lang: ModuleType) -> Figure:
    first = number.first - 1 if s.at(number.first - 1) in lang.CURRENCY_BEFORE else number.first
    qualifier = None
    if f"{s.at(first - 2)} {s.at(first - 1)}" in lang.QUALIFIERS and first >= 2:
        qualifier, first = f"{s.at(first - 2)} {s.at(first - 1)}", first - 2
    elif s.at(first - 1) in lang.QUALIFIERS:
        qualifier, first = s.at(first - 1), first - 1
    # A unit borrowed from the next number ("122 und 151 Millimeter") is not part of this one's text.
    last = (end if unit is not None and unit == number.unit else number.after) - 1
    start = s.tokens[first].start
    return Figure(doc.sentence_of(start), start, s.tokens[last].end, number.value, unit, qualifier)


def _number_at(i: int, s: _Sentence, lang: ModuleType, stop: frozenset[str]) -> _Number | None:
    """The number starting at token ``i`` with its multiplier and unit, or None."""
    word = s.words[i]
    worded = False
    if re.fullmatch(lang.NUMBER_PATTERN, word):
        if len(word) > 1 and word[0] == "0" and word[1] != lang.DECIMAL_SEPARATOR:
            return None  # a leading zero: phone number, postcode or code
        value = _digits_value(word, lang)
        j = i + 1
        # "10 000 Menschen": groups of three digits after a space continue the number.
        while (j < len(s.words) and _GROUP3.fullmatch(s.words[j]) and value.is_integer()
               and s.text[s.tokens[j - 1].end : s.tokens[j].start] in _THOUSANDS_GAP):
            value, j = value * 1000 + int(s.words[j]), j + 1
        digits = "".join(s.words[i:j])
    elif lang.ORDINAL_DOT and _ORDINAL.fullmatch(word):
        if not _sentence_end_number(i, s, lang):
            return None  # "der 70. Jahrestag", "am 13. September"
        value, j, digits = float(word[:-1]), i + 1, word[:-1]
    else:
        found = _worded_at(i, s, lang)
        if found is None:
            return None
        value, j = found
        worded, digits = True, ""
    unit = None
    if s.at(j) in lang.MULTIPLIERS:
        value, j = value * lang.MULTIPLIERS[s.at(j)], j + 1
    elif s.at(j) in lang.FRACTIONS:
        value, j, unit = value * lang.FRACTIONS[s.at(j)], j + 1, lang.PERCENT_UNIT
    if s.at(i - 1) in lang.CURRENCY_BEFORE:
        unit = lang.CURRENCY_BEFORE[s.at(i - 1)]
        if s.at(j) in lang.CURRENCY_MULTIPLIERS:
            value, j = value * lang.CURRENCY_MULTIPLIERS[s.at(j)], j + 1
    if not math.isfinite(value):
        return None  # a digit string too long for a float is a code, not a quantity
    unit_end = j
    if unit is None:
        unit, unit_end = _unit_after(j, s, lang, stop, year_like=_year_like(digits, lang))
    return _Number(i, j, value, unit, unit_end, digits, worded)


def _sentence_end_number(i: int, s: _Sentence, lang: ModuleType) -> bool:
    """True when "12." ends a sentence the splitter did not cut ("stieg auf 12. Die Polizei ..."); False for
    an ordinal, which a noun, adjective, month or number follows."""
    if i + 1 >= len(s.words):
        return True
    nxt, pos = s.words[i + 1], s.tokens[i + 1].pos
    if nxt.lower() in lang.MONTHS or _DIGIT.match(nxt):
        return False
    return nxt[:1].isupper() and not pos.startswith((*lang.NOUN_POS, "NE", "ADJ", "CARD"))


def _worded_at(i: int, s: _Sentence, lang: ModuleType) -> tuple[float, int] | None:
    """A number in words at ``i`` ("zweiundzwanzig", "two hundred fifty", "eine Million", "die Hälfte"),
    as (value, token after the words); a multiplier or fraction after it is left to the caller."""
    word, nxt = s.at(i), s.at(i + 1)
    if word in lang.ONE_ARTICLES and (nxt in lang.MULTIPLIERS or nxt in lang.FRACTIONS):
        return 1.0, i + 1
    if word in lang.FRACTIONS_ALONE:
        return 1.0, i  # "die Hälfte": one half; the caller's fraction step makes it 50 percent
    if lang.NOT_NUMBER_POS and s.tokens[i].pos.startswith(lang.NOT_NUMBER_POS):
        return None
    if _word_value(word, lang) is None:
        return None
    parts, j = [word], i + 1
    while lang.MULTIWORD_NUMBERS and j < len(s.low):
        k = j + 1 if s.at(j) in lang.WORD_JOINERS else j
        if _word_value(s.at(k), lang) is None:
            break
        parts.append(s.at(k))
        j = k + 1
    value = _word_value("".join(parts), lang)
    if value is None or (len(parts) == 1 and word in lang.AMBIGUOUS_ALONE and s.at(j) not in lang.MULTIPLIERS):
        return None
    return value, j


def _word_value(word: str, lang: ModuleType) -> float | None:
    """The value of a number word built from the language's parts, or None ("Einsatz" is no number)."""
    parts = _split(word, _morphemes(lang)) if 0 < len(word) <= MAX_NUMBER_WORD else None
    if not parts:
        return None
    total, current, seen = 0.0, 0.0, False
    for part in parts:
        if part in lang.PART_JOINERS:
            continue
        seen = True
        if part in lang.HUNDRED:
            current = (current or 1) * 100
        elif part in lang.THOUSAND:
            total, current = total + (current or 1) * 1000, 0.0
        else:
            current += lang.NUMBER_PARTS[part]
    return total + current if seen else None


@lru_cache(maxsize=8)
def _morphemes(lang: ModuleType) -> tuple[str, ...]:
    parts = {*lang.NUMBER_PARTS, *lang.HUNDRED, *lang.THOUSAND, *lang.PART_JOINERS}
    return tuple(sorted(parts, key=len, reverse=True))


@lru_cache(maxsize=8192)
def _split(word: str, morphemes: tuple[str, ...]) -> tuple[str, ...] | None:
    """``word`` as morphemes, longest first with backtracking ("eine|inhalb" fails, so "ein|einhalb")."""
    if not word:
        return ()
    for part in morphemes:
        if word.startswith(part):
            rest = _split(word[len(part) :], morphemes)
            if rest is not None:
                return (part, *rest)
    return None


def _digits_value(word: str, lang: ModuleType) -> float:
    return float(word.replace(lang.THOUSANDS_SEPARATOR, "").replace(lang.DECIMAL_SEPARATOR, "."))


def _year_like(digits: str, lang: ModuleType) -> bool:
    low, high = lang.YEAR_RANGE
    return len(digits) == 4 and digits.isdigit() and low <= int(digits) <= high


def _unit_after(
    j: int, s: _Sentence, lang: ModuleType, stop: frozenset[str], *, year_like: bool
) -> tuple[str | None, int]:
    """The unit or counted noun (as a lemma) starting at token ``j``, and the token after it."""
    if j >= len(s.low):
        return None, j
    if s.at(j) in lang.UNIT_ALIASES:
        return lang.UNIT_ALIASES[s.at(j)], j + 1
    if lang.NOUN_POS:
        k = j
        # A year is followed by its noun directly or not at all ("den 1953 geschlossenen Waffenstillstand").
        while not year_like and k - j < MAX_ADJECTIVES and k < len(s.low) and s.tokens[k].pos in lang.ADJECTIVE_POS:
            k += 1
        if k < len(s.low) and s.tokens[k].pos.startswith(lang.NOUN_POS):
            return _canonical(s.tokens[k].lemma, lang), k + 1
        return None, j
    # No tags: the head is the first word that looks plural (its lemma differs) or is a listed noun.
    last = None
    for k in range(j, min(j + MAX_UNTAGGED_HEAD, len(s.low))):
        word = s.at(k)
        if not word.replace("-", "").isalpha() or word in stop or word in lang.TIME_UNITS:
            break
        if word in lang.HEAD_NOUNS or s.tokens[k].lemma.lower() != word:
            return _canonical(s.tokens[k].lemma, lang), k + 1
        if word.endswith(("ed", "ing")):
            break
        last = k
    if last is not None:
        return _canonical(s.tokens[last].lemma, lang), last + 1
    return None, j


def _canonical(lemma: str, lang: ModuleType) -> str:
    return str(lang.UNIT_ALIASES.get(lemma.lower(), lemma))
