"""Store contract tests over every registered backend, then SQLite specifics: migrations, locks, damaged files."""

from __future__ import annotations

import hashlib
import io
import itertools
import json
import multiprocessing
import os
import signal
import sqlite3
from collections.abc import Iterator
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import pytest

from presseschau.errors import (
    NotAStoreError,
    NotInStoreError,
    StoreLockedError,
    StoreNotWritableError,
    StoreTooNewError,
    UnknownBackendError,
)
from presseschau.model import Article, CopyLink, Removal, SentenceRef
from presseschau.store import STORES, AddResult, ArticleFeatures, SqliteStore, Store, default_location, open_store
from presseschau.store.base import article_from_json
from presseschau.store.migrations import latest

pytest_plugins = ["pg_server"]  # the session's PostgreSQL server, shared with test_store_postgres.py
BATCH = 50  # articles per transaction in the crash test, as the coming `ingest` commits them
_SPAWN = multiprocessing.get_context("spawn")  # children start clean: no copied SQLite handles


def article(n: int, *, outlet: str = "Tagesblatt", published: str | None = "2025-03-12", title: str | None = None,
            text: str | None = None, url: str | None = None, **fields: Any) -> Article:
    """An article with a content-hash id as cleaning makes it (own test sentences, never seed text)."""
    title = title or f"Stadtrat beschließt neuen Radweg Nummer {n}"
    text = text or f"Der Stadtrat hat am Dienstag den Radweg {n} beschlossen. Die Arbeiten beginnen im Mai."
    key = "a" + hashlib.sha256(f"{title}\n{text}".encode()).hexdigest()[:11]
    return Article(id=key, source=f"eingang/{n}.txt", title=title, text=text, outlet=outlet, outlet_from="header",
                   published=published, published_from="header" if published else None, url=url, format="txt",
                   **fields)


def batch(number: int) -> list[Article]:
    return [article(number * BATCH + k, text=f"Meldung {number}-{k}. " + "Der Ausschuss tagte lange. " * 40)
            for k in range(BATCH)]


def features_of(articles: list[Article]) -> dict[str, ArticleFeatures]:
    return {a.id: ArticleFeatures(a.id.encode() * 8, {"radweg": 2, "stadtrat": 1}, ("Mai",)) for a in articles}


# One run per backend class: "postgres" and "postgresql" name the same store.
BACKENDS = sorted(min(name for name, cls in STORES.items() if cls is kind) for kind in set(STORES.values()))
# Server backends: the fixture giving each test an empty store on the session's server (or on the one
# PRESSESCHAU_TEST_<NAME>_URL names); it skips with the reason when there is neither.
SERVERS = {"postgres": "postgres_url"}


@pytest.fixture(params=BACKENDS)
def location(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "store.db")
    return str(request.getfixturevalue(SERVERS[request.param]))


@pytest.fixture
def store(location: str) -> Iterator[Store]:
    with open_store(location) as opened:
        yield opened


def test_article_round_trips_exactly(store: Store) -> None:
    full = article(1, url="https://example.org/radweg", language="de", encoding="cp1252",
                   removed=(Removal("Foto: Muster", "photo_credit", "photo credit", 2),
                            Removal("Von Erika Beispiel", "byline", "author byline", 3)),
                   extra={"author": "Erika Beispiel", "tags": ["Verkehr", "Köln"], "nested": {"n": 1.5, "ok": True}})
    bare = article(2, published=None, outlet="The Daily Example", title="Council approves bike lane",
                   text="The council approved the lane on Tuesday.\nWork starts in May.")
    store.add_articles([full, bare])
    store.create_story("s1", full.title)
    store.assign(full.id, "s1")
    assert store.get_article(full.id) == full
    assert store.get_article(bare.id) == bare
    assert sorted(store.articles(), key=lambda a: a.id) == sorted([full, bare], key=lambda a: a.id)
    assert store.story_articles("s1") == [full]
    with pytest.raises(NotInStoreError, match="presseschau ingest"):
        store.get_article("a000000000000")


