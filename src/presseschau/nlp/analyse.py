"""Article -> Doc: language, sentences, tokens, lemmas, tags and sentence kinds (heading, caption, body)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from presseschau.lang import SUPPORTED, data
from presseschau.model import Article, Doc, Sentence, Token
from presseschau.nlp import morph, segment
from presseschau.nlp.dates import find_times
from presseschau.nlp.entities import find_mentions
from presseschau.nlp.figures import find_figures
from presseschau.nlp.langid import identify
from presseschau.nlp.quotes import find_quotes

# A verbless line this short is a caption or label, not a statement ("Putin und Kim in Moskau.").
CAPTION_MAX_TOKENS = 10
# A line without closing punctuation and at most this many tokens is a heading.
HEADING_MAX_TOKENS = 20
_CLOSING = frozenset('.!?…:;"“”»«\')')


def preload(languages: Sequence[str]) -> None:
    """Load the tokenizer and tagger models the given languages need (before forking workers)."""
    for lang in set(languages) & set(SUPPORTED):
        nlp = data(lang, "nlp")
        segment.load(getattr(nlp, "SOMAJO_MODEL", ""))
        morph.load(lang)


def detect_language(article: Article) -> str:
    """The article's language: from metadata when given, else identified from headline and text."""
    return article.language or identify(article.title + "\n" + article.text)


def analyse(article: Article, language: str | None = None) -> Doc:
    """The full analysis of one article in ``language`` (detected when None).

    Never raises for odd text; problems become Doc.warnings.
    """
    warnings: list[str] = []
    language = language or detect_language(article)
    lang = language if language in SUPPORTED else None
    if lang is None:
        warnings.append(
            f"{article.source}: language {language!r} is not supported; "
            "used basic sentence splitting and lower-cased words instead of lemmas"
        )
    nlp = data(lang or "en", "nlp")
    model = getattr(nlp, "SOMAJO_MODEL", None) if lang else None
    finite = tuple(getattr(nlp, "FINITE_VERB_POS", ()))
    text = article.text
    sentences: list[Sentence] = []
    split = segment.split(text, model)
    for index, (paragraph, spans) in enumerate(split):
        words = [text[a:b] for a, b in spans]
        tags = morph.lemmatize(words, lang or language)
        tokens = tuple(Token(a, b, lemma, pos) for (a, b), (lemma, pos) in zip(spans, tags, strict=True))
        last_in_para = index + 1 == len(split) or split[index + 1][0] != paragraph
        first_in_para = index == 0 or split[index - 1][0] != paragraph
        kind = _kind(words, tokens, finite, whole_paragraph=first_in_para and last_in_para)
        sentences.append(Sentence(index, spans[0][0], spans[-1][1], paragraph, tokens, kind))
    doc = Doc(article=article, language=language, sentences=tuple(sentences), warnings=tuple(warnings))
    # The facts are found on the finished Doc: each finder reads sentences, tokens and tags as offsets.
    return replace(doc, times=find_times(doc), mentions=find_mentions(doc), quotes=find_quotes(doc),
                   figures=find_figures(doc))


def _kind(words: list[str], tokens: tuple[Token, ...], finite: tuple[str, ...], *, whole_paragraph: bool) -> str:
    if whole_paragraph and len(words) <= HEADING_MAX_TOKENS and words[-1][-1] not in _CLOSING:
        return "heading"
    if finite and len(words) <= CAPTION_MAX_TOKENS and not any(t.pos in finite for t in tokens):
        return "caption"
    return "body"
