"""A story's entities: every person, place, country and organisation once, with name variants and roles merged."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from presseschau.lang import SUPPORTED, data
from presseschau.model import Doc, Entity, Mention, SentenceRef

_RANK = {kind: rank for rank, kind in enumerate(("country", "organisation", "person", "place", "other"))}
_PART = re.compile(r"\w+")
# Gazetteer types: a mention of one of these is looked up by Babel code or curated alias before its spelling.
_LISTED = frozenset(["country", "organisation", "place"])
_SKIPPED_TERRITORIES = frozenset(["001", "ZZ", "QO", "EZ", "XA", "XB"])  # world, unknown region, pseudo-codes
_CITY_AREAS = ("Europe/", "Asia/", "Africa/", "America/", "Australia/")


@dataclass(frozen=True, slots=True)
class _Record:
    """One mention with what merging needs: where it is, its surface, and its name parts."""

    doc: Doc
    mention: Mention
    surface: str
    form: str  # the surface without a facility word ("Kosmodrom") and genitive s
    parts: tuple[str, ...]
    listed: str | None  # gazetteer id ("country:RU"), None for names compared by spelling

    @property
    def key(self) -> str:
        return self.listed or "name:" + "".join(self.parts)


def _fold(words: Sequence[str]) -> str:
    # As nlp.entities.fold: inner adjectives uninflected, so "Vereinigten Staaten" = "Vereinigte Staaten".
    parts = [p for w in words for p in _PART.findall(unicodedata.normalize("NFC", w).casefold())]
    return "".join(p[:-1] if i < len(parts) - 1 and p.endswith(("en", "em", "er", "es")) else p
                   for i, p in enumerate(parts))


@lru_cache(maxsize=4)
def _listed(language: str) -> dict[str, tuple[str, str]]:
    """Folded name -> (id, name as listed) for Babel's countries, regions and time-zone cities and the curated
    aliases in ``language``; ids are shared across languages ("Russland" and "Russia" are "country:RU")."""
    out: dict[str, tuple[str, str]] = {}
    names: list[tuple[str, str]] = []
    try:
        from babel import Locale
        from babel.core import get_global

        locale = Locale.parse(language)
        for zone in get_global("zone_territories"):
            if zone.startswith(_CITY_AREAS) and zone.count("/") == 1:
                tail = zone.split("/")[1].replace("_", " ")
                names.append((locale.time_zones.get(zone, {}).get("city", tail), "city:" + tail))
        for code, name in locale.territories.items():
            if code not in _SKIPPED_TERRITORIES:
                kind = "place" if code.isdigit() else "organisation" if code in ("EU", "UN") else "country"
                names.append((name, f"{kind}:{code}"))
    except ImportError:  # without Babel the curated aliases still merge
        pass
    for name, (kind, ident) in getattr(data(language, "entities"), "ALIASES", {}).items():
        names.append((name, f"{kind}:{ident}"))
    for name, ident in names:
        out.setdefault(_fold(name.split()), (ident, name))  # the first spelling listed is the one shown
    return out


def _lookup(words: list[str], language: str) -> tuple[str, str] | None:
    """(id, name as listed) of the gazetteer entry ``words`` name, the article's language first."""
    for table in [_listed(language)] + [_listed(other) for other in SUPPORTED if other != language]:
        for cut in (0, 1, 2):  # genitive: "Russlands", "Kremls"
            last = words[-1]
            if cut == 0 or last.endswith("es"[2 - cut :]):
                found = table.get(_fold([*words[:-1], last[: len(last) - cut]]))
                if found:
                    return found
    return None


def _record(doc: Doc, mention: Mention) -> _Record:
    lang: Any = data(doc.language, "entities") or data("en", "entities")
    surface = doc.article.text[mention.start : mention.end]
    words = surface.split()
    name = [w for w in words if w not in lang.ORGANISATION_FORMS] or words
    if len(name) > 1 and (_ends(name[0], lang.FACILITY_SUFFIXES, lang.COMPOUNDS)
                          or _ends(name[-1], lang.FACILITY_SUFFIXES, lang.COMPOUNDS)):
        name = [w for w in name if not _ends(w, lang.FACILITY_SUFFIXES, lang.COMPOUNDS)] or name
    listed = None
    if mention.type in _LISTED:  # "Kosmodrom Wostotschny" as "Wostotschny", "Russlands" as "Russland"
        listed = _lookup(name, doc.language) or _lookup(words, doc.language)
    parts = tuple(p for w in name for p in _PART.findall(unicodedata.normalize("NFC", w).casefold()))
    form = listed[1] if listed else " ".join(name)
    return _Record(doc, mention, surface, form, parts or (surface.casefold(),), listed[0] if listed else None)


