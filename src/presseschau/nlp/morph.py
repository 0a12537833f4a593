"""Lemmas and part-of-speech tags: the one adapter around HanTa (German) and simplemma (fast, other languages)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

UNKNOWN_POS = "X"
# Languages simplemma has dictionaries for (simplemma's own list, as of 1.x/2.x).
_SIMPLEMMA_LANGS = frozenset(
    "ast bg ca cs cy da de el en enm es et fa fi fr ga gd gl gv hbs hi hu hy id is it ka la lb lt lv mk ms "
    "nb nl nn pl pt ro ru se sk sl sq sv sw tl tr uk".split()
)
# Word-level memo sizes: news vocabulary repeats heavily across sentences and outlets.
_WORD_CACHE = 200_000


@lru_cache(maxsize=1)
def _hanta() -> Any:
    from HanTa import HanoverTagger

    tagger = HanoverTagger.HanoverTagger("morphmodel_ger.pgz")
    # HanTa re-analyses every unseen word form in each sentence; the analysis depends on the word alone,
    # so memoising it per form halves tagging time without changing a single tag.
    tagger.analyze_forward = lru_cache(maxsize=_WORD_CACHE)(tagger.analyze_forward)
    return tagger


@lru_cache(maxsize=_WORD_CACHE)
def _lemma(word: str, tag: int) -> str:
    # The lemma depends only on the lower-cased form and the tag the sentence context chose.
    return str(_hanta()._analyze(word, tag, taglevel=1)[0])


@lru_cache(maxsize=4096)
def _tag_german(words: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    # Cached per sentence: agency copies repeat whole sentences across outlets.
    tagger = _hanta()
    tags = tagger.tag_sent_viterbi(list(words), True)
    out = []
    for word, tag in zip(words, tags, strict=True):
        pos = tagger.int2tag[tag]
        lemma = _lemma(word.lower(), tag)
        # HanTa title-cases acronyms ("USA" -> "Usa"): an all-caps word is its own lemma. It also clips
        # some names ("Putin" -> "Puti"): a name keeps its surface form unless the lemma drops a genitive s.
        acronym = len(word) > 1 and word.isupper()
        clipped_name = pos == "NE" and lemma.lower() != word.lower() and not _genitive(word, lemma)
        if acronym or clipped_name:
            lemma = word
        out.append((lemma, pos))
    return tuple(out)


def _genitive(word: str, lemma: str) -> bool:
    return word.endswith("s") and lemma == word[:-1]


# simplemma answers per word (~2 µs); news repeats its words, so the fast path remembers them: on the 10kGNAD
# replicas a memo of this size answers most lookups and halves the lemma time; cleared when full (~30 MB).
FAST_MEMO_WORDS = 300_000
_FAST_LEMMAS: dict[str, dict[str, str]] = {}


def load(language: str) -> None:
    """Load the tagger for ``language`` now rather than at first use."""
    if language == "de":
        _hanta()


def lemmatize(words: Sequence[str], language: str, *, fast: bool = False) -> list[tuple[str, str]]:
    """(lemma, POS tag) per word. German uses HanTa unless ``fast``; others simplemma with POS "X"."""
    if language == "de" and not fast:
        return list(_tag_german(tuple(words)))
    if language in _SIMPLEMMA_LANGS:
        memo = _FAST_LEMMAS.setdefault(language, {})
        if len(memo) > FAST_MEMO_WORDS:
            memo.clear()
        missing = [w for w in dict.fromkeys(words) if w not in memo]
        if missing:
            import simplemma

            memo.update((w, simplemma.lemmatize(w, lang=language)) for w in missing)
        return [(memo[w], UNKNOWN_POS) for w in words]
    return [(w.lower(), UNKNOWN_POS) for w in words]


def supports_simplemma(language: str) -> bool:
    return language in _SIMPLEMMA_LANGS
