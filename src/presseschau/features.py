"""Sentence features shared by clustering and briefing: content terms, names and numbers of a Doc's sentences."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from itertools import pairwise

from presseschau.lang import data
from presseschau.model import Doc, Sentence

_WORD = re.compile(r"\w+", re.UNICODE)
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class SentenceFeatures:
    """What a sentence is about: content lemmas in order, names, numbers, and its length in words."""

    terms: tuple[str, ...]
    names: frozenset[str]
    numbers: frozenset[str]
    words: int
    bigrams: tuple[str, ...] = ()
    """Pairs of neighbouring word lemmas, function words included, without pairs of two function words."""
    nouns: frozenset[str] = frozenset()
    """The terms that are nouns or names (or untagged): the ones German joins into compounds."""


def _norm(lemma: str) -> list[str]:
    # Hyphen and case variants of one name become the same terms: "Jong-un" and "Jong Un" -> jong, un.
    return [w for w in _WORD.findall(unicodedata.normalize("NFC", lemma).lower()) if not w.isdigit()]


def sentence_features(doc: Doc, sentence: Sentence) -> SentenceFeatures:
    """Content terms (lower-cased lemmas without function words), names and numbers of one sentence."""
    nlp = data(doc.language, "nlp") or data("en", "nlp")
    stop: frozenset[str] = nlp.STOPWORDS  # type: ignore[union-attr]
    content: tuple[str, ...] = nlp.CONTENT_POS_PREFIXES  # type: ignore[union-attr]
    name_pos: tuple[str, ...] = nlp.NAME_POS  # type: ignore[union-attr]
    terms: list[str] = []
    names: set[str] = set()
    numbers: set[str] = set()
    words = 0
    text = doc.article.text
    previous_name = False
    lemmas: list[str] = []
    nouns: set[str] = set()
    for token in sentence.tokens:
        surface = text[token.start : token.end]
        if not any(ch.isalnum() for ch in surface):
            previous_name = False
            continue
        words += 1
        lemmas.append(" ".join(_norm(token.lemma)) or surface.lower())
        if _DIGIT.search(surface):
            number = surface.rstrip(".").replace(".", "").replace(",", ".")
            numbers.add(number)
            # Figures and years are facts outlets repeat ("seit 2019", "650 Kilometer").
            terms.append(number)
            continue
        tagged_content = token.pos == "X" or token.pos.startswith(content)
        # A capitalised word right after a name continues it ("Kim Jong-un", tagged NE then NN).
        is_name = token.pos in name_pos or (surface[:1].isupper() and (token.pos == "X" or previous_name))
        previous_name = is_name
        for term in _norm(token.lemma):
            if term in stop or not tagged_content or len(term) < 2:
                continue
            terms.append(term)
            if is_name:
                names.add(term)
            if token.pos.startswith(("NN", "NE", "X")):
                nouns.add(term)
    bigrams = tuple(f"{a} {b}" for a, b in pairwise(lemmas) if not (a in stop and b in stop))
    return SentenceFeatures(tuple(terms), frozenset(names), frozenset(numbers), words, bigrams, frozenset(nouns))


def doc_features(doc: Doc) -> tuple[SentenceFeatures, ...]:
    """Features of every sentence of the Doc, by sentence index."""
    return tuple(sentence_features(doc, s) for s in doc.sentences)
