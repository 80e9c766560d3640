"""Export: CSV (one row per figure, the columns of ``extract --format csv``) and JSON Lines (one document a
line), what is left out, and the ``tally export`` command."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from dataset.export import export_documents
from dataset.store import read_documents, record_failure, store, write_document
from tally.cli import app
from tally.errors import InputError
from tally.model import Document, Evidence, Figure, Period, Source
from tally.output import CSV_COLUMNS

MARCH = Period(start=dt.date(2020, 3, 1), end=dt.date(2020, 3, 31))
DOCUMENTS = [
    Document(
        source=Source(path="b/report.pdf", format="pdf", sha256="b" * 64, pages=3),
        period=MARCH,
        figures=[
            Figure(metric="killed", group="civilians", count=56, qualifier="at_least", perpetrator="russian_forces",
                   period=MARCH, location="Idlib", evidence=Evidence(text="At least 56 civilians, \"mostly\" in Idlib.",
                                                                      start=10, end=52, page=2)),
            Figure(metric="attacks_on_vital_facilities", count=4, target="schools"),
        ],
    ),
    Document(
        source=Source(path="a/تقرير.txt", format="txt", sha256="a" * 64),
        language="ar",
        figures=[Figure(metric="arrested", group="children", count=7, perpetrator="syrian_regime")],
    ),
    Document(source=Source(path="c/empty.html", format="html", sha256="c" * 64)),
]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "t.db"
    with store(path, create=True) as conn:
        for document in DOCUMENTS:
            write_document(conn, document)
        record_failure(conn, "d/broken.pdf", "d/broken.pdf: not a PDF", sha256="d" * 64, format="pdf")
    return path


def export(db: Path, fmt: str, **options: str) -> tuple[int, str]:
    out = io.StringIO()
    with store(db) as conn:
        written = export_documents(conn, fmt, out, **options)
    return written, out.getvalue()


def test_csv_has_one_row_per_figure_with_its_documents_path(db: Path) -> None:
    written, text = export(db, "csv")
    assert written == 3  # the failed file is not exported
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == list(CSV_COLUMNS)
    assert [(r["path"], r["metric"], r["count"]) for r in rows] == [
        ("a/تقرير.txt", "arrested", "7"), ("b/report.pdf", "killed", "56"), ("b/report.pdf", "attacks_on_vital_facilities", "4"),
    ]
    killed = rows[1]
    assert (killed["qualifier"], killed["period_start"], killed["period_end"], killed["evidence_page"]) == (
        "at_least", "2020-03-01", "2020-03-31", "2")
    assert killed["evidence_text"] == 'At least 56 civilians, "mostly" in Idlib.'
    assert rows[2]["target"] == "schools" and rows[2]["group"] == ""


def test_jsonl_has_one_contract_document_per_line_in_path_order(db: Path) -> None:
    written, text = export(db, "jsonl")
    documents = [Document.model_validate_json(line) for line in text.splitlines()]
    assert written == 3 and documents == sorted(DOCUMENTS, key=lambda d: d.source.path if d.source else "")
    assert all(json.loads(line)["schema_version"] == 1 for line in text.splitlines())


def test_export_of_one_language(db: Path) -> None:
    assert export(db, "jsonl", language="ar")[0] == 1


def test_an_empty_store_exports_a_csv_header_and_no_lines(tmp_path: Path) -> None:
    with store(tmp_path / "e.db", create=True):
        pass
    assert export(tmp_path / "e.db", "csv") == (0, ",".join(CSV_COLUMNS) + "\n")
    assert export(tmp_path / "e.db", "jsonl") == (0, "")


def test_an_unknown_format_is_refused(db: Path) -> None:
    with pytest.raises(InputError, match="valid choices: csv, jsonl"):
        export(db, "xlsx")


def run(*args: str | Path) -> Result:
    result = CliRunner().invoke(app, [str(a) for a in args])
    assert "Traceback" not in result.output
    return result


def test_tally_export_writes_jsonl_to_stdout_by_default(db: Path) -> None:
    result = run("export", "--db", db)
    assert result.exit_code == 0
    assert [Document.model_validate_json(line).source for line in result.stdout.splitlines()] == [
        d.source for d in sorted(DOCUMENTS, key=lambda d: d.source.path if d.source else "")
    ]


def test_tally_export_to_a_csv_file_takes_the_format_from_its_suffix(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "figures.csv"
    result = run("export", "--db", db, "-o", out)
    assert result.exit_code == 0 and result.stdout == ""
    assert result.stderr.strip() == f"exported 3 documents to {out}"
    assert out.read_text(encoding="utf-8").splitlines()[0] == ",".join(CSV_COLUMNS)
    assert len(out.read_text(encoding="utf-8").splitlines()) == 4
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".figures")] == []  # no temporary file left


def test_tally_export_format_option_wins_over_the_suffix(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "all.txt"
    assert run("export", "--db", db, "--format", "jsonl", "-o", out).exit_code == 0
    with store(db) as conn:
        assert [Document.model_validate_json(line) for line in out.read_text(encoding="utf-8").splitlines()] == list(
            read_documents(conn))


def test_tally_export_of_a_missing_or_foreign_database_exits_2_naming_it(tmp_path: Path) -> None:
    missing = run("export", "--db", tmp_path / "none.db", "-o", tmp_path / "x.csv")
    assert missing.exit_code == 2 and missing.stderr == f"tally: error: {tmp_path / 'none.db'}: no such database (run tally ingest first)\n"
    assert not (tmp_path / "x.csv").exists()
    (tmp_path / "notes.db").write_text("remember the milk", encoding="utf-8")
    foreign = run("export", "--db", tmp_path / "notes.db")
    assert foreign.exit_code == 2 and foreign.stderr == f"tally: error: {tmp_path / 'notes.db'}: not a SQLite database\n"


def test_tally_export_help() -> None:
    result = run("export", "--help")
    assert result.exit_code == 0 and "--format" in result.stdout and "--db" in result.stdout
