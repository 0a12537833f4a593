"""Named-entity mentions of a Doc (people, places, countries, organisations) from tags, capitals, cues and Babel."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from types import ModuleType
from typing import Any

from presseschau.lang import data
from presseschau.model import Doc, Mention, Token

# Evidence for a type, summed over the mentions of one name in an article; the largest sum wins. Set by hand on the
# seeds and examples/hafenbrand: a gazetteer entry outweighs all cues, an explicit cue ("Kremlsprecher", "GmbH") two
# weak ones ("in X", "sagte X", a city list entry), and a name ending ("-burg") decides only when nothing else does.
GAZETTEER = 8
STRONG = 4
WEAK = 2
HINT = 1
# Acronyms are 2-6 capitals ("UN", "KCNA", "NATO"); longer all-caps words are shouting.
ACRONYM_MAX = 6
# A line with at least this share of all-caps words is a shouted heading whose capitals say nothing.
SHOUTING_SHARE = 0.5
# Words scanned back from ", Name" for an apposition role ("der Chef der Feuerwehr, Hauke Brodersen").
APPOSITION_WINDOW = 5
_TIE_ORDER = ("country", "organisation", "person", "place")
_SKIPPED_TERRITORIES = frozenset(["001", "ZZ", "QO", "EZ", "XA", "XB"])  # world, unknown region, pseudo-codes
# Babel's time-zone cities, a weak place list; the other areas hold stations and islands named like people.
_CITY_AREAS = ("Europe/", "Asia/", "Africa/", "America/", "Australia/")
_DEMONYM_ENDINGS = ("n", "an", "ian", "ese", "i", "ish")  # Russia-n, Iran-ian, Japan-ese, Israel-i
_PART = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Entry:
    """A gazetteer name's type and the id its names share in all languages; a city (not ``creates``) only types."""

    type: str
    id: str
    creates: bool = True


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Folded name -> entry, acronym -> entry (matched as written), the longest name in words, folded demonyms,
    and month and weekday names (capitalised in English but never entities)."""

    folded: dict[str, Entry]
    exact: dict[str, Entry]
    longest: int
    demonyms: frozenset[str]
    calendar: frozenset[str]


def fold(words: Sequence[str]) -> str:
    """The form gazetteer names are compared in: lower case, no spaces or hyphens, inner adjectives uninflected."""
    parts = [p for w in words for p in _PART.findall(unicodedata.normalize("NFC", w).casefold())]
    # "Vereinigten Staaten" and "Vereinigte Staaten" fold alike; the last part keeps its ending.
    return "".join(p[:-1] if i < len(parts) - 1 and p.endswith(("en", "em", "er", "es")) else p
                   for i, p in enumerate(parts))


@lru_cache(maxsize=8)
def gazetteer(language: str) -> Gazetteer:
    """Babel's countries, regions and time-zone cities in ``language`` and the curated aliases of
    lang/<language>/entities.py (which win); loaded on first use."""
    names: list[tuple[str, Entry]] = []
    try:  # only called for languages with lang/<language>/entities.py, all of which Babel knows
        from babel import Locale
        from babel.core import get_global

        locale: Any = Locale.parse(language)
    except ImportError:  # without Babel the curated aliases still work
        locale = None
    if locale is not None:
        for zone in get_global("zone_territories"):
            if zone.startswith(_CITY_AREAS) and zone.count("/") == 1:
                tail = zone.split("/")[1].replace("_", " ")
                names.append((locale.time_zones.get(zone, {}).get("city", tail), Entry("place", "city:" + tail, False)))
        for code, name in locale.territories.items():
            if code not in _SKIPPED_TERRITORIES:
                kind = "place" if code.isdigit() else "organisation" if code in ("EU", "UN") else "country"
                names.append((name, Entry(kind, f"{kind}:{code}")))
    lang = data(language, "entities")
    names += [(name, Entry(kind, f"{kind}:{ident}")) for name, (kind, ident) in getattr(lang, "ALIASES", {}).items()]
    # "UN" must not match the "Un" of "Kim Jong Un": acronyms match as written.
    exact = {name: entry for name, entry in names if _acronym(name)}
    folded = {fold(name.split()): entry for name, entry in names if not _acronym(name)}
    # English capitalises adjectives of countries ("Russian", "North Korean", "Iranian"): they are not names.
    demonyms = {fold([*n.split()[:-1], n.split()[-1] + e]) for n, entry in names if entry.type == "country"
                for e in _DEMONYM_ENDINGS} if lang is not None and not lang.COMPOUNDS else set()
    demonyms |= {fold([d]) for d in getattr(lang, "DEMONYMS", ())}
    calendar = frozenset(w.casefold().rstrip(".") for table in (locale.months, locale.days) for ctx in table.values()
                         for width in ctx.values() for w in width.values() if len(w) > 2) if locale else frozenset()
    longest = max((len(n.split()) for n, _ in names), default=1)
    return Gazetteer(folded, exact, longest, frozenset(demonyms), calendar)


def _acronym(text: str) -> bool:
    return 2 <= sum(c.isalpha() for c in text) <= ACRONYM_MAX and text.isupper() and all(
        c.isalpha() or c == "." for c in text)


@dataclass(frozen=True, slots=True)
class _Word:
    start: int
    end: int
    text: str
    pos: str
    lemma: str
    fold: str
    upper: bool  # starts with a capital


@dataclass(slots=True)
class _Span:
    start: int
    end: int
    key: str
    parts: tuple[str, ...]
    votes: Counter[str] = field(default_factory=Counter)
    role: str | None = None
    joined: str = ""  # the words of a name of several words, for finding it again where tags split it


def _words(doc: Doc, tokens: Sequence[Token]) -> list[_Word]:
    """Tokens as words; a hyphen between two tokens without spaces joins them ("Jong", "-", "un" -> "Jong-un")."""
    text, out, i = doc.article.text, [], 0
    while i < len(tokens):
        j = i
        while (j + 2 < len(tokens) and text[tokens[j + 1].start : tokens[j + 1].end] == "-"
               and tokens[j].end == tokens[j + 1].start and tokens[j + 1].end == tokens[j + 2].start):
            j += 2
        surface = text[tokens[i].start : tokens[j].end]
        lemma = tokens[i].lemma if j == i else surface
        out.append(_Word(tokens[i].start, tokens[j].end, surface, tokens[i].pos, lemma, surface.casefold(),
                         surface[:1].isupper()))
        i = j + 1
    return out


class _Finder:
    """The mentions of one Doc; the cues come from lang/<language>/entities.py."""

    def __init__(self, doc: Doc, lang: ModuleType) -> None:
        self.doc, self.lang, self.compounds, nlp = doc, lang, bool(lang.COMPOUNDS), data(doc.language, "nlp")
        # Tagged (German): HanTa's NE tags are evidence of their own.
        self.stop, self.tagged = frozenset[str](getattr(nlp, "STOPWORDS", ())), bool(getattr(nlp, "NAME_POS", ()))
        self.gazetteer = gazetteer(doc.language)
        self.sentences = [_words(doc, s.tokens) for s in doc.sentences]
        self.sequences: set[str] = set()

    def ends(self, word: _Word, suffixes: Sequence[str]) -> bool:
        forms = (word.fold, word.lemma.casefold())  # compounds by ending ("Kremlsprecher", "Bürgermeisterin")
        return any(f.endswith((s, s + "in")) if self.compounds else f == s for f in forms for s in suffixes)

    def lookup(self, words: Sequence[_Word]) -> Entry | None:
        if len(words) == 1 and words[0].text in self.gazetteer.exact:
            return self.gazetteer.exact[words[0].text]
        *head, last = [w.text for w in words]
        cuts = (last, last[:-1] if last.endswith("s") else "", last[:-2] if last.endswith("es") else "")  # "Kremls"
        return next((e for cut in cuts if cut and (e := self.gazetteer.folded.get(fold([*head, cut])))), None)

    def capital(self, word: _Word) -> bool:
        t = word.text
        return (word.upper and any(c.isalpha() for c in t) and not any(c.isdigit() for c in t)
                and word.fold not in self.stop and word.fold.rstrip(".") not in self.gazetteer.calendar
                and t not in self.lang.PERSON_TITLES and t not in self.lang.DEMONYMS)

    def role(self, words: list[_Word], i: int) -> str | None:
        """The role named by words[i] (with the modifiers before it in English), or None."""
        word = words[i] if i >= 0 else None
        if word is None or not self.ends(word, self.lang.ROLE_SUFFIXES):
            return None
        if self.compounds:
            if not word.upper or not word.pos.startswith(("NN", "X")):
                return None
            # The lemma drops the inflection ("Präsidenten" -> "Präsident"), the surface keeps the spelling.
            return word.text[: len(word.lemma)] if word.fold.startswith(word.lemma.casefold() or "\0") else word.text
        first = i
        while first > 0 and words[first - 1].fold in self.lang.ROLE_MODIFIERS:
            first -= 1
        return " ".join(w.text for w in words[first : i + 1])

    def speech(self, word: _Word) -> bool:
        return word.lemma.casefold() in self.lang.SPEECH_VERBS and (not self.tagged or word.pos.startswith("V"))

    def genitive(self, word: _Word) -> bool:
        # HanTa lemmatises "Russlands"/"Kims" without the s: such a word ends a name ("Nordkoreas Kim").
        return self.tagged and word.pos == "NE" and word.text.endswith("s") and word.lemma == word.text[:-1]

    def find(self) -> tuple[Mention, ...]:
        shouting = [sum(w.text.isupper() and len(w.text) > 1 for w in ws) >= SHOUTING_SHARE * max(1, len(ws))
                    for ws in self.sentences]
        tagged = [[not shout and self.capital(w) and (w.pos == "NE" or not self.tagged) for w in ws]
                  for ws, shout in zip(self.sentences, shouting, strict=True)]
        first = [next((i for i, w in enumerate(ws) if any(c.isalnum() for c in w.text)), 0) for ws in self.sentences]
        # Names seen mid-sentence in body text confirm the same word at a sentence start or where mis-tagged.
        known = {w.fold for k, ws in enumerate(self.sentences) if self.doc.sentences[k].kind != "heading"
                 for i, w in enumerate(ws) if i > first[k] and tagged[k][i]}
        names = [[self.confirmed(ws, flags, i, known, shout) for i in range(len(ws))]
                 for ws, flags, shout in zip(self.sentences, tagged, shouting, strict=True)]
        # Names that stand alone somewhere, not after another name or a particle ("zu" in "Karl-Theodor zu G.").
        alone = {ws[i].fold for ws, flags in zip(self.sentences, names, strict=True) for i in range(len(ws)) if flags[i]
                 and not (i and (flags[i - 1] or any(ws[i - 1].fold in p for p in self.lang.NAME_PARTICLES)))
                 and not (i + 1 < len(ws) and flags[i + 1])}
        for _ in range(2):  # the second pass finds full names of the first that tags split ("Kim Jong-un" NE NN)
            spans = [s for ws, flags in zip(self.sentences, names, strict=True) for s in self.spans(ws, flags, alone)]
            self.sequences = self.sequences or {s.joined for s in spans if s.joined}
        return self.resolve(spans)

    def confirmed(self, ws: list[_Word], flags: list[bool], i: int, known: set[str], shout: bool) -> bool:
        """A name seen mid-sentence (also where tagged otherwise, or as genitive "Putins"), or a tagged name that
        another name or a verb of saying follows ("Swantje Ahlers", "Putin sagte"; untagged, "Later Putin" would)."""
        w, after = ws[i], ws[i + 1] if i + 1 < len(ws) else None
        if not shout and self.capital(w) and w.fold in known:
            return True
        return self.tagged and flags[i] and (w.lemma.casefold() in known or (after is not None and (
            after.fold in known or flags[i + 1] or self.speech(after))))

    def spans(self, ws: list[_Word], name: list[bool], alone: set[str]) -> list[_Span]:
        out: list[_Span] = []
        taken = [False] * len(ws)
        for i in range(len(ws)):  # gazetteer names first, longest match
            for n in range(min(self.gazetteer.longest, len(ws) - i), 0, -1) if ws[i].upper and not taken[i] else ():
                if not ws[i + n - 1].upper:
                    continue
                if fold([w.text for w in ws[i : i + n]]) in self.gazetteer.demonyms:
                    taken[i : i + n] = [True] * n
                    break
                if (entry := self.lookup(ws[i : i + n])) is None or not entry.creates:
                    continue
                if i + n < len(ws) and name[i + n] and (ws[i].text in self.lang.AMBIGUOUS_COUNTRIES or self.ends(
                        ws[i + n], self.lang.ORGANISATION_NAME_SUFFIXES)):
                    break  # "Israel Katz" is a given name, "Washington Post" a newspaper
                facility = entry.type == "place" and i and not taken[i - 1] and ws[i - 1].upper
                start = i - 1 if facility and self.ends(ws[i - 1], self.lang.FACILITY_SUFFIXES) else i
                votes = Counter({entry.type: GAZETTEER})
                out.append(_Span(ws[start].start, ws[i + n - 1].end, entry.id, (entry.id,), votes))
                taken[start : i + n] = [True] * (i + n - start)
                break
        for i, w in enumerate(ws):  # "Kranich Logistik GmbH", "Firma Kranich Logistik": cues vouch for capitals
            cue = w.upper == self.compounds and self.ends(w, self.lang.ORGANISATION_NOUN_SUFFIXES)
            # up to three capitals before a legal form, not the first word; up to two after a cue noun
            for k in range(i - 1, max(i - 4, 0), -1) if w.text in self.lang.ORGANISATION_FORMS else range(
                    i + 1, min(i + 3, len(ws))) if cue else ():
                if taken[k] or not self.capital(ws[k]) or self.role(ws, k) or self.ends(
                        ws[k], self.lang.ORGANISATION_NOUN_SUFFIXES):
                    break
                name[k] = True
        i = 0
        while i < len(ws):
            if taken[i] or not name[i]:
                i += 1
                continue
            j = self.extent(ws, i, name, taken, alone)
            # "Putin Kims Einladung", "gelobte Kim Putin": names that stand alone elsewhere are not one name,
            # unless a role vouches for them ("Chad Smith, the fire chief").
            split = j - i > 1 and all(w.fold in alone for w in ws[i:j]) and not (
                self.role(ws, i - 1) or self.apposition(ws, i, j))
            out += [s for a, b in ([(n, n + 1) for n in range(i, j)] if split else [(i, j)])
                    if (s := self.run(ws, a, b, taken, name)) is not None]
            i = j
        return out

    def extent(self, ws: list[_Word], i: int, name: list[bool], taken: list[bool], alone: set[str]) -> int:
        """The end of the name that starts at ws[i]: further names, particles ("von der"), "of" after a head."""
        j, heads = i + 1, self.lang.ORGANISATION_NAME_SUFFIXES + self.lang.PLACE_NOUN_SUFFIXES
        while j < len(ws) and not self.genitive(ws[j - 1]):
            # "Ministry of Defence"; a particle only joins names that never stand alone ("Kim von Putin" does not).
            connector = ws[j].fold in self.lang.NAME_CONNECTORS and self.ends(ws[j - 1], heads)
            p = 1 if connector else next(
                (len(s) for s in self.lang.NAME_PARTICLES if tuple(w.fold for w in ws[j : j + len(s)]) == s), 0)
            if name[j] and not taken[j]:
                j += 1
            elif p and j + p < len(ws) and name[j + p] and not taken[j + p] and (
                    connector or ws[j + p].fold not in alone):
                j += p + 1
            else:
                break
        # A full name seen elsewhere in the article extends a shorter find ("Nordsee Chemielogistik", "Kim Jong-un").
        return max([j] + [m for m in range(j + 1, min(len(ws), i + 5) + 1)
                          if _joined(ws[i:m]) in self.sequences and not any(taken[i:m])
                          and all(_PART.search(w.fold) for w in ws[i:m])])

    def run(self, ws: list[_Word], i: int, j: int, taken: list[bool], name: list[bool]) -> _Span | None:
        lang, role, votes = self.lang, None, Counter[str]()
        while i < j and ws[i].upper:  # English capitalises titles: "President Vladimir Putin", "Prime Minister X"
            k = next((k for k in range(i, j) if ws[k].fold not in lang.ROLE_MODIFIERS), j)
            if (r := self.role(ws, k) if k < j else None) is None:
                break
            role, i = r, k + 1
        if i >= j:
            return None
        facility = [self.ends(w, lang.FACILITY_SUFFIXES) for w in ws[i:j]]
        start = i - 1 if i and ws[i - 1].upper and self.ends(ws[i - 1], lang.FACILITY_SUFFIXES) else i
        votes["place"] += STRONG if any(facility) or start < i else 0  # "Kosmodrom Wostotschny", "X Cosmodrome"
        # "Nordsee Chemielogistik GmbH": a legal form at most two capitals on ends the name.
        j = next((k + 1 for k in range(j, min(j + 3, len(ws))) if ws[k].text in lang.ORGANISATION_FORMS
                  and all(w.upper and not t for w, t in zip(ws[j : k + 1], taken[j : k + 1], strict=True))), j)
        names = [w for n, w in enumerate(ws[i:j]) if w.text not in lang.ORGANISATION_FORMS
                 and not (n < len(facility) and facility[n])] or ws[i:j]
        role = role or self.role(ws, start - 1) or self.apposition(ws, start, j)
        votes["person"] += STRONG if role is not None else 0
        self.context(ws, start, votes)
        votes["person"] += WEAK if j < len(ws) and self.speech(ws[j]) else 0
        votes["organisation"] += STRONG if any(self.ends(w, lang.ORGANISATION_NAME_SUFFIXES) for w in names) or any(
            w.text in lang.ORGANISATION_FORMS for w in ws[i:j]) else 0
        if len(names) == 1 and _acronym(names[0].text):
            if start > 1 and ws[start - 1].text == "(" and not name[start - 2] and j < len(ws) and ws[j].text == ")":
                return None  # "ausschließliche Wirtschaftszone (AWZ)": an abbreviation, not a name
            votes["organisation"] += WEAK
        if (city := self.lookup(names)) is not None:
            votes[city.type] += WEAK
        elif names[-1].upper and self.ends(names[-1], lang.PLACE_NAME_SUFFIXES):
            votes["place"] += HINT
        texts = [w.text[:-1] if n == len(names) - 1 and self.genitive(w) else w.text for n, w in enumerate(names)]
        parts = tuple(p for t in texts for p in _PART.findall(unicodedata.normalize("NFC", t).casefold()))
        if not parts:
            return None
        key = city.id if city is not None else "name:" + "".join(parts)
        return _Span(ws[start].start, ws[j - 1].end, key, parts if city is None else (key,), votes, role,
                     _joined(names) if len(names) > 1 else "")

    def context(self, ws: list[_Word], start: int, votes: Counter[str]) -> None:
        """Votes from the word before a name: a title, place preposition, verb of saying, place or organisation noun."""
        if (before := ws[start - 1] if start else None) is None:
            return
        if before.upper == self.compounds and self.ends(before, self.lang.ORGANISATION_NOUN_SUFFIXES):
            votes["organisation"] += STRONG  # "Nachrichtenagentur Interfax", "Söldnergruppe Wagner"
        if before.text in self.lang.PERSON_TITLES:
            votes["person"] += STRONG
        elif (place := before.fold in self.lang.PLACE_PREPOSITIONS) or self.speech(before):
            votes["place" if place else "person"] += WEAK
        noun = before if before.fold not in self.lang.PLACE_CONNECTORS else ws[start - 2] if start > 1 else None
        if noun is not None and (noun.upper or not self.compounds) and self.ends(noun, self.lang.PLACE_NOUN_SUFFIXES):
            votes["place"] += STRONG  # "Stadt Komsomolsk", "Hafen von Lindholm"

    def apposition(self, ws: list[_Word], start: int, end: int) -> str | None:
        """The role in ", der Kremlsprecher," after a name or in "der Chef der Feuerwehr, Name" before it."""
        if end + 2 < len(ws) and ws[end].text == "," and ws[end + 1].fold in self.lang.DETERMINERS:
            for n in range(end + 2, min(end + 6, len(ws))):
                if not any(c.isalnum() for c in ws[n].text) or (self.tagged and ws[n].pos == "NE"):
                    break
                if (role := self.role(ws, n)) is not None:
                    return role
        comma = start > 1 and ws[start - 1].text == ","
        for n in range(start - 2, max(-1, start - 2 - APPOSITION_WINDOW), -1) if comma else ():
            w = ws[n]
            if not any(c.isalnum() for c in w.text) or self.speech(w) or (
                    self.capital(w) and w.pos in ("NE", "X") and not self.ends(w, self.lang.ROLE_SUFFIXES)):
                break
            opener = n - 1 - (role.count(" ") if (role := self.role(ws, n)) else 0)
            if role is not None and opener >= 0 and ws[opener].fold in self.lang.DETERMINERS:
                return role
        return None

    def resolve(self, spans: list[_Span]) -> tuple[Mention, ...]:
        """One type per name in the article; a lone first or last name shares the evidence of its one full name."""
        groups: dict[str, list[_Span]] = defaultdict(list)
        for span in spans:
            groups[span.key].append(span)
        kinds = {key: _vote(group) for key, group in groups.items()}
        full = {k: g[0].parts for k, g in groups.items() if len(g[0].parts) > 1 and kinds[k] in ("person", "other")}
        owner: dict[str, str] = {}
        for key, group in groups.items():
            part = group[0].parts[0]
            if len(group[0].parts) > 1 or kinds[key] not in ("other", "person", "place") or (
                    sum(s.votes["place"] for s in group) > WEAK):
                continue
            owners = [k for k, f in full.items() if part in (f[0], f[-1]) or part[:-1] in (f[0], f[-1])]
            if len(owners) == 1:
                owner[key] = owners[0]
            elif owners and all(kinds[k] == "person" for k in owners):
                kinds[key] = "person"  # "Kim" beside Kim Jong Un and Kim Jong Il: a person, whichever it is
        for key, target in owner.items():
            kinds[key] = kinds[target] = _vote(groups[target] + [s for k in owner if owner[k] == target
                                                                 for s in groups[k]])
        return tuple(Mention(self.doc.sentence_of(s.start), s.start, s.end, kinds[s.key], s.role)
                     for s in sorted(spans, key=lambda s: s.start))


def _joined(words: Sequence[_Word]) -> str:
    return "".join(p for w in words for p in _PART.findall(w.fold))


def _vote(group: list[_Span]) -> str:
    total = sum((span.votes for span in group), Counter[str]())
    return max(_TIE_ORDER, key=lambda kind: (total[kind], -_TIE_ORDER.index(kind))) if total else "other"


def find_mentions(doc: Doc) -> tuple[Mention, ...]:
    """People, places, countries and organisations named in ``doc``, in text order; () without cues for its language."""
    lang = data(doc.language, "entities")
    return _Finder(doc, lang).find() if lang is not None and doc.sentences else ()
