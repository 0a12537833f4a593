"""What every output format shows, computed once: citations per summary line, labels, look-ups."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from presseschau.model import Article, Digest, Doc, SentenceRef, SummaryLine

UNKNOWN_DATE = "Datum unbekannt"


@dataclass(frozen=True, slots=True)
class Citation:
    """One outlet behind a summary line (or a fact) and the sentences (in refs order) where it says so.

    ``refs`` is empty when the summarizer named the outlet without a ref: it is shown, never linked.
    """

    outlet: str
    refs: tuple[SentenceRef, ...]


@dataclass(frozen=True, slots=True)
class Lookup:
    """The digest's articles and docs by id, built once per render instead of a scan per reference."""

    articles: dict[str, Article]
    docs: dict[str, Doc]

    @classmethod
    def of(cls, digest: Digest) -> Lookup:
        return cls(
            articles={article.id: article for article in digest.articles},
            docs={doc.article.id: doc for doc in digest.docs},
        )

    def outlet_of(self, ref: SentenceRef) -> str:
        # An id the digest does not hold still gets a visible label, so a broken ref is noticed, not hidden.
        article = self.articles.get(ref.article_id)
        return article.outlet if article is not None else ref.article_id

    def sentence_text(self, ref: SentenceRef) -> str | None:
        doc = self.docs.get(ref.article_id)
        if doc is None or not 0 <= ref.index < len(doc.sentences):
            return None
        return doc.text_of(doc.sentences[ref.index])

    def language_of(self, article: Article) -> str | None:
        # The analysis decides the language; the source's claim is only a fallback.
        doc = self.docs.get(article.id)
        return doc.language if doc is not None else article.language

    def story_articles(self, article_ids: tuple[str, ...]) -> list[Article]:
        return [self.articles[i] for i in article_ids if i in self.articles]


def cite(outlets: Iterable[str], refs: Iterable[SentenceRef], lookup: Lookup) -> tuple[Citation, ...]:
    """``outlets`` in the given order, then outlets only ``refs`` name, each once with its refs."""
    by_outlet: dict[str, list[SentenceRef]] = {outlet: [] for outlet in outlets}
    for ref in refs:
        by_outlet.setdefault(lookup.outlet_of(ref), []).append(ref)
    return tuple(Citation(outlet, tuple(refs)) for outlet, refs in by_outlet.items())


def citations(line: SummaryLine, lookup: Lookup) -> tuple[Citation, ...]:
    """The outlets of ``line`` in the summarizer's order, then outlets only its refs name, each once."""
    return cite(line.outlets, line.refs, lookup)


def sources(refs: Iterable[SentenceRef]) -> tuple[str, ...]:
    """Article ids behind ``refs`` in their order, each once."""
    return tuple(dict.fromkeys(ref.article_id for ref in refs))


def count_label(articles: int, outlets: int) -> str:
    medium = "Medium" if outlets == 1 else "Medien"
    return f"{articles} Artikel aus {outlets} {medium}"


_PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d{2}))?$")


def date_label(published: str | None) -> str:
    """A German reading of an ISO 8601 date; partial dates stay partial, anything odd is shown as given."""
    if not published:
        return UNKNOWN_DATE
    partial = _PARTIAL_DATE.match(published)
    if partial:
        year, month = partial.groups()
        return f"{month}.{year}" if month else year
    try:
        moment = datetime.fromisoformat(published)
    except ValueError:
        return published
    if len(published) <= len("2023-09-13"):
        return moment.strftime("%d.%m.%Y")
    return moment.strftime("%d.%m.%Y, %H:%M")


def one_line(text: str) -> str:
    """``text`` with every run of whitespace (newlines too) as one space, for list items and cells."""
    return " ".join(text.split())


def all_warnings(digest: Digest) -> list[str]:
    """Run-level warnings, then each analysed article's warnings prefixed with its title and id."""
    warnings = list(digest.warnings)
    for doc in digest.docs:
        title = one_line(doc.article.title)
        warnings.extend(f"{title} ({doc.article.id}): {warning}" for warning in doc.warnings)
    return warnings
