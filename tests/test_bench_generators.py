"""Benchmark corpus generators: small runs check counts, fields, determinism and complete ground truth."""

from __future__ import annotations

import csv
import importlib.util
import json
import statistics
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from presseschau.ingest import read_inputs

BENCH = Path(__file__).resolve().parent.parent / "bench"
FIELDS = {"title", "text", "outlet", "published", "url"}

# Our own articles, written below in the 10kGNAD layout: label;'text', one per line, the quote char doubled.
SOURCE_ROWS = [
    ("Inland", "Der Landtag streitet über den Ausbau der Bahn – Opposition fordert mehr Tempo. Lindenau – Der "
               "Landtag hat am Dienstag über den Ausbau der Bahnstrecke nach Tiefenbach beraten. Die Regierung will "
               "bis 2030 zwei Gleise legen. Die Opposition hält das für zu spät. Ein Gutachten soll im Sommer "
               "folgen. Die Kosten schätzt das Ministerium auf 400 Millionen Euro."),
    ("Sport", "Der SV Bergheim gewinnt knapp – Trainer lobt die Abwehr. Bergheim – Mit 1:0 hat der SV Bergheim am "
              "Samstag gegen Auwald gewonnen. Das Tor fiel kurz vor der Pause. Danach verteidigte die Mannschaft "
              "geschickt. Der Trainer sprach von einem 'Sieg der Geduld'."),
    ("Wissenschaft", "Forschende zählen Libellen am Mühlensee. Grünau – Ein Team der Hochschule hat im Sommer 31 "
                     "Libellenarten am Mühlensee gezählt. Das sind fünf mehr als vor zehn Jahren. Als Grund nennen "
                     "die Fachleute die sauberere Uferzone."),
    ("Kultur", "Das Stadttheater zeigt eine neue Komödie. Tiefenbach – Das Stadttheater hat am Freitag eine "
               "Komödie über zwei zerstrittene Nachbarn uraufgeführt. Das Publikum applaudierte lange. Weitere "
               "Vorstellungen sind bis Mai geplant."),
    ("Wirtschaft", "Bäckerei eröffnet dritte Filiale. Auwald – Die Bäckerei Korn hat am Montag ihre dritte Filiale "
                   "eröffnet. Acht neue Stellen entstehen. Der Inhaber will regionale Zutaten verwenden."),
    ("Web", "Stadt startet Mängelmelder im Netz. Sonnhalde – Bürgerinnen und Bürger können Schlaglöcher nun online "
            "melden. Die Stadt verspricht eine Antwort binnen einer Woche. In den ersten Tagen gingen 120 Meldungen "
            "ein."),
]


def load(name: str) -> Any:
    spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
    assert spec and spec.loader
    module: ModuleType = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def corpus() -> Any:
    return load("make_corpus")


@pytest.fixture(scope="module")
def syndication() -> Any:
    return load("make_syndication")


@pytest.fixture
def source_csv(tmp_path: Path) -> Path:
    path = tmp_path / "quelle.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";", quotechar="'", quoting=csv.QUOTE_NONNUMERIC).writerows(SOURCE_ROWS)
    return path


def jsonl(folder: Path, pattern: str) -> list[tuple[str, int, dict[str, Any]]]:
    """(file name, line number, object) of every line of the matching files, in file order."""
    return [(file.name, number, json.loads(line)) for file in sorted(folder.glob(pattern))
            for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1)]


