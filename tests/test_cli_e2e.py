"""End to end through the command line: the real readers and pipeline (need every part of the extractor)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from cli_support import error_lines, gold_figure, run, write_gold
from tally.model import Document


REPORT = (
    "Civilian deaths in Idlib, March 2020\n\n"
    "The network documented the killing of at least 12 civilians, including 3 children, "
    "by Syrian regime forces in Idlib governorate in March 2020.\n"
)


@pytest.mark.e2e
def test_e2e_extract_text_file(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    result = run("extract", path)
    assert result.exit_code == 0, result.output
    document = Document.model_validate_json(result.stdout)
    assert document.source is not None and document.source.path == str(path)
    assert ("killed", "civilians", "syrian_regime", 12) in {f.key() for f in document.figures}


@pytest.mark.e2e
def test_e2e_pdf_figure_carries_its_page(make_pdf: Callable[[str, list[str]], Path]) -> None:
    pages = ["Monthly report\nNothing is counted on this page.", "Russian forces killed 7 civilians in Idlib in May 2021."]
    path = make_pdf("report.pdf", pages)
    result = run("extract", path, "--format", "json")
    assert result.exit_code == 0, result.output
    [figure] = [f for f in Document.model_validate_json(result.stdout).figures if f.count == 7]
    assert figure.evidence is not None and figure.evidence.page == 2


@pytest.mark.e2e
def test_e2e_directory_with_a_corrupt_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "b.pdf").write_bytes(b"%PDF-1.4 this is not really a pdf")
    result = run("extract", tmp_path, "--format", "jsonl")
    assert result.exit_code == 1
    assert [json.loads(line)["source"]["path"] for line in result.stdout.splitlines()] == [str(tmp_path / "a.txt")]
    [line] = error_lines(result)
    assert str(tmp_path / "b.pdf") in line


@pytest.mark.e2e
def test_e2e_eval_last_line_is_the_overall_score(tmp_path: Path) -> None:
    (tmp_path / "report.txt").write_text(REPORT, encoding="utf-8")
    period = {"start": "2020-03-01", "end": "2020-03-31"}
    write_gold(
        tmp_path / "report.gold.json",
        [
            gold_figure(12, qualifier="at_least", perpetrator="syrian_regime", period=period),
            gold_figure(3, group="children", perpetrator="syrian_regime", period=period),
        ],
    )
    result = run("eval", tmp_path)
    assert result.exit_code == 0, result.output
    last = result.output.splitlines()[-1]
    overall = r"overall: P=\S+ R=\S+ F1=\S+ qualifier=\S+ period=\S+ place=\S+ \(tp=2, fp=\d+, fn=0, files=1\)"
    assert re.fullmatch(overall, last), last
