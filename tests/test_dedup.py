"""Wire copies and machine-translation flags: shingles, LSH candidates, lineage, and the synthetic syndication set."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, replace
from itertools import combinations

import pytest
from nlp_builders import article, doc

from presseschau.dedup import (
    COPY_THRESHOLD,
    candidates,
    copies,
    doc_shingles,
    independent_sources,
    jaccard,
    origin_of,
    shingles,
    signature,
    translation_flags,
)
from presseschau.model import Doc, Removal, Sentence


@dataclass(frozen=True)
class Event:
    """An event of the synthetic syndication set: agency text (paragraphs of sentences), a client's own opening
    sentence and added paragraph, two articles by other authors sharing names, figures and a quote with it."""

    title: str
    origin: tuple[tuple[str, ...], ...]
    lead: str
    extra: str
    others: tuple[str, str]


EVENTS = (
    Event(
        title="Risse in Talbrücke: A 47 bei Eschenfurt voll gesperrt",
        origin=(
            ("Eschenfurt (NDA) - Wegen gefährlicher Risse in einem Stützpfeiler ist die Talbrücke Eschenfurt auf der "
             "Autobahn 47 seit Donnerstagmorgen in beiden Richtungen gesperrt.",
             "Prüfingenieure hatten die Schäden bei einer Routinekontrolle am Mittwochnachmittag entdeckt.",
             "Nach Angaben der Autobahngesellschaft nutzen täglich rund 68.000 Fahrzeuge die 1972 eröffnete Brücke."),
            ("Der Verkehr wird großräumig über die Bundesstraße 12 und die Kreisstraße nach Holmbach umgeleitet.",
             "Schon am Donnerstagmorgen bildeten sich dort Staus von bis zu acht Kilometern Länge.",
             "Die Polizei rät Pendlern, auf die Regionalbahn auszuweichen oder die Fahrt zu verschieben."),
            ("„Die Standsicherheit ist nicht mehr gewährleistet, wir mussten sofort handeln“, sagte die Leiterin der "
             "Niederlassung, Carola Wiesend.", "Wie lange die Sperrung dauern werde, sei noch nicht absehbar.",
             "Ein Gutachten soll bis Ende kommender Woche vorliegen."),
            ("Landrat Emil Sauerbrey forderte einen schnellen Ersatzneubau.",
             "Die Brücke stand bereits seit Jahren auf einer Liste sanierungsbedürftiger Bauwerke."),
        ),
        lead="Die Autobahn 47 ist an der Talbrücke Eschenfurt seit Donnerstag dicht, weil ein Pfeiler Risse hat.",
        extra="Für die Geschäfte in der Innenstadt kommt die Sperrung zur Unzeit. Der Handelsverband rechnet mit "
              "deutlich weniger Kundschaft aus dem Umland.",
        others=(
            "Nichts ging mehr am Donnerstagmorgen rund um Eschenfurt. Weil an einem Pfeiler der Talbrücke tiefe Risse "
            "aufgetaucht sind, hat die Autobahngesellschaft die A 47 zwischen Eschenfurt-Nord und Holmbach "
            "dichtgemacht. Entdeckt hatten die Schäden Prüfer bei einer regulären Kontrolle am Mittwoch.\n"
            "Auf der Umleitung über die B 12 stauten sich Lastwagen und Pendlerautos bis in den Vormittag. Wer in "
            "Holmbach wohnt, brauchte für den Weg zur Arbeit teils eine Stunde länger als sonst.\n"
            "„Die Standsicherheit ist nicht mehr gewährleistet, wir mussten sofort handeln“, sagte Carola Wiesend von "
            "der Autobahngesellschaft. Rund 68.000 Fahrzeuge rollen an einem Werktag über das Bauwerk aus dem Jahr "
            "1972. Landrat Emil Sauerbrey sprach von einem „Weckruf für die Region“ und verlangte Tempo beim Neubau.",
            "Die Talbrücke Eschenfurt bleibt bis auf Weiteres gesperrt. Ein Gutachten soll bis Ende kommender Woche "
            "vorliegen. Erst dann wollen die Fachleute entscheiden, ob die Brücke gestützt oder abgerissen wird. Das "
            "teilte die Autobahngesellschaft am Donnerstag mit.\nDie Schäden an einem der Stützpfeiler waren am "
            "Mittwoch aufgefallen. Nach Angaben von Niederlassungsleiterin Carola Wiesend sind die Risse mehrere "
            "Zentimeter breit. Täglich fahren rund 68.000 Autos und Lastwagen über die Brücke.\nDie Polizei empfiehlt, "
            "das Gebiet weiträumig zu umfahren. Pendler sollten nach Möglichkeit mit der Regionalbahn fahren.",
        ),
    ),
    Event(
        title="Stromausfall legt Kornhagen stundenlang lahm",
        origin=(
            ("Kornhagen (NDA) - Ein Stromausfall hat am Montagabend weite Teile von Kornhagen für mehrere Stunden "
             "lahmgelegt.", "Rund 42.000 Haushalte waren nach Angaben der Stadtwerke ohne Strom.",
             "Ampeln fielen aus, die Straßenbahnen blieben auf offener Strecke stehen."),
            ("Ursache war nach ersten Erkenntnissen ein Brand in einem Umspannwerk im Stadtteil Lindenau.",
             "Die Feuerwehr hatte das Feuer nach etwa einer Stunde gelöscht.", "Verletzt wurde niemand."),
            ("„Wir haben das Netz Schritt für Schritt wieder hochgefahren“, sagte Stadtwerke-Sprecher Jonas Pirkl.",
             "Gegen 23.40 Uhr hatten alle Kunden wieder Strom.",
             "Im Klinikum Kornhagen sprangen die Notstromaggregate an, der Betrieb lief ohne Unterbrechung weiter."),
            ("Die Kriminalpolizei prüft, ob das Feuer in dem Umspannwerk gelegt wurde.",
             "Hinweise auf eine Brandstiftung gebe es bislang aber nicht, sagte ein Polizeisprecher."),
        ),
        lead="Kornhagen saß am Montagabend stundenlang im Dunkeln, nachdem ein Umspannwerk gebrannt hatte.",
        extra="In mehreren Supermärkten mussten Kühltruhen geräumt werden. Die Stadtwerke wollen prüfen, ob sie "
              "Kunden für verdorbene Lebensmittel entschädigen.",
        others=(
            "Plötzlich war es dunkel: Am Montagabend gegen 20 Uhr gingen in großen Teilen Kornhagens die Lichter aus. "
            "Betroffen waren etwa 42.000 Haushalte, dazu Ampeln, Aufzüge und die Straßenbahn. Fahrgäste saßen eine "
            "halbe Stunde in stehenden Bahnen fest, bevor die Verkehrsbetriebe sie ins Freie ließen.\nAuslöser war "
            "ein Feuer im Umspannwerk Lindenau. „Wir haben das Netz Schritt für Schritt wieder hochgefahren“, sagte "
            "Stadtwerke-Sprecher Jonas Pirkl. Kurz vor Mitternacht war die Versorgung wieder überall hergestellt.\n"
            "Ob jemand das Feuer absichtlich gelegt hat, ermittelt nun die Kripo. Das Klinikum blieb dank eigener "
            "Notstromversorgung in Betrieb.",
            "Nach dem Stromausfall vom Montag suchen die Stadtwerke Kornhagen nach Wegen, ihr Netz besser "
            "abzusichern. Das Umspannwerk in Lindenau, in dem am Abend ein Feuer ausgebrochen war, soll eine zweite "
            "Zuleitung bekommen. Verletzt wurde niemand.\nRund 42.000 Haushalte hatten bis zu vier Stunden keinen "
            "Strom. Stadtwerke-Sprecher Jonas Pirkl bat die Kundinnen und Kunden um Verständnis. Die Kriminalpolizei "
            "schließt Brandstiftung nicht aus, sieht aber bisher keine konkreten Hinweise.\nDie Feuerwehr war mit 35 "
            "Kräften im Einsatz.",
        ),
    ),
    Event(
        title="Hochwasser: Wenne tritt in Auental über die Ufer",
        origin=(
            ("Auental (NDA) - Nach tagelangem Dauerregen ist die Wenne in Auental über die Ufer getreten.",
             "Der Pegel erreichte am Samstagmittag 4,12 Meter, fast zwei Meter über dem normalen Stand.",
             "In der Altstadt standen Keller und mehrere Straßen unter Wasser."),
            ("Rund 600 Helfer von Feuerwehr, Technischem Hilfswerk und Wasserwacht verbauten über Nacht etwa 25.000 "
             "Sandsäcke.", "Die Stadt sperrte die Uferpromenade und zwei Brücken für den Verkehr.",
             "Bewohner der Flussstraße wurden gebeten, ihre Häuser vorsorglich zu verlassen."),
            ("„Wir rechnen damit, dass der Scheitel am Sonntagmorgen erreicht wird“, sagte Bürgermeister Tobias "
             "Reinwald.", "Der Deutsche Wetterdienst erwartet für das Wochenende nur noch leichten Regen.",
             "Die Lage könne sich damit bald entspannen."),
            ("Für die Landwirte im Wennetal kommt das Hochwasser zur Unzeit.",
             "Viele Felder sind überflutet, die Frühjahrsaussaat ist vielerorts verloren."),
        ),
        lead="Die Wenne hat in Auental nach dem Dauerregen der vergangenen Tage die Altstadt erreicht.",
        extra="Die Schulen in Auental bleiben am Montag geschlossen. Der Unterricht soll nach Angaben des Schulamts "
              "digital stattfinden.",
        others=(
            "Die ganze Nacht haben sie geschuftet: Hunderte Freiwillige füllten in Auental Sandsäcke, um die Altstadt "
            "vor der Wenne zu schützen. Am Samstag stand der Fluss bei 4,12 Metern, so hoch wie seit 2013 nicht mehr."
            "\nIn der Flussstraße packten Familien das Nötigste und zogen zu Verwandten. „Wir rechnen damit, dass der "
            "Scheitel am Sonntagmorgen erreicht wird“, sagte Bürgermeister Tobias Reinwald bei einem Rundgang. Das "
            "Technische Hilfswerk pumpte Keller leer, die Uferpromenade ist gesperrt.\nBauern im Wennetal fürchten um "
            "ihre Ernte.",
            "Der Pegel der Wenne in Auental ist am Samstag auf 4,12 Meter gestiegen. Einsatzkräfte verbauten rund "
            "25.000 Sandsäcke entlang des Ufers. Zwei Brücken sind gesperrt.\nBürgermeister Tobias Reinwald zeigte "
            "sich vorsichtig optimistisch. Der Wetterdienst sagt für die kommenden Tage kaum noch Niederschlag "
            "voraus. Ob die Flussstraße geräumt werden muss, will die Stadt am Abend entscheiden.\nDie Lage könne "
            "sich damit bald entspannen.",
        ),
    ),
)
_FILLERS = ("etwa", "zudem", "bereits", "demnach", "allerdings", "inzwischen", "weiterhin", "offenbar")


def _join(paragraphs: list[list[str]]) -> str:
    return "\n".join(" ".join(p) for p in paragraphs if p)


def _reworded(text: str, changes: int, seed: int) -> str:
    """``changes`` words of the text (of four letters or more) swapped for others, at random places."""
    tokens = text.split(" ")
    places = [i for i, t in enumerate(tokens) if t.isalpha() and len(t) >= 4]
    rng = random.Random(seed)
    for i in rng.sample(places, changes):
        tokens[i] = rng.choice(_FILLERS)
    return " ".join(tokens)


def edited_copies(event: Event) -> dict[str, str]:
    """The edits a client outlet makes to agency copy, each alone and all at once, by name."""
    paras = [list(p) for p in event.origin]
    full = _join(paras)
    cut = [p[:] for p in paras]
    del cut[2][1]
    half = [s for p in paras for s in p][: sum(map(len, paras)) // 2]
    return {
        "3 words": _reworded(full, 3, 1), "8 words": _reworded(full, 8, 2), "15 words": _reworded(full, 15, 3),
        "cut sentence": _join(cut), "added paragraph": full + "\n" + event.extra,
        "no dateline": full.split(" - ", 1)[1], "byline": "Von Lena Probst\n" + full, "new headline": full,
        "new lead": event.lead + " " + " ".join(paras[0][1:]) + "\n" + _join(paras[1:]),
        "first half": " ".join(half), "first half + added": " ".join(half) + "\n" + event.extra,
        "all edits": "Von Lena Probst\n" + _reworded(_join(cut), 6, 4).split(" - ", 1)[1] + "\n" + event.extra,
    }


_SENTENCE_END = re.compile(r"(?<=[.!?“])\s+(?=[A-ZÄÖÜ„])")


def _light(text: str, *, title: str, outlet: str, published: str) -> Doc:
    """A Doc with sentence offsets but no tokens: all lineage reads, without the analysis stage's cost."""
    sentences: list[Sentence] = []
    start = 0
    for number, paragraph in enumerate(text.split("\n")):
        for piece in _SENTENCE_END.split(paragraph):
            begin = text.index(piece, start)
            start = begin + len(piece)
            sentences.append(Sentence(len(sentences), begin, start, number, ()))
    return Doc(article(text, title=title, outlet=outlet, published=published), "de", tuple(sentences))


