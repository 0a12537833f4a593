"""Feeds: RSS and Atom entries become RawArticles from files, folders, standard input and local URLs."""

from __future__ import annotations

import functools
import http.server
import io
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest

from presseschau.clean import clean
from presseschau.ingest import feeds, read_inputs
from presseschau.ingest.feeds import read_feed
from presseschau.model import Article, RawArticle, Skipped

FIXTURES = Path(__file__).parent / "fixtures" / "feeds"
LIMIT = 5 * 1024 * 1024


def read(source: str | Path, limit: int = LIMIT, fetch: bool = True) -> tuple[list[RawArticle], list[Skipped]]:
    return read_feed(str(source), fetch=fetch, max_bytes=limit)


def by_source(raws: list[RawArticle]) -> dict[str, RawArticle]:
    return {raw.source.rsplit("#", 1)[1]: raw for raw in raws}


def rss(items: str, *, encoding: str = "UTF-8") -> str:
    return (f'<?xml version="1.0" encoding="{encoding}"?>\n<rss version="2.0" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Probeblatt</title>'
            f"<link>https://probe.example/</link>{items}</channel></rss>\n")


def item(text: str = "Der Stadtrat hat den Haushalt für das kommende Jahr beschlossen.", extra: str = "") -> str:
    return f"<item><title>Haushalt beschlossen</title><description>{text}</description>{extra}</item>"


# --- RSS 2.0 ---------------------------------------------------------------------------------------------


def test_rss_entry_fields() -> None:
    raws, _ = read(FIXTURES / "stadtbote.rss")
    raw = by_source(raws)["entry 1"]
    assert raw.source == f"{FIXTURES / 'stadtbote.rss'}#entry 1"
    assert raw.format == "feed"
    assert raw.title == "Neuer Radweg zum Mühlensee eröffnet"
    assert raw.text.startswith("Die Stadt Lindenau hat am Dienstag den neuen Radweg")
    assert raw.url == "https://stadtbote.example/2025/03/radweg"
    assert raw.outlet == "Lindenauer Stadtbote"
    assert raw.published == "2025-03-12T08:30:00+01:00"  # the feed's own offset is kept
    assert raw.language == "de"  # "de-DE" in the feed
    assert raw.extra["id"] == "stadtbote-4711"


def test_rss_html_content_is_preferred_and_made_plain() -> None:
    raw = by_source(read(FIXTURES / "stadtbote.rss")[0])["entry 2"]
    # content:encoded holds the full text; the one-line description is only a teaser.
    assert raw.text.split("\n") == [
        "Kurz vor der Abstimmung über die Sanierung des Hallenbads sind sich die Fraktionen im Gemeinderat "
        "nicht einig.",
        "Die Verwaltung rechnet mit Kosten von 8,5 Millionen Euro. Ein Neubau am Stadtrand wäre nach ihren "
        "Zahlen kaum teurer.",
        "„Wir dürfen das Bad nicht verfallen lassen“, sagte Bürgermeisterin Ilse Brandt am Abend.",
    ]
    assert "<" not in raw.text and "alert" not in raw.text
    assert raw.extra["author"] == "Greta Sommer"


def test_entry_without_text_is_skipped_and_the_feed_goes_on() -> None:
    raws, skipped = read(FIXTURES / "stadtbote.rss")
    assert sorted(by_source(raws)) == ["entry 1", "entry 2"]
    assert skipped == [Skipped(f"{FIXTURES / 'stadtbote.rss'}#entry 3", "ingest",
                               "the entry has no text (no content or summary with article text)")]


# --- Atom ------------------------------------------------------------------------------------------------


def test_atom_entries() -> None:
    raws, skipped = read(FIXTURES / "kurier.atom")
    assert skipped == []
    entries = by_source(raws)
    pegel, bahn, markt = entries["entry 1"], entries["entry 2"], entries["entry 3"]
    assert pegel.text.split("\n")[1].startswith("Am Messpunkt Bergheim lag er am Mittwochmorgen")  # type="html"
    assert pegel.published == "2025-03-12T06:45:00+01:00"  # published wins over updated
    assert pegel.extra["feed_url"] == "https://talkurier.example/feed.atom"  # the feed's rel="self" link
    assert bahn.title == "Bahnstrecke nach Tiefenbach wieder frei"  # an HTML title loses its tags
    assert bahn.text.startswith("Die gesperrte Bahnstrecke")  # type="xhtml"
    assert bahn.published == "2025-03-12T14:20:00+00:00"  # only <updated>
    assert (bahn.outlet, bahn.extra["feed"]) == ("Nachrichtendienst Süd", "Talkurier")  # the entry's <source>
    assert markt.text == "Der Wochenmarkt am Donnerstag fällt wegen der Aufräumarbeiten am Ufer aus."  # summary
    assert {raw.language for raw in raws} == {"de"}  # xml:lang
    assert markt.outlet == "Talkurier"


