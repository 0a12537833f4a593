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
class TimeExpression:
    """A temporal expression ("am Mittwoch", "11.09.2023", "vergangene Woche") in sentence ``sentence``.

    ``start``/``end`` are offsets into ``Article.text``. ``first``/``last`` are the ISO dates (YYYY-MM-DD) of
    the day or range it denotes, resolved against the publication date; both None when it cannot be resolved
    (then it is shown as such, never guessed). ``kind``: "date", "weekday", "relative", "month", "year".
    """

    sentence: int
    start: int
    end: int
    kind: str
    first: str | None
    last: str | None


@dataclass(frozen=True, slots=True)
class Mention:
    """A mention of a named entity: offsets into ``Article.text``, its type and the role stated with it.

    ``type``: "person", "place", "country", "organisation" or "other". ``role`` is the stated function
    ("Kremlsprecher", "Präsident"), or None.
    """

    sentence: int
    start: int
    end: int
    type: str
    role: str | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    """A quote in sentence ``sentence``: ``start``/``end`` span the quoted words (without quote marks) or,
    for indirect speech, the reported clause. ``kind``: "direct" or "indirect". ``speaker`` is the speaker's
    name as written (None when no speaker is found)."""

    sentence: int
    start: int
    end: int
    kind: str
    speaker: str | None


@dataclass(frozen=True, slots=True)
class Figure:
    """A number with what it counts ("650 Kilometer", "zwei Millionen Granaten", "1,5 Mio. Euro").

    ``value`` is normalised (2_000_000.0 for "zwei Millionen"); ``unit`` is the unit or counted noun as a
    lemma ("Kilometer", "Granate", "Euro"), or None; ``qualifier`` is "rund", "mehr als" and the like.
    """

    sentence: int
    start: int
    end: int
    value: float
    unit: str | None
    qualifier: str | None = None


@dataclass(frozen=True, slots=True)
class Doc:
    """An analysed article: its sentences with tokens, lemmas and tags, the language used, and the facts
    found in it (time expressions, entity mentions, quotes, figures), all as offsets into the article text."""

    article: Article
    language: str
    sentences: tuple[Sentence, ...]
    warnings: tuple[str, ...] = ()
    times: tuple[TimeExpression, ...] = ()
    mentions: tuple[Mention, ...] = ()
    quotes: tuple[Quote, ...] = ()
    figures: tuple[Figure, ...] = ()

    def sentence_of(self, offset: int) -> int:
        """Index of the sentence that holds character ``offset`` (the nearest before it between sentences)."""
        found = 0
        for sentence in self.sentences:
            if sentence.start > offset:
                break
            found = sentence.index
        return found

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
class TimelineEvent:
    """A dated event of the story: the day or range (ISO dates; None when unresolved), the expression as
    written in the first source, and every sentence (one per article at most) that reports it."""

    first: str | None
    last: str | None
    expression: str
    refs: tuple[SentenceRef, ...]
    outlets: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, place, country or organisation with its name variants merged ("Kim Jong Un", "Kim Jong-un",
    "Kim"), the roles stated for it, and how often each outlet mentions it."""

    name: str
    type: str
    variants: tuple[str, ...]
    roles: tuple[str, ...]
    mentions: tuple[tuple[str, int], ...]
    refs: tuple[SentenceRef, ...]


@dataclass(frozen=True, slots=True)
class QuoteGroup:
    """One statement and who made it, as reported across outlets. ``agreement``: "verbatim" (same words in
    several outlets), "paraphrased" (same statement, other words) or "single" (one outlet only).
    ``text`` is the quoted words of ``refs[0]``."""

    speaker: str | None
    kind: str
    text: str
    agreement: str
    refs: tuple[SentenceRef, ...]
    outlets: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class FigureValue:
    """One outlet's value for a figure, as written, with the sentence that gives it."""

    value: float
    text: str
    outlet: str
    ref: SentenceRef


@dataclass(frozen=True, slots=True)
class FigureGroup:
    """The same quantity (same unit or counted noun, overlapping context) across outlets. ``disagree`` is
    True when outlets give different values: the briefing then shows each value with its outlet."""

    what: str
    values: tuple[FigureValue, ...]
    disagree: bool


@dataclass(frozen=True, slots=True)
class OnlyIn:
    """Claims that only one outlet reports ("nur bei …"): that outlet and the sentences that carry them."""

    outlet: str
    refs: tuple[SentenceRef, ...]


@dataclass(frozen=True, slots=True)
class CopyLink:
    """Article ``article_id`` copies ``origin_id`` (wire copy or re-publication), with what it added and cut.

    ``similarity`` is the Jaccard similarity of word shingles; ``added`` are sentences of the copy without a
    counterpart in the origin, ``cut`` sentences of the origin missing from the copy."""

    article_id: str
    origin_id: str
    similarity: float
    added: tuple[SentenceRef, ...]
    cut: tuple[SentenceRef, ...]


@dataclass(frozen=True, slots=True)
class TranslationFlag:
    """Evidence that an article looks machine-translated; shown to the reader, never used as a silent weight."""

    article_id: str
    evidence: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Briefing:
    """Everything Presseschau says about one story."""

    story: Story
    summary: tuple[SummaryLine, ...]
    outlets: tuple[str, ...]
    summarizer: str
    words: int
    timeline: tuple[TimelineEvent, ...] = ()
    entities: tuple[Entity, ...] = ()
    quotes: tuple[QuoteGroup, ...] = ()
    figures: tuple[FigureGroup, ...] = ()
    only_in: tuple[OnlyIn, ...] = ()
    copies: tuple[CopyLink, ...] = ()
    independent_sources: int = 0
    translations: tuple[TranslationFlag, ...] = ()


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