def syndication_set() -> tuple[list[Doc], set[tuple[str, str]], set[tuple[str, str]]]:
    """The docs, the (origin, copy) id pairs and the id pairs of different texts (same event or not)."""
    docs: list[Doc] = []
    copy_pairs: set[tuple[str, str]] = set()
    families: list[list[Doc]] = []
    for n, event in enumerate(EVENTS):
        origin = _light(_join([list(p) for p in event.origin]), title=event.title, outlet="NDA",
                        published="2025-03-10")
        family = [origin]
        for name, text in edited_copies(event).items():
            title = "Neu: " + event.title if name == "new headline" else event.title
            family.append(_light(text, title=title, outlet=f"Blatt {name}", published="2025-03-11"))
            copy_pairs.add((origin.article.id, family[-1].article.id))
        # The second author also takes three agency sentences verbatim: own reporting with agency material.
        borrowed = " ".join((event.origin[0][1], event.origin[2][0], event.origin[3][0]))
        texts = (event.others[0], event.others[1] + "\n" + borrowed)
        others = [_light(text, title=f"Bericht {n}.{i}", outlet=f"Autor {i}", published="2025-03-10")
                  for i, text in enumerate(texts)]
        families += [family, *([d] for d in others)]
        docs += family + others
    different = {(a.article.id, b.article.id) for f, g in combinations(families, 2) for a in f for b in g}
    return docs, copy_pairs, different


