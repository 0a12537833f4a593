"""Behaviour of the baseline summarizers (LexRank, TextRank, KLSum) and their shared graph helpers."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from nlp_builders import doc

from presseschau.brief.candidates import Candidate, candidates
from presseschau.brief.summarize import SUMMARIZERS
from presseschau.brief.summarize.graph import MAX_SIMILARITY, cosine, pagerank, pick_diverse, rank, term_counts, tfidf
from presseschau.brief.summarize.klsum import KLSumSummarizer, kl_divergence
from presseschau.brief.summarize.lexrank import LexRankSummarizer
from presseschau.brief.summarize.textrank import TextRankSummarizer, overlap_similarity
from presseschau.errors import SettingsError
from presseschau.model import SentenceRef
from presseschau.registry import build

BASELINES = ["klsum", "lexrank", "textrank"]
GRAPHS = ["lexrank", "textrank"]

# One sentence shares a term with each of three others, which share nothing with each other; a fifth
# shares nothing at all. The hub is the second sentence of its article, so position cannot explain a win.
HUB = "Feuerwehr und Polizei meldeten am Abend einen hohen Schaden an der Bundesstraße."
STAR = [
    doc("Die Feuerwehr rückte am Morgen mit zwanzig Fahrzeugen zum Einsatz aus. " + HUB,
        outlet="Nordkurier", published="2025-01-01"),
    doc("Die Polizei sperrte die Bundesstraße für mehrere Stunden in beide Richtungen. "
        "Die Anwohner verfolgten das Geschehen gespannt von ihren Balkonen.",
        outlet="Hafenblatt", published="2025-01-02"),
    doc("Ein Gutachter schätzt den Schaden auf eine halbe Million Euro.", outlet="Abendpost", published="2025-01-02"),
]
# Storm, bridge and river run through every article; the fisherman's dog appears once.
BRIDGE = [
    doc("Der Sturm hat die Brücke über den Fluss am Dienstag schwer beschädigt. "
        "Ein Fischer erzählte von seinem Hund und dem alten Boot im Schuppen.",
        outlet="Nordkurier", published="2025-02-01"),
    doc("Nach dem Sturm bleibt die Brücke über den Fluss vorerst für den Verkehr gesperrt. "
        "Die Stadt prüft nun, wann die Brücke über den Fluss wieder öffnen kann.",
        outlet="Hafenblatt", published="2025-02-02"),
    doc("Der Sturm hat die Brücke über den Fluss am Dienstag stark beschädigt. "
        "Pendler müssen wegen der gesperrten Brücke einen Umweg über die Autobahn nehmen.",
        outlet="Abendpost", published="2025-02-02"),
]


def texts(pool: list[Candidate], refs: list[SentenceRef]) -> list[str]:
    by_ref = {c.ref: c.text for c in pool}
    return [by_ref[r] for r in refs]


@pytest.mark.parametrize("name", GRAPHS)
def test_graph_summarizers_pick_the_sentence_that_links_all_others(name: str) -> None:
    pool = candidates(STAR)
    hub = next(c for c in pool if c.text == HUB)
    # The budget holds any one sentence but no two.
    refs = SUMMARIZERS[name]().summarize(pool, words=hub.words)
    assert refs == [hub.ref]


@pytest.mark.parametrize("summarizer", [LexRankSummarizer(), LexRankSummarizer(threshold=None), TextRankSummarizer()])
def test_centrality_is_a_distribution_peaking_at_the_hub(summarizer: LexRankSummarizer | TextRankSummarizer) -> None:
    pool = candidates(STAR)
    scores = summarizer.scores(pool)
    assert scores.sum() == pytest.approx(1.0)
    assert pool[int(np.argmax(scores))].text == HUB
    isolated = next(i for i, c in enumerate(pool) if c.text.startswith("Die Anwohner"))
    assert int(np.argmin(scores)) == isolated  # off topic ranks last


def test_klsum_prefers_words_the_whole_story_uses() -> None:
    pool = candidates(BRIDGE)
    chosen = texts(pool, KLSumSummarizer().summarize(pool, words=14))
    assert len(chosen) == 1
    assert "Brücke" in chosen[0] and "Sturm" in chosen[0]
    assert not any("Fischer" in t for t in chosen)


@pytest.mark.parametrize("name", BASELINES)
def test_a_sentence_that_still_fits_is_left_out_only_as_redundant(name: str) -> None:
    pool = candidates(BRIDGE)
    budget = 40
    refs = SUMMARIZERS[name]().summarize(pool, words=budget)
    assert refs
    left = budget - sum(c.words for c in pool if c.ref in refs)
    fitting = [i for i, c in enumerate(pool) if c.ref not in refs and c.eligible and c.words <= left]
    chosen = [i for i, c in enumerate(pool) if c.ref in refs]
    overlap = cosine(term_counts(pool))
    for i in fitting:
        assert name != "klsum"  # KLSum fills its budget
        assert overlap[i, chosen].max() > MAX_SIMILARITY


NEAR_COPY = "Der Sturm hat die Brücke über den Fluss am Dienstag"


# Graph summarizers given room for the whole story; KLSum room for half of it (given the whole story's
# length it rightly takes everything).
@pytest.mark.parametrize(("name", "budget"), [("lexrank", 1000), ("textrank", 1000), ("klsum", 40)])
def test_near_identical_sentences_are_not_both_chosen(name: str, budget: int) -> None:
    pool = candidates(BRIDGE)
    chosen = texts(pool, SUMMARIZERS[name]().summarize(pool, words=budget))
    assert chosen
    assert len([t for t in chosen if t.startswith(NEAR_COPY)]) == 1


def test_it_is_the_redundancy_skip_that_keeps_the_near_copy_out() -> None:
    pool = candidates(BRIDGE)
    chosen = texts(pool, LexRankSummarizer(max_similarity=1.01).summarize(pool, words=1000))
    assert len([t for t in chosen if t.startswith(NEAR_COPY)]) == 2


@pytest.mark.parametrize("name", BASELINES)
def test_budget_smaller_than_every_sentence_gives_nothing(name: str) -> None:
    pool = candidates(BRIDGE)
    assert SUMMARIZERS[name]().summarize(pool, words=min(c.words for c in pool) - 1) == []
    assert SUMMARIZERS[name]().summarize(pool, words=0) == []


@pytest.mark.parametrize("name", BASELINES)
def test_ineligible_sentences_are_never_chosen_even_when_central(name: str) -> None:
    pool = [c if c.text != HUB else replace(c, eligible=False) for c in candidates(STAR)]
    refs = SUMMARIZERS[name]().summarize(pool, words=1000)
    assert refs
    assert HUB not in texts(pool, refs)


@pytest.mark.parametrize("name", BASELINES)
def test_unknown_or_invalid_options_are_settings_errors(name: str) -> None:
    with pytest.raises(SettingsError):
        build("summarizer", SUMMARIZERS, name, {"nonsense": 1})
    with pytest.raises(SettingsError):
        build("summarizer", SUMMARIZERS, "klsum", {"smoothing": 0})


def test_options_reach_the_summarizer() -> None:
    lexrank = build("summarizer", SUMMARIZERS, "lexrank", {"threshold": None, "max_similarity": 0.9})
    assert isinstance(lexrank, LexRankSummarizer)
    assert lexrank.threshold is None and lexrank.max_similarity == 0.9


@pytest.mark.parametrize("name", BASELINES)
def test_a_duc_sized_cluster_gets_a_full_summary(name: str) -> None:
    # Speed is measured in bench/ (docs/BENCHMARKS.md), not here; this checks a DUC-sized input works.
    pool = _synthetic_cluster(documents=10, sentences=30)
    refs = SUMMARIZERS[name]().summarize(pool, words=100)
    by_ref = {c.ref: c for c in pool}
    assert refs and 60 <= sum(by_ref[r].words for r in refs) <= 100


# Graph helpers


def test_pagerank_ranks_the_centre_of_a_star_first_and_spreads_dangling_nodes() -> None:
    star = np.zeros((4, 4))
    star[0, 1:] = star[1:, 0] = 1.0
    scores = pagerank(star)
    assert scores.sum() == pytest.approx(1.0)
    assert scores[0] > scores[1] == pytest.approx(scores[2])
    assert pagerank(np.zeros((3, 3))) == pytest.approx(np.full(3, 1 / 3))
    assert pagerank(np.zeros((0, 0))).shape == (0,)


def test_textrank_similarity_follows_mihalcea_and_tarau() -> None:
    # Sets {a, b, c} and {b, c, d, e}: overlap 2 over log 3 + log 4; one-term sets keep their raw overlap.
    counts = np.array([[1, 1, 1, 0, 0], [0, 2, 1, 1, 1], [0, 0, 0, 0, 1], [0, 0, 0, 0, 3]], dtype=float)
    similarity = overlap_similarity(counts)
    assert similarity[0, 1] == pytest.approx(2 / (np.log(3) + np.log(4)))
    assert similarity[2, 3] == 1.0
    assert similarity[1, 0] == similarity[0, 1]
    assert np.diag(similarity).sum() == 0.0


def test_idf_never_zeroes_a_shared_term_and_empty_rows_have_no_similarity() -> None:
    counts = np.array([[1, 1, 0], [1, 0, 1], [0, 0, 0]], dtype=float)
    weighted = tfidf(counts)
    assert (weighted[0] > 0).sum() == 2
    similarity = cosine(weighted)
    assert similarity[2].sum() == 0.0
    assert similarity[0, 0] == pytest.approx(1.0)


def test_kl_divergence_vanishes_only_for_the_story_distribution() -> None:
    target = np.array([0.5, 0.25, 0.25])
    same = kl_divergence(target, np.array([[2.0, 1.0, 1.0]]), 1e-9)
    assert same[0] == pytest.approx(0.0, abs=1e-6)
    skewed = kl_divergence(target, np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 1.0], [1.0, 1.0, 1.0]]), 0.01)
    assert (skewed > 0.01).all()
    assert skewed[2] == skewed.min()  # missing nothing beats missing half the story


def test_ties_go_to_the_smaller_ref_and_redundant_picks_are_skipped() -> None:
    pool = candidates(BRIDGE)
    assert rank(pool, np.ones(len(pool))) == sorted(range(len(pool)), key=lambda i: pool[i].ref)
    everything = cosine(np.ones((len(pool), 1)))  # every pair identical
    assert len(pick_diverse(pool, range(len(pool)), everything, 1000)) == 1


def _synthetic_cluster(*, documents: int, sentences: int) -> list[Candidate]:
    """Candidates with Zipf-distributed terms, built directly: the analysis stage is not what is timed."""
    rng = np.random.default_rng(7)
    vocabulary = [f"wort{i}" for i in range(3000)]
    out = []
    for d in range(documents):
        for s in range(sentences):
            ids = np.minimum(rng.zipf(1.3, size=int(rng.integers(6, 18))), len(vocabulary)) - 1
            terms = tuple(vocabulary[i] for i in ids)
            out.append(Candidate(ref=SentenceRef(f"doc{d:02d}", s), text=" ".join(terms), terms=terms,
                                 words=len(terms) + 5, position=s, doc_sentences=sentences, source=f"doc{d:02d}",
                                 published="2025-01-01", eligible=True))
    return out
