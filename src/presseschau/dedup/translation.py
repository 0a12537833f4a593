"""Evidence that an article is machine-translated, from its cleaning log and cheap word-order cues."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from types import ModuleType

from presseschau.lang import data
from presseschau.model import Doc, TranslationFlag

# A flag needs one strong cue (headline repeated in ASCII transliteration, untranslated tag line: left-overs
# of a translation pipeline no German newsroom produces; English word order in WORD_ORDER_STRONG places) or
# this many weak ones (an English dateline, English word order in a few places: each turns up in
# human-written text now and then).
# Straight quotes were tried and dropped: 148 of the 1,028 human-written 10kGNAD test articles use them.
WEAK_NEEDED = 2

_WORD = re.compile(r"\w+")


def translation_flags(docs: Sequence[Doc]) -> tuple[TranslationFlag, ...]:
    """A TranslationFlag, with its evidence in the reader's words, for each doc that looks machine-translated.

    Languages without cue data (``lang/<language>/translation.py``) are never flagged.
    """
    flags = []
    for doc in docs:
        cues = data(doc.language, "translation")
        if cues is None:
            continue
        strong, weak = _strong_cues(doc, cues), _weak_cues(doc, cues)
        word_order, is_strong = _word_order_cue(doc, cues)
        if word_order is not None:
            (strong if is_strong else weak).append(word_order)
        if strong or len(weak) >= WEAK_NEEDED:
            flags.append(TranslationFlag(doc.article.id, tuple(dict.fromkeys(strong + weak))))
    return tuple(flags)


def _strong_cues(doc: Doc, cues: ModuleType) -> list[str]:
    found = []
    for removal in doc.article.removed:
        if removal.rule == "repeated_headline":
            spelling = ascii_spelling(doc.article.title, removal.text, cues.TRANSLITERATION)
            if spelling is not None:
                found.append(cues.TRANSLITERATED_HEADLINE.format(ascii=spelling[0], original=spelling[1]))
        elif removal.rule == "tag_line" and re.fullmatch(cues.TAG_LINE, removal.text.strip()):
            found.append(cues.UNTRANSLATED_TAG.format(tag=removal.text.strip()))
    return found


def _weak_cues(doc: Doc, cues: ModuleType) -> list[str]:
    found = []
    for removal in doc.article.removed:
        if removal.rule == "dateline" and re.fullmatch(cues.FOREIGN_DATELINE, removal.text.strip()):
            found.append(cues.ENGLISH_DATELINE.format(dateline=removal.text.strip()))
    return found


def _word_order_cue(doc: Doc, cues: ModuleType) -> tuple[str | None, bool]:
    """The evidence for English word order (None below WORD_ORDER_MIN matches), and whether it is strong."""
    spans = word_order_matches(doc, cues.WORD_ORDER_CUES)
    if len(spans) < cues.WORD_ORDER_MIN:
        return None, False
    left, right = cues.EXAMPLE_QUOTES
    examples = ", ".join(f"{left}{doc.article.text[a:b]}{right}" for a, b in spans[: cues.WORD_ORDER_EXAMPLES])
    return cues.ENGLISH_WORD_ORDER.format(count=len(spans), examples=examples), len(spans) >= cues.WORD_ORDER_STRONG


def ascii_spelling(title: str, repeat: str, transliteration: Mapping[str, str]) -> tuple[str, str] | None:
    """(as repeated, as in the title) for the first title word with an umlaut or ß that ``repeat`` spells
    in ASCII ("waehrend", "während"); None when the repeat keeps every such word as written."""
    repeated = {w.lower(): w for w in _WORD.findall(repeat)}
    for word in _WORD.findall(title):
        ascii_form = "".join(transliteration.get(ch, ch) for ch in word.lower())
        if ascii_form != word.lower() and ascii_form in repeated:
            return repeated[ascii_form], word
    return None


def word_order_matches(doc: Doc, patterns: Sequence[Sequence[Sequence[str]]]) -> list[tuple[int, int]]:
    """Character spans where a sentence's tokens fill every slot of one of ``patterns`` in a row.

    A token fills a slot when its tag (brackets dropped: "VA(FIN)" -> "VAFIN") or its lower-cased word is
    in it. One span per starting token, in text order; a span starts at its first word (a comma slot is
    matched but not shown).
    """
    text, spans = doc.article.text, []
    for sentence in doc.sentences:
        tokens = sentence.tokens
        keys = [(t.pos.replace("(", "").replace(")", ""), text[t.start : t.end].lower()) for t in tokens]
        for i in range(len(keys)):
            for pattern in patterns:
                window = keys[i : i + len(pattern)]
                if len(window) == len(pattern) and all(
                    tag in slot or word in slot for (tag, word), slot in zip(window, pattern, strict=True)
                ):
                    shown = [j for j in range(i, i + len(pattern)) if any(c.isalnum() for c in keys[j][1])] or [i]
                    spans.append((tokens[shown[0]].start, tokens[i + len(pattern) - 1].end))
                    break
    return spans
