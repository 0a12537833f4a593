"""Quote groups: the same statement by the same speaker across outlets, word for word or in other words."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from presseschau.brief.align import MIN_COVERAGE, Aligner
from presseschau.brief.candidates import Candidate
from presseschau.lang import data
from presseschau.model import Doc, Quote, QuoteGroup, SentenceRef

# Two quotes are verbatim when this share of the shorter one's words occur in the same order in the other
# (difflib matching blocks over word lists): a changed word or a quote cut short still counts. 0.85 keeps
# "Die Lage ist ernst" ~ "Die Lage ist sehr ernst" and separates two different sentences of one speaker
# on the example corpus and the test cases.
VERBATIM_SHARE = 0.85
# Shorter quotes than this must match word for word: a few common words are no evidence of copying.
MIN_VERBATIM_WORDS = 4
# Same speaker, other words: this share of the shorter quote's content terms (and at least MIN_SHARED_TERMS)
# occur in the other, or the aligner finds that the two sentences report the same content.
PARAPHRASE_SHARE = 0.5
MIN_SHARED_TERMS = 2
# Terms match on their first letters, so inflections and derivations meet ("Gefahr", "Gefahren").
PREFIX = 6
# Names this similar are one person in two spellings ("Dmitri Peskow", "Dmitry Peskov").
NAME_SIMILARITY = 0.8
_WORD = re.compile(r"\w+")
_VERBATIM, _PARAPHRASE = 2, 1


@dataclass(frozen=True, slots=True)
class _Item:
    ref: SentenceRef
    outlet: str
    quote: Quote
    text: str
    words: tuple[str, ...]
    terms: frozenset[str]
    speaker: tuple[str, ...]
    order: int


def quote_groups(docs: Sequence[Doc], aligner: Aligner) -> tuple[QuoteGroup, ...]:
    """The story's quotes grouped by statement: same speaker and same words ("verbatim"), same speaker and
    content ("paraphrased", also direct in one outlet and indirect in another), else "single".
    Groups quoted by more outlets come first, then by first appearance."""
    items = [item for item in _items(docs) if item.words]
    canonical = _canonical_names([i.speaker for i in items])
    items = [_Item(i.ref, i.outlet, i.quote, i.text, i.words, i.terms, canonical.get(i.speaker, i.speaker), i.order)
             for i in items]
    candidates = {c.ref: c for c in aligner.candidates}
    groups: list[list[_Item]] = []
    for item in items:
        best, best_rank = None, 0
        for group in groups:
            if any(m.ref.article_id == item.ref.article_id for m in group):
                continue  # one quote per article and statement
            rank = max(_match(item, m, aligner, candidates) for m in group)
            if rank > best_rank:
                best, best_rank = group, rank
        if best is None:
            groups.append([item])
        else:
            best.append(item)
    built = [_group(g, aligner, candidates) for g in groups]
    order = {id(b): min(m.order for m in g) for b, g in zip(built, groups, strict=True)}
    return tuple(sorted(built, key=lambda b: (-len(set(b.outlets)), order[id(b)])))


def _items(docs: Sequence[Doc]) -> list[_Item]:
    out: list[_Item] = []
    for doc in docs:
        nlp = data(doc.language, "nlp") or data("en", "nlp")
        stop: frozenset[str] = getattr(nlp, "STOPWORDS", frozenset())
        content: tuple[str, ...] = getattr(nlp, "CONTENT_POS_PREFIXES", ("X",))
        for quote in doc.quotes:
            text = doc.article.text[quote.start : quote.end]
            terms = {
                _fold(token.lemma)[:PREFIX]
                for sentence in doc.sentences[quote.sentence :]
                if sentence.start < quote.end
                for token in sentence.tokens
                if quote.start <= token.start and token.end <= quote.end
                and (token.pos == "X" or token.pos.startswith(content))
                and _fold(token.lemma) not in stop and len(token.lemma) > 1
            }
            speaker = tuple(w for w in _WORD.findall(_fold(quote.speaker or "")) if w not in stop)
            out.append(_Item(SentenceRef(doc.article.id, quote.sentence), doc.article.outlet, quote, text,
                             tuple(_WORD.findall(_fold(text))), frozenset(terms), speaker, len(out)))
    return out


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).lower()


def _canonical_names(speakers: list[tuple[str, ...]]) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Short names -> the one full name in the story they are part of ("putin" -> "wladimir putin")."""
    full = {s for s in speakers if len(s) > 1}
    out: dict[tuple[str, ...], tuple[str, ...]] = {}
    for name in {s for s in speakers if len(s) == 1}:
        longer = {f for f in full if name[0] in (f[0], f[-1])}
        if len(longer) == 1:
            out[name] = longer.pop()
    return out


