"""Markdown output: a heading per story, cited summary bullets, source tables and footnotes."""

from __future__ import annotations

import re

from presseschau.model import Article, Briefing, Digest, SentenceRef
from presseschau.render import facts as f
from presseschau.render.view import Citation, Lookup, all_warnings, citations, cite, count_label, date_label, one_line

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
        out.append(f"- {escape(line.text)} {_cited(citations(line, lookup), numbers)}")
    if not briefing.summary:
        out.append("- *keine Zusammenfassung*")
    out.append("")
    facts = _Facts(briefing, lookup, numbers)
    for section in f.sections(briefing)[1:-1]:
        out += [f"### {section.title}", "", *facts.lines(section.key), ""]
    out += [f"### {f.sections(briefing)[-1].title}", ""]
    if f.has_copy_facts(briefing):
        out += [*facts.copies(), ""]
    out += ["| Nr. | Titel | Medium | Datum | Pfad |", "|---:|---|---|---|---|"]
    for article in lookup.story_articles(story.article_ids):
        out.append(
            f"| {numbers[article.id]} | {escape(article.title)} | {escape(article.outlet)} "
            f"| {date_label(article.published)} | {escape(article.source)} |"
        )
    out.append("")
    return out


def _outlet(citation: Citation, numbers: dict[str, int]) -> str:
    """The outlet with a footnote mark per article it is cited from."""
    cited_ids = dict.fromkeys(r.article_id for r in citation.refs if r.article_id in numbers)
    return escape(citation.outlet) + "".join(f"[^{numbers[article_id]}]" for article_id in cited_ids)


def _cited(cited: tuple[Citation, ...], numbers: dict[str, int]) -> str:
    return f"\\[{', '.join(_outlet(citation, numbers) for citation in cited)}\\]"


class _Facts:
    """The fact sections of one briefing as Markdown lines, one method per section."""

    def __init__(self, briefing: Briefing, lookup: Lookup, numbers: dict[str, int]) -> None:
        self.briefing, self.lookup, self.numbers = briefing, lookup, numbers

    def _cite(self, outlets: tuple[str, ...], refs: tuple[SentenceRef, ...]) -> str:
        return _cited(cite(outlets, refs, self.lookup), self.numbers)

    def _sentence(self, ref: SentenceRef) -> str:
        return escape(f.sentence_or_ref(ref, self.lookup))

    def lines(self, key: str) -> list[str]:
        sections = {
            f.TIMELINE.key: self.timeline,
            f.ENTITIES.key: self.entities,
            f.QUOTES.key: self.quotes,
            f.FIGURES.key: self.figures,
            f.ONLY_IN.key: self.only_in,
        }
        return sections[key]()

    def timeline(self) -> list[str]:
        out = []
        # One item per day, its events below it: a day with many events names its date once.
        for event, again in zip(self.briefing.timeline, f.repeats(self.briefing.timeline), strict=True):
            said = self._sentence(event.refs[0]) if event.refs else escape(event.expression)
            if not again:
                out.append(f"- **{escape(f.when_label(event))}**")
            out.append(f"  - {said} {self._cite(event.outlets, event.refs)}")
        return out

    def entities(self) -> list[str]:
        out = []
        for title, members in f.entity_groups(self.briefing.entities):
            out += [f"#### {title}", ""]
            for entity in members:
                entry = f"- **{escape(entity.name)}**"
                if entity.roles:
                    entry += f" ({', '.join(escape(role) for role in entity.roles)})"
                if f.other_variants(entity):
                    entry += f" – auch: {', '.join(escape(v) for v in f.other_variants(entity))}"
                if entity.mentions:
                    entry += f" – {escape(f.mentions_label(entity))}"
                out.append(entry)
            out.append("")
        return out[:-1]

    def quotes(self) -> list[str]:
        out = []
        for quote in self.briefing.quotes:
            words = f"„{escape(quote.text)}“" if quote.kind == "direct" else escape(quote.text)
            meta = f"**{escape(f.speaker_label(quote))}** ({escape(f.quote_label(quote))})"
            out += [f"> {words}", ">", f"> — {meta} {self._cite(quote.outlets, quote.refs)}", ""]
        return out[:-1]

    def figures(self) -> list[str]:
        out = []
        for group in f.figures_in_order(self.briefing.figures):
            if group.disagree:
                values = "; ".join(
                    f"{', '.join(_outlet(Citation(v.outlet, (v.ref,)), self.numbers) for v in values)}: {escape(text)}"
                    for text, values in f.readings(group)
                )
                out.append(f"- **Abweichung: {escape(group.what)}** — {values}")
            else:
                outlets = tuple(v.outlet for v in group.values)
                cited = self._cite(outlets, tuple(v.ref for v in group.values))
                out.append(f"- {escape(group.what)}: {escape(f.agreed_value(group))} {cited}")
        return out

    def only_in(self) -> list[str]:
        out = []
        for only in self.briefing.only_in:
            out.append(f"- **Nur bei {_outlet(Citation(only.outlet, only.refs), self.numbers)}**")
            claims = f.claims(only, self.lookup)
            out += [f"  - {self._sentence(refs[0])} {self._cite((only.outlet,), refs)}" for refs in claims]
        return out

    def copies(self) -> list[str]:
        out = [escape(f.sources_label(self.briefing)), ""]
        for link in self.briefing.copies:
            out.append(f"- {escape(f.copy_label(link, self.lookup))}")
            out += [f"  - ergänzt: {self._sentence(ref)}" for ref in link.added]
            out += [f"  - gekürzt: {self._sentence(ref)}" for ref in link.cut]
        for flag in self.briefing.translations:
            out.append(f"- {escape(f.translation_label(flag, self.lookup))}")
            out += [f"  - {escape(evidence)}" for evidence in flag.evidence]
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
