"""Frozen data types that flow between Presseschau's stages (standard library only).

RawArticle --clean--> Article --analyse--> Doc --cluster--> Story --brief--> Briefing --> Digest.
Annotations are offsets into ``Article.text``; attribution is a ``SentenceRef``, never a loose string.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class RawArticle:
    """One article as read from its source, before cleaning.

    ``text`` is the body as found (for .txt files it still holds the header lines; the headline is the
    first non-empty line unless ``title`` is given). Metadata fields are ``None`` when the source has none.
    """

    source: str
    text: str
    format: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    language: str | None = None
    encoding: str = "utf-8"
    extra: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Removal:
    """A piece of the raw text that cleaning removed, with the rule that removed it and why."""

    text: str
    rule: str
    reason: str
    line: int


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article: headline, body text and metadata, plus the audited log of what was removed.

    ``published`` is an ISO 8601 date or datetime, possibly partial ("2023-09"), or ``None`` when unknown.
    ``outlet_from`` says where the outlet name came from: "metadata", "header", "dateline" or "filename".
    """

    id: str
    source: str
    title: str
    text: str
    outlet: str
    outlet_from: str
    published: str | None
    published_from: str | None
    url: str | None
    format: str
    language: str | None = None
    removed: tuple[Removal, ...] = ()
    encoding: str = "utf-8"
    extra: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Token:
    """A token as offsets into the article text, with its lemma and part-of-speech tag."""

    start: int
    end: int
    lemma: str
    pos: str


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of an article: offsets into ``Article.text`` and its tokens.

    ``paragraph`` numbers the text's paragraphs (lines) from 0; ``kind`` is "body", "heading"
    (a line without closing punctuation) or "caption" (a short verbless line).
    """

    index: int
    start: int
    end: int
    paragraph: int
    tokens: tuple[Token, ...]
    kind: str = "body"


@dataclass(frozen=True, slots=True)
class Doc:
    """An analysed article: its sentences with tokens, lemmas and tags, and the language used."""

    article: Article
    language: str
    sentences: tuple[Sentence, ...]
    warnings: tuple[str, ...] = ()

    def text_of(self, sentence: Sentence) -> str:
        return self.article.text[sentence.start : sentence.end]

    def token_text(self, token: Token) -> str:
        return self.article.text[token.start : token.end]


@dataclass(frozen=True, slots=True, order=True)
class SentenceRef:
    """The unit of attribution: sentence ``index`` of article ``article_id``."""

    article_id: str
    index: int


@dataclass(frozen=True, slots=True)
class Story:
    """A group of articles about one event. ``id`` is stable: derived from its articles' ids."""

    id: str
    title: str
    article_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SummaryLine:
    """One summary sentence. ``refs[0]`` is the sentence shown; the others say the same in other articles."""

    text: str
    refs: tuple[SentenceRef, ...]
    outlets: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Briefing:
    """Everything Presseschau says about one story."""

    story: Story
    summary: tuple[SummaryLine, ...]
    outlets: tuple[str, ...]
    summarizer: str
    words: int


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input that could not be used, the stage where that was found, and why."""

    path: str
    stage: str
    reason: str


@dataclass(frozen=True, slots=True)
class Digest:
    """The result of one run: articles (the one table everything refers to), their analyses,
    the briefings per story, the inputs that were skipped and run-level warnings."""

    articles: tuple[Article, ...]
    docs: tuple[Doc, ...]
    briefings: tuple[Briefing, ...]
    skipped: tuple[Skipped, ...]
    warnings: tuple[str, ...] = ()

    def article(self, article_id: str) -> Article:
        for article in self.articles:
            if article.id == article_id:
                return article
        raise KeyError(article_id)

    def doc(self, article_id: str) -> Doc:
        for doc in self.docs:
            if doc.article.id == article_id:
                return doc
        raise KeyError(article_id)
