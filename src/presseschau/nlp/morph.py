"""Lemmas and part-of-speech tags: the one adapter around HanTa (German) and simplemma (fast, other languages)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

UNKNOWN_POS = "X"
_SIMPLEMMA_LANGS = frozenset(
    [
        "ast",
        "bg",
        "ca",
        "cs",
        "cy",
        "da",
        "de",
        "el",
        "en",
        "enm",
        "es",
        "et",
        "fa",
        "fi",
        "fr",
        "ga",
        "gd",
        "gl",
        "gv",
        "hbs",
        "hi",
        "hu",
        "hy",
        "id",
        "is",
        "it",
        "ka",
        "la",
        "lb",
        "lt",
        "lv",
        "mk",
        "ms",
        "nb",
        "nl",
        "nn",
        "pl",
        "pt",
        "ro",
        "ru",
        "se",
        "sk",
        "sl",
        "sq",
        "sv",
        "sw",
        "tl",
        "tr",
        "uk",
    ]
)


@lru_cache(maxsize=1)
def _hanta() -> Any:
    from HanTa import HanoverTagger

    return HanoverTagger.HanoverTagger("morphmodel_ger.pgz")


@lru_cache(maxsize=4096)
def _tag_german(words: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    # Cached per sentence: agency copies repeat whole sentences across outlets.
    tagged = _hanta().tag_sent(list(words), taglevel=1)
    out = []
    for word, (_w, lemma, pos) in zip(words, tagged, strict=True):
        # HanTa title-cases acronyms ("USA" -> "Usa"); an all-caps word is its own lemma.
        if (len(word) > 1 and word.isupper()) or (
            pos == "NE" and lemma != word and not (word.endswith("s") and lemma == word[:-1])
        ):
            lemma = word
        out.append((lemma, pos))
    return tuple(out)


def lemmatize(words: Sequence[str], language: str, *, fast: bool = False) -> list[tuple[str, str]]:
    """(lemma, POS tag) per word. German uses HanTa unless ``fast``; others simplemma with POS "X"."""
    if language == "de" and not fast:
        return list(_tag_german(tuple(words)))
    if language in _SIMPLEMMA_LANGS:
        import simplemma

        return [(simplemma.lemmatize(w, lang=language), UNKNOWN_POS) for w in words]
    return [(w.lower(), UNKNOWN_POS) for w in words]


def supports_simplemma(language: str) -> bool:
    return language in _SIMPLEMMA_LANGS