Syndication = tuple[list[Doc], set[tuple[str, str]], set[tuple[str, str]]]


@pytest.fixture(scope="module")
def syndication() -> Syndication:
    return syndication_set()


def _with(doc_: Doc, **changes: object) -> Doc:
    return replace(doc_, article=replace(doc_.article, **changes))  # type: ignore[arg-type]


def _plain(text: str, outlet: str = "Testblatt", published: str = "2025-03-10", title: str = "Titel") -> Doc:
    return _light(text, title=title, outlet=outlet, published=published)


ORIGIN = _join([list(p) for p in EVENTS[0].origin])


# Shingles and MinHash.

def test_shingles_are_lower_cased_nfc_word_windows() -> None:
    found = shingles("Die Warn-App WARNT heute vor Rauch.", k=5)
    assert found == {"die warn app warnt heute", "warn app warnt heute vor", "app warnt heute vor rauch"}
    assert shingles("Rauch über Süderwarf") == shingles("RAUCH u\u0308ber Su\u0308derwarf")  # NFD = NFC
    assert shingles("Nur drei Wörter") == {"nur drei wörter"}
    assert shingles(" – ") == frozenset()
    assert doc_shingles(_plain(ORIGIN, title="Eins")) == shingles(ORIGIN)  # the headline is left out