def test_duplicate_ingest_adds_nothing(store: Store) -> None:
    first = [article(n) for n in range(5)]
    assert store.add_articles(first) == AddResult(5, 0, tuple(a.id for a in first))
    again = store.add_articles([*first, article(5), article(5)])
    assert (again.added, again.duplicates, again.new_ids) == (1, 6, (article(5).id,))  # a repeat in one batch too
    assert len(list(store.articles())) == 6


def test_features_are_stored_and_filled_in_later(store: Store) -> None:
    with_features, without = article(1), article(2)
    given = features_of([with_features])
    store.add_articles([with_features, without], given)
    stored = {s.id: s for s in store.stored_articles()}
    assert stored[with_features.id].features == given[with_features.id]
    assert stored[without.id].features is None
    store.add_articles([without], features_of([without]))  # a re-ingest fills in missing features
    store.set_features({with_features.id: ArticleFeatures(b"\x00\xff", {"neu": 1}, ())})
    stored = {s.id: s for s in store.stored_articles()}
    assert stored[without.id].features == features_of([without])[without.id]
    assert stored[with_features.id].features == ArticleFeatures(b"\x00\xff", {"neu": 1}, ())
    store.create_story("s1", "Radweg")
    store.assign(without.id, "s1")
    assert [s.id for s in store.stored_articles(unassigned=True)] == [with_features.id]
    assert [s.story for s in store.stored_articles(story="s1")] == ["s1"]


def test_filters_since_until_outlet_story(store: Store) -> None:
    march = article(1, published="2025-03-12T18:30:00+01:00", outlet="Tagesblatt")
    april = article(2, published="2025-04-02", outlet="Abendpost")
    unknown = article(3, published=None, outlet="Abendpost")  # seen = ingest time, i.e. today
    store.add_articles([march, april, unknown])
    store.create_story("s1", "Radweg")
    store.assign(april.id, "s1")

    def ids(**filters: Any) -> list[str]:
        return [a.id for a in store.articles(**filters)]

    assert ids() == [march.id, april.id, unknown.id]  # oldest first
    assert ids(since="2025-04-01") == [april.id, unknown.id]
    assert ids(until="2025-03-12") == [march.id]  # the whole day, not just up to midnight
    assert ids(since="2025-03", until="2025-04") == [march.id, april.id]
    assert ids(outlet="abendpost") == [april.id, unknown.id]
    assert ids(story="s1") == [april.id]
    assert ids(outlet="Tagesblatt", since="2025-04-01") == []


def test_stories_listing_counts_copies_and_filters(store: Store) -> None:
    wire = article(1, outlet="dpa", published="2025-03-10", text="Die Rakete flog 600 Kilometer weit.")
    copy = article(2, outlet="Tagesblatt", published="2025-03-11", text="Die Rakete flog 600 Kilometer weit!")
    own = article(3, outlet="Abendpost", published="2025-03-12", text="Ein Raketentest beunruhigt die Nachbarn.")
    other = article(4, outlet="Abendpost", published="2025-02-01", text="Der Hafen bekommt einen neuen Kran.")
    store.add_articles([wire, copy, own, other])
    for story_id, title, members in (("s1", "Raketentest", [wire, copy, own]), ("s2", "Hafen", [other])):
        store.create_story(story_id, title)
        store.assign_many([(a.id, story_id) for a in members])
    store.set_copies([CopyLink(copy.id, wire.id, 0.92, (SentenceRef(copy.id, 0),), ())], story="s1")
    store.create_story("s3", "noch leer")

    listed = store.stories()
    assert [s.id for s in listed] == ["s1", "s2"]  # latest activity first; the empty story is not listed
    first = listed[0]
    assert (first.article_count, first.independent_sources) == (3, 2)
    assert first.outlets == ("Abendpost", "Tagesblatt", "dpa")
    assert (first.first_seen, first.last_seen) == ("2025-03-10", "2025-03-12")
    assert store.get_story("s3").article_count == 0
    assert [s.id for s in store.stories(since="2025-03-01")] == ["s1"]
    assert [s.id for s in store.stories(until="2025-02")] == ["s2"]
    assert [s.id for s in store.stories(outlet="dpa")] == ["s1"]
    assert [s.id for s in store.stories(text="Rakete")] == ["s1"]  # also as the start of "Raketentest"
    assert [s.id for s in store.stories(text="neuen Kran")] == ["s2"]
    assert store.stories(text="Kran Rakete") == []  # every word, in one article
    assert [s.id for s in store.stories(limit=1)] == ["s1"]
    assert [s.id for s in store.stories(text='"Rakete* (')] == ["s1"]  # query syntax is read as words, never an error
    assert store.stories(text="NEAR AND OR NOT") == []


