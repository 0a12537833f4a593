"""Quotes and their speakers (direct, indirect, attribution, false positives) and quote groups across outlets."""

from __future__ import annotations

import dataclasses
import importlib.util
import random
from pathlib import Path

import pytest
from nlp_builders import doc

from presseschau.brief.align import Aligner
from presseschau.brief.candidates import candidates
from presseschau.brief.quotes import quote_groups
from presseschau.model import Doc
from presseschau.nlp.quotes import find_quotes


def quotes(text: str, language: str = "de") -> list[tuple[str, str, str | None]]:
    d = doc(text, language=language)
    return [(q.kind, d.article.text[q.start : q.end], q.speaker) for q in find_quotes(d)]


SCHLEUSEN = "Wir öffnen die Schleusen heute Nacht"


@pytest.mark.parametrize(
    "marks", [("„", "“"), ('"', '"'), ("»", "«"), ("«", "»"), ("‚", "‘")],
)
def test_every_german_quote_style_gives_the_words_without_marks_and_the_speaker(marks: tuple[str, str]) -> None:
    text = f"{marks[0]}{SCHLEUSEN}{marks[1]}, sagte Pegelwart Jens Ahrens."
    assert quotes(text) == [("direct", SCHLEUSEN, "Jens Ahrens")]


@pytest.mark.parametrize(
    "text",
    ["“We are opening the gates tonight,” said lock keeper Sam Rowe.",
     '"We are opening the gates tonight," said lock keeper Sam Rowe.'],
)
def test_english_quote_styles_drop_the_comma_inside_the_marks(text: str) -> None:
    assert quotes(text, "en") == [("direct", "We are opening the gates tonight", "Sam Rowe")]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("„Der Hafen bleibt bis Freitag gesperrt“, so Hafenkapitän Nils Grote.", "Nils Grote"),
        ("„Der Hafen bleibt bis Freitag gesperrt“, teilte die Hafenbehörde am Abend mit.", "die Hafenbehörde"),
        ("„Der Hafen bleibt bis Freitag gesperrt“, sagte die Senatorin Elke Marx am Mittwoch in Bremen.", "Elke Marx"),
        ("Regierungssprecher Tobias Lind sagte: „Der Hafen bleibt bis Freitag gesperrt.“", "Tobias Lind"),
        ("„Der Hafen bleibt bis Freitag gesperrt“, sagte ein Sprecher des Verkehrsministeriums.",
         "ein Sprecher des Verkehrsministeriums"),
        ("„Der Hafen bleibt bis Freitag gesperrt“, sagte der Leiter der Behörde, Ole Brandt, am Morgen.", "Ole Brandt"),
        ("„Der Hafen bleibt bis Freitag gesperrt“, hatte Senatorin Elke Marx am Vortag erklärt.", "Elke Marx"),
    ],
)
def test_the_speaker_after_or_before_the_quote_without_role_nouns(text: str, speaker: str) -> None:
    found = quotes(text)
    assert len(found) == 1 and found[0][0] == "direct"
    assert found[0][1].startswith("Der Hafen bleibt bis Freitag gesperrt")
    assert found[0][2] == speaker


def test_speaker_across_a_sentence_boundary_both_ways() -> None:
    after = quotes("„Die Mannschaft hat Charakter gezeigt.“ Das sagte Vereinschef Uwe Hartlieb nach dem Spiel.")
    assert after == [("direct", "Die Mannschaft hat Charakter gezeigt.", "Uwe Hartlieb")]
    before = quotes("Richterin Helga Baumann wandte sich an die Angeklagten:\n„Sie haben das Vertrauen missbraucht.“")
    assert before == [("direct", "Sie haben das Vertrauen missbraucht.", "Helga Baumann")]


def test_pronoun_speakers_resolve_to_the_last_named_person() -> None:
    found = quotes("Bürgermeister Olaf Brinkmann besuchte am Mittag die Notunterkunft. "
                   "„Ich danke allen Freiwilligen von Herzen“, sagte er. Er sei stolz auf die Stadt.")
    assert found == [("direct", "Ich danke allen Freiwilligen von Herzen", "Olaf Brinkmann"),
                     ("indirect", "Er sei stolz auf die Stadt", "Olaf Brinkmann")]


def test_a_quote_over_several_sentences_is_one_quote_and_a_bare_follow_up_quote_keeps_the_speaker() -> None:
    d = doc("Die Feuerwehr war die ganze Nacht im Einsatz. „Das Feuer ist aus. Die Nachbarhalle ist sicher. "
            "Wir bleiben bis morgen hier“, sagte Einsatzleiter Karsten Maibaum. „Niemand wurde verletzt.“")
    found = find_quotes(d)
    assert [d.article.text[q.start : q.end] for q in found] == [
        "Das Feuer ist aus. Die Nachbarhalle ist sicher. Wir bleiben bis morgen hier", "Niemand wurde verletzt."]
    assert found[0].sentence == 1 and d.sentence_of(found[0].end) > 1
    assert [q.speaker for q in found] == ["Karsten Maibaum", "Karsten Maibaum"]