def test_minhash_candidates_are_deterministic_and_find_near_duplicates() -> None:
    texts = {"a": ORIGIN, "b": _reworded(ORIGIN, 3, 9), "c": EVENTS[1].others[0], "d": ""}
    first = {key: signature(shingles(text)) for key, text in texts.items()}
    again = {key: signature(shingles(text)) for key, text in texts.items()}
    assert all((first[k].hashvalues == again[k].hashvalues).all() for k in texts)
    assert candidates(first) == candidates(again) == {("a", "b")}
    assert candidates({"a": first["a"]}) == set()


# Copies and lineage.

def test_copy_links_to_the_earliest_article_with_added_and_cut_sentences() -> None:
    paras = [list(p) for p in EVENTS[0].origin]
    cut = [p[:] for p in paras]
    del cut[1][2]  # "Die Polizei rät Pendlern ..."
    copy = doc(_join(cut) + "\n" + EVENTS[0].extra, title="Andere Zeile", outlet="B", published="2025-03-11")
    origin = doc(ORIGIN, outlet="A", published="2025-03-10T18:00:00+01:00")
    (link,) = copies([copy, origin])
    assert (link.article_id, link.origin_id) == (copy.article.id, origin.article.id)
    assert 0.6 < link.similarity < 1
    assert [copy.text_of(copy.sentences[r.index]) for r in link.added] == [
        "Für die Geschäfte in der Innenstadt kommt die Sperrung zur Unzeit.",
        "Der Handelsverband rechnet mit deutlich weniger Kundschaft aus dem Umland."]
    assert [origin.text_of(origin.sentences[r.index]) for r in link.cut] == [paras[1][2]]