def test_story_ids_stay_and_articles_move(store: Store) -> None:
    a, b = article(1), article(2)
    store.add_articles([a, b])
    assert store.create_story("s1", "Erster Titel") is True
    assert store.create_story("s1", "Anderer Titel") is False  # re-running the clustering renames nothing
    store.create_story("s2", "Zweite Geschichte")
    store.assign_many([(a.id, "s1"), (b.id, "s1")])
    store.assign(b.id, "s2")  # one story per article: assigning moves it
    store.update_story("s1", title="Neuer Titel")
    assert {s.id: (s.title, s.article_count) for s in store.stories()} == {
        "s1": ("Neuer Titel", 1), "s2": ("Zweite Geschichte", 1)}
    with pytest.raises(NotInStoreError, match="presseschau stories"):
        store.assign_many([(a.id, "s2"), (b.id, "s-unbekannt")])
    assert [x.id for x in store.story_articles("s1")] == [a.id]  # the failed batch moved nothing
    with pytest.raises(NotInStoreError, match="article"):
        store.assign("a-unbekannt", "s1")
    with pytest.raises(NotInStoreError):
        store.update_story("s-unbekannt", title="x")


def test_copies_round_trip_and_are_replaced_per_story(store: Store) -> None:
    a, b, c = article(1), article(2), article(3)
    store.add_articles([a, b, c])
    store.create_story("s1", "Radweg")
    store.assign_many([(x.id, "s1") for x in (a, b, c)])
    link = CopyLink(b.id, a.id, 0.8, (SentenceRef(b.id, 2),), (SentenceRef(a.id, 0), SentenceRef(a.id, 1)))
    store.set_copies([link, CopyLink(c.id, a.id, 0.5, (), ())])
    assert store.copies(story="s1") == sorted([link, CopyLink(c.id, a.id, 0.5, (), ())], key=lambda x: x.article_id)
    store.set_copies([link], story="s1")
    assert store.copies() == [link]
    with pytest.raises(NotInStoreError):
        store.set_copies([CopyLink(b.id, "a-unbekannt", 0.9, (), ())])


def test_export_writes_every_article_with_its_story(store: Store) -> None:
    articles = [article(n, extra={"quelle": "Zuschrift"}) for n in range(3)]
    store.add_articles(articles)
    store.create_story("s1", "Radweg")
    store.assign(articles[0].id, "s1")
    out = io.StringIO()
    assert store.export(out) == 3
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [article_from_json(line) for line in lines] == articles  # ingest order
    assert [line["story"] for line in lines] == ["s1", None, None]