def test_feed_articles_pass_cleaning() -> None:
    articles = [clean(raw) for raw in read(FIXTURES / "kurier.atom")[0]]
    assert all(isinstance(a, Article) for a in articles)
    first = articles[0]
    assert isinstance(first, Article)
    assert (first.title, first.outlet, first.outlet_from) == (
        "Hochwasser: Pegel der Lauter sinkt wieder", "Talkurier", "metadata")
    assert first.published == "2025-03-12T06:45:00+01:00"


# --- damaged and odd documents ---------------------------------------------------------------------------


def test_truncated_feed_keeps_the_entries_before_the_damage() -> None:
    raws, skipped = read(FIXTURES / "abgebrochen.xml")
    assert [raw.title for raw in raws] == ["Brücke über die Lauter gesperrt"]
    assert [s.path.rsplit("/", 1)[1] for s in skipped] == ["abgebrochen.xml#entry 2", "abgebrochen.xml"]
    assert skipped[1].reason.startswith("the feed is damaged (no element found at line 17)")


def test_corrupt_feed_is_skipped_with_its_reason() -> None:
    assert read(FIXTURES / "kaputt.rss") == (
        [], [Skipped(str(FIXTURES / "kaputt.rss"), "ingest", "not a readable feed: unclosed token at line 2")])