def test_same_event_by_other_authors_is_no_copy(syndication: Syndication) -> None:
    docs, _, _ = syndication
    origin = next(d for d in docs if d.article.outlet == "NDA")
    others = [d for d in docs if d.article.outlet.startswith("Autor") and d.article.title.startswith("Bericht 0")]
    assert len(others) == 2 and copies([origin, *others]) == ()
    assert independent_sources([origin, *others], ()) == 3


def test_independent_sources_counts_each_copied_text_once() -> None:
    origin = _plain(ORIGIN, "A")
    reprints = [_plain(ORIGIN, f"B{n}", "2025-03-11", f"Titel {n}") for n in range(3)]
    other = _plain(EVENTS[0].others[0], "C", "2025-03-11")
    docs = [*reprints, other, origin]
    links = copies(docs)
    assert {link.origin_id for link in links} == {origin.article.id}
    assert independent_sources(docs, links) == 2
    assert independent_sources(docs, ()) == 5


def test_on_a_date_tie_the_agency_dateline_makes_the_origin() -> None:
    plain = _plain(ORIGIN, "Blatt", title="Aaa")
    agency = _with(_plain(ORIGIN, "NDA", title="Zzz"), outlet_from="dateline")
    assert plain.article.id < agency.article.id  # so the id order alone would make the other one the origin
    for pair in ([plain, agency], [agency, plain]):
        assert [(x.article_id, x.origin_id) for x in copies(pair)] == [(plain.article.id, agency.article.id)]
    undated = _with(agency, published=None, published_from=None)
    assert [x.origin_id for x in copies([undated, plain])] == [plain.article.id]  # a known date goes first


def test_a_copy_of_a_copy_links_to_its_closest_earlier_member() -> None:
    extra = EVENTS[0].extra
    sentences = [s for p in EVENTS[0].origin for s in p]
    first = doc(" ".join(sentences[:8]), outlet="A", published="2025-03-10")
    second = doc(" ".join(sentences[:8]) + "\n" + extra, outlet="B", published="2025-03-11")
    third = doc(" ".join(sentences[1:8]) + "\n" + extra, outlet="C", published="2025-03-12")
    links = {link.article_id: link.origin_id for link in copies([third, second, first])}
    assert links == {second.article.id: first.article.id, third.article.id: second.article.id}
    assert origin_of(copies([first, second, third])) == {second.article.id: first.article.id,
                                                         third.article.id: first.article.id}


def test_a_shared_statement_alone_makes_no_copy_even_above_the_jaccard_threshold() -> None:
    statement = ("Die Staatsanwaltschaft hat am Freitag Anklage gegen drei frühere Vorstände der Stadtwerke erhoben. "
                 "Ihnen wird vorgeworfen, zwischen 2019 und 2023 Aufträge im Wert von mehr als zwölf Millionen Euro "
                 "ohne Ausschreibung an befreundete Firmen vergeben zu haben. Die Beschuldigten weisen das zurück.")
    a = _plain("Der Prozess dürfte im Herbst beginnen. Im Rathaus war man erleichtert. Die Affäre hatte die Stadt "
               "lange beschäftigt. Die Opposition fordert Aufklärung.\n" + statement, "A")
    b = _plain(statement + "\nFür die Stadtwerke ist es ein schwerer Tag. Viele Beschäftigte sind verunsichert. Der "
               "neue Vorstand setzt auf Transparenz. Alle Verträge werden geprüft.", "B")
    assert jaccard(doc_shingles(a), doc_shingles(b)) > COPY_THRESHOLD  # only the sentence check keeps them apart
    assert copies([a, b]) == ()


def test_stubs_sharing_one_stock_sentence_are_no_copies() -> None:
    stock = "Der vollständige Text dieser Meldung ist aus rechtlichen Gründen leider nicht mehr abrufbar."
    stubs = [_plain(f"{lead} {stock}", f"S{n}") for n, lead in
             enumerate(("Die Talbrücke bleibt gesperrt.", "Der Pegel der Wenne sinkt wieder."))]
    assert copies(stubs) == ()


