"""Ingest finds wire copies (within a run, across runs, in worker processes) and stories count independent sources."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_dedup import EVENTS, _join

from presseschau import corpus
from presseschau.settings import Settings
from presseschau.store import open_store

pytest_plugins = ["pg_server"]  # the session's PostgreSQL server, for the PostgreSQL ingest test

AGENCY = _join([list(p) for p in EVENTS[0].origin])
OWN_REPORT = EVENTS[0].others[0]


def _write(path: Path, items: list[tuple[str, str, str, str]]) -> Path:
    lines = [json.dumps({"title": title, "text": text, "outlet": outlet, "published": published},
                        ensure_ascii=False) for title, text, outlet, published in items]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _day_one(folder: Path) -> Path:
    return _write(folder / "day1.jsonl", [
        (EVENTS[0].title, AGENCY, "NDA", "2025-03-10T07:00"),
        ("Brücke dicht: Pendler im Stau", AGENCY.replace("Routinekontrolle", "Kontrolle"), "Tagblatt",
         "2025-03-10T09:00"),
        ("A 47 gesperrt", AGENCY + "\n" + EVENTS[0].extra, "Kurier", "2025-03-10T11:00"),
        ("Was die Sperrung für Eschenfurt bedeutet", OWN_REPORT, "Rundschau", "2025-03-10T12:00"),
    ])


@pytest.mark.parametrize("parallel", [False, True], ids=["serial", "processes"])
def test_copies_are_linked_and_the_story_counts_independent_sources(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, parallel: bool) -> None:
    if parallel:  # the worker-process engine, as for a large corpus
        monkeypatch.setattr(corpus, "PARALLEL_FROM", 2)
    with open_store(tmp_path / "store.db") as store:
        report = corpus.ingest([str(_day_one(tmp_path))], store, Settings(workers=2))
        assert (report.read, report.added, report.copies) == (4, 4, 2)
        links = store.copies()
        origin = next(a.id for a in store.stored_articles() if a.outlet == "NDA")
        assert sorted(link.origin_id for link in links) == [origin, origin]
        stories = store.stories()
        assert [(s.article_count, s.independent_sources) for s in stories] == [(4, 2)]


def test_a_later_run_finds_copies_of_stored_articles_and_a_rerun_adds_no_links(tmp_path: Path) -> None:
    with open_store(tmp_path / "store.db") as store:
        corpus.ingest([str(_day_one(tmp_path))], store)
        later = _write(tmp_path / "day2.jsonl", [
            ("Nachdruck", AGENCY.replace("Prüfingenieure", "Prüfer"), "Abendpost", "2025-03-11T18:00")])
        report = corpus.ingest([str(later)], store)
        assert report.copies == 1
        again = corpus.ingest([str(tmp_path)], store)
        assert (again.added, again.copies) == (0, 0)
        assert len(store.copies()) == 3
        assert [(s.article_count, s.independent_sources) for s in store.stories()] == [(5, 2)]


def test_bad_files_in_a_large_batch_are_skipped_with_reasons_and_the_rest_is_stored(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """A corrupt feed, a binary file, an empty file and a broken JSON line among good articles, in worker processes."""
    from presseschau.cli import main

    monkeypatch.setattr(corpus, "PARALLEL_FROM", 2)
    folder = tmp_path / "in"
    folder.mkdir()
    _day_one(folder)
    (folder / "kaputt.rss").write_text("<rss><channel><item><title>Abgebrochen", encoding="utf-8")
    (folder / "bild.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "leer.txt").write_text("", encoding="utf-8")
    good = json.dumps({"title": "Gut", "text": OWN_REPORT, "published": "2025-03-10"}, ensure_ascii=False)
    (folder / "halb.jsonl").write_text(good + '\n{"title": "Kaputt", "te\n', encoding="utf-8")
    db = str(tmp_path / "store.db")
    assert main(["ingest", "--db", db, "-q", "--workers", "2", str(folder)]) == 0
    captured = capsys.readouterr()
    assert "5 articles read, 5 added" in captured.out
    for name in ("kaputt.rss", "bild.txt", "leer.txt", "halb.jsonl#line 2"):
        assert f"skipped {folder / name}" in captured.err, name
    with open_store(db) as store:
        assert sum(s.article_count for s in store.stories()) == 5


def test_ingest_into_postgresql_gives_the_same_copies_and_stories_as_sqlite(
        tmp_path: Path, postgres_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(corpus, "PARALLEL_FROM", 2)  # worker processes while a PostgreSQL connection is open
    folder = tmp_path / "in"
    folder.mkdir()
    _day_one(folder)
    results = []
    for location in (str(tmp_path / "store.db"), postgres_url):
        with open_store(location) as store:
            report = corpus.ingest([str(folder)], store, Settings(workers=2))
            outlets = {a.id: a.outlet for a in store.stored_articles()}
            links = sorted((outlets[link.article_id], outlets[link.origin_id]) for link in store.copies())
            stories = [(s.id, s.article_count, s.independent_sources) for s in store.stories()]
            results.append((report.added, report.copies, links, stories))
    assert results[0] == results[1]
    assert results[0][2] == [("Kurier", "NDA"), ("Tagblatt", "NDA")]