def _ends(word: str, suffixes: Sequence[str], compounds: bool) -> bool:
    w = word.casefold()
    return any(w.endswith(s) for s in suffixes) if compounds else w in suffixes


def entities(docs: Sequence[Doc]) -> tuple[Entity, ...]:
    """The story's entities, most mentioned first; an entity of type "other" mentioned once is left out.

    Variants merge when they spell one name alike after case, hyphens, spaces and a genitive s ("Kim Jong-un",
    "Kim Jong Un", "Kims"), name one gazetteer entry (Babel country code or curated alias), or when a lone first or
    last name ("Putin") belongs to exactly one full name of a person: the one named before it in the article, else
    the one in the article, else the one in the story. "Kim" next to both Kim Jong Un and Kim Jong Il stays apart.
    """
    records = _without_genitive([_record(doc, m) for doc in docs for m in sorted(doc.mentions, key=lambda m: m.start)])
    types: dict[str, Counter[str]] = defaultdict(Counter)
    for r in records:
        types[r.key][r.mention.type] += 1
    persons = {r.key: r.parts for r in records if len(r.parts) > 1 and not r.listed
               and _kind(types[r.key]) in ("person", "other")}
    keys = _attach(records, persons)
    groups: dict[str, list[_Record]] = defaultdict(list)
    for key, r in zip(keys, records, strict=True):
        groups[key].append(r)
    out = [_entity(group) for group in groups.values()]
    out = [e for e in out if e.type != "other" or sum(n for _, n in e.mentions) > 1]
    return tuple(sorted(out, key=lambda e: (-sum(n for _, n in e.mentions), e.name)))


def _without_genitive(records: list[_Record]) -> list[_Record]:
    """Records with a genitive s dropped where the name without it is known ("Kims", "Putins", "Schoigus")."""
    known = {r.key for r in records}
    ends = {p for r in records if len(r.parts) > 1 and not r.listed for p in (r.parts[0], r.parts[-1])}
    out = []
    for r in records:
        base = (*r.parts[:-1], r.parts[-1][:-1])
        if not r.listed and len(r.parts[-1]) > 2 and r.parts[-1].endswith("s") and (
                "name:" + "".join(base) in known or (len(base) == 1 and base[0] in ends)):
            r = replace(r, form=r.form[:-1], parts=base)
        out.append(r)
    return out


def _attach(records: list[_Record], persons: dict[str, tuple[str, ...]]) -> list[str]:
    """Each record's key, a lone first or last name given to the one full name of a person it can only mean."""
    keys = [r.key for r in records]
    out = list(keys)
    by_doc: dict[str, list[int]] = defaultdict(list)
    for n, r in enumerate(records):
        by_doc[r.doc.article.id].append(n)
    for indices in by_doc.values():
        in_doc = [keys[n] for n in indices if keys[n] in persons]
        for position, n in enumerate(indices):
            r = records[n]
            if len(r.parts) != 1 or r.listed or r.mention.type not in ("person", "other"):
                continue
            part = r.parts[0]
            before = {keys[m] for m in indices[:position] if keys[m] in persons}
            for pool in (before, set(in_doc), set(persons)):
                owners = {k for k in pool if part in (persons[k][0], persons[k][-1])}
                if owners:
                    if len(owners) == 1:
                        out[n] = owners.pop()
                    break
    return out


def _kind(counts: Counter[str]) -> str:
    """The type most mentions give (any type before "other"); ties go to the more specific type."""
    named = {k: v for k, v in counts.items() if k != "other"} or dict(counts)
    return max(named, key=lambda k: (named[k], -_RANK.get(k, len(_RANK))))


def _entity(group: list[_Record]) -> Entity:
    most = max(len(r.parts) for r in group)
    forms = Counter(r.form for r in group if r.listed or len(r.parts) == most)
    name = max(forms, key=lambda f: (forms[f], len(f), f))
    roles = Counter(r.mention.role for r in group if r.mention.role)
    outlets = Counter(r.doc.article.outlet for r in group)
    refs = dict.fromkeys(SentenceRef(r.doc.article.id, r.mention.sentence) for r in group)
    return Entity(
        name=name,
        type=_kind(Counter(r.mention.type for r in group)),
        variants=tuple(sorted({r.surface for r in group})),
        roles=tuple(sorted(roles, key=lambda role: -roles[role])),
        mentions=tuple(sorted(outlets.items(), key=lambda item: (-item[1], item[0]))),
        refs=tuple(refs),
    )