def test_syndication_set_precision_and_recall(syndication: Syndication) -> None:
    """The gate for COPY_THRESHOLD: every edited copy joins its origin, no other author's article does."""
    docs, copy_pairs, different = syndication
    roots = origin_of(copies(docs, threshold=COPY_THRESHOLD))
    found = {(roots[c], c) for c in roots}
    assert len(copy_pairs) == 36 and len(different) == 756
    assert found == copy_pairs  # precision and recall 1.0
    assert independent_sources(docs, copies(docs)) == 9


def test_odd_input_gives_no_links() -> None:
    assert copies([]) == () and copies([_plain("Kurz.")]) == () and origin_of(()) == {}
    assert copies([_plain("...", "A"), _plain("…", "B")]) == ()


# Machine-translation flags.

MT_TEXT = ("Die Regierung hat beschlossen einen neuen Plan für die Bahn. Die Minister haben gesprochen über die "
           "Kosten, welche sind sehr hoch. Ein Sprecher sagte, dass es gibt keine schnelle Lösung. Man will "
           "versuchen, um zu verbessern die Lage.")
HUMAN_TEXT = ("Die Regierung hat einen neuen Plan für die Bahn beschlossen. Die Kosten, die sehr hoch sind, bleiben "
              "ein Problem. Ein Sprecher sagte, dass es keine schnelle Lösung gibt. Man will versuchen, die Lage zu "
              "verbessern.")


def _logged(*removals: tuple[str, str], title: str = "Während der Nacht: Große Sorge um Brücke",
            language: str = "de") -> Doc:
    removed = tuple(Removal(text, rule, "test", n) for n, (text, rule) in enumerate(removals, 1))
    return Doc(replace(article("Ein kurzer Text.", title=title), removed=removed), language, ())


def test_transliterated_headline_and_tag_line_are_strong_cues() -> None:
    repeat = _logged(("Waehrend der Nacht: Grosse Sorge um Bruecke", "repeated_headline"))
    tag = _logged(("blatt-allgemeines", "tag_line"))
    both = _logged(("Waehrend der Nacht: Grosse Sorge um", "repeated_headline"), ("blatt-allgemeines", "tag_line"))
    flags = translation_flags([repeat, tag, both])
    assert [f.article_id for f in flags] == [repeat.article.id, tag.article.id, both.article.id]
    assert flags[0].evidence == ("Überschrift in ASCII-Umschrift wiederholt (Waehrend statt Während)",)
    assert flags[1].evidence == ("unübersetzte Schlagwortzeile am Ende (blatt-allgemeines)",)
    assert len(flags[2].evidence) == 2


def test_one_weak_cue_is_not_enough_two_are() -> None:
    dateline = ("ROM:", "dateline")
    assert translation_flags([_logged(dateline)]) == ()
    mt = doc(MT_TEXT)
    assert translation_flags([mt]) == ()  # four places: a weak cue alone
    flagged = translation_flags([_with(mt, removed=(Removal("ROM:", "dateline", "test", 1),))])
    assert flagged[0].evidence == ("Ortsmarke nach englischem Muster (ROM:)", "englische Wortstellung an 4 Stellen: "
                                   "„hat beschlossen einen“, „welche sind sehr“")


def test_english_word_order_in_many_places_is_a_strong_cue() -> None:
    more = MT_TEXT + " Die Bürger haben bekommen einen Brief. Die Firma, welche baut die Züge, wollte nichts sagen."
    flags = translation_flags([doc(more)])
    assert len(flags) == 1 and flags[0].evidence[0].startswith("englische Wortstellung an 6 Stellen")


def test_clean_articles_get_no_flags() -> None:
    same_repeat = _logged(("Während der Nacht: Große Sorge um Brücke", "repeated_headline"), ("Von A. B.", "byline"))
    agency = _logged(("Rom (dpa) -", "dateline"), ("Quelle: dpa", "source_line"))
    assert translation_flags([same_repeat, agency, doc(HUMAN_TEXT)]) == ()


def test_languages_without_cue_data_are_not_flagged() -> None:
    assert translation_flags([_logged(("site-general", "tag_line"), language="en")]) == ()
    assert translation_flags([]) == ()
