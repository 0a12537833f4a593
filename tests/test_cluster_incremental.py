"""Incremental story clustering (and the fast path that feeds it): stable ids, time window, merges, state."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

from nlp_builders import article

from presseschau.cluster.incremental import StoryClusterer, story_id
from presseschau.nlp.fast import FastFeatures, fast_features, publication_day, title_terms

# Two local events reported by three outlets each, in our own words.
FIRE = [
    "Im Hafen von Kranzbeck ist in der Nacht eine Lagerhalle mit Dünger abgebrannt. Die Feuerwehr Kranzbeck "
    "löschte den Großbrand mit achtzig Kräften.",
    "Die Polizei in Kranzbeck sucht nach der Ursache für den Großbrand im Hafen. Die Lagerhalle mit Dünger "
    "brannte völlig nieder, die Feuerwehr war die ganze Nacht im Einsatz.",
    "Nach dem Großbrand im Kranzbecker Hafen ist die Lagerhalle nicht mehr zu retten. Feuerwehr und Polizei "
    "sperrten den Hafen, weil Dünger in das Hafenbecken lief.",
]
BIKE = [
    "Der Stadtrat von Ollersdorf hat den Bau eines Radwegs an der Mühlenstraße beschlossen. Der Radweg "
    "kostet zwei Millionen Euro.",
    "Im Stadtrat von Ollersdorf stritten die Fraktionen lange über den Radweg an der Mühlenstraße, bevor die "
    "Mehrheit den Bau beschloss.",
    "Der neue Radweg an der Mühlenstraße in Ollersdorf soll im Herbst fertig sein, teilte der Stadtrat mit. "
    "Für den Bau wird die Straße gesperrt.",
]


def words(*terms: str, names: tuple[str, ...] = (), title: tuple[str, ...] = ()) -> FastFeatures:
    """Features with the given lemmas (each once), for tests that need exact control of the overlap."""
    return FastFeatures("de", dict.fromkeys(terms, 1), names, title)


def interleaved() -> list[tuple[str, FastFeatures, str]]:
    out = []
    for day, (fire, bike) in enumerate(zip(FIRE, BIKE, strict=True)):
        for text in (fire, bike):
            item = article(text, title="", published=f"2025-03-1{day}")
            out.append((item.id, fast_features(item), f"2025-03-1{day}"))
    return out


def test_interleaved_events_become_two_stories() -> None:
    clusterer = StoryClusterer()
    stories = [clusterer.add(key, features, day) for key, features, day in interleaved()]
    fire, bike = stories[0::2], stories[1::2]
    assert len(set(fire)) == 1 and len(set(bike)) == 1
    assert fire[0] != bike[0]


def test_story_ids_derive_from_the_first_article_and_never_change() -> None:
    items = interleaved()
    clusterer = StoryClusterer()
    first = [clusterer.add(key, features, day) for key, features, day in items[:2]]
    assert first == [story_id(items[0][0]), story_id(items[1][0])]
    later = [clusterer.add(key, features, day) for key, features, day in items[2:]]
    assert set(later) == set(first)
    assert clusterer.active() == {first[0]: 3, first[1]: 3}


def test_same_input_gives_the_same_stories_in_any_process() -> None:
    # Story sets are Python sets: their order changes with the hash seed, the result must not.
    script = textwrap.dedent("""
        from presseschau.cluster.incremental import StoryClusterer
        from presseschau.nlp.fast import FastFeatures
        c = StoryClusterer(threshold=0.05)
        for i in range(60):
            terms = {f"t{(i * 7 + k) % 23}": 1 + k % 3 for k in range(6)}
            c.add(f"a{i}", FastFeatures("de", terms, (f"n{i % 5}",), ()), f"2025-03-{1 + i % 9:02d}")
        print(sorted(c.active().items()), sorted(c.merge().items()))
    """)
    outputs = {subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                              env={"PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")}
    assert len(outputs) == 1 and outputs.pop().startswith("[(")


def test_articles_far_apart_in_time_never_join() -> None:
    same = words("hafen", "brand", "lagerhalle", "dünger")
    week = StoryClusterer(window_days=7)
    assert week.add("a", same, "2025-03-01") != week.add("b", same, "2025-04-01")
    # The first story left the window: it is closed and no longer held.
    assert list(week.active()) == [story_id("b")]
    season = StoryClusterer(window_days=60)
    assert season.add("a", same, "2025-03-01") == season.add("b", same, "2025-04-01")


def test_a_story_stays_open_while_articles_keep_coming() -> None:
    clusterer = StoryClusterer(window_days=7)
    same = words("hafen", "brand", "lagerhalle", "dünger")
    days = ["2025-03-01", "2025-03-06", "2025-03-12", "2025-03-18"]
    assert {clusterer.add(f"a{i}", same, day) for i, day in enumerate(days)} == {story_id("a0")}


def test_unrelated_and_empty_articles_start_their_own_stories() -> None:
    clusterer = StoryClusterer()
    fire = clusterer.add("a", words("hafen", "brand", "lagerhalle"), "2025-03-01")
    assert clusterer.add("b", words("radweg", "stadtrat", "haushalt"), "2025-03-01") != fire
    assert clusterer.add("c", words(), None) == story_id("c")
    assert clusterer.add("d", words("hafen", "brand", "feuerwehr"), None) == fire  # undated: counts as today


def test_an_agency_copy_does_not_raise_the_bar_for_other_reports() -> None:
    report = ("hafen", "brand", "lagerhalle", "dünger", "feuerwehr", "kranzbeck", "nacht", "einsatz")
    own_words = ("polizei", "ursache", "hafen", "brand", "sperrung", "hafenbecken", "umwelt", "messung")
    joined = {}
    for cap in (0.3, 1.0):
        clusterer = StoryClusterer(cohesion_cap=cap)
        for i in range(6):  # other news, so that IDF tells common from rare words
            clusterer.add(f"x{i}", words(f"anderes{i}", f"thema{i}", "jahr"), "2025-03-10")
        fire = clusterer.add("agency", words(*report), "2025-03-11")
        assert clusterer.add("copy", words(*report), "2025-03-11") == fire
        joined[cap] = clusterer.add("own report", words(*own_words), "2025-03-12") == fire
    # Uncapped, the copy (similarity 1) lifts the story's cohesion to 0.55 and its bar above the report's 0.18.
    assert joined == {0.3: True, 1.0: False}


def test_merge_joins_stories_that_grew_together() -> None:
    clusterer = StoryClusterer(merge_every=4)
    sequence = [
        ("a1", words("brand", "hafen", "halle", "feuer")),
        ("b1", words("polizei", "ermittlung", "ursache", "zeuge")),
        ("a2", words("brand", "hafen", "halle", "polizei", "ermittlung")),
        ("b2", words("polizei", "ermittlung", "ursache", "brand", "hafen")),
        ("a3", words("brand", "hafen", "halle", "feuer", "ursache", "zeuge")),
        ("b3", words("polizei", "ermittlung", "ursache", "zeuge", "halle", "feuer")),
    ]
    stories = []
    for n, (key, features) in enumerate(sequence):
        stories.append(clusterer.add(key, features, "2025-03-10"))
        if n == 1:
            assert clusterer.merge() == {}  # two different angles, not yet one story
    assert stories == [story_id("a1"), story_id("b1")] * 3
    assert clusterer.merge_due  # four articles since the last round
    assert clusterer.merge() == {story_id("b1"): story_id("a1")}  # the older story keeps its id
    assert not clusterer.merge_due
    assert clusterer.active() == {story_id("a1"): 6}
    assert clusterer.add("b4", words("polizei", "ermittlung", "zeuge"), "2025-03-11") == story_id("a1")


def test_saved_state_restores_to_identical_results() -> None:
    items = interleaved() * 2  # repeats join their own stories again
    keyed = [(f"{key}-{n}", features, day) for n, (key, features, day) in enumerate(items)]
    original = StoryClusterer(merge_every=3)
    for key, features, day in keyed[:5]:
        original.add(key, features, day)
    restored = StoryClusterer.from_state(json.loads(json.dumps(original.state())))
    assert restored.state() == original.state()
    results = []
    for clusterer in (original, restored):
        stories, merges = [], []
        for key, features, day in keyed[5:]:
            stories.append(clusterer.add(key, features, day))
            if clusterer.merge_due:
                merges.append(clusterer.merge())
        results.append((stories, merges, clusterer.state()))
    assert results[0] == results[1]
    assert results[0][2]["settings"]["merge_every"] == 3


def test_fast_features_lemmas_names_title_and_day() -> None:
    text = "Die Feuerwehr löschte den Brand im Hafen. Laut Polizei war die Halle des THW nicht betroffen."
    features = fast_features(article(text, title="Großbrand im Hafen von Kranzbeck", published="2025-03-12T08:30"))
    assert features.language == "de" and features.day == "2025-03-12"
    assert features.lemmas["hafen"] == 2  # headline and body
    assert "die" not in features.lemmas and "im" not in features.lemmas
    assert "kranzbeck" in features.names and "thw" in features.names
    assert "laut" not in features.names  # capitalised only because it opens a sentence
    assert features.title == ("grossbrand", "hafen", "kranzbeck")
    assert title_terms("Großbrand im Hafen von Kranzbeck", "de") == features.title


def test_fast_features_of_odd_text_are_empty_not_errors() -> None:
    for text in ("", "12 345 ... !!!", "\u200b\u00a0"):
        features = fast_features(article(text, title="", language="de"))
        assert not features.lemmas and not features.names
    assert publication_day("2025-13-40") is None and publication_day(None) is None
