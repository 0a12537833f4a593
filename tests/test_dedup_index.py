"""The ingest-time copy index: banded MinHash candidates, shingle verification, lineage, window, stored articles."""

from __future__ import annotations

from test_dedup import EVENTS, ORIGIN, _join, syndication_set

from presseschau.dedup import CopyIndex, fingerprint
from presseschau.dedup.index import COPY_WINDOW_DAYS, Fingerprint
from presseschau.model import CopyLink

OTHER = ("Der Gemeinderat von Holmbach hat am Dienstagabend einen neuen Haushalt beschlossen. Die Investitionen in "
         "Schulen und Kindergärten steigen um ein Drittel, die Grundsteuer bleibt unverändert. Bürgermeisterin "
         "Hanne Voigt sprach von einem Haushalt mit Augenmaß. Die Opposition kritisierte die hohe Verschuldung der "
         "Gemeinde und stimmte geschlossen dagegen. Das Landratsamt muss den Plan noch genehmigen.")


def _origins(links: list[CopyLink]) -> dict[str, str]:
    parent = {link.article_id: link.origin_id for link in links}
    roots = {}
    for key in parent:
        node = key
        while node in parent:
            node = parent[node]
        roots[key] = node
    return roots


def test_fingerprints_are_deterministic_and_empty_text_has_none() -> None:
    assert fingerprint(ORIGIN) == fingerprint(ORIGIN)
    assert len(fingerprint(ORIGIN).signature) == 128 * 4
    assert fingerprint("").empty and fingerprint(" \n ").empty
    assert not fingerprint("Ein kurzer Satz.").empty


def test_syndication_set_every_copy_finds_its_origin_and_no_other_author_is_a_copy() -> None:
    """The synthetic set of test_dedup in publication order: precision and recall 1.0 at ingest, as at digest."""
    docs, copy_pairs, different = syndication_set()
    index = CopyIndex()
    links = []
    for doc in sorted(docs, key=lambda d: (d.article.published or "", d.article.outlet != "NDA", d.article.id)):
        link = index.add(doc.article.id, fingerprint(doc.article.text), doc.article.published)
        if link is not None:
            links.append(link)
    roots = _origins(links)
    assert {(roots[c], c) for c in roots} == copy_pairs
    assert not any((a, b) in different or (b, a) in different for b, a in roots.items())


def test_a_copy_of_a_copy_links_to_the_closer_one_and_unrelated_text_to_none() -> None:
    paras = [list(p) for p in EVENTS[1].origin]
    first = _join(paras)
    second = first + "\n" + EVENTS[1].extra  # a client adds a paragraph ...
    third = second.replace(paras[0][0], EVENTS[1].lead)  # ... and another client copies the client's version
    index = CopyIndex()
    assert index.add("a", fingerprint(first), "2025-03-10") is None
    link_b = index.add("b", fingerprint(second), "2025-03-10T10:00")
    link_c = index.add("c", fingerprint(third), "2025-03-11")
    assert link_b is not None and link_b.origin_id == "a" and 0.25 <= link_b.similarity < 1.0
    assert link_c is not None and link_c.origin_id == "b"
    assert index.add("d", fingerprint(OTHER), "2025-03-11") is None
    assert index.add("b", fingerprint(second), "2025-03-11") is None  # the same id again changes nothing
    assert len(index) == 4


def test_articles_older_than_the_window_are_forgotten() -> None:
    index = CopyIndex()
    index.add("a", fingerprint(ORIGIN), "2025-03-01")
    later = f"2025-03-{1 + COPY_WINDOW_DAYS + 1:02d}"
    assert index.add("b", fingerprint(OTHER), later) is None
    assert "a" not in index
    assert index.add("c", fingerprint(ORIGIN + "\nEin Nachsatz."), later) is None  # its origin is out of the window


def test_stored_articles_bring_their_signature_and_their_text_only_when_verified() -> None:
    asked: list[str] = []
    texts = {"stored": ORIGIN, "elsewhere": OTHER}

    def text_of(article_id: str) -> str:
        asked.append(article_id)
        return texts[article_id]

    index = CopyIndex(text_of=text_of)
    assert index.remember([(key, fingerprint(text).signature, "2025-03-10") for key, text in texts.items()]) == 2
    assert index.remember([("stored", fingerprint(ORIGIN).signature, "2025-03-10")]) == 0
    assert asked == []
    link = index.add("new", fingerprint(ORIGIN.replace("Routinekontrolle", "Kontrolle")), "2025-03-11")
    assert link is not None and link.origin_id == "stored" and asked == ["stored"]


def test_odd_input_is_ignored() -> None:
    index = CopyIndex()
    assert index.add("empty", fingerprint(""), None) is None
    assert index.add("undated", fingerprint(ORIGIN), None) is None
    assert index.add("undated copy", fingerprint(ORIGIN), "kein Datum") is not None
    assert index.remember([("bad", b"\x00" * 7, "2025-03-10")]) == 0
    assert Fingerprint(b"", b"").empty
