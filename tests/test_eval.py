"""`presseschau eval summarize` and `eval rouge` end to end, and the German summary-quality gate."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from presseschau.brief.summarize import SUMMARIZERS
from presseschau.cli import main

FIXTURES = Path(__file__).parent / "fixtures" / "summaries"
FLOORS = tomllib.loads((Path(__file__).parent / "quality_floors.toml").read_text())["german_summaries"]


@pytest.fixture(scope="module")
def scores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, float]]:
    out = tmp_path_factory.mktemp("summaries")
    assert main(["eval", "summarize", str(FIXTURES), "-o", str(out), "-s", "all"]) == 0
    assert len(list(out.iterdir())) == 4 * len(SUMMARIZERS)
    assert main(["eval", "rouge", str(out), str(FIXTURES / "refs"), "--stem", "--format", "json"]) == 0
    return report_scores(out)


def report_scores(out: Path) -> dict[str, dict[str, float]]:
    from presseschau.eval import rouge

    result = rouge.evaluate(out, FIXTURES / "refs", mode="unicode", stem=True)
    return {name: {k: 100 * s.recall for k, s in system.average.items()} for name, system in result.systems.items()}


def test_every_summarizer_writes_a_summary_within_budget(tmp_path: Path) -> None:
    assert main(["eval", "summarize", str(FIXTURES), "-o", str(tmp_path), "-s", "lead,ilp", "--words", "50"]) == 0
    files = sorted(p.name for p in tmp_path.iterdir())
    assert files == sorted(f"{c}.{s}" for c in ("bahnstreik", "forschung", "hochwasser", "stadtrat")
                           for s in ("ilp", "lead"))
    for path in tmp_path.iterdir():
        text = path.read_text(encoding="utf-8")
        assert text.strip() and len(text.split()) <= 55  # 50 words, counted as words with punctuation apart


def test_quality_gate_main_summarizer_floors_and_margin(scores: dict[str, dict[str, float]]) -> None:
    ilp = scores["ilp"]
    assert ilp["rouge-1"] >= FLOORS["ilp_rouge_1"], ilp
    assert ilp["rouge-2"] >= FLOORS["ilp_rouge_2"], ilp
    best_baseline = max(s["rouge-2"] for name, s in scores.items() if name != "ilp")
    assert ilp["rouge-2"] - best_baseline >= FLOORS["margin_over_baselines_rouge_2"], scores


def test_rouge_json_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", "summarize", str(FIXTURES), "-o", str(tmp_path), "-s", "lead"]) == 0
    capsys.readouterr()
    assert main(["eval", "rouge", str(tmp_path), str(FIXTURES / "refs"), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert "lead" in json.dumps(data)


def test_unknown_summarizer_and_missing_folder_are_usage_errors(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", "summarize", str(FIXTURES), "-o", str(tmp_path), "-s", "lexrnk"]) == 1
    assert "choose one of" in capsys.readouterr().err
    assert main(["eval", "summarize", str(tmp_path / "nope"), "-o", str(tmp_path)]) == 1
    assert main(["eval", "rouge", str(tmp_path), str(tmp_path)]) == 2
