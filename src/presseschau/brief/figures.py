"""Figure groups: the same quantity as several outlets report it, and whether their values disagree."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from types import ModuleType

from presseschau.lang import data
from presseschau.model import Doc, Figure, FigureGroup, FigureValue, SentenceRef, Token

# Relative slack of a figure an outlet gives without qualifier: outlets round differently ("650" and "648").
EXACT_TOLERANCE = 0.02
# Relative slack of "rund 300" (285..315). The example corpus's gold file lists "rund 300" vs "rund 350"
# evacuated residents as a disagreement, which needs less than 7.7 %; 5 % still lets "etwa 640" and
# "rund 650" agree.
APPROX_TOLERANCE = 0.05
# Two values more than this factor apart are different quantities, not a disagreement: the example corpus's
# disagreements differ by at most 1.5 (2 vs 3 injured), the seeds' different distances (700 vs 1500 km) by 2.1.
MAX_RATIO = 2.0
# Shared context words two figures need to be one quantity: measures ("Kilometer", "Euro", "Jahre") say
# little about what is measured, so they need two; a counted noun ("Feuerwehrleute") is context itself.
MIN_SHARED_MEASURE = 2
MIN_SHARED_COUNTED = 1
# The same value of the same counted noun, at least this large, is the same quantity without further context
# ("120 Einsatzkräfte" in two outlets); small counts ("zwei Menschen") recur for different things.
MIN_DISTINCTIVE_VALUE = 10
# Terms match on their first letters (derivations) or as a compound's last part of at least MIN_HEAD letters
# ("Kreisfeuerwehr" ~ "Feuerwehr", "Rettungskraft" ~ "Einsatzkraft"), as in brief/align.py.
PREFIX = 8
MIN_HEAD = 5
# Preference for the same counted noun over a compound relative ("Kurzstreckenraketen" over "Raketen") when
# a figure could join either of two figures of one article; below one shared word, so context still rules.
SAME_UNIT_BONUS = 0.5
_CLAUSE_MARKS = frozenset([",", ";", ":", "(", ")", "–", "—", "-"])


@dataclass(frozen=True, slots=True)
class _Item:
    """One figure with what grouping needs: where it is, the nouns it counts and the words around it."""

    doc: Doc
    figure: Figure
    order: int
    units: frozenset[str]
    measure: bool
    terms: frozenset[str]
    names: frozenset[str]
    nearby: tuple[tuple[str, str, bool], ...]
    unit_text: str
    low: float
    high: float

    @property
    def article_id(self) -> str:
        return self.doc.article.id


def figure_groups(docs: Sequence[Doc]) -> tuple[FigureGroup, ...]:
    """Groups of the same quantity across articles (``Doc.figures`` must be filled), one value per article.

    Two figures are one quantity when their units or counted nouns match, their values are within MAX_RATIO
    and their sentences share context words (no conflicting names nearby). ``disagree`` is True when no single
    value fits every outlet's statement: "rund 650" and "650" agree, "120" and "150" do not; "mehr als 120"
    is a lower bound, so 150 agrees with it and 100 does not. Kept: groups from at least two outlets, or
    disagreements; disagreements first, then by number of outlets.
    """
    items = [item for n, doc in enumerate(docs) for item in _items(doc, n)]
    parent = list(range(len(items)))
    members = [{items[n].article_id} for n in range(len(items))]

    def root(n: int) -> int:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    for _, a, b in sorted(_pairs(items)):
        ra, rb = root(a), root(b)
        # One value per article: a group never takes a second figure from an article it holds.
        if ra != rb and not members[ra] & members[rb]:
            parent[rb] = ra
            members[ra] |= members[rb]
    clusters: dict[int, list[_Item]] = {}
    for n, item in enumerate(items):
        clusters.setdefault(root(n), []).append(item)
    built = [(cluster, _group(cluster, docs)) for cluster in clusters.values() if len(cluster) > 1]
    built = [(c, g) for c, g in built if len({v.outlet for v in g.values}) >= 2 or g.disagree]
    # Two groups of one counted noun ("Feuerwehrleute": deployed, injured) also get their context word.
    labels = Counter(g.what for _, g in built)
    groups = [
        FigureGroup(_with_context(g.what, c, docs), g.values, g.disagree) if labels[g.what] > 1 else g
        for c, g in built
    ]
    return tuple(sorted(groups, key=lambda g: (not g.disagree, -len({v.outlet for v in g.values}),
                                               g.values[0].ref)))


def _items(doc: Doc, order: int) -> list[_Item]:
    lang = data(doc.language, "numbers")
    nlp = data(doc.language, "nlp")
    if lang is None or nlp is None:
        return []
    out = []
    for figure in doc.figures:
        if figure.unit is None or not 0 <= figure.sentence < len(doc.sentences):
            continue
        tokens = doc.sentences[figure.sentence].tokens
        inside = [k for k, t in enumerate(tokens) if t.start >= figure.start and t.end <= figure.end]
        if not inside:
            continue
        units = {figure.unit.lower(), *_coordinated(doc, tokens, inside[-1] + 1, lang, nlp)}
        low, high = _interval(figure.value, lang.QUALIFIERS.get(figure.qualifier or ""))
        previous = doc.sentences[figure.sentence - 1].tokens if figure.sentence > 0 else ()
        nearby = tuple(_nouns(doc, tokens, figure, units, nlp)) + tuple(_nouns(doc, previous, figure, units, nlp))
        out.append(_Item(
            doc=doc, figure=figure, order=order, units=frozenset(units),
            measure=figure.unit.lower() in lang.MEASURES,
            terms=frozenset(_terms(doc, tokens, figure, units, lang, nlp)),
            names=frozenset(_names(doc, tokens, inside[0], nlp)),
            nearby=nearby, unit_text=_unit_text(doc, tokens[inside[-1]], figure.unit), low=low, high=high,
        ))
    return out


def _pairs(items: Sequence[_Item]) -> list[tuple[float, int, int]]:
    """(-score, a, b) for every pair a < b of figures that may be one quantity, as ``_score`` says.

    Only figures whose units can match are compared: a shared unit, or for two counted nouns a shared start of
    PREFIX letters or end of MIN_HEAD letters, exactly what ``_units_match`` accepts. Figures with the same
    content are scored once: agency copies repeat every figure, and comparing all pairs of a 700-article story
    took minutes.
    """
    blocks: dict[tuple[str, str], list[int]] = {}
    for n, item in enumerate(items):
        for key in _unit_keys(item):
            blocks.setdefault(key, []).append(n)
    keys = [_score_key(item) for item in items]
    known: dict[tuple[object, object], float | None] = {}
    pairs = []
    for a, item in enumerate(items):
        others = {b for key in _unit_keys(item) for b in blocks[key] if b > a}
        for b in sorted(others):
            if item.article_id == items[b].article_id:
                continue
            pair = (keys[a], keys[b])
            if pair not in known:
                known[pair] = _score(item, items[b])
            score = known[pair]
            if score is not None:
                pairs.append((-score, a, b))
    return pairs


def _unit_keys(item: _Item) -> set[tuple[str, str]]:
    keys = {("unit", unit) for unit in item.units}
    if not item.measure:  # counted nouns also match by a long shared start or head (``_same``)
        keys |= {("start", unit[:PREFIX]) for unit in item.units if len(unit) >= PREFIX}
        keys |= {("head", unit[-MIN_HEAD:]) for unit in item.units if len(unit) >= MIN_HEAD}
    return keys


def _score_key(item: _Item) -> tuple[object, ...]:
    """Everything ``_score`` reads of a figure but its article."""
    return (item.units, item.measure, item.figure.value, item.names, item.terms, item.low, item.high)


def _score(a: _Item, b: _Item) -> float | None:
    """How surely two figures of different articles are one quantity (higher is surer), or None."""
    if a.article_id == b.article_id or not _units_match(a, b):
        return None
    small, large = sorted((a.figure.value, b.figure.value))
    if small <= 0 < large or (small > 0 and large / small > MAX_RATIO):
        return None
    # Names match whole or by their first letters ("Nordkoreas"), never by a shared end ("Westland", "Ostland").
    if a.names and b.names and not any(_same(x, y, heads=False) for x in a.names for y in b.names):
        return None  # "100 km from China" vs "130 km from North Korea": the same words, other places
    shared = sum(1 for x in a.terms if x in b.terms or any(_same(x, y) for y in b.terms))
    agree = max(a.low, b.low) <= min(a.high, b.high)
    need = MIN_SHARED_MEASURE if a.measure or b.measure else MIN_SHARED_COUNTED
    if not a.measure and not b.measure and a.figure.value == b.figure.value >= MIN_DISTINCTIVE_VALUE:
        need = 0
    if shared < need:
        return None
    return shared + (1.0 if agree else 0.0) + (SAME_UNIT_BONUS if a.units & b.units else 0.0)


def _units_match(a: _Item, b: _Item) -> bool:
    if a.units & b.units:
        return True
    if a.measure or b.measure:
        return False  # "Kilometer" and "Millimeter" share a head but measure different things
    return any(_same(x, y) for x in a.units for y in b.units)


def _same(a: str, b: str, *, heads: bool = True) -> bool:
    if a == b or (len(a) >= PREFIX and a[:PREFIX] == b[:PREFIX]):
        return True
    return heads and _common_tail(a, b) >= MIN_HEAD


def _common_tail(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def _interval(value: float, kind: str | None) -> tuple[float, float]:
    """The values a figure allows: "rund 300" 270..330, "mehr als 120" 120..inf, "bis zu 50" 0..50."""
    if kind == "about":
        return value * (1 - APPROX_TOLERANCE), value * (1 + APPROX_TOLERANCE)
    if kind == "under":
        return value * (1 - APPROX_TOLERANCE), value
    if kind == "over":
        return value, value * (1 + APPROX_TOLERANCE)
    if kind == "min":
        return value, math.inf
    if kind == "max":
        return 0.0, value
    return value * (1 - EXACT_TOLERANCE), value * (1 + EXACT_TOLERANCE)


def _content(doc: Doc, token: Token, nlp: ModuleType) -> str | None:
    """The token's lemma (lower case) when it is a content word, else None."""
    surface = doc.token_text(token)
    if not surface[:1].isalpha() or any(ch.isdigit() for ch in surface):
        return None
    if token.pos != "X" and not token.pos.startswith(tuple(nlp.CONTENT_POS_PREFIXES)):
        return None
    lemma = token.lemma.lower()
    return None if lemma in nlp.STOPWORDS or len(lemma) < 2 else lemma