def truth(folder: Path) -> list[dict[str, str]]:
    with (folder / "ground_truth.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


# --- make_corpus ---------------------------------------------------------------------------------------


def test_sources_are_read_with_the_quote_char(corpus: Any, source_csv: Path) -> None:
    assert "''Sieg der Geduld''" in source_csv.read_text(encoding="utf-8")  # as 10kGNAD escapes it
    sources = corpus.load_sources(source_csv)
    assert [s.label for s in sources] == [label for label, _ in SOURCE_ROWS]
    sport = sources[1]
    assert sport.title == "Der SV Bergheim gewinnt knapp"
    assert "von einem 'Sieg der Geduld'." in " ".join(" ".join(p) for p in sport.paragraphs)


def test_corpus_counts_fields_and_order(corpus: Any, source_csv: Path, tmp_path: Path) -> None:
    counts = corpus.generate(tmp_path / "out", 50, seed=3, source=source_csv)
    articles = jsonl(tmp_path / "out", "articles-*.jsonl")
    assert counts["articles"] == len(articles) == 50
    assert all(set(obj) == FIELDS and all(obj.values()) for _, _, obj in articles)
    assert {obj["outlet"] for _, _, obj in articles} <= set(corpus.OUTLETS)
    published = [obj["published"] for _, _, obj in articles]
    assert published == sorted(published)
    assert len({obj["url"] for _, _, obj in articles}) == 50


def test_corpus_ground_truth_maps_every_article(corpus: Any, source_csv: Path, tmp_path: Path) -> None:
    corpus.generate(tmp_path / "out", 50, seed=3, source=source_csv)
    articles = jsonl(tmp_path / "out", "articles-*.jsonl")
    rows = truth(tmp_path / "out")
    assert [(r["file"], int(r["line"]), r["url"]) for r in rows] == [(f, n, obj["url"]) for f, n, obj in articles]
    assert {int(r["source_row"]) for r in rows} == set(range(1, len(SOURCE_ROWS) + 1))  # each source at least once
    originals = [r for r in rows if r["variant"] == "0"]
    assert len(originals) == len(SOURCE_ROWS)
    assert all(r["edit"] == "original" and float(r["jaccard"]) == 1.0 for r in originals)
    assert {r["edit"] for r in rows} - {"original"} <= set(corpus.EDIT_MIX)
    # Copies are near, not exact duplicates: at least some edited copies differ from their original.
    assert any(float(r["jaccard"]) < 1.0 for r in rows if r["edit"] in ("light", "heavy"))


def test_corpus_is_deterministic_with_the_seed(corpus: Any, source_csv: Path, tmp_path: Path) -> None:
    def run(name: str, seed: int) -> bytes:
        corpus.generate(tmp_path / name, 50, seed=seed, source=source_csv)
        return b"".join(p.read_bytes() for p in sorted((tmp_path / name).iterdir()))

    assert run("a", 7) == run("b", 7)
    assert run("a", 7) != run("c", 8)


def test_generated_corpus_is_read_by_ingest(corpus: Any, source_csv: Path, tmp_path: Path) -> None:
    corpus.generate(tmp_path / "out", 20, seed=1, source=source_csv)
    raws, skipped = read_inputs([str(tmp_path / "out")], max_file_bytes=5 * 1024 * 1024)
    assert (len(raws), skipped) == (20, [])  # ground_truth.csv is not an input format
    assert all(raw.outlet and raw.published and raw.title for raw in raws)


def test_corpus_refuses_the_repository(corpus: Any) -> None:
    with pytest.raises(SystemExit, match="outside the repository"):
        corpus.main([str(BENCH / "corpus"), "--n", "5"])
    assert not (BENCH / "corpus").exists()


def test_real_10kgnad_file_has_all_articles(corpus: Any) -> None:
    if not corpus.SOURCE.exists():
        pytest.skip("the 10kGNAD test.csv is not available on this machine")
    sources = corpus.load_sources(corpus.SOURCE)
    assert len(sources) == 1028
    assert all(s.title and s.paragraphs for s in sources)


# --- make_syndication ----------------------------------------------------------------------------------


def test_syndication_counts_fields_and_truth(syndication: Any, tmp_path: Path) -> None:
    counts = syndication.generate(tmp_path / "out", 50, seed=2)
    articles = jsonl(tmp_path / "out", "syndication.jsonl")
    rows = truth(tmp_path / "out")
    assert counts["articles"] == len(articles) == len(rows) == 50
    assert all(set(obj) == FIELDS and all(obj.values()) for _, _, obj in articles)
    assert [(int(r["line"]), r["url"]) for r in rows] == [(n, obj["url"]) for _, n, obj in articles]
    reports = {r["family"] for r in rows if r["kind"] == "report"}
    assert {r["family"] for r in rows} == reports  # every copy's report is in the set
    assert {r["kind"] for r in rows} == {"report", "copy"}
    assert all(r["family"].startswith(f"e{int(r['event']):04d}-") for r in rows)


def test_syndication_is_deterministic_with_the_seed(syndication: Any, tmp_path: Path) -> None:
    def run(name: str, seed: int) -> bytes:
        syndication.generate(tmp_path / name, 50, seed=seed)
        return b"".join((tmp_path / name / file).read_bytes() for file in ("syndication.jsonl", "ground_truth.csv"))

    assert run("a", 5) == run("b", 5)
    assert run("a", 5) != run("c", 6)


def test_copies_are_closer_than_independent_reports(syndication: Any, tmp_path: Path) -> None:
    syndication.generate(tmp_path / "out", 400, seed=1)
    texts = {obj["url"]: obj["text"] for _, _, obj in jsonl(tmp_path / "out", "syndication.jsonl")}
    rows = truth(tmp_path / "out")
    copies = [float(r["jaccard"]) for r in rows if r["kind"] == "copy"]
    by_event: dict[str, list[str]] = {}
    for r in rows:
        if r["kind"] == "report":
            by_event.setdefault(r["event"], []).append(texts[r["url"]])
    pairs = [(a[0], a[1]) for a in by_event.values() if len(a) > 1]
    assert pairs, "no event with two agency reports"
    independent = [syndication._jaccard(syndication.shingles(a), syndication.shingles(b)) for a, b in pairs]
    # Different wordings of the same facts share some 3-grams (names, numbers, a quote), far fewer than copies.
    assert statistics.median(independent) < 0.25 < 0.6 < statistics.median(copies)
    assert max(independent) < statistics.median(copies)
    assert all("{" not in text and "}" not in text for text in texts.values())  # every placeholder filled
