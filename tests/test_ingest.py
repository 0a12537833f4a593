"""Ingest: every format becomes RawArticles, every bad input a Skipped with its reason, the batch goes on."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path
from typing import Any

import pytest

from presseschau.ingest import read_inputs
from presseschau.model import RawArticle, Skipped

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
LIMIT = 5 * 1024 * 1024


def read(
    *paths: str | Path, limit: int = LIMIT, stdin: io.StringIO | None = None
) -> tuple[list[RawArticle], list[Skipped]]:
    return read_inputs([str(p) for p in paths], max_file_bytes=limit, stdin=stdin)


def only(paths: str | Path) -> RawArticle:
    raws, skipped = read(paths)
    assert skipped == []
    assert len(raws) == 1
    return raws[0]


def reason(skipped: list[Skipped], path: str | Path) -> str:
    found = [s for s in skipped if s.path == str(path)]
    assert len(found) == 1, skipped
    assert found[0].stage == "ingest"
    return found[0].reason


# --- formats -------------------------------------------------------------------------------------------


def test_txt_is_read_as_it_is() -> None:
    raw = only(FIXTURES / "meldung.txt")
    assert raw.format == "txt"
    assert raw.title is None
    assert raw.text == (FIXTURES / "meldung.txt").read_text(encoding="utf-8")
    assert raw.encoding == "utf-8"
    assert raw.source == str(FIXTURES / "meldung.txt")


def test_md_keeps_its_headline_line_for_clean() -> None:
    raw = only(FIXTURES / "bericht.md")
    assert raw.format == "md"
    assert raw.title is None
    assert raw.text.startswith("# Bibliothek verlängert ihre Öffnungszeiten\n")


def test_html_gives_main_text_and_metadata() -> None:
    raw = only(FIXTURES / "seite.html")
    assert raw.format == "html"
    assert raw.title == "Stadtrat beschließt neuen Radweg"
    assert raw.published == "2024-03-05"
    assert raw.outlet == "Musterstädter Anzeiger"
    assert raw.url == "https://anzeiger.example/radweg"
    assert raw.language == "de"
    assert "mit großer Mehrheit den Bau eines neuen Radwegs" in raw.text
    assert "Startseite" not in raw.text  # navigation is not article text


def test_htm_is_html() -> None:
    raw = only(FIXTURES / "kurz.htm")
    assert raw.format == "html"
    assert raw.title == "Hochwasser im Tal: Pegel sinkt langsam"
    assert "Sandsäcke an der Brücke" in raw.text


def test_json_object_fields_and_unknown_fields_in_extra() -> None:
    raw = only(FIXTURES / "artikel.json")
    assert raw.format == "json"
    assert raw.title == "Neue Buslinie verbindet zwei Stadtteile"
    assert (raw.outlet, raw.published, raw.url, raw.language) == (
        "Musterblatt", "2024-05-02", "https://blatt.example/bus", "de")
    assert raw.text == ("Ab Montag fährt die Linie 12 alle zwanzig Minuten.\n"
                        "Die Verkehrsbetriebe rechnen mit vielen Fahrgästen.")
    assert dict(raw.extra) == {"ressort": "Lokales", "tags": ["Verkehr", "Bus"]}


def test_json_list_skips_the_bad_item_and_keeps_the_rest() -> None:
    path = FIXTURES / "liste.json"
    raws, skipped = read(path)
    assert [r.source for r in raws] == [f"{path}#item 1", f"{path}#item 3"]
    assert [r.title for r in raws] == ["Freibad öffnet früher", "Marktplatz wird umgebaut"]
    assert raws[0].published == "02.05.2024"  # normalised by clean, not here
    assert "no article text" in reason(skipped, f"{path}#item 2")


def test_jsonl_skips_the_bad_line_keeps_unknown_fields() -> None:
    path = FIXTURES / "feed.jsonl"
    raws, skipped = read(path)
    assert [r.source for r in raws] == [f"{path}#line 1", f"{path}#line 3"]
    assert all(r.format == "jsonl" for r in raws)
    assert dict(raws[0].extra) == {"autor": "Erika Beispiel"}
    assert raws[1].language == "de"
    assert reason(skipped, f"{path}#line 2").startswith("not valid JSON")


def test_json_wrapper_object_holding_a_list(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    items = [{"title": "Eins", "text": "Der erste Text."}, {"title": "Zwei", "text": "Der zweite Text."}]
    path.write_text(json.dumps({"status": "ok", "articles": items}), encoding="utf-8")
    raws, skipped = read(path)
    assert skipped == []
    assert [r.text for r in raws] == ["Der erste Text.", "Der zweite Text."]


def test_invalid_json_names_the_place(tmp_path: Path) -> None:
    path = tmp_path / "kaputt.json"
    path.write_text('{"title": "Ohne Ende",\n "text": ', encoding="utf-8")
    raws, skipped = read(path)
    assert raws == []
    assert reason(skipped, path).startswith("not valid JSON")
    assert "line 2" in reason(skipped, path)


def test_stdin_plain_text() -> None:
    raws, skipped = read("-", stdin=io.StringIO("Überschrift aus der Pipe\nDer Text kommt über stdin.\n"))
    assert skipped == []
    assert [(r.source, r.format, r.text) for r in raws] == [
        ("<stdin>", "txt", "Überschrift aus der Pipe\nDer Text kommt über stdin.\n")]


def test_stdin_json_and_jsonl_are_recognised() -> None:
    obj = {"title": "Per Pipe", "text": "Ein Artikel als JSON über die Standardeingabe."}
    raws, _ = read("-", stdin=io.StringIO(json.dumps(obj)))
    assert [(r.format, r.title) for r in raws] == [("json", "Per Pipe")]
    lines = "\n".join(json.dumps({**obj, "title": t}) for t in ("A", "B")) + "\n"
    raws, _ = read("-", stdin=io.StringIO(lines))
    assert [(r.format, r.title, r.source) for r in raws] == [("jsonl", "A", "<stdin>#line 1"),
                                                            ("jsonl", "B", "<stdin>#line 2")]


def test_stdin_bytes_in_cp1252_are_decoded() -> None:
    class Stream(io.StringIO):
        buffer = io.BytesIO("Grüße aus Köln, die Straße ist gesperrt.\n".encode("cp1252"))

    raws, _ = read("-", stdin=Stream())
    assert raws[0].text == "Grüße aus Köln, die Straße ist gesperrt.\n"
    assert raws[0].encoding == "cp1252"


# --- folders ---------------------------------------------------------------------------------------------


def make_folder(root: Path) -> Path:
    folder = root / "eingang"
    (folder / "sub").mkdir(parents=True)
    (folder / ".git").mkdir()
    (folder / "b.txt").write_text("Zweiter Titel\nZweiter Text.\n", encoding="utf-8")
    (folder / "a.txt").write_text("Erster Titel\nErster Text.\n", encoding="utf-8")
    (folder / "sub" / "c.md").write_text("# Dritter Titel\nDritter Text.\n", encoding="utf-8")
    (folder / "foto.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF")
    (folder / ".notiz.txt").write_text("Versteckt.\n", encoding="utf-8")
    (folder / ".git" / "HEAD.txt").write_text("Auch versteckt.\n", encoding="utf-8")
    return folder


def test_folder_is_walked_sorted_recursive_without_hidden_or_other_files(tmp_path: Path) -> None:
    folder = make_folder(tmp_path)
    raws, skipped = read(folder)
    assert skipped == []
    assert [r.source for r in raws] == [f"{folder}/a.txt", f"{folder}/b.txt", f"{folder}/sub/c.md"]


def test_sources_keep_the_path_as_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_folder(tmp_path)
    monkeypatch.chdir(tmp_path)
    raws, _ = read_inputs(["eingang/"], max_file_bytes=LIMIT)
    assert raws[0].source == "eingang/a.txt"


def test_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "leer").mkdir()
    (tmp_path / "leer" / "bild.png").write_bytes(b"\x89PNG")
    raws, skipped = read(tmp_path / "leer")
    assert raws == []
    assert reason(skipped, tmp_path / "leer").startswith(
        "folder contains no .txt/.md/.html/.htm/.json/.jsonl files")


# --- bad inputs ------------------------------------------------------------------------------------------


def test_missing_path() -> None:
    raws, skipped = read("/nirgendwo/gibt/es/das.txt")
    assert raws == []
    assert reason(skipped, "/nirgendwo/gibt/es/das.txt") == "no such file or folder"


def test_explicit_file_with_unsupported_extension_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "bericht.pdf"
    path.write_bytes(b"%PDF-1.4")
    assert reason(read(path)[1], path).startswith("unsupported file type '.pdf'")


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    good, locked = tmp_path / "gut.txt", tmp_path / "gesperrt.txt"
    good.write_text("Lesbar\nDieser Text ist lesbar.\n", encoding="utf-8")
    locked.write_text("Gesperrt\nDieser Text ist gesperrt.\n", encoding="utf-8")
    real_open = Path.open

    def guarded_open(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self.name == "gesperrt.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", guarded_open)
    raws, skipped = read(tmp_path)
    assert [r.source for r in raws] == [str(good)]
    assert reason(skipped, locked) == "cannot read: permission denied"


def test_broken_links_and_pipes_in_a_folder_are_reported_not_opened(tmp_path: Path) -> None:
    (tmp_path / "weg.txt").symlink_to(tmp_path / "gibt-es-nicht.txt")
    (tmp_path / "gut.txt").write_text("Titel\nText.\n", encoding="utf-8")
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "rohr.txt")  # opening it would block the whole batch
    raws, skipped = read(tmp_path)
    assert [r.source for r in raws] == [str(tmp_path / "gut.txt")]
    assert reason(skipped, tmp_path / "weg.txt").startswith("broken link")
    if hasattr(os, "mkfifo"):
        assert reason(skipped, tmp_path / "rohr.txt").startswith("not a regular file")


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "bild.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00")
    assert reason(read(path)[1], path).startswith("binary file")


def test_cp1252_text_is_decoded_and_its_encoding_recorded(tmp_path: Path) -> None:
    path = tmp_path / "alt.txt"
    text = "Bürger ärgern sich über höhere Gebühren\nDie Straße bleibt „vorerst“ gesperrt – für 50 €.\n"
    path.write_bytes(text.encode("cp1252"))
    raw = only(path)
    assert raw.text == text
    assert raw.encoding == "cp1252"


def test_utf16_with_bom_and_crlf_line_breaks(tmp_path: Path) -> None:
    path = tmp_path / "windows.txt"
    path.write_bytes("Titel\r\nÜberall Umlaute.\r\n".encode("utf-16"))
    raw = only(path)
    assert (raw.text, raw.encoding) == ("Titel\nÜberall Umlaute.\n", "utf-16")


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "gross.txt"
    path.write_text("Titel\n" + "Sehr langer Text. " * 200, encoding="utf-8")
    raws, skipped = read(path, limit=1000)
    assert raws == []
    message = reason(skipped, path)
    assert "3.5 kB" in message and "1000 bytes" in message and "--max-size" in message


def test_html_without_article_text(tmp_path: Path) -> None:
    path = tmp_path / "menue.html"
    path.write_text("<html><body><nav><a href='/'>Start</a></nav></body></html>", encoding="utf-8")
    assert "no article text found in the HTML" in reason(read(path)[1], path)


def test_empty_and_whitespace_only_files(tmp_path: Path) -> None:
    (tmp_path / "leer.txt").write_bytes(b"")
    (tmp_path / "luft.md").write_text(" \n\t\n", encoding="utf-8")
    raws, skipped = read(tmp_path / "leer.txt", tmp_path / "luft.md")
    assert raws == []
    assert reason(skipped, tmp_path / "leer.txt") == "empty file"
    assert reason(skipped, tmp_path / "luft.md") == "file contains only whitespace"


def test_one_bad_file_never_loses_the_rest_of_the_batch(tmp_path: Path) -> None:
    folder = tmp_path / "stapel"
    folder.mkdir()
    (folder / "1_gut.txt").write_text("Gut eins\nErster guter Text.\n", encoding="utf-8")
    (folder / "2_binaer.txt").write_bytes(b"\x00\x01\x02\x03" * 10)
    (folder / "3_leer.json").write_bytes(b"")
    (folder / "4_kaputt.jsonl").write_text('{"text": "Guter Teil."}\n{kaputt\n', encoding="utf-8")
    (folder / "5_gut.md").write_text("# Gut zwei\nZweiter guter Text.\n", encoding="utf-8")
    raws, skipped = read(folder, tmp_path / "fehlt.txt", FIXTURES / "meldung.txt")
    assert [Path(r.source.split("#")[0]).name for r in raws] == ["1_gut.txt", "4_kaputt.jsonl", "5_gut.md",
                                                                 "meldung.txt"]
    assert sorted(Path(s.path.split("#")[0]).name for s in skipped) == [
        "2_binaer.txt", "3_leer.json", "4_kaputt.jsonl", "fehlt.txt"]
