"""Test builders: Article, Doc, Briefing and Digest objects from plain strings, without any pipeline stage."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from presseschau.model import (
    Article,
    Briefing,
    Digest,
    Doc,
    Removal,
    Sentence,
    SentenceRef,
    Skipped,
    Story,
    SummaryLine,
    Token,
)

# Naive on purpose: a sentence ends at ". " (or "!", "?", or a line break after one); tests must not
# depend on the real segmenter, whose decisions are tested where it lives.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_TOKEN = re.compile(r"\S+")


def article(
    id: str,
    text: str,
    *,
    title: str | None = None,
    outlet: str = "Testblatt",
    published: str | None = "2024-03-05",
    source: str | None = None,
    url: str | None = None,
    language: str | None = "de",
    removed: Iterable[Removal] = (),
    extra: dict[str, object] | None = None,
) -> Article:
    """An Article as cleaning would leave it; the title defaults to the first sentence."""
    return Article(
        id=id,
        source=source if source is not None else f"eingang/{id}.txt",
        title=title if title is not None else text.split(". ")[0],
        text=text,
        outlet=outlet,
        outlet_from="metadata",
        published=published,
        published_from="metadata" if published else None,
        url=url,
        format="txt",
        language=language,
        removed=tuple(removed),
        extra=extra or {},
    )


def removal(text: str, *, rule: str = "boilerplate", reason: str = "Werbung", line: int = 1) -> Removal:
    return Removal(text=text, rule=rule, reason=reason, line=line)


def sentences(text: str) -> tuple[Sentence, ...]:
    """Sentences split on whitespace after closing punctuation, tokens on whitespace, all as offsets."""
    found: list[Sentence] = []
    start = len(text) - len(text.lstrip())
    ends = [m.start() for m in _SENTENCE_END.finditer(text)] + [len(text.rstrip())]
    for end in ends:
        if end <= start:
            continue
        tokens = tuple(
            Token(start + m.start(), start + m.end(), m.group().lower(), "X")
            for m in _TOKEN.finditer(text[start:end])
        )
        paragraph = text.count("\n", 0, start)
        found.append(Sentence(len(found), start, end, paragraph, tokens))
        following = text[end:]
        start = end + len(following) - len(following.lstrip())
    return tuple(found)


def doc(of: Article, *, language: str = "de", warnings: Sequence[str] = ()) -> Doc:
    return Doc(article=of, language=language, sentences=sentences(of.text), warnings=tuple(warnings))


def line(docs: Sequence[Doc], *refs: tuple[str, int]) -> SummaryLine:
    """A summary line showing the first ref's sentence, with each distinct outlet of the refs."""
    by_id = {d.article.id: d for d in docs}
    first = by_id[refs[0][0]]
    text = first.text_of(first.sentences[refs[0][1]])
    outlets = tuple(dict.fromkeys(by_id[article_id].article.outlet for article_id, _ in refs))
    return SummaryLine(text, tuple(SentenceRef(a, i) for a, i in refs), outlets)


def briefing(
    story_id: str, title: str, articles: Sequence[Article], summary: Sequence[SummaryLine]
) -> Briefing:
    story = Story(id=story_id, title=title, article_ids=tuple(a.id for a in articles))
    outlets = tuple(dict.fromkeys(a.outlet for a in articles))
    words = sum(len(s.text.split()) for s in summary)
    return Briefing(story=story, summary=tuple(summary), outlets=outlets, summarizer="lead", words=words)


def digest(
    articles: Sequence[Article],
    docs: Sequence[Doc],
    briefings: Sequence[Briefing],
    skipped: Sequence[Skipped] = (),
    warnings: Sequence[str] = (),
) -> Digest:
    return Digest(tuple(articles), tuple(docs), tuple(briefings), tuple(skipped), tuple(warnings))