def test_a_nested_quote_belongs_to_the_outer_one() -> None:
    found = quotes("„Er sprach von einem ‚schwarzen Tag‘ für die Branche, und da hat er recht“, sagte Tanja Ruhl.")
    assert found == [("direct", "Er sprach von einem ‚schwarzen Tag‘ für die Branche, und da hat er recht",
                      "Tanja Ruhl")]


@pytest.mark.parametrize(
    ("text", "clause", "speaker"),
    [
        ("Ministerpräsidentin Anke Roloff sagte, das Land werde die Kosten übernehmen.",
         "das Land werde die Kosten übernehmen", "Anke Roloff"),
        ("Die Polizei teilte mit, dass der Fahrer zu schnell gewesen sei.", "der Fahrer zu schnell gewesen sei",
         "die Polizei"),
        ("Der Schaden liege bei mehreren Millionen Euro, sagte ein Sprecher der Stadtwerke.",
         "Der Schaden liege bei mehreren Millionen Euro", "ein Sprecher der Stadtwerke"),
        ("Er hoffe, dass die Gespräche bald weitergehen, fügte Verhandlungsführer Timo Brandt hinzu.",
         "Er hoffe, dass die Gespräche bald weitergehen", "Timo Brandt"),
        ("Laut Staatsanwalt Bernd Kühne habe der Angeklagte gestanden.", "habe der Angeklagte gestanden",
         "Bernd Kühne"),
        ("Dem Wetterdienst zufolge sei mit Starkregen zu rechnen.", "sei mit Starkregen zu rechnen", "Wetterdienst"),
        ("Nach Angaben des Militärs seien die Raketen ins Meer gestürzt.", "seien die Raketen ins Meer gestürzt",
         "Militär"),
        ("Die Raketen seien ins Meer gestürzt, so das Verteidigungsministerium.", "Die Raketen seien ins Meer gestürzt",
         "das Verteidigungsministerium"),
        ("Nach ersten Angaben seien drei Keller überflutet worden.", "seien drei Keller überflutet worden", None),
        ("Einige sagten, die Stadt habe zu spät gewarnt.", "die Stadt habe zu spät gewarnt", None),
    ],
)
def test_indirect_speech_with_its_speaker_or_none(text: str, clause: str, speaker: str | None) -> None:
    assert quotes(text) == [("indirect", clause, speaker)]


def test_subjunctive_that_continues_reported_speech_keeps_the_speaker_but_a_new_paragraph_does_not() -> None:
    found = quotes("Gewerkschaftschefin Sabine Ortmann erklärte, die Beschäftigten würden ab Montag streiken. "
                   "Man habe lange genug gewartet.\nDie Firma habe keine Zeit verloren.")
    assert found == [("indirect", "die Beschäftigten würden ab Montag streiken", "Sabine Ortmann"),
                     ("indirect", "Man habe lange genug gewartet", "Sabine Ortmann")]


@pytest.mark.parametrize(
    "text",
    [
        "Wäre der Damm gebrochen, hätte das ganze Dorf unter Wasser gestanden.",
        "Die Forscher tauften die neue Rakete auf den Namen „Angara“.",
        "Kim versprach Hilfe an der „antiimperialistischen“ Front.",
        "Das Boot trägt den Namen „Seestern der Nordsee“ und liegt im Hafen.",
        "Die Partei sieht sich als „Stimme der Vernunft“ in der Debatte.",
        "Nach Angaben der Veranstalter kamen rund 2000 Besucher zum Stadtfest.",
        "Medienberichten zufolge hat der Verein einen neuen Stürmer verpflichtet.",
        "Der Wetterdienst warnte vor Sturm. Es könnte am Abend Hagel geben.",
    ],
)
def test_scare_quotes_titles_conditionals_and_plain_statements_are_no_quotes(text: str) -> None:
    assert quotes(text) == []


def test_a_short_quote_is_kept_when_a_frame_attributes_it() -> None:
    assert quotes("„Niemals!“, sagte Trainerin Maren Kolbe.") == [("direct", "Niemals!", "Maren Kolbe")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"These families need our help now," she said.', [("direct", "These families need our help now", None)]),
        ('Mayor Ann Cole visited the shelter. "These families need our help now," she said.',
         [("direct", "These families need our help now", "Ann Cole")]),
        ("Police spokesman Tom Reilly said that no one had been injured.",
         [("indirect", "no one had been injured", "Tom Reilly")]),
        ("The factory will close at the end of the year, the company said.",
         [("indirect", "The factory will close at the end of the year", "the company")]),
        ('Senator Mark Fields told reporters: "This bill will not pass."',
         [("direct", "This bill will not pass.", "Mark Fields")]),
        ('The ship, known as "Northern Star", left the harbour.', []),
    ],
)
def test_english_quotes(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert quotes(text, "en") == expected


def test_unsupported_languages_and_odd_text_give_fewer_quotes_never_errors() -> None:
    assert quotes("« Nous restons ici », a dit le maire.", "fr") == []
    rng = random.Random(7)
    pieces = ["„", "“", '"', "»", "«", "‚", "‘", ":", ",", ".", " sagte", " er", " sei", " laut", " zufolge", " so",
              " Putin", " der", " Sprecher", " des", " Amtes", "\n", " dass", " wie", " mit", " teilte"]
    for _ in range(40):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 40))).strip() or "„"
        for q in find_quotes(doc(text)):
            assert 0 <= q.start <= q.end <= len(text) and q.kind in ("direct", "indirect")