@pytest.mark.parametrize(("content", "reason"), [
    (b'<?xml version="1.0"?><urlset><url><loc>https://probe.example/</loc></url></urlset>',
     "not an RSS or Atom feed"),
    (rss("").encode(), "the feed has no entries"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a readable feed"),
    (b"  \n", "empty file"),
])
def test_documents_without_entries(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "probe.xml"
    path.write_bytes(content)
    raws, skipped = read(path)
    assert raws == []
    assert [s.path for s in skipped] == [str(path)]
    assert skipped[0].reason.startswith(reason)


def test_missing_file_and_size_limit(tmp_path: Path) -> None:
    assert read(tmp_path / "fehlt.rss")[1][0].reason == "no such file or folder"
    path = tmp_path / "gross.rss"
    path.write_text(rss(item() * 50), encoding="utf-8")
    raws, skipped = read(path, limit=1000)
    assert raws == []
    assert "over the size limit" in skipped[0].reason and "--max-size" in skipped[0].reason


def test_declared_encoding_is_honoured(tmp_path: Path) -> None:
    path = tmp_path / "latin.rss"
    path.write_bytes(rss(item("Die Bürgerinitiative übergibt 3000 Unterschriften für größere Grünflächen."),
                         encoding="ISO-8859-1").encode("latin-1"))
    raw = read(path)[0][0]
    assert raw.text == "Die Bürgerinitiative übergibt 3000 Unterschriften für größere Grünflächen."
    assert raw.encoding == "iso-8859-1"


def test_dates_are_normalised_without_inventing_precision(tmp_path: Path) -> None:
    path = tmp_path / "daten.rss"
    path.write_text(rss(
        item(extra="<pubDate>Sat, 15 Mar 2025 18:00:00 GMT</pubDate>")
        + item(extra="<dc:date>2025-03-14</dc:date>")
        + item(extra="<pubDate>Fr, 14 Mär 2025 08:30</pubDate>")  # German: not RFC 822, kept as written
        + item()
    ), encoding="utf-8")
    assert [raw.published for raw in read(path)[0]] == [
        "2025-03-15T18:00:00+00:00", "2025-03-14", "Fr, 14 Mär 2025 08:30", None]


def test_plain_and_escaped_text_stays_text(tmp_path: Path) -> None:
    path = tmp_path / "zeichen.rss"
    path.write_text(rss(item("Müller &amp;amp; Söhne liefern 5 &lt; 7 Busse an die Stadtwerke.")), encoding="utf-8")
    assert read(path)[0][0].text == "Müller & Söhne liefern 5 < 7 Busse an die Stadtwerke."


def test_inline_html_fragment_is_made_plain(tmp_path: Path) -> None:
    path = tmp_path / "inline.rss"
    path.write_text(rss(item("Der Rat tagt am &lt;b&gt;Montag&lt;/b&gt; im Rathaus über den Haushalt.")),
                    encoding="utf-8")
    assert read(path)[0][0].text == "Der Rat tagt am Montag im Rathaus über den Haushalt."


def test_any_file_that_is_a_feed_can_be_read(tmp_path: Path) -> None:
    path = tmp_path / "export.php"
    path.write_text(rss(item()), encoding="utf-8")
    assert [raw.title for raw in read(path)[0]] == ["Haushalt beschlossen"]


# --- read_inputs ---------------------------------------------------------------------------------------


def test_folder_reads_feeds_next_to_other_files(tmp_path: Path) -> None:
    (tmp_path / "meldung.txt").write_text("Kurz gemeldet\nDer Wochenmarkt zieht auf den Kirchplatz um.\n",
                                          encoding="utf-8")
    (tmp_path / "feed.xml").write_text(rss(item()), encoding="utf-8")
    raws, skipped = read_inputs([str(tmp_path), str(FIXTURES / "kaputt.rss")], max_file_bytes=LIMIT)
    assert [(raw.format, Path(raw.source).name) for raw in raws] == [("feed", "feed.xml#entry 1"),
                                                                     ("txt", "meldung.txt")]
    assert [s.path for s in skipped] == [str(FIXTURES / "kaputt.rss")]  # the batch goes on


def test_unsupported_file_message_names_feeds(tmp_path: Path) -> None:
    path = tmp_path / "bericht.pdf"
    path.write_bytes(b"%PDF-1.4")
    reason = read_inputs([str(path)], max_file_bytes=LIMIT)[1][0].reason
    assert reason.endswith(".rss/.atom/.xml feeds")


def test_feed_on_standard_input() -> None:
    stdin = io.StringIO((FIXTURES / "kurier.atom").read_text(encoding="utf-8"))
    raws, skipped = read_inputs(["-"], max_file_bytes=LIMIT, stdin=stdin)
    assert skipped == []
    assert [raw.source for raw in raws] == ["<stdin>#entry 1", "<stdin>#entry 2", "<stdin>#entry 3"]


def test_feed_bytes_on_standard_input_keep_their_encoding() -> None:
    data = rss(item("Die Fähre über den Fluss fährt ab Montag wieder stündlich."), encoding="ISO-8859-1")
    stdin = io.TextIOWrapper(io.BytesIO(data.encode("latin-1")), encoding="latin-1")
    raws, _ = read_inputs(["-"], max_file_bytes=LIMIT, stdin=stdin)
    assert raws[0].text == "Die Fähre über den Fluss fährt ab Montag wieder stündlich."


# --- URLs (a local server; the tests never use the network) -------------------------------------------


class _Handler(http.server.SimpleHTTPRequestHandler):
    requests: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        _Handler.requests.append(self.path)
        super().do_GET()

    def log_message(self, format: str, *args: object) -> None:  # keep the test output clean
        pass


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    _Handler.requests = []
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                            functools.partial(_Handler, directory=str(FIXTURES)))
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_url_is_fetched_and_read(server: str) -> None:
    raws, skipped = read_inputs([f"{server}/stadtbote.rss"], max_file_bytes=LIMIT)
    assert [raw.source for raw in raws] == [f"{server}/stadtbote.rss#entry 1", f"{server}/stadtbote.rss#entry 2"]
    assert raws[0].extra["feed_url"] == f"{server}/stadtbote.rss"
    assert raws[0].title == "Neuer Radweg zum Mühlensee eröffnet"
    assert [s.path for s in skipped] == [f"{server}/stadtbote.rss#entry 3"]


def test_url_is_not_fetched_when_fetching_is_off(server: str) -> None:
    raws, skipped = read(f"{server}/stadtbote.rss", fetch=False)
    assert raws == [] and "turned off" in skipped[0].reason
    assert _Handler.requests == []


def test_url_errors_are_skipped(server: str) -> None:
    missing = read(f"{server}/fehlt.rss")[1][0]
    assert missing.reason.startswith("cannot fetch the feed: the server answered HTTP 404")
    assert read(f"{server}/kaputt.rss")[1][0].reason.startswith("not a readable feed")
    assert "over the size limit" in read(f"{server}/stadtbote.rss", limit=100)[1][0].reason


def test_closed_port_is_skipped() -> None:
    with socket.socket() as probe:  # a port that was free a moment ago and has nobody listening
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    raws, skipped = read(f"http://127.0.0.1:{port}/feed.rss")
    assert raws == []
    assert skipped[0].reason.startswith("cannot fetch the feed: Connection refused")
    assert "offline" in skipped[0].reason


def test_silent_server_does_not_hang(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(feeds, "FETCH_TIMEOUT_SECONDS", 0.3)
    with socket.socket() as silent:  # accepts connections (the kernel does) but never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        raws, skipped = read(f"http://127.0.0.1:{silent.getsockname()[1]}/feed.rss")
    assert raws == []
    assert "no answer" in skipped[0].reason
