"""Sentences and tokens as character offsets: the one adapter around SoMaJo, plus a basic regex path."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

Span = tuple[int, int]

_BASIC_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”“»«]?\s+(?=[\"'„“»«(]?[A-ZÀ-ÞА-Я0-9])")
_BASIC_TOKEN = re.compile(r"\w+(?:[-'’.]\w+)*|[^\w\s]", re.UNICODE)


@lru_cache(maxsize=2)
def _somajo(model: str) -> Any:
    from somajo import SoMaJo

    return SoMaJo(model, split_camel_case=False, character_offsets=True)


def load(model: str) -> None:
    """Load the SoMaJo model now rather than at first use."""
    if model:
        _somajo(model)


def paragraphs(text: str) -> Iterator[tuple[int, str]]:
    """(start offset, line) for every non-empty line: a line of a cleaned article is a paragraph."""
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            yield pos, line
        pos += len(line) + 1


def split(text: str, model: str | None) -> list[tuple[int, list[Span]]]:
    """Sentences of ``text`` as (paragraph number, token spans), through SoMaJo when a model is given."""
    paras = list(paragraphs(text))
    out: list[tuple[int, list[Span]]] = []
    if model is None:
        for number, (start, line) in enumerate(paras):
            for s_start, s_end in _basic_sentences(line):
                spans = [(start + m.start(), start + m.end())
                         for m in _BASIC_TOKEN.finditer(line, s_start, s_end)]
                if spans:
                    out.append((number, spans))
        return out
    tokenizer = _somajo(model)
    for number, (start, line) in enumerate(paras):
        for sentence in tokenizer.tokenize_text([line]):
            spans = [(start + t.character_offset[0], start + t.character_offset[1]) for t in sentence]
            if spans:
                out.append((number, spans))
    return out


def _basic_sentences(line: str) -> Iterator[Span]:
    start = 0
    for m in _BASIC_SENTENCE_END.finditer(line):
        yield start, m.start()
        start = m.end()
    if start < len(line):
        yield start, len(line)