def test_failed_batch_is_rolled_back_whole_and_meta_is_kept(store: Store) -> None:
    with pytest.raises(RuntimeError), store.transaction():
        store.add_articles([article(1)])
        store.create_story("s1", "Radweg")
        raise RuntimeError("crash in the middle of a batch")
    assert list(store.articles()) == [] and store.stories() == []
    store.set_meta("feed:https://example.org/rss", '"etag-1"')
    store.set_meta("feed:https://example.org/rss", '"etag-2"')
    assert store.get_meta("feed:https://example.org/rss") == '"etag-2"'
    assert store.get_meta("nie gesetzt") is None


def test_second_connection_writes_while_the_first_reads(location: str) -> None:
    with open_store(location) as reader, open_store(location) as writer:
        reader.add_articles(batch(0))
        with reader.snapshot():
            before = [a.id for a in reader.articles()]
            assert writer.add_articles(batch(1)).added == BATCH  # not blocked by the open read
            assert [a.id for a in reader.articles()] == before  # the snapshot does not change under the reader
        assert len(list(reader.articles())) == 2 * BATCH


def _ingest(location: str, numbers: list[int], start: Any) -> None:
    start.wait()
    with open_store(location) as store:
        for number in numbers:
            with store.transaction():
                store.add_articles(batch(number), features_of(batch(number)))


def test_two_processes_ingest_at_once(location: str) -> None:
    start = _SPAWN.Event()  # both open the new store at once: making it, too, must be safe
    children = [_SPAWN.Process(target=_ingest, args=(location, numbers, start)) for numbers in ([0, 2, 4], [1, 3, 5])]
    for child in children:
        child.start()
    start.set()
    for child in children:
        child.join(60)
    assert [child.exitcode for child in children] == [0, 0]
    with open_store(location) as store:
        assert {a.id for a in store.articles()} == {a.id for n in range(6) for a in batch(n)}
        assert store.check() == ()


def _ingest_until_killed(location: str, progress: Connection) -> None:
    with open_store(location) as store:
        for number in itertools.count():
            articles, half = batch(number), BATCH // 2
            with store.transaction():
                store.add_articles(articles[:half], features_of(articles[:half]))
                progress.send(number)  # the parent kills while the rest of this batch is written
                store.add_articles(articles[half:], features_of(articles[half:]))


def test_kill_9_mid_ingest_loses_only_the_open_batch(location: str) -> None:
    receiver, sender = _SPAWN.Pipe(duplex=False)
    child = _SPAWN.Process(target=_ingest_until_killed, args=(location, sender), daemon=True)
    child.start()
    try:
        for _ in range(4):  # three batches committed, then kill it in the middle of the fourth
            assert receiver.poll(30), "the ingesting child made no progress"
            receiver.recv()
    finally:
        os.kill(child.pid, signal.SIGKILL)  # type: ignore[arg-type]
        child.join(10)
    assert child.exitcode == -signal.SIGKILL
    with open_store(location) as store:
        stored = {a.id: a for a in store.articles()}
        committed = len(stored) // BATCH
        assert committed >= 3 and len(stored) == committed * BATCH  # whole batches only
        expected = [a for n in range(committed) for a in batch(n)]
        assert stored == {a.id: a for a in expected}  # every article complete, none half-written
        assert {s.id for s in store.stored_articles() if s.features} == set(stored)
        assert store.check() == ()
        rerun = [a for n in range(committed + 2) for a in batch(n)]
        result = store.add_articles(rerun, features_of(rerun))
        assert (result.added, result.duplicates) == (2 * BATCH, committed * BATCH)


# -- SQLite specifics -------------------------------------------------------------------------------------


def test_migrations_run_once_and_record_the_version(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    for _ in range(2):
        with SqliteStore(path) as store:
            assert store.schema_version() == latest()
    with sqlite3.connect(path) as db:
        assert [r[0] for r in db.execute("SELECT version FROM schema_version")] == list(range(1, latest() + 1))
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"articles", "article_features", "stories", "story_members", "copies", "meta"} <= tables


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    SqliteStore(path).close()
    with sqlite3.connect(path) as db:
        db.execute("INSERT INTO schema_version VALUES (?, 'from_the_future', '2030-01-01')", (latest() + 1,))
    with pytest.raises(StoreTooNewError, match="upgrade presseschau"):
        SqliteStore(path)