def _terms(doc: Doc, tokens: tuple[Token, ...], figure: Figure, units: set[str], lang: ModuleType,
           nlp: ModuleType) -> list[str]:
    out = []
    for token in tokens:
        lemma = _content(doc, token, nlp)
        inside = figure.start <= token.start < figure.end
        if lemma and not inside and lemma not in units and lemma not in lang.CONTEXT_STOPWORDS:
            out.append(lemma)
    return out


def _names(doc: Doc, tokens: tuple[Token, ...], at: int, nlp: ModuleType) -> list[str]:
    """Names in the figure's clause (between commas, colons, dashes, brackets)."""
    first, last = at, at
    while first > 0 and doc.token_text(tokens[first - 1]) not in _CLAUSE_MARKS:
        first -= 1
    while last + 1 < len(tokens) and doc.token_text(tokens[last + 1]) not in _CLAUSE_MARKS:
        last += 1
    out = []
    for k in range(first, last + 1):
        token, surface = tokens[k], doc.token_text(tokens[k])
        tagged = token.pos in nlp.NAME_POS
        untagged = token.pos == "X" and k > 0 and surface[:1].isupper()
        if (tagged or untagged) and surface[:1].isalpha():
            out.append(token.lemma.lower())
    return out


def _nouns(doc: Doc, tokens: tuple[Token, ...], figure: Figure, units: set[str],
           nlp: ModuleType) -> list[tuple[str, str, bool]]:
    """(lemma, surface, in the figure's sentence) of the nouns around a figure, to name what it measures."""
    own = any(figure.start <= t.start < figure.end for t in tokens)
    out = []
    for token in tokens:
        lemma = _content(doc, token, nlp)
        is_noun = token.pos == "X" or token.pos.startswith(("NN", *nlp.NAME_POS))
        if lemma and is_noun and lemma not in units and not figure.start <= token.start < figure.end:
            out.append((lemma, doc.token_text(token), own))
    return out


