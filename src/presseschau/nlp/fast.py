"""The fast path: Article -> FastFeatures (lemma counts, names, headline terms, day) without SoMaJo or HanTa."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from presseschau.lang import PRIMARY_LANGUAGE, data
from presseschau.model import Article
from presseschau.nlp.langid import identify
from presseschau.nlp.morph import lemmatize

# The MinHash signature is not made here: shingles and signatures belong to the dedup stage, which this stage
# may not import. ``corpus.prepare`` adds it: ``dedup.fingerprint(article.text)`` (~0.8 ms).

# Language identification reads only this much of the text: py3langid's time grows with the length (~1.2 ms
# for 5,000 characters, ~0.3 ms for 600), and on DUC 2003 (326 English texts) and 10kGNAD (1,028 German) 400
# characters already identify every text correctly (200: one error).
LANGID_CHARS = 600
# Shorter words are mostly abbreviations and word fragments, too ambiguous to be content terms.
MIN_TERM_CHARS = 2

# A word, or a mark that ends a sentence or paragraph: the next word opens a sentence and its capital letter
# says nothing about being a name.
_TOKEN = re.compile(r"(\w+)|([.!?:;\n])")


@dataclass(frozen=True, slots=True)
class FastFeatures:
    """What clustering needs of one article, from regex tokens and simplemma lemmas.

    ``lemmas`` counts the content lemmas (lower case, function words and numbers left out) of headline and
    body; ``names`` are the case-folded name candidates, sorted: capitalised words that do not open a
    sentence, and all-caps words (in German this includes common nouns, which IDF weighs down);
    ``title`` the headline's content lemmas in order, each once; ``day`` the ISO publication day or None.
    """

    language: str
    lemmas: Mapping[str, int] = field(default_factory=dict)
    names: tuple[str, ...] = ()
    title: tuple[str, ...] = ()
    day: str | None = None


@dataclass(frozen=True, slots=True)
class _Words:
    """Language data the fast path needs, looked up once per language."""

    stop: frozenset[str]  # function words, lower case
    dates: frozenset[str]  # month and weekday names as written: they say when, not what
    not_names: frozenset[str]  # those and person titles ("Dr.", "Frau"), as written


def fast_features(article: Article, language: str | None = None) -> FastFeatures:
    """The FastFeatures of ``article``; ``language`` defaults to the article's, else it is identified.

    Never raises on odd text: an empty or non-linguistic text gives empty features.
    """
    language = language or article.language or identify(article.title + "\n" + article.text[:LANGID_CHARS])
    words = _words(language)
    body = _tokens(article.text)
    title = _tokens(article.title)
    forms = {form for form, _ in body} | {form for form, _ in title}
    lemma_of = _lemmas(forms, language, words)
    lemmas: Counter[str] = Counter()
    for form, _ in title:
        lemmas[lemma_of[form]] += 1
    for form, _ in body:
        lemmas[lemma_of[form]] += 1
    lemmas.pop("", None)
    title_terms = tuple(dict.fromkeys(lemma_of[form] for form, _ in title if lemma_of[form]))
    names = _names(body, words) | _names(title, words)
    return FastFeatures(language=language, lemmas=dict(lemmas), names=tuple(sorted(names)), title=title_terms,
                        day=publication_day(article.published))


def title_terms(title: str, language: str) -> tuple[str, ...]:
    """The headline's content lemmas in order, each once (as in ``FastFeatures.title``): for features read
    back from a store, which keeps the headline but not its terms."""
    words = _words(language)
    tokens = _tokens(title)
    lemma_of = _lemmas({form for form, _ in tokens}, language, words)
    return tuple(dict.fromkeys(lemma_of[form] for form, _ in tokens if lemma_of[form]))


def publication_day(published: str | None) -> str | None:
    """The ISO day of an ISO date or datetime ("2025-03-12T08:00" -> "2025-03-12"); None when there is none."""
    if not published or len(published) < 10:
        return None
    try:
        return date.fromisoformat(published[:10]).isoformat()
    except ValueError:
        return None


def warm_up(language: str = PRIMARY_LANGUAGE) -> None:
    """Load the lemma dictionary of ``language`` now (simplemma's German one takes ~0.9 s on first use)."""
    _words(language)
    lemmatize(["Haus"], language, fast=True)


def _tokens(text: str) -> list[tuple[str, bool]]:
    """(word as written, NFC, and whether it opens a sentence) for every word of ``text``."""
    out = []
    initial = True
    for word, boundary in _TOKEN.findall(unicodedata.normalize("NFC", text)):
        if word:
            out.append((word, initial))
            initial = False
        else:
            initial = bool(boundary)
    return out


def _lemmas(forms: set[str], language: str, words: _Words) -> dict[str, str]:
    """Word form -> its content lemma in lower case, "" for function words, numbers and fragments."""
    ordered = sorted(forms)
    lemmas = [lemma for lemma, _ in lemmatize(ordered, language, fast=True)]  # lower case where simplemma has none
    out = {}
    for form, lemma in zip(ordered, lemmas, strict=True):
        term = lemma.casefold()
        keep = len(term) >= MIN_TERM_CHARS and not term.isdigit() and term not in words.stop
        out[form] = term if keep and form.casefold() not in words.stop and form not in words.dates else ""
    return out


def _names(tokens: list[tuple[str, bool]], words: _Words) -> set[str]:
    found = set()
    for form, initial in tokens:
        if len(form) < MIN_TERM_CHARS or not form[0].isupper() or form.isdigit():
            continue
        if (initial and not form.isupper()) or form in words.not_names:
            continue
        name = form.casefold()
        if name not in words.stop:
            found.add(name)
    # A genitive next to the plain form is the same name ("Putins", "Putin"; "Clinton's" splits at the quote).
    return {name for name in found if not (name.endswith("s") and name[:-1] in found)}


@lru_cache(maxsize=64)
def _words(language: str) -> _Words:
    nlp = data(language, "nlp")
    dates = data(language, "dates")
    entities = data(language, "entities")
    stop: frozenset[str] = getattr(nlp, "STOPWORDS", frozenset())
    when = frozenset(name for table in ("WEEKDAYS", "MONTHS") for name in getattr(dates, table, {}))
    return _Words(stop, when, when | frozenset(getattr(entities, "PERSON_TITLES", ())))