def test_files_that_are_no_store_give_the_named_error(tmp_path: Path) -> None:
    text = tmp_path / "notizen.db"
    text.write_text("Das ist keine Datenbank, sondern eine Einkaufsliste.\n" * 200, encoding="utf-8")
    foreign = tmp_path / "fremd.db"
    with sqlite3.connect(foreign) as db:
        db.execute("CREATE TABLE kunden (name TEXT)")
    damaged = tmp_path / "kaputt.db"
    with SqliteStore(damaged) as store:
        store.add_articles(batch(0))
    data = bytearray(damaged.read_bytes())
    data[4096:] = b"\xff" * (len(data) - 4096)  # every page after the first overwritten
    damaged.write_bytes(bytes(data))
    for path in (text, foreign):
        with pytest.raises(NotAStoreError, match="--db PATH"):
            SqliteStore(path)
    with pytest.raises(NotAStoreError), SqliteStore(damaged) as store:
        list(store.articles())


def test_lock_held_beyond_the_busy_timeout(tmp_path: Path) -> None:
    with SqliteStore(tmp_path / "s.db") as holder, SqliteStore(tmp_path / "s.db", busy_timeout=0.05) as waiter:
        with holder.transaction():
            holder.add_articles([article(1)])
            with pytest.raises(StoreLockedError, match="--db PATH"):
                waiter.add_articles([article(2)])
        assert waiter.add_articles([article(2)]).added == 1


def test_unwritable_location(tmp_path: Path) -> None:
    blocker = tmp_path / "eine-datei"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(StoreNotWritableError, match="--db PATH"):
        SqliteStore(blocker / "presseschau.db")  # a directory cannot be made below a file, even as root


def test_text_filter_without_fts5_and_index_rebuilt_after(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    SqliteStore(path).close()
    with SqliteStore(path, full_text=False) as plain:
        plain.add_articles([article(1, text="Die Fähre nach Helgoland fällt aus.")])
        plain.create_story("s1", "Fähre")
        plain.assign(article(1, text="Die Fähre nach Helgoland fällt aus.").id, "s1")
        assert [s.id for s in plain.stories(text="Helgoland Fähre")] == ["s1"]
        assert plain.stories(text="Sylt") == []
    with SqliteStore(path) as indexed:  # the articles added without the index are found again
        assert indexed.full_text and indexed.check() == ()
        assert [s.id for s in indexed.stories(text="helgoland")] == ["s1"]


def test_check_finds_a_stale_full_text_index(tmp_path: Path) -> None:
    with SqliteStore(tmp_path / "s.db") as store:
        store.add_articles([article(1)])
        assert store.check() == ()
        raw = sqlite3.connect(tmp_path / "s.db")
        raw.execute("DROP TRIGGER articles_fts_insert")  # as if another process had no FTS5
        raw.close()
        store.add_articles([article(2)])
        assert [p.split(" (")[0] for p in store.check()] == ["full-text index out of step with the articles"]


def test_open_store_picks_location_and_backend(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PRESSESCHAU_DB", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    assert default_location() == tmp_path / "home/.local/share/presseschau/presseschau.db"
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert default_location() == tmp_path / "data/presseschau/presseschau.db"
    monkeypatch.setenv("PRESSESCHAU_DB", str(tmp_path / "eigen.db"))
    with open_store() as store:
        store.add_articles([article(1)])
    with open_store(f"sqlite://{tmp_path}/eigen.db") as store, open_store(":memory:") as private:
        assert store.has_article(article(1).id) and not private.has_article(article(1).id)
    with pytest.raises(UnknownBackendError, match="choose one of: postgres, postgresql, sqlite"):
        open_store("mysql://localhost/presse")
