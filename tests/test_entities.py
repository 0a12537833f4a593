"""Named entities: mentions in one article (types, roles, multi-word names) and their merging across a story."""

from __future__ import annotations

import dataclasses

from nlp_builders import doc

from presseschau.brief.entities import entities
from presseschau.model import Doc, Entity, SentenceRef
from presseschau.nlp.entities import find_mentions


def analysed(text: str, **kwargs: object) -> Doc:
    plain = doc(text, **kwargs)
    return dataclasses.replace(plain, mentions=find_mentions(plain))


def found(d: Doc) -> list[tuple[str, str, str | None]]:
    return [(d.article.text[m.start : m.end], m.type, m.role) for m in d.mentions]


def entity(story: tuple[Entity, ...], name: str) -> Entity:
    matches = [e for e in story if e.name == name]
    assert len(matches) == 1, [e.name for e in story]
    return matches[0]


def test_role_noun_before_a_name_is_its_role_and_not_part_of_it() -> None:
    d = analysed("Hafenmeisterin Jana Petersen sprach am Morgen mit der Presse. Der russische Präsident Wladimir "
                 "Putin reiste nach Kasan. Dort traf er die Delegation des Verteidigungsministers Boris Tarnow.")
    assert ("Jana Petersen", "person", "Hafenmeisterin") in found(d)
    assert ("Wladimir Putin", "person", "Präsident") in found(d)
    assert ("Boris Tarnow", "person", "Verteidigungsminister") in found(d)
    assert all(m.sentence == d.sentence_of(m.start) for m in d.mentions)


def test_apposition_after_and_before_a_name_gives_the_role() -> None:
    d = analysed("Torsten Albers, der Sprecher der Wasserwacht, bestätigte den Einsatz. Das Boot sei gekentert, "
                 "sagte der Chef der Feuerwehr, Lars Meinke, am Abend.")
    assert ("Torsten Albers", "person", "Sprecher") in found(d)
    assert ("Lars Meinke", "person", "Chef") in found(d)


def test_english_roles_titles_and_speech_verbs() -> None:
    d = analysed("Kremlin spokesman Dmitry Peskov spoke on Monday. Later President Vladimir Putin met Prime "
                 "Minister Ellen Carter in Vladivostok. \"We are ready,\" said Peskov.", language="en")
    assert ("Dmitry Peskov", "person", "spokesman") in found(d)
    assert ("Vladimir Putin", "person", "President") in found(d)
    assert ("Ellen Carter", "person", "Prime Minister") in found(d)
    assert ("Kremlin", "organisation", None) in found(d)
    assert ("Vladivostok", "place", None) in found(d)
    assert ("Peskov", "person", None) in found(d)


def test_hyphenated_names_and_particles_stay_one_name() -> None:
    german = analysed("Machthaber Kim Jong-un empfing Gäste. Gestern sprachen Karl-Theodor zu Guttenberg und Otto "
                      "von Bismarck in Lindholm.")
    english = analysed("North Korean leader Kim Jong-un met officials.", language="en")
    assert ("Kim Jong-un", "person", "Machthaber") in found(german)
    assert [m for m, _, _ in found(german)][1:3] == ["Karl-Theodor zu Guttenberg", "Otto von Bismarck"]
    assert found(english) == [("Kim Jong-un", "person", "leader")]  # "North Korean" is an adjective, not a name


def test_sentence_initial_nouns_and_capitalised_words_are_no_entities() -> None:
    german = analysed("Messtrupps prüften am Abend die Luft. Feuerwehrleute löschten den Brand in der Halle.")
    english = analysed("Officials said the fire was out by Tuesday. Residents stayed inside.", language="en")
    assert german.mentions == ()
    assert english.mentions == ()


def test_countries_from_the_gazetteer_in_german_and_english() -> None:
    german = analysed("Die Vereinigten Staaten warnten Russland. Russlands Regierung schwieg, die USA drohten.",
                      outlet="Abendpost")
    english = analysed("The United States warned Russia on Monday. Russia's embassy declined to comment.",
                       language="en", outlet="Morning Star")
    assert {t for _, t, _ in found(german)} == {"country"}
    assert {t for _, t, _ in found(english)} == {"country"}
    story = entities([german, english])
    russia = entity(story, "Russland")
    assert set(russia.variants) == {"Russland", "Russlands", "Russia"}
    assert dict(russia.mentions) == {"Abendpost": 2, "Morning Star": 2}
    usa = next(e for e in story if "USA" in e.variants)
    assert (usa.type, set(usa.variants)) == ("country", {"Vereinigten Staaten", "USA", "United States"})


