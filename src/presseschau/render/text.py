"""Terminal output: the digest as wrapped, readable text through rich, coloured only when asked."""

from __future__ import annotations

import io
from collections.abc import Callable

from rich import box
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from presseschau.model import Article, Briefing, Digest, SentenceRef
from presseschau.render import facts as f
from presseschau.render.view import Lookup, all_warnings, citations, cite, count_label, date_label, one_line


def render_text(digest: Digest, *, explain: bool = False, color: bool = False, width: int = 100) -> str:
    """The digest as terminal text; with ``color=False`` it is plain text without escape sequences."""
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        force_terminal=color,
        # "standard" (16 colours) looks the same on every terminal and does not depend on $COLORTERM.
        color_system="standard" if color else None,
        # Article text is data: brackets, ":emoji:" codes and numbers must come out exactly as written.
        markup=False,
        emoji=False,
        highlight=False,
        force_jupyter=False,
        force_interactive=False,
        legacy_windows=False,
    )
    lookup = Lookup.of(digest)
    for number, briefing in enumerate(digest.briefings, start=1):
        console.print(_briefing(number, briefing, lookup, width))
        console.print()
    if not digest.briefings:
        console.print(Text("Keine Geschichten gefunden.", style="bold"))
        console.print()
    if explain:
        console.print(_removals(digest.articles))
    console.print(_problems(digest))
    output = buffer.getvalue()
    if not color:
        # Tables pad cells to the full width; trailing blanks are noise in files and diffs.
        output = "\n".join(line.rstrip() for line in output.splitlines()) + "\n"
    return output


def _briefing(number: int, briefing: Briefing, lookup: Lookup, width: int) -> RenderableType:
    story = briefing.story
    meta = Text.assemble(
        (f"Story {story.id}", "dim"),
        " · ",
        count_label(len(story.article_ids), len(briefing.outlets)),
        ": " if briefing.outlets else "",
        ", ".join(briefing.outlets),
    )
    lines = []
    for line in briefing.summary:
        outlets = ", ".join(citation.outlet for citation in citations(line, lookup))
        lines.append(Text.assemble(one_line(line.text), " ", (f"[{outlets}]", "green")))
    if not lines:
        lines.append(Text("keine Zusammenfassung", style="italic"))
    method = Text(f"{briefing.summarizer}, {briefing.words} Wörter", style="dim")
    articles = lookup.story_articles(story.article_ids)
    parts: list[RenderableType] = [
        # A heading that wraps, with the rule below: a rule with a title would cut a long headline to "…".
        Text(f"{number}. {one_line(story.title)}", style="bold"),
        Rule(style="cyan"),
        meta,
        Text(),
        Text.assemble(("Zusammenfassung", "bold"), " (", method, ")"),
        _bullets(lines, "cyan"),
        Text(),
    ]
    for section in f.sections(briefing)[1:-1]:
        parts += [Text(section.title, style="bold"), _FACTS[section.key](briefing, lookup, width), Text()]
    parts.append(Text(f.sections(briefing)[-1].title, style="bold"))
    if f.has_copy_facts(briefing):
        parts += [_copies(briefing, lookup), Text()]
    parts.append(_sources_table(articles) if width >= TABLE_MIN_WIDTH else _sources_list(articles))
    return Group(*parts)


def _cited(outlets: tuple[str, ...], refs: tuple[SentenceRef, ...], lookup: Lookup) -> Text:
    return Text(f"[{', '.join(c.outlet for c in cite(outlets, refs, lookup))}]", style="green")


def _timeline(briefing: Briefing, lookup: Lookup, width: int) -> RenderableType:
    rows: list[tuple[str, Text]] = []
    for event in briefing.timeline:
        sentence = f.sentence_or_ref(event.refs[0], lookup) if event.refs else one_line(event.expression)
        said = Text.assemble(sentence, " ", _cited(event.outlets, event.refs, lookup))
        if event.first is None:
            # The expression goes with the sentence, so the date column stays as narrow as a date.
            rows.append((f"{f.UNCLEAR}:", Text.assemble(f"„{one_line(event.expression)}“ – ", said)))
        else:
            rows.append((f.when_label(event), said))
    if width < TABLE_MIN_WIDTH:
        return _bullets([Text.assemble((when.rstrip(":") + ":", "bold"), " ", said) for when, said in rows], "cyan")
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True, style="bold")
    # A bullet per event, so several events of one day (whose date is shown once) stay apart.
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1, overflow="fold")
    for (when, said), again in zip(rows, f.repeats(briefing.timeline), strict=True):
        grid.add_row("" if again else when, Text("•", style="cyan"), said)
    return Padding(grid, (0, 0, 0, 1))


def _entities(briefing: Briefing, lookup: Lookup, width: int) -> RenderableType:
    del lookup, width
    parts: list[RenderableType] = []
    for title, members in f.entity_groups(briefing.entities):
        entries = []
        for entity in members:
            entry = Text(one_line(entity.name), style="bold")
            if entity.roles:
                entry.append(f" ({', '.join(one_line(role) for role in entity.roles)})")
            if f.other_variants(entity):
                entry.append(f" – auch: {', '.join(f.other_variants(entity))}", style="dim")
            if entity.mentions:
                entry.append(f" – {f.mentions_label(entity)}", style="green")
            entries.append(entry)
        parts += [Padding(Text(title, style="italic"), (0, 0, 0, 1)), _bullets(entries, "cyan", indent=2)]
    return Group(*parts)


