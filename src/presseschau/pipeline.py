"""The orchestrator: the only module that knows the order of Presseschau's stages.

``digest(paths, settings)`` runs, in order:

1. **ingest** (``ingest.read_inputs``): paths, folders (recursive) and ``-`` become ``RawArticle``s.
   Exit: every input is a RawArticle or a ``Skipped`` with its reason (missing, binary, too large, ...).
2. **clean** (``clean.clean``): RawArticle -> ``Article`` with headline, outlet, date and an audited
   removal log (copyright, bylines, datelines, photo credits, tag lines, repeated headlines).
   Exit: an Article with body text, or Skipped("clean", ...) when nothing is left.
3. **dedupe inputs**: the same article given twice (same content id) is used once; the repeat is Skipped.
4. **analyse** (``nlp.analyse``): Article -> ``Doc`` (language, sentences, tokens, lemmas, tags, kinds,
   time expressions resolved against the publication date, entity mentions, quotes, figures),
   in worker processes when there is enough text to pay for them. Exit: one Doc per Article; an
   unsupported language takes a basic path and adds a warning.
5. **cluster** (``cluster.stories.group``): Docs -> ``Story``s (lemma TF-IDF + names + time).
6. **brief**: per story, ``dedup`` finds wire copies (MinHash + sentence check; the earliest article is the
   origin) and machine-translation evidence, then ``brief.briefing.brief`` builds the ``Briefing``: summary
   within the word budget, every line citing all outlets that report it, timeline, entities, quotes,
   figures and disagreements, what only one outlet reports, copies and independent sources.
7. The ``Digest`` holds articles (the one table everything refers to), docs, briefings, skipped, warnings.
   Rendering (``render``) happens outside, from the Digest alone.

Raises ``NothingToDigestError`` when no input could be used; per-file problems never stop the batch.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TextIO

from presseschau.brief.briefing import brief, summary_texts, warm_up
from presseschau.clean import clean
from presseschau.cluster.stories import group
from presseschau.dedup.lineage import copies, independent_sources
from presseschau.dedup.translation import translation_flags
from presseschau.errors import NothingToDigestError
from presseschau.ingest import read_inputs
from presseschau.ingest.duc import read_clusters
from presseschau.lang import PRIMARY_LANGUAGE
from presseschau.model import Article, Briefing, Digest, Doc, Skipped, Story
from presseschau.nlp.analyse import analyse, detect_language, preload
from presseschau.settings import Settings

# Below this much text, starting worker processes costs more than it saves (each loads the models).
PARALLEL_MIN_CHARS = 12_000


def load_articles(
    paths: Sequence[str], settings: Settings, *, stdin: TextIO | None = None
) -> tuple[list[Article], list[Skipped]]:
    """Stages 1-3: read and clean every input; the same article given twice is kept once."""
    raws, skipped = read_inputs(paths, max_file_bytes=settings.max_file_bytes, stdin=stdin)
    articles: list[Article] = []
    seen: dict[str, str] = {}
    for raw in raws:
        result = clean(raw)
        if isinstance(result, Skipped):
            skipped.append(result)
        elif result.id in seen:
            skipped.append(Skipped(result.source, "dedupe", f"same article as {seen[result.id]}"))
        else:
            seen[result.id] = result.source
            articles.append(result)
    return articles, skipped


def analyse_all(articles: Sequence[Article], settings: Settings) -> list[Doc]:
    """Stage 4, in worker processes when it pays; results keep the input order."""
    workers = settings.workers or min(os.cpu_count() or 1, 2)
    total = sum(len(a.text) for a in articles)
    if workers <= 1 or len(articles) < 2 or total < PARALLEL_MIN_CHARS:
        return [analyse(a, detect_language(a)) for a in articles]
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods()
                                          else "spawn")
    # The workers start at once and load the tokenizer and tagger of the primary language while this
    # process identifies the languages (its model is large: loaded once, here, not per worker).
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=preload,
                             initargs=((PRIMARY_LANGUAGE,),)) as pool:
        for _ in range(workers):
            pool.submit(_ready)
        languages = [detect_language(a) for a in articles]
        # Longest first so the workers finish together.
        order = sorted(range(len(articles)), key=lambda i: -len(articles[i].text))
        results = pool.map(analyse, [articles[i] for i in order], [languages[i] for i in order], chunksize=1)
        warm_up(settings.summarizer)  # overlaps the summarizer's imports with the workers
        done = list(results)
    docs: list[Doc | None] = [None] * len(articles)
    for i, doc in zip(order, done, strict=True):
        docs[i] = doc
    return [d for d in docs if d is not None]


def _ready() -> None:
    """A no-op task: submitting it makes the pool start a worker (which runs its initializer) right away."""


def digest(paths: Sequence[str], settings: Settings | None = None, *, stdin: TextIO | None = None) -> Digest:
    """Everything from input paths to briefings; see the module docstring for the stages."""
    settings = settings or Settings()
    articles, skipped = load_articles(paths, settings, stdin=stdin)
    if not articles:
        raise NothingToDigestError(_nothing_message(paths, skipped))
    docs = analyse_all(articles, settings)
    warnings = [w for d in docs for w in d.warnings]
    stories = group(docs, threshold=settings.story_threshold, window_days=settings.story_window_days)
    by_id = {d.article.id: d for d in docs}
    briefings = tuple(brief_story(story, [by_id[a] for a in story.article_ids], settings) for story in stories)
    return Digest(articles=tuple(articles), docs=tuple(docs), briefings=briefings, skipped=tuple(skipped),
                  warnings=tuple(warnings))


def brief_story(story: Story, docs: Sequence[Doc], settings: Settings) -> Briefing:
    """Stage 6 for one story: wire-copy lineage and translation flags first, then the briefing."""
    links = copies(docs)
    return brief(story, docs, words=settings.words, summarizer=settings.summarizer, copies=links,
                 translations=translation_flags(docs), independent_sources=independent_sources(docs, links))


def summarize_corpus(
    root: Path, summarizers: Sequence[str], *, words: int, settings: Settings | None = None
) -> dict[str, dict[str, list[str]]]:
    """Benchmark path: every cluster of a DUC-style folder summarised by each named summarizer.

    Runs analyse on every document (in worker processes), then each summarizer per cluster with the same
    word budget it gets in ``digest``. Returns cluster -> summarizer -> summary sentences.
    """
    settings = settings or Settings()
    clusters = read_clusters(root)
    articles = [a for members in clusters.values() for a in members]
    docs = {d.article.id: d for d in analyse_all(articles, settings)}
    return {
        cluster: {name: summary_texts([docs[a.id] for a in members], words=words, summarizer=name)
                  for name in summarizers}
        for cluster, members in clusters.items()
    }


def _nothing_message(paths: Sequence[str], skipped: Sequence[Skipped]) -> str:
    lines = [f"nothing to digest in {', '.join(paths) or '(no paths)'}"]
    lines += [f"  {s.path}: {s.reason}" for s in skipped]
    lines.append("give files or folders of .txt, .md, .html, .json or .jsonl articles, or - for stdin")
    return "\n".join(lines)
