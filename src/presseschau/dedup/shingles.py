"""Word shingles of article texts: the normalised k-word windows that copy detection compares."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Set as AbstractSet

from presseschau.model import Doc, Sentence

# 5 words: long enough that two independent authors rarely share a window (names and figures alone are
# shorter), short enough that a changed word costs a copy only five windows.
SHINGLE_WORDS = 5

_WORD = re.compile(r"\w+")
# A figure as written: "312", "4.756", "2,5" (separators kept: a copy keeps the original's spelling).
_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")
# Two texts agree on their figures when this share of the smaller set of figures is in the other. Wire copies
# keep their figures: an edit cuts or adds a paragraph (the smaller set stays inside the larger), rewording does
# not touch digits. Texts stamped from one template for other events change them. On the synthetic syndication
# set (python bench/ingest_scale.py --syndication, 2,000 articles, seed 1) such template twins reach shingle
# Jaccard 0.46; copy precision / recall at ingest: no figure check 0.232 / 0.996, share 0.5 with at least two
# figures each 0.562 / 0.996, share 0.67 with at least one 0.984 / 0.996 (held out, seeds 2 and 3: 0.950 /
# 0.995 and 0.954 / 0.986). The rest are twins with no figures, or with the one figure the template fixed.
FIGURE_SHARE = 0.67
# With fewer figures than this on either side the check says nothing: nothing to compare.
MIN_FIGURES = 1


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


def figures(text: str) -> frozenset[str]:
    """The figures written in the text, as written ("312", "4.756", "2,5")."""
    return frozenset(_FIGURE.findall(text))


def figures_agree(a: AbstractSet[object], b: AbstractSet[object]) -> bool:
    """Whether two texts agree on their figures (FIGURE_SHARE of the smaller set is shared; True with too few)."""
    if min(len(a), len(b)) < MIN_FIGURES:
        return True
    return len(a & b) / min(len(a), len(b)) >= FIGURE_SHARE


def jaccard(a: frozenset[str] | set[str], b: frozenset[str] | set[str]) -> float:
    """|a ∩ b| / |a ∪ b|, 0 when both are empty."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0