def _coordinated(doc: Doc, tokens: tuple[Token, ...], k: int, lang: ModuleType, nlp: ModuleType) -> list[str]:
    """Nouns joined to the counted noun ("120 Feuerwehrleute und Rettungskräfte" also counts Rettungskräfte)."""
    out = []
    while k + 1 < len(tokens) and doc.token_text(tokens[k]).lower() in lang.COORDINATORS:
        n = k + 1
        while n < len(tokens) and n - k <= 2 and lang.ADJECTIVE_POS and tokens[n].pos in lang.ADJECTIVE_POS:
            n += 1
        if n >= len(tokens) or not (tokens[n].pos.startswith(lang.NOUN_POS) if lang.NOUN_POS
                                    else _content(doc, tokens[n], nlp)):
            break
        out.append(tokens[n].lemma.lower())
        k = n + 1
    return out


def _unit_text(doc: Doc, token: Token, unit: str) -> str:
    surface = doc.token_text(token)
    return surface if surface.isalpha() and token.lemma.lower() == unit.lower() else unit


def _group(cluster: list[_Item], docs: Sequence[Doc]) -> FigureGroup:
    cluster.sort(key=lambda i: (i.order, i.figure.start))
    values = tuple(
        FigureValue(
            value=i.figure.value,
            text=i.doc.article.text[i.figure.start : i.figure.end],
            outlet=i.doc.article.outlet,
            ref=SentenceRef(i.article_id, i.figure.sentence),
        )
        for i in cluster
    )
    disagree = max(i.low for i in cluster) > min(i.high for i in cluster)
    what = _unit_label(cluster)
    if any(i.measure for i in cluster):
        what = _with_context(what, cluster, docs)
    return FigureGroup(what=what, values=values, disagree=disagree)