def _quotes(briefing: Briefing, lookup: Lookup, width: int) -> RenderableType:
    del width
    entries = []
    for quote in briefing.quotes:
        words = f"„{one_line(quote.text)}“" if quote.kind == "direct" else one_line(quote.text)
        entries.append(
            Text.assemble(
                words,
                " – ",
                (f.speaker_label(quote), "bold"),
                (f" ({f.quote_label(quote)}) ", "dim"),
                _cited(quote.outlets, quote.refs, lookup),
            )
        )
    return _bullets(entries, "cyan")


def _figures(briefing: Briefing, lookup: Lookup, width: int) -> RenderableType:
    del width
    entries = []
    for group in f.figures_in_order(briefing.figures):
        if group.disagree:
            entries.append(Text(f.disagreement_label(group), style="bold yellow"))
            continue
        outlets = tuple(value.outlet for value in group.values)
        refs = tuple(value.ref for value in group.values)
        entries.append(
            Text.assemble(f"{one_line(group.what)}: {f.agreed_value(group)} ", _cited(outlets, refs, lookup))
        )
    return _bullets(entries, "cyan")


def _only_in(briefing: Briefing, lookup: Lookup, width: int) -> RenderableType:
    del width
    parts: list[RenderableType] = []
    for only in briefing.only_in:
        entries = [
            Text.assemble(f.sentence_or_ref(refs[0], lookup), " ", _cited((only.outlet,), refs, lookup))
            for refs in f.claims(only, lookup)
        ]
        parts.append(Padding(Text(f"Nur bei {only.outlet}", style="italic"), (0, 0, 0, 1)))
        parts.append(_bullets(entries, "cyan", indent=2))
    return Group(*parts)


_FACTS: dict[str, Callable[[Briefing, Lookup, int], RenderableType]] = {
    f.TIMELINE.key: _timeline,
    f.ENTITIES.key: _entities,
    f.QUOTES.key: _quotes,
    f.FIGURES.key: _figures,
    f.ONLY_IN.key: _only_in,
}


def _copies(briefing: Briefing, lookup: Lookup) -> RenderableType:
    parts: list[RenderableType] = [Text(f.sources_label(briefing))]
    for link in briefing.copies:
        parts.append(_bullets([Text(f.copy_label(link, lookup))], "cyan"))
        # "+" marks what the copy added, "−" what it cut from the origin, as in a diff.
        parts.append(_bullets([Text(f.sentence_or_ref(ref, lookup)) for ref in link.added], "green", 3, "+"))
        parts.append(_bullets([Text(f.sentence_or_ref(ref, lookup)) for ref in link.cut], "red", 3, "−"))
    for flag in briefing.translations:
        parts.append(_bullets([Text(f.translation_label(flag, lookup), style="yellow")], "cyan"))
        parts.append(_bullets([Text(one_line(evidence)) for evidence in flag.evidence], "yellow", indent=3))
    return Group(*parts)


TABLE_MIN_WIDTH = 72
"""Below this many columns a four-column table folds words into fragments; a list reads better there."""


def _sources_table(articles: list[Article]) -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=True)
    # Long titles and paths fold onto the next line rather than being cut to "…": a source the reader
    # cannot identify is worse than a ragged column. Outlet and date are short and stay whole.
    table.add_column("Titel", ratio=3, overflow="fold")
    table.add_column("Medium", no_wrap=True)
    table.add_column("Datum", no_wrap=True)
    table.add_column("Pfad", ratio=2, overflow="fold")
    for article in articles:
        table.add_row(one_line(article.title), article.outlet, date_label(article.published), article.source)
    return table


def _sources_list(articles: list[Article]) -> RenderableType:
    entries = [
        Text.assemble(
            one_line(article.title),
            (f" – {article.outlet}, {date_label(article.published)}, ", "dim"),
            (article.source, "dim"),
        )
        for article in articles
    ]
    return _bullets(entries, "cyan")


def _bullets(entries: list[Text], style: str, indent: int = 1, mark: str = "•") -> RenderableType:
    """A bulleted list whose wrapped lines hang under the text, not under the bullet."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1, overflow="fold")
    for entry in entries:
        grid.add_row(Text(mark, style=style), entry)
    return Padding(grid, (0, 0, 0, indent))


def _removals(articles: tuple[Article, ...]) -> RenderableType:
    parts: list[RenderableType] = [Text("Bereinigung", style="bold"), Rule(style="cyan")]
    for article in articles:
        parts.append(Text.assemble((one_line(article.title), "bold"), f" ({article.outlet}, {article.id})"))
        entries = [
            Text.assemble(
                (f"Zeile {removal.line}", "dim"),
                " ",
                (removal.rule, "yellow"),
                f": „{one_line(removal.text)}“ – {removal.reason}",
            )
            for removal in article.removed
        ]
        parts.append(_bullets(entries or [Text("nichts entfernt", style="dim")], "yellow", indent=2))
    parts.append(Text())
    return Group(*parts)


def _problems(digest: Digest) -> RenderableType:
    parts: list[RenderableType] = []
    if digest.skipped:
        parts.append(Text(f"Übersprungen ({len(digest.skipped)})", style="bold"))
        entries = [
            Text.assemble(skipped.path, (f" [{skipped.stage}]", "dim"), ": ", skipped.reason)
            for skipped in digest.skipped
        ]
        parts += [_bullets(entries, "red", indent=0), Text()]
    warnings = all_warnings(digest)
    if warnings:
        parts.append(Text(f"Warnungen ({len(warnings)})", style="bold"))
        parts.append(_bullets([Text(warning) for warning in warnings], "yellow", indent=0))
    return Group(*parts)
