"""``tally check`` and the warnings of ``tally draft``: wiring, formats, help and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from dataset.store import store, write_document
from tally.cli import app
from tally.model import Document, Evidence, Figure

MakeFigure = Callable[..., Figure]
MakeDocument = Callable[..., Document]
WriteDocument = Callable[..., Path]


def run(*args: str | Path) -> Result:
    result = CliRunner().invoke(app, [str(a) for a in args])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def said(text: str, start: int = 0, page: int | None = None) -> Evidence:
    return Evidence(text=text, start=start, end=start + len(text), page=page)


def restated(make_figure: MakeFigure) -> list[Figure]:
    """Figures that break ``restated-differently`` (and no other rule)."""
    return [
        make_figure(count=468, evidence=said("SNHR documented the killing of 468 civilians.", page=1)),
        make_figure(count=466, evidence=said("The 466 civilians killed …", start=500, page=4)),
    ]


def save(tmp_path: Path, name: str, document: Document) -> Path:
    path = tmp_path / name
    path.write_text(document.model_dump_json(), encoding="utf-8")
    return path


def test_help_describes_the_exit_codes() -> None:
    result = run("check", "--help")
    assert result.exit_code == 0
    assert "Usage" in result.stdout and "--db" in result.stdout
    assert "0 no findings; 1 findings; 2 an input could not be read" in " ".join(result.stdout.split())


def test_nothing_to_check_is_a_usage_error() -> None:
    result = run("check")
    assert result.exit_code == 2
    assert result.stderr.strip() == "tally: error: nothing to check: give PATH… or --db FILE"


def test_consistent_data_exits_zero(tmp_path: Path, make_figure: MakeFigure, make_document: MakeDocument) -> None:
    path = save(tmp_path, "ok.json", make_document("ok.pdf", [make_figure(count=468)]))
    result = run("check", path)
    assert result.exit_code == 0, result.output
    assert result.stdout == "0 findings in 1 document\n"


def test_findings_are_printed_with_both_sides_and_exit_one(
    tmp_path: Path, make_figure: MakeFigure, make_document: MakeDocument
) -> None:
    path = save(tmp_path, "may.json", make_document("may.pdf", restated(make_figure)))
    result = run("check", path)
    assert result.exit_code == 1, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("restated-differently: ") and "468" in lines[0] and "466" in lines[0]
    assert lines[1:3] == [
        '  may.pdf p.1: "SNHR documented the killing of 468 civilians."',
        '  may.pdf p.4: "The 466 civilians killed …"',
    ]
    assert lines[-1] == "1 finding in 1 document"


def test_a_document_without_source_is_named_by_its_file(tmp_path: Path, make_figure: MakeFigure) -> None:
    path = save(tmp_path, "hand.json", Document(figures=restated(make_figure)))
    result = run("check", path)
    assert result.exit_code == 1
    assert f"  {path} p.1: " in result.stdout


def test_json_format(tmp_path: Path, make_figure: MakeFigure, make_document: MakeDocument) -> None:
    path = save(tmp_path, "may.json", make_document("may.pdf", restated(make_figure)))
    result = run("check", path, "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["documents"] == 1
    [finding] = report["findings"]
    assert finding["rule"] == "restated-differently"
    assert [(s["path"], s["page"], s["figure"]["count"]) for s in finding["sides"]] == [("may.pdf", 1, 468), ("may.pdf", 4, 466)]


def test_several_documents_are_also_checked_against_each_other(
    tmp_path: Path, make_figure: MakeFigure, make_document: MakeDocument
) -> None:
    def month(path: str, published: str, count: int) -> Document:
        figure = make_figure(count=count, period=("2019-05-01", "2019-05-31"), evidence=said(f"{count} civilians"))
        return make_document(path, [figure], published=published)

    may = save(tmp_path, "may.json", month("may.pdf", "2019-06-05", 468))
    annual = save(tmp_path, "annual.yaml", month("annual.docx", "2020-01-20", 516))  # JSON is YAML
    result = run("check", annual, may)
    assert result.exit_code == 1
    assert result.stdout.startswith("monthly-restated: ")
    assert result.stdout.splitlines()[-1] == "1 finding in 2 documents"
    assert run("check", may).exit_code == 0


def test_reports_are_extracted_first(
    fake_extraction: Any, write_document: WriteDocument, make_figure: MakeFigure
) -> None:
    report = write_document("report.txt", restated(make_figure))
    result = run("check", report, "--lang", "en", "--password", "pw")
    assert result.exit_code == 1, result.output
    assert result.stdout.startswith("restated-differently: ")
    assert f'  {report} p.1: "SNHR' in result.stdout
    assert fake_extraction.calls == [{"lang": "en", "password": "pw"}]


@pytest.mark.usefixtures("fake_extraction")
def test_an_unreadable_input_is_one_error_line_and_the_rest_are_checked(
    tmp_path: Path, write_document: WriteDocument, make_figure: MakeFigure, make_document: MakeDocument
) -> None:
    good = save(tmp_path, "may.json", make_document("may.pdf", restated(make_figure)))
    broken = tmp_path / "broken.txt"
    broken.write_text("not a report the fake extraction can read", encoding="utf-8")
    bad_data = tmp_path / "bad.json"
    bad_data.write_text(json.dumps({"figures": [{"metric": "bombed", "count": 3}]}), encoding="utf-8")
    result = run("check", good, broken, bad_data)
    assert result.exit_code == 2
    errors = result.stderr.splitlines()
    assert len(errors) == 2 and all(line.startswith("tally: error: ") for line in errors)
    assert "bad.json: figures[0].metric" in errors[0] and "broken.txt" in errors[1]
    assert result.stdout.startswith("restated-differently: ")


def test_nothing_readable_prints_no_report(tmp_path: Path) -> None:
    result = run("check", tmp_path / "missing.json")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.strip() == f"tally: error: {tmp_path / 'missing.json'}: no such file"


def test_db_checks_every_stored_document(tmp_path: Path, make_figure: MakeFigure, make_document: MakeDocument) -> None:
    db = tmp_path / "tally.db"
    with store(db, create=True) as conn:
        write_document(conn, make_document("may.pdf", restated(make_figure)))
        write_document(conn, make_document("june.pdf", [make_figure(count=500)]))
    result = run("check", "--db", db)
    assert result.exit_code == 1, result.output
    assert result.stdout.startswith("restated-differently: ") and "  may.pdf p.4: " in result.stdout
    assert result.stdout.splitlines()[-1] == "1 finding in 2 documents"


def test_db_that_is_not_a_dataset_is_one_error_line(tmp_path: Path) -> None:
    db = tmp_path / "other.db"
    db.write_text("not sqlite", encoding="utf-8")
    result = run("check", "--db", db)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"tally: error: {db}") and len(result.stderr.splitlines()) == 1


def test_checking_data_does_not_load_spacy(tmp_path: Path, make_figure: MakeFigure, make_document: MakeDocument) -> None:
    path = save(tmp_path, "ok.json", make_document("ok.pdf", [make_figure(count=1)]))
    code = (
        "import sys; from typer.testing import CliRunner; from tally.cli import app; "
        f"r = CliRunner().invoke(app, ['check', {str(path)!r}]); print(r.exit_code, 'spacy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["0", "False"]


def test_draft_warns_of_each_finding_and_drafts_anyway(
    tmp_path: Path, make_figure: MakeFigure, make_document: MakeDocument
) -> None:
    data = save(tmp_path, "figures.json", make_document("may.pdf", restated(make_figure)))
    out = tmp_path / "release.html"
    result = run("draft", "press-release", data, "-o", out)
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if line.startswith("tally: warning: ")]
    assert any(line.startswith(f"tally: warning: {data}: restated-differently: ") for line in warnings), result.stderr
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_draft_of_consistent_data_warns_of_nothing(
    tmp_path: Path, make_figure: MakeFigure, make_document: MakeDocument
) -> None:
    data = save(tmp_path, "figures.json", make_document("may.pdf", restated(make_figure)[:1]))
    result = run("draft", "press-release", data, "-o", tmp_path / "release.html")
    assert result.exit_code == 0, result.output
    assert "restated-differently" not in result.stderr