def test_organisation_cues() -> None:
    d = analysed("Die Nachrichtenagentur Tarnpress meldete, die Kranich Logistik GmbH habe geliefert. Die NATO "
                 "beriet darüber, ein Sprecher der Firma Kranich Logistik schwieg.")
    assert ("Tarnpress", "organisation", None) in found(d)
    assert ("Kranich Logistik GmbH", "organisation", None) in found(d)
    assert ("NATO", "organisation", None) in found(d)
    english = analysed("The Ministry of Defence said Acme Shipping Ltd had stopped deliveries.", language="en")
    assert found(english) == [("Ministry of Defence", "organisation", None),
                              ("Acme Shipping Ltd", "organisation", None)]
    story = entities([d])
    assert entity(story, "Kranich Logistik").variants == ("Kranich Logistik", "Kranich Logistik GmbH")


def test_places_by_preposition_place_noun_and_facility_aliases_merge() -> None:
    first = analysed("Der Weltraumbahnhof Wostotschny liegt weit im Osten. Am Hafen von Lindholm brannte es.")
    second = analysed("Im Kosmodrom Wostotschny startete eine Rakete, in Wostotschny jubelten Techniker.")
    assert ("Lindholm", "place", None) in found(first)
    story = entities([first, second])
    place = entity(story, "Wostotschny")
    assert place.type == "place"
    assert place.variants == ("Kosmodrom Wostotschny", "Weltraumbahnhof Wostotschny", "Wostotschny")


def test_variants_merge_across_case_hyphens_spaces_and_genitive() -> None:
    story = entities([
        analysed("Machthaber Kim Jong Un besuchte eine Werft. Kim Jong Un lobte die Arbeiter.", outlet="A"),
        analysed("Machthaber Kim Jong-un besuchte eine Werft. Kims Zug fuhr weiter.", outlet="B"),
        analysed("Machthaber Kim Jong-Un besuchte eine Werft. Kim winkte.", outlet="C"),
    ])
    kim = entity(story, "Kim Jong Un")
    assert set(kim.variants) == {"Kim Jong Un", "Kim Jong-un", "Kim Jong-Un", "Kims", "Kim"}
    assert kim.roles == ("Machthaber",)
    assert len(story) == 1


def test_surname_joins_the_one_full_name_of_the_story() -> None:
    story = entities([
        analysed("Der Präsident Wladimir Putin empfing Gäste. Putins Sprecher schwieg.", outlet="A"),
        analysed("Putin sagte am Abend, die Gespräche seien gut verlaufen.", outlet="B"),
    ])
    putin = entity(story, "Wladimir Putin")
    assert set(putin.variants) == {"Wladimir Putin", "Putins", "Putin"}
    assert dict(putin.mentions) == {"A": 2, "B": 1}


def test_father_and_son_keep_a_lone_first_name_apart_when_both_came_before_it() -> None:
    both_before = analysed("Machthaber Kim Jong Un legte Blumen am Grab seines Vaters Kim Jong Il nieder. "
                           "Danach sprach Kim mit Offizieren.", outlet="A")
    son_before = analysed("Machthaber Kim Jong Un reiste ab. Kim winkte vom Zug. Später erinnerte er an seinen "
                          "Vater Kim Jong Il.", outlet="B")
    story = entities([both_before, son_before])
    son, father = entity(story, "Kim Jong Un"), entity(story, "Kim Jong Il")
    lone = entity(story, "Kim")
    assert dict(son.mentions) == {"A": 1, "B": 2}
    assert dict(father.mentions) == {"A": 1, "B": 1}
    assert dict(lone.mentions) == {"A": 1}
    assert lone.refs == (SentenceRef(both_before.article.id, 1),)


def test_counts_per_outlet_order_refs_and_dropping_single_others() -> None:
    first = analysed("Bürgermeisterin Swantje Ahlers dankte den Helfern. Ahlers lobte die Feuerwehr. "
                     "Später sprach Ahlers im Rathaus, im Hafen lag die Fähre Seestern.", outlet="Nordbote")
    second = analysed("Bürgermeisterin Swantje Ahlers kam zur Einsatzstelle.", outlet="Abendpost")
    story = entities([first, second])
    mayor = story[0]
    assert (mayor.name, mayor.type, mayor.roles) == ("Swantje Ahlers", "person", ("Bürgermeisterin",))
    assert mayor.mentions == (("Nordbote", 3), ("Abendpost", 1))
    assert mayor.refs == (SentenceRef(first.article.id, 0), SentenceRef(first.article.id, 1),
                          SentenceRef(first.article.id, 2), SentenceRef(second.article.id, 0))
    assert all(e.type != "other" for e in story)  # "Seestern", named once without a cue, is left out


def test_languages_without_entity_cues_give_no_mentions() -> None:
    assert find_mentions(doc("Le président Emmanuel Macron est arrivé à Paris.", language="fr")) == ()
