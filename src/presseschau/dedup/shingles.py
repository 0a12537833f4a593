"""Word shingles of article texts: the normalised k-word windows that copy detection compares."""

from __future__ import annotations

import re
import unicodedata

from presseschau.model import Doc, Sentence

# 5 words: long enough that two independent authors rarely share a window (names and figures alone are
# shorter), short enough that a changed word costs a copy only five windows.
SHINGLE_WORDS = 5

_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    """The text's words, NFC-normalised and lower-cased (\\w+ runs: "Warn-App" -> "warn", "app")."""
    return _WORD.findall(unicodedata.normalize("NFC", text).casefold())


def shingles(text: str, *, k: int = SHINGLE_WORDS) -> frozenset[str]:
    """The k-word shingles of a raw string, without any NLP (the fast path for bulk ingest).

    A text shorter than k words is one shingle of all its words; an empty text has none.
    """
    found = words(text)
    if len(found) <= k:
        return frozenset([" ".join(found)]) if found else frozenset()
    return frozenset(" ".join(found[i : i + k]) for i in range(len(found) - k + 1))


def doc_shingles(doc: Doc, *, k: int = SHINGLE_WORDS) -> frozenset[str]:
    """The k-word shingles of an analysed article's body (the headline is left out: outlets rewrite it)."""
    return shingles(doc.article.text, k=k)


def sentence_words(doc: Doc, sentence: Sentence) -> list[str]:
    """The normalised words of one sentence of ``doc``."""
    return words(doc.text_of(sentence))


def jaccard(a: frozenset[str] | set[str], b: frozenset[str] | set[str]) -> float:
    """|a ∩ b| / |a ∪ b|, 0 when both are empty."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0