def with_quotes(text: str, outlet: str, language: str = "de") -> Doc:
    d = doc(text, outlet=outlet, language=language)
    return dataclasses.replace(d, quotes=find_quotes(d))


def test_quote_groups_verbatim_paraphrased_and_single_across_outlets() -> None:
    docs = [
        with_quotes("„Die Lage ist ernst, aber wir haben sie im Griff“, sagte Kreisbrandmeister Hauke Brodersen. "
                    "Die Stadt öffnete eine Notunterkunft in der Sporthalle.", "A"),
        with_quotes("„Die Lage ist ernst, aber wir haben sie im Griff“, sagte Brodersen am Abend. "
                    "Nach den Messungen bestehe keine Gefahr für die Bevölkerung, sagte ein Sprecher des Ministeriums.",
                    "B"),
        with_quotes("Für die Bevölkerung gebe es keine Gefahr durch die Messwerte, erklärte ein Sprecher des "
                    "Ministeriums. „Wir haben die Lage im Griff, auch wenn sie ernst ist“, sagte Hauke Brodersen. "
                    "„Ich bin allen Helfern dankbar“, sagte Bürgermeisterin Swantje Ahlers.", "C"),
    ]
    groups = quote_groups(docs, Aligner(candidates(docs)))
    by_text = {g.text: g for g in groups}
    lage = by_text["Die Lage ist ernst, aber wir haben sie im Griff"]
    assert lage.speaker == "Hauke Brodersen" and lage.kind == "direct"
    assert lage.outlets == ("A", "B", "C") and lage.agreement == "paraphrased"
    assert len({r.article_id for r in lage.refs}) == 3 and lage.refs[0].article_id == docs[0].article.id
    gefahr = next(g for g in groups if g.kind == "indirect")
    assert gefahr.outlets == ("B", "C") and gefahr.agreement == "paraphrased"
    assert gefahr.speaker == "ein Sprecher des Ministeriums"
    dank = by_text["Ich bin allen Helfern dankbar"]
    assert dank.agreement == "single" and dank.outlets == ("C",) and dank.speaker == "Swantje Ahlers"
    assert groups[0] is lage and groups[-1] is dank  # more outlets first


def test_verbatim_needs_the_same_words_and_the_direct_quote_leads_a_group() -> None:
    docs = [
        with_quotes("Bürgermeisterin Swantje Ahlers sagte, sie sei allen Helfern dankbar.", "A"),
        with_quotes("„Ich bin allen Helferinnen und Helfern unglaublich dankbar“, sagte Ahlers.", "B"),
        with_quotes("„Ich bin allen Helferinnen und Helfern unglaublich dankbar“, sagte Swantje Ahlers.", "C"),
    ]
    groups = quote_groups(docs, Aligner(candidates(docs)))
    assert len(groups) == 1
    group = groups[0]
    assert group.kind == "direct" and group.refs[0].article_id == docs[1].article.id
    assert group.outlets == ("B", "A", "C") and group.agreement == "paraphrased"
    assert group.speaker == "Swantje Ahlers"
    pair = quote_groups(docs[1:], Aligner(candidates(docs[1:])))
    assert [g.agreement for g in pair] == ["verbatim"]


def test_different_speakers_or_statements_stay_apart() -> None:
    docs = [
        with_quotes("„Wir brauchen mehr Pumpen im Hafen“, sagte Einsatzleiter Karsten Maibaum.", "A"),
        with_quotes("„Wir brauchen mehr Pumpen im Hafen“, sagte Landrat Jörg Wiebking.", "B"),
        with_quotes("„Der Deich hält auch den nächsten Sturm aus“, sagte Einsatzleiter Karsten Maibaum.", "C"),
    ]
    groups = quote_groups(docs, Aligner(candidates(docs)))
    assert sorted(g.agreement for g in groups) == ["single", "single", "single"]


def _bench() -> object:
    path = Path(__file__).resolve().parent.parent / "bench" / "quotes_eval.py"
    spec = importlib.util.spec_from_file_location("quotes_eval", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_quote_detection_and_speakers_on_the_annotated_fixture_stay_above_their_floors() -> None:
    # Measured (bench/quotes_eval.py): precision 1.000, recall 1.000, speaker accuracy 1.000, kind accuracy
    # 1.000 on 82 gold quotes; the two held-out batches (ids h*, g*) scored P 1.00, R 0.97, speakers 0.89
    # before the fixes they prompted.
    scores = _bench().evaluate()  # type: ignore[attr-defined]
    assert scores["precision"] >= 0.95
    assert scores["recall"] >= 0.95
    assert scores["speaker_accuracy"] >= 0.93
    assert scores["kind_accuracy"] >= 0.95
