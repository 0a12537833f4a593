"""Analysis stage: sentences as offsets, lemmas, tags, sentence kinds, language paths."""

from __future__ import annotations

from pathlib import Path

import pytest
from nlp_builders import article, doc

from presseschau.features import sentence_features
from presseschau.nlp import langid
from presseschau.nlp.analyse import analyse


def test_sentences_are_offsets_into_the_article_text() -> None:
    d = doc("Der Bürgermeister sprach am Montag. Die Feuerwehr löschte den Brand.\nEin zweiter Absatz folgt hier.")
    texts = [d.text_of(s) for s in d.sentences]
    assert texts == ["Der Bürgermeister sprach am Montag.", "Die Feuerwehr löschte den Brand.",
                     "Ein zweiter Absatz folgt hier."]
    assert [s.paragraph for s in d.sentences] == [0, 0, 1]
    assert [d.token_text(t) for t in d.sentences[1].tokens][:3] == ["Die", "Feuerwehr", "löschte"]


def test_german_lemmas_and_tags_come_from_hanta() -> None:
    d = doc("Die Feuerwehrleute löschten gestern mehrere Brände in den USA.")
    lemmas = {d.token_text(t): (t.lemma, t.pos) for t in d.sentences[0].tokens}
    assert lemmas["löschten"][0] == "löschen"
    assert lemmas["Brände"][0] == "Brand"
    assert lemmas["löschten"][1].startswith("VV")
    assert lemmas["USA"][0] == "USA"  # HanTa would write "Usa"


def test_heading_and_caption_kinds() -> None:
    d = doc("Einleitung des Artikels mit einem Verb steht hier.\nDie Lage am Hafen\n"
            "Bürgermeisterin Ahlers und Brandmeister Brodersen.\nDanach sprach die Bürgermeisterin lange.")
    kinds = [s.kind for s in d.sentences]
    assert kinds == ["body", "heading", "caption", "body"]


def test_language_is_identified_when_metadata_has_none() -> None:
    d = analyse(article("The fire brigade said on Tuesday that the warehouse fire was under control. "
                        "Residents were allowed to return home in the evening.", language=None))
    assert d.language == "en"
    assert len(d.sentences) == 2
    assert not d.warnings


def test_unsupported_language_takes_basic_path_with_warning() -> None:
    d = analyse(article("Le feu a détruit un entrepôt du port mardi soir. Les pompiers ont travaillé toute la nuit "
                        "pour éteindre les flammes.", language=None))
    assert d.language == "fr"
    assert len(d.sentences) == 2
    assert d.warnings and "not supported" in d.warnings[0]


def test_name_variants_give_the_same_terms() -> None:
    a = doc("Kim Jong-un reiste nach Moskau.")
    b = doc("Kim Jong Un reiste nach Moskau.")
    fa = sentence_features(a, a.sentences[0])
    fb = sentence_features(b, b.sentences[0])
    assert fa.terms == fb.terms
    assert {"kim", "jong", "un"} <= fa.names


def test_language_model_cache_is_written_and_a_corrupt_one_is_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PRESSESCHAU_CACHE", str(tmp_path))
    langid._identifier.cache_clear()
    assert langid.identify("Die Feuerwehr löschte am Dienstag einen Brand im Hafen.") == "de"
    (cached,) = tmp_path.glob("py3langid-*.pickle")
    cached.write_bytes(b"not a pickle")
    langid._identifier.cache_clear()
    assert langid.identify("The fire brigade put out a fire in the harbour on Tuesday.") == "en"
    assert cached.stat().st_size > 1000
    langid._identifier.cache_clear()