def _unit_label(cluster: list[_Item]) -> str:
    common = Counter(i.figure.unit.lower() for i in cluster if i.figure.unit).most_common(1)[0][0]
    return next(i.unit_text for i in cluster if (i.figure.unit or "").lower() == common)


def _with_context(what: str, cluster: list[_Item], docs: Sequence[Doc]) -> str:
    """``what`` with the most specific noun the figures' sentences share: held by most of them, in their own
    sentence rather than the one before, and rarest in the story."""
    best: tuple[int, int, int, int, str] | None = None
    frequency = _noun_frequency(docs, cluster)
    seen: set[str] = set()
    for item in cluster:
        for lemma, surface, _ in item.nearby:
            if lemma in seen:
                continue
            seen.add(lemma)
            found = [(s, own) for other in cluster for x, s, own in other.nearby if _same(lemma, x)]
            holders = sum(1 for other in cluster if any(_same(lemma, x) for x, _, _ in other.nearby))
            if holders < 2:
                continue
            shortest = min([surface, *(s for s, _ in found)], key=lambda f: (len(f), f))
            key = (-holders, -sum(own for _, own in found), frequency[lemma], len(shortest), shortest)
            best = key if best is None or key < best else best
    return f"{what} ({best[-1]})" if best else what


def _noun_frequency(docs: Sequence[Doc], cluster: list[_Item]) -> Counter[str]:
    """How many of the story's sentences hold each noun near the cluster: rarer is more specific."""
    counts: Counter[str] = Counter()
    wanted = {lemma for item in cluster for lemma, _, _ in item.nearby}
    for doc in docs:
        for sentence in doc.sentences:
            lemmas = {t.lemma.lower() for t in sentence.tokens}
            counts.update(wanted & lemmas)
    return counts
