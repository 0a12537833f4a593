"""Builders for analysed Docs from plain strings (runs only the analysis stage, no ingest or cleaning)."""

from __future__ import annotations

import hashlib

from presseschau.model import Article, Doc
from presseschau.nlp.analyse import analyse


def article(text: str, *, title: str = "Titel", outlet: str = "Testblatt", published: str | None = None,
            language: str | None = "de") -> Article:
    digest = hashlib.sha256((outlet + title + text).encode()).hexdigest()[:11]
    return Article(id="a" + digest, source=f"{outlet}.txt", title=title, text=text, outlet=outlet,
                   outlet_from="metadata", published=published, published_from="metadata" if published else None,
                   url=None, format="txt", language=language)


def doc(text: str, **kwargs: object) -> Doc:
    return analyse(article(text, **kwargs))  # type: ignore[arg-type]
