"""Paraphrase alignment: a summary line cites every article that reports the same content, and no other."""

from __future__ import annotations

from nlp_builders import doc

from presseschau.brief.align import Aligner
from presseschau.brief.candidates import candidates


def test_paraphrases_in_other_outlets_are_found_and_unrelated_sentences_are_not() -> None:
    docs = [
        doc("Ein Großbrand hat am Dienstag eine Lagerhalle mit Chemikalien im Hafen von Lindholm zerstört. "
            "Die Feuerwehr aus Lindholm war am Dienstag bis in die Nacht im Hafen.", outlet="A"),
        doc("Im Hafen von Lindholm hat ein Großbrand am Dienstag eine Chemikalien-Lagerhalle zerstört. "
            "Die Bürgermeisterin von Lindholm dankte am Dienstag den Helfern im Hafen.", outlet="B"),
        doc("Die Handballer aus Lindholm gewannen am Dienstag ihr Heimspiel in der Halle am Hafen. "
            "Am Dienstag war im Hafen von Lindholm viel los.", outlet="C"),
    ]
    pool = candidates(docs)
    aligner = Aligner(pool)
    first = pool[0]
    refs = aligner.supports(first)
    assert refs[0] == first.ref
    assert {r.article_id for r in refs} == {docs[0].article.id, docs[1].article.id}
    assert refs[1].index == 0
