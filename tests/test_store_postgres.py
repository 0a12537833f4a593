"""PostgreSQL store specifics: migrations, named errors, and the same answers as SQLite where the engines differ."""

from __future__ import annotations

import io
import json
import socket
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_store import article

from presseschau.errors import (
    NotAStoreError,
    StoreDriverMissingError,
    StoreLockedError,
    StoreTooNewError,
    StoreUnreachableError,
)
from presseschau.store import PostgresStore, SqliteStore, Store, open_store
from presseschau.store.migrations import latest
from presseschau.store.postgres_schema import MIGRATIONS

pytest_plugins = ["pg_server"]  # the session's PostgreSQL server


@pytest.fixture
def url(postgres_url: str) -> str:
    """The URL of an empty store for the test (a shorter name for pg_server's fixture)."""
    return postgres_url


def _sql(url: str, statement: str) -> list[tuple[object, ...]]:
    import psycopg

    with psycopg.connect(url, autocommit=True) as db:
        cursor = db.execute(statement)
        return cursor.fetchall() if cursor.description else []


def test_migrations_run_once_and_mark_the_schema(url: str) -> None:
    for _ in range(2):
        with PostgresStore(url) as store:
            assert store.schema_version() == latest(MIGRATIONS)
    assert [r[0] for r in _sql(url, "SELECT version FROM schema_version")] == list(range(1, latest(MIGRATIONS) + 1))
    tables = {r[0] for r in _sql(url, "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")}
    assert {"articles", "article_features", "stories", "story_members", "copies", "meta"} <= tables


def test_newer_schema_is_refused(url: str) -> None:
    PostgresStore(url).close()
    _sql(url, f"INSERT INTO schema_version VALUES ({latest(MIGRATIONS) + 1}, 'from_the_future', '2030-01-01')")
    with pytest.raises(StoreTooNewError, match="upgrade presseschau"):
        PostgresStore(url)


def test_another_programs_tables_are_left_alone(url: str) -> None:
    _sql(url, "CREATE TABLE kunden (name TEXT)")
    with pytest.raises(NotAStoreError, match="another program's tables"):
        PostgresStore(url)
    assert _sql(url, "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()") == [(1,)]


def test_unreachable_server_names_the_url_but_not_the_password() -> None:
    pytest.importorskip("psycopg")
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(StoreUnreachableError, match="start the server") as caught:
        open_store(f"postgresql://redaktion:geheim@127.0.0.1:{port}/presse")
    assert f"postgresql://redaktion:***@127.0.0.1:{port}/presse" in str(caught.value)
    assert "geheim" not in str(caught.value)


def test_missing_driver_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)  # import psycopg now raises ImportError
    with pytest.raises(StoreDriverMissingError, match=r"pip install 'presseschau\[postgres\]'"):
        open_store("postgresql://redaktion@127.0.0.1:5432/presse")


def test_lock_held_beyond_the_busy_timeout(url: str) -> None:
    with PostgresStore(url) as holder, PostgresStore(url, busy_timeout=0.05) as waiter:
        with holder.transaction():
            holder.add_articles([article(1)])
            with pytest.raises(StoreLockedError, match="--db PATH"):
                waiter.add_articles([article(2)])
            assert waiter.stories() == []  # readers do not wait for writers
        assert waiter.add_articles([article(2)]).added == 1


def test_every_url_spelling_opens_the_same_store(url: str) -> None:
    with open_store(url) as store:
        store.add_articles([article(1)])
    rest = url.split("://", 1)[1]
    for scheme in ("postgres", "postgresql+psycopg"):
        with open_store(f"{scheme}://{rest}") as store:
            assert isinstance(store, PostgresStore) and store.has_article(article(1).id)


def test_nul_in_a_text_is_stored_instead_of_failing_the_batch(url: str) -> None:
    odd = article(1, text="Ein Steuerzeichen\x00 mitten im Satz.")
    with PostgresStore(url) as store:
        assert store.add_articles([odd, article(2)]).added == 2
        assert store.get_article(odd.id).text == "Ein Steuerzeichen\ufffd mitten im Satz."


def test_check_finds_links_to_missing_rows(url: str) -> None:
    if _sql(url, "SELECT rolsuper FROM pg_roles WHERE rolname = current_user") != [(True,)]:
        pytest.skip("needs a superuser to load rows past the foreign keys")
    with PostgresStore(url) as store:
        store.add_articles([article(1)])
        store.create_story("s1", "Radweg")
        store.assign(article(1).id, "s1")
        assert store.check() == ()
    _sql(url, "SET session_replication_role = replica; DELETE FROM stories")  # as a bulk load that skips triggers
    with PostgresStore(url) as store:
        assert store.check() == (f"story_members row {article(1).id} points to a missing row in stories",)


# Words, case, diacritics, punctuation, numbers and query syntax: the text filter must answer as SQLite's FTS5 does.
TEXTS = {
    "s1": ("Fähre nach Helgoland", "Die FÄHRE fällt aus; Ersatz unter https://example.org/fahrplan bis 17.30 Uhr."),
    "s2": ("Nord-Stream-Prozess", "„Sabotage“, sagte die Anklägerin – der Schaden liegt bei 3,5 Mrd. Euro."),
    "s3": ("Straßenbahn", "Die Linie 7 fährt wieder. Café, Über\u00adgang und naïve Fragen_zum Umbau."),
}
QUERIES = ["fahre", "Fähre", "FAEHRE", "helgo", "example", "org", "fahrplan", "17", "30", "Nord Stream", "stream",
           "prozess", "Sabotage", "anklagerin", "3", "5 Mrd", "Strassenbahn", "straßen", "Linie 7", "cafe", "naive",
           "zum", "Fragen_zum", "über", "gang", "e", "Fähre Sabotage", '"Fähre* (', "NEAR AND OR NOT", "-", "Umbau."]


@pytest.fixture
def both(url: str, tmp_path: Path) -> Iterator[tuple[Store, Store]]:
    with SqliteStore(tmp_path / "s.db") as sqlite, PostgresStore(url) as postgres:
        for store in (sqlite, postgres):
            for n, (story_id, (title, text)) in enumerate(TEXTS.items()):
                story = article(n, title=title, text=text, extra={"z": 1, "a": [1.5, None], "ß": "ü"})
                store.add_articles([story])
                store.create_story(story_id, title)
                store.assign(story.id, story_id)
        yield sqlite, postgres


def test_text_filter_answers_as_sqlite(both: tuple[Store, Store]) -> None:
    sqlite, postgres = both
    answers = {q: [s.id for s in sqlite.stories(text=q)] for q in QUERIES}
    assert answers["Fähre"] == answers["fahre"] == ["s1"] and answers["Strassenbahn"] == []  # FTS5 folds no ß
    assert answers["example"] == answers["org"] == ["s1"] and answers["e"] == ["s1", "s2"]
    assert {q: [s.id for s in postgres.stories(text=q)] for q in QUERIES} == answers


def test_export_is_the_same_text_as_sqlite(both: tuple[Store, Store]) -> None:
    exports = []
    for store in both:
        out = io.StringIO()
        store.export(out)
        exports.append([{k: v for k, v in json.loads(line).items() if k != "ingested_at"} for line in
                        out.getvalue().splitlines()])
        assert '"extra":{"z":1,"a":[1.5,null],"ß":"ü"}' in out.getvalue()  # key order and spelling as written
    assert exports[0] == exports[1] and len(exports[0]) == len(TEXTS)
