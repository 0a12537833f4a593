"""The command line end to end: formats, output file, stdin, exit codes and messages without tracebacks."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from presseschau.cli import main
from presseschau.render.json import schema

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "hafenbrand"

TEXT_A = ("Brand im Hafen von Lindholm\nEin Großbrand hat am Dienstag eine Lagerhalle im Hafen von Lindholm zerstört. "
          "Die Feuerwehr war mit vielen Einsatzkräften vor Ort und löschte bis in die Nacht.\n")
TEXT_B = ("Feuer in Lindholm\nIm Hafen von Lindholm hat ein Großbrand am Dienstag eine Lagerhalle zerstört. "
          "Die Ursache des Feuers ist noch unklar, die Polizei ermittelt.\n")


def test_json_output_of_the_example_validates_and_cites_real_articles(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["digest", str(EXAMPLE), "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    jsonschema.Draft202012Validator(schema()).validate(out)
    ids = {a["id"] for a in out["articles"]}
    assert out["stories"] and all(set(s["articles"]) <= ids for s in out["stories"])
    for story in out["stories"]:
        for line in story["summary"]:
            assert line["outlets"] and set(line["sources"]) <= set(story["articles"])


def test_output_file_and_words_option(tmp_path: Path) -> None:
    target = tmp_path / "b.md"
    assert main(["digest", str(EXAMPLE), "--format", "md", "--words", "40", "-o", str(target)]) == 0
    text = target.read_text(encoding="utf-8")
    assert text.startswith("#")


def test_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(TEXT_A))
    assert main(["digest", "-", "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["articles"][0]["title"] == "Brand im Hafen von Lindholm"


def test_bad_files_are_reported_and_the_batch_goes_on(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text(TEXT_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(TEXT_B, encoding="cp1252")
    (tmp_path / "c.txt").write_bytes(b"\x00\x01\x02binary\x00")
    (tmp_path / "d.txt").write_text("", encoding="utf-8")
    assert main(["digest", str(tmp_path), "--format", "json"]) == 0
    captured = capsys.readouterr()
    out = json.loads(captured.out)
    assert len(out["articles"]) == 2
    assert {Path(s["path"]).name for s in out["skipped"]} == {"c.txt", "d.txt"}
    assert "c.txt" in captured.err and "d.txt" in captured.err
    assert "Traceback" not in captured.err


def test_nothing_to_digest_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["digest", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "nothing to digest" in err and "Traceback" not in err
    assert main(["digest", str(tmp_path / "missing.txt")]) == 2


def test_usage_errors_exit_1(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["digest", str(EXAMPLE), "--words", "zero"])
    assert exc.value.code == 1
    with pytest.raises(SystemExit) as exc:
        main(["digest", str(EXAMPLE), "--format", "pdf"])
    assert exc.value.code == 1
    assert main(["digest", str(EXAMPLE), "--max-size", "lots"]) == 1
    assert "cannot read size" in capsys.readouterr().err


def test_size_limit_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text(TEXT_A, encoding="utf-8")
    (tmp_path / "big.txt").write_text(TEXT_B * 50, encoding="utf-8")
    assert main(["digest", str(tmp_path), "--max-size", "1k", "--format", "json"]) == 0
    captured = capsys.readouterr()
    assert "big.txt" in captured.err and "--max-size" in captured.err


def test_console_script_runs_without_traceback(tmp_path: Path) -> None:
    exe = Path(sys.executable).parent / "presseschau"
    proc = subprocess.run([str(exe), "digest", str(tmp_path / "nope")], capture_output=True, text=True)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and "nope" in proc.stderr
