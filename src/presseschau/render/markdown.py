"""Markdown output: a heading per story, cited summary bullets, source tables and footnotes."""

from __future__ import annotations

import re

from presseschau.model import Article, Briefing, Digest
from presseschau.render.view import Lookup, all_warnings, citations, count_label, date_label, one_line

# Characters that would start emphasis, links, inline HTML, code, strikethrough or a table cell boundary.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
# "&amp;" in article text must stay five characters, not become "&"; a lone "&" is left alone.
_ENTITY = re.compile(r"&(?=#?\w+;)")


def escape(text: str) -> str:
    """``text`` as inline Markdown that shows exactly these characters, on one line."""
    return _ENTITY.sub(r"\\&", _SPECIAL.sub(r"\\\1", one_line(text)))


def render_markdown(digest: Digest, *, explain: bool = False, color: bool = False, width: int = 100) -> str:
    """The digest as GitHub-flavoured Markdown; ``color`` and ``width`` do not apply and are ignored."""
    del color, width
    lookup = Lookup.of(digest)
    # Footnote numbers follow the digest's article table, so an article keeps its number in every story.
    numbers = {article.id: number for number, article in enumerate(digest.articles, start=1)}
    out: list[str] = ["# Presseschau", ""]
    if not digest.briefings:
        out += ["*Keine Geschichten gefunden.*", ""]
    for number, briefing in enumerate(digest.briefings, start=1):
        out += _briefing(number, briefing, lookup, numbers)
    if explain:
        out += _removals(digest.articles)
    out += _problems(digest)
    if digest.articles:
        out += [f"[^{numbers[a.id]}]: {_source_note(a)}" for a in digest.articles]
        out.append("")
    return "\n".join(out)


def _briefing(number: int, briefing: Briefing, lookup: Lookup, numbers: dict[str, int]) -> list[str]:
    story = briefing.story
    outlets = ", ".join(escape(outlet) for outlet in briefing.outlets)
    count = count_label(len(story.article_ids), len(briefing.outlets))
    out = [
        f"## {number}. {escape(story.title)}",
        "",
        f"Story `{story.id}` · {count}" + (f": {outlets}" if outlets else ""),
        "",
        f"### Zusammenfassung ({briefing.summarizer}, {briefing.words} Wörter)",
        "",
    ]
    for line in briefing.summary:
        cited = []
        for citation in citations(line, lookup):
            cited_ids = dict.fromkeys(r.article_id for r in citation.refs if r.article_id in numbers)
            marks = "".join(f"[^{numbers[article_id]}]" for article_id in cited_ids)
            cited.append(escape(citation.outlet) + marks)
        out.append(f"- {escape(line.text)} \\[{', '.join(cited)}\\]")
    if not briefing.summary:
        out.append("- *keine Zusammenfassung*")
    out += ["", "### Quellen", "", "| Nr. | Titel | Medium | Datum | Pfad |", "|---:|---|---|---|---|"]
    for article in lookup.story_articles(story.article_ids):
        out.append(
            f"| {numbers[article.id]} | {escape(article.title)} | {escape(article.outlet)} "
            f"| {date_label(article.published)} | {escape(article.source)} |"
        )
    out.append("")
    return out


def _source_note(article: Article) -> str:
    note = f"{escape(article.outlet)}: „{escape(article.title)}“, {date_label(article.published)}"
    # The URL is written as text, not as a link; Markdown viewers may still autolink it.
    where = f"{escape(article.source)}, {escape(article.url)}" if article.url else escape(article.source)
    return f"{note}, {where}"


def _removals(articles: tuple[Article, ...]) -> list[str]:
    out = ["## Bereinigung", ""]
    for article in articles:
        out += [f"### {escape(article.title)} ({escape(article.outlet)}, `{article.id}`)", ""]
        if not article.removed:
            out.append("- *nichts entfernt*")
        for removal in article.removed:
            removed = f"„{escape(removal.text)}“ – {escape(removal.reason)}"
            out.append(f"- Zeile {removal.line}, `{removal.rule}`: {removed}")
        out.append("")
    return out


def _problems(digest: Digest) -> list[str]:
    out: list[str] = []
    if digest.skipped:
        out += [f"## Übersprungen ({len(digest.skipped)})", ""]
        out += [f"- {escape(s.path)} ({escape(s.stage)}): {escape(s.reason)}" for s in digest.skipped]
        out.append("")
    warnings = all_warnings(digest)
    if warnings:
        out += [f"## Warnungen ({len(warnings)})", ""]
        out += [f"- {escape(warning)}" for warning in warnings]
        out.append("")
    return out