def _same_speaker(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if not a or not b:
        return False
    if a == b or difflib.SequenceMatcher(None, " ".join(a), " ".join(b)).ratio() >= NAME_SIMILARITY:
        return True
    # "Sprecher von dem Ministerium" ~ "Sprecher des Landesumweltministeriums": German compounds end in their
    # head, and the genitive adds "s"/"es". Single names are left to _canonical_names ("Kim" is no "Kim Jong Il").
    return len(a) == len(b) > 1 and all(_head_of(x, y) or _head_of(y, x) for x, y in zip(a, b, strict=True))


def _head_of(head: str, word: str) -> bool:
    return any(word[: len(word) - cut].endswith(head) for cut in (0, 1, 2))


def _verbatim(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    shorter = min(len(a), len(b))
    if shorter < MIN_VERBATIM_WORDS:
        return a == b
    blocks = difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
    return sum(block.size for block in blocks) >= VERBATIM_SHARE * shorter


def _match(a: _Item, b: _Item, aligner: Aligner, candidates: dict[SentenceRef, Candidate]) -> int:
    """2 when ``a`` and ``b`` are the same words, 1 the same statement in other words, 0 otherwise."""
    same = _same_speaker(a.speaker, b.speaker)
    if _verbatim(a.words, b.words) and (same or not a.speaker or not b.speaker):
        return _VERBATIM
    if not same:
        return 0
    shared = len(a.terms & b.terms)
    if shared >= MIN_SHARED_TERMS and shared >= PARAPHRASE_SHARE * min(len(a.terms), len(b.terms)):
        return _PARAPHRASE
    ca, cb = candidates.get(a.ref), candidates.get(b.ref)
    if ca is not None and cb is not None and shared and max(
        aligner.similarity(ca, cb), aligner.similarity(cb, ca)
    ) >= MIN_COVERAGE:
        return _PARAPHRASE
    return 0


def _group(members: list[_Item], aligner: Aligner, candidates: dict[SentenceRef, Candidate]) -> QuoteGroup:
    # The direct quote shows the speaker's own words, so it leads when an outlet has one.
    anchor = next((m for m in members if m.quote.kind == "direct"), members[0])
    refs = [anchor, *(m for m in members if m is not anchor)]
    if len(refs) == 1:
        agreement = "single"
    elif all(_match(anchor, m, aligner, candidates) == _VERBATIM for m in refs[1:]):
        agreement = "verbatim"
    else:
        agreement = "paraphrased"
    named = [m.quote.speaker for m in refs if m.quote.speaker]
    speaker = named[0] if named else None
    # The fullest form of the lead speaker's name: "Putin" -> "Wladimir Putin".
    fuller = [n for n in named if speaker and set(speaker.split()) < set(n.split())]
    speaker = max(fuller, key=len) if fuller else speaker
    return QuoteGroup(speaker=speaker, kind=anchor.quote.kind, text=anchor.text, agreement=agreement,
                      refs=tuple(m.ref for m in refs), outlets=tuple(m.outlet for m in refs))
