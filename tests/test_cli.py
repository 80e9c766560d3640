"""The tally command line: wiring, formats, atomic output, exit codes and one-line errors."""

from __future__ import annotations

import csv
import io
import json
import logging
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from cli_support import error_lines, gold_figure, run, write_gold
from tally import __version__
from tally.cli import OutputFormat, choose_format
from tally.errors import ContractError, InputError, SetupError, TallyError
from tally.model import Document, Figure, json_schema
from tally.output import CSV_COLUMNS

WriteDocument = Callable[..., Path]


@pytest.mark.parametrize("args", [["--help"], ["extract", "--help"], ["eval", "--help"], ["schema", "--help"]])
def test_help_exits_zero_and_describes_usage(args: list[str]) -> None:
    result = run(*args)
    assert result.exit_code == 0
    assert "Usage" in result.stdout


def test_no_arguments_shows_help() -> None:
    result = run()
    assert "extract" in result.output and "eval" in result.output and "schema" in result.output


def test_version_prints_the_package_version() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"tally {__version__}"


def test_schema_prints_the_document_json_schema() -> None:
    result = run("schema")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == json_schema()
    assert result.stdout.startswith("{\n  ")


def test_extract_one_file_prints_its_document_as_json(
    fake_extraction: Any, write_document: WriteDocument, make_figure: Callable[..., Figure]
) -> None:
    path = write_document("a.txt", [make_figure(count=56), make_figure(group="children", count=19)], title="T")
    result = run("extract", path, "--lang", "en", "--password", "pw")
    assert result.exit_code == 0, result.output
    document = Document.model_validate_json(result.stdout)
    assert [f.count for f in document.figures] == [56, 19]
    assert document.title == "T"
    assert fake_extraction.calls == [{"lang": "en", "password": "pw"}]


@pytest.mark.usefixtures("fake_extraction")
def test_extract_several_files_defaults_to_jsonl_in_input_order(write_document: WriteDocument) -> None:
    names = ["c.txt", "a.txt", "b.txt"]
    paths = [write_document(name) for name in names]
    result = run("extract", *paths)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert [json.loads(line)["source"]["path"] for line in lines] == [str(p) for p in paths]


@pytest.mark.usefixtures("fake_extraction")
def test_extract_directory_reads_every_supported_file(write_document: WriteDocument, tmp_path: Path) -> None:
    paths = [write_document(f"dir/{name}") for name in ("b.txt", "a.txt")]
    result = run("extract", tmp_path / "dir", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    assert {json.loads(line)["source"]["path"] for line in result.stdout.splitlines()} == {str(p) for p in paths}


@pytest.mark.usefixtures("fake_extraction")
def test_extract_json_with_several_inputs_is_a_one_line_usage_error(write_document: WriteDocument) -> None:
    result = run("extract", write_document("a.txt"), write_document("b.txt"), "--format", "json")
    assert result.exit_code == 2
    assert len(error_lines(result)) == 1 and "jsonl" in error_lines(result)[0]
    assert result.stdout == ""


@pytest.mark.usefixtures("fake_extraction")
def test_extract_csv_has_one_row_per_figure_with_flattened_fields(
    write_document: WriteDocument, make_figure: Callable[..., Figure]
) -> None:
    figures = [
        make_figure(count=7, qualifier="at_least", period=("2020-01-01", "2020-01-31"), page=3),
        make_figure(metric="massacres", count=2, perpetrator="russian_forces"),
    ]
    first, second = write_document("a.txt", figures), write_document("b.txt", [make_figure(count=1)])
    result = run("extract", first, second, "--format", "csv")
    assert result.exit_code == 0, result.output
    reader = csv.DictReader(io.StringIO(result.stdout))
    assert tuple(reader.fieldnames or ()) == CSV_COLUMNS
    assert {"path", "period_start", "period_end", "evidence_text", "evidence_page"} <= set(CSV_COLUMNS)
    rows = list(reader)
    assert [(r["path"], r["metric"], r["count"]) for r in rows] == [
        (str(first), "killed", "7"),
        (str(first), "massacres", "2"),
        (str(second), "killed", "1"),
    ]
    assert (rows[0]["period_start"], rows[0]["period_end"], rows[0]["evidence_page"]) == ("2020-01-01", "2020-01-31", "3")
    assert figures[0].evidence is not None and rows[0]["evidence_text"] == figures[0].evidence.text
    assert rows[1]["group"] == "" and rows[1]["perpetrator"] == "russian_forces"


@pytest.mark.usefixtures("fake_extraction")
def test_extract_table_shows_a_header_and_a_row_per_figure(
    write_document: WriteDocument, make_figure: Callable[..., Figure]
) -> None:
    figures = [
        make_figure(count=1234, perpetrator="isis", location="Raqqa", page=2),
        make_figure(metric="attacks", count=5),
    ]
    path = write_document("a.txt", figures, title="A report title")
    result = run("extract", path, "--format", "table")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == str(path)
    assert "A report title" in lines[1] and lines[3].split() == ["figures:", "2"]
    rows = [line.split() for line in lines if line.strip().startswith(("killed", "attacks"))]
    assert rows[0] == ["killed", "civilians", "1234", "exact", "isis", "-", "Raqqa", "2"]
    assert rows[1][:3] == ["attacks", "-", "5"]


@pytest.mark.parametrize(
    ("fmt", "output", "inputs", "terminal", "expected"),
    [
        (None, None, 1, True, "table"),
        (None, None, 1, False, "json"),
        (None, None, 3, False, "jsonl"),
        (None, "out.csv", 2, True, "csv"),
        (None, "out.json", 1, True, "json"),
        (None, "out.jsonl", 2, False, "jsonl"),
        (None, "out.data", 2, True, "jsonl"),
        (OutputFormat.csv, "out.json", 1, False, "csv"),
    ],
)
def test_choose_format(
    monkeypatch: pytest.MonkeyPatch,
    fmt: OutputFormat | None,
    output: str | None,
    inputs: int,
    terminal: bool,
    expected: str,
) -> None:
    monkeypatch.setattr(sys.stdout, "isatty", lambda: terminal)
    assert choose_format(fmt, Path(output) if output else None, inputs) == expected


@pytest.mark.usefixtures("fake_extraction")
def test_output_file_is_written_and_nothing_else_is_left(write_document: WriteDocument, tmp_path: Path) -> None:
    out = tmp_path / "out" / "result.json"
    out.parent.mkdir()
    result = run("extract", write_document("a.txt"), "-o", out)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert Document.model_validate_json(out.read_text()).source is not None
    assert list(out.parent.iterdir()) == [out]


@pytest.mark.usefixtures("fake_extraction")
def test_failed_run_leaves_no_output_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("not a document")
    out = tmp_path / "out.jsonl"
    result = run("extract", bad, "-o", out)
    assert result.exit_code == 2
    assert error_lines(result) == [f"tally: error: {bad}: not a figures document"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.txt"]


@pytest.mark.usefixtures("fake_extraction")
def test_failed_run_keeps_the_previous_output_file(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    out.write_text("previous")
    bad = tmp_path / "bad.txt"
    bad.write_text("{}}")
    assert run("extract", bad, "-o", out).exit_code == 2
    assert out.read_text() == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.txt", "out.json"]


@pytest.mark.usefixtures("fake_extraction")
def test_output_into_a_missing_directory_is_a_one_line_error(write_document: WriteDocument, tmp_path: Path) -> None:
    result = run("extract", write_document("a.txt"), "-o", tmp_path / "missing" / "out.json")
    assert result.exit_code == 2
    assert len(error_lines(result)) == 1 and "missing" in error_lines(result)[0]


@pytest.mark.usefixtures("fake_extraction")
def test_a_bad_file_does_not_stop_the_others(write_document: WriteDocument, tmp_path: Path) -> None:
    good = write_document("good.txt", warnings=["page 3 could not be read"])
    bad = tmp_path / "bad.txt"
    bad.write_text("garbage")
    later = write_document("later.txt")
    result = run("extract", good, bad, later, "--format", "jsonl")
    assert result.exit_code == 1
    assert [json.loads(line)["source"]["path"] for line in result.stdout.splitlines()] == [str(good), str(later)]
    assert error_lines(result) == [f"tally: error: {bad}: not a figures document"]
    assert f"{good}: warning: page 3 could not be read" in result.stderr.splitlines()


@pytest.mark.usefixtures("fake_extraction")
def test_empty_directory_is_an_input_error(tmp_path: Path) -> None:
    result = run("extract", tmp_path)
    assert result.exit_code == 2
    assert len(error_lines(result)) == 1 and str(tmp_path) in error_lines(result)[0]


@pytest.mark.parametrize(
    "error", [TallyError("x.pdf: broke"), InputError("x.pdf: broke"), ContractError("x: bad"), SetupError("no model")]
)
@pytest.mark.usefixtures("fake_extraction")
def test_library_errors_become_one_line_and_their_exit_code(
    write_document: WriteDocument, monkeypatch: pytest.MonkeyPatch, error: TallyError
) -> None:
    def fail(*args: Any, **kwargs: Any) -> Iterator[Any]:
        raise error
        yield  # a generator, like the real one

    monkeypatch.setattr(sys.modules["extractor.extract"], "extract_paths", fail)
    result = run("extract", write_document("a.txt"))
    assert result.exit_code == error.exit_code
    assert result.stderr.splitlines() == [f"tally: error: {error}"]


@pytest.mark.usefixtures("fake_extraction")
def test_interrupt_exits_130_with_one_line(write_document: WriteDocument, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupt(*args: Any, **kwargs: Any) -> Iterator[Any]:
        raise KeyboardInterrupt
        yield

    monkeypatch.setattr(sys.modules["extractor.extract"], "extract_paths", interrupt)
    result = run("extract", write_document("a.txt"))
    assert result.exit_code == 130
    assert result.stderr.splitlines() == ["tally: interrupted"]


def test_library_warnings_print_as_one_line_and_other_libraries_stay_quiet(
    fake_extraction: Any, write_document: WriteDocument, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = fake_extraction.extract_paths

    def noisy(*args: Any, **kwargs: Any) -> Iterator[Any]:
        logging.getLogger("extractor.readers.pdf").warning("x.pdf: page 2 has no text\nsecond line")
        logging.getLogger("somelib.layout").warning("CropBox missing")
        yield from real(*args, **kwargs)

    monkeypatch.setattr(sys.modules["extractor.extract"], "extract_paths", noisy)
    result = run("extract", write_document("a.txt"))
    assert result.exit_code == 0
    assert result.stderr.splitlines() == ["tally: warning: x.pdf: page 2 has no text second line"]


# ---- eval --------------------------------------------------------------------------------------


@pytest.mark.usefixtures("fake_extraction")
def test_eval_reports_files_misses_extras_and_the_overall_line_last(
    write_document: WriteDocument, make_figure: Callable[..., Figure], tmp_path: Path
) -> None:
    write_document("a.txt", [make_figure(count=5), make_figure(count=8, page=4)])
    write_gold(tmp_path / "a.gold.json", [gold_figure(5), gold_figure(6, note="six were killed")])
    write_document("b.txt", [make_figure(count=2)])
    write_gold(tmp_path / "b.gold.json", [gold_figure(2)])
    write_document("c.txt", [make_figure(count=99)])  # no gold: not scored
    result = run("eval", tmp_path)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[-1].startswith("overall: P=0.667 R=0.667 F1=0.667 qualifier=1.00 period=1.00")
    assert lines[-1].endswith("(tp=2, fp=1, fn=1, files=2)")
    assert lines[0].startswith("a.txt: P=0.500 R=0.500")
    assert any(line.startswith("  miss ") and '"six were killed"' in line for line in lines)
    assert any(line.startswith("  extra ") and "(p.4)" in line and '"8 were counted."' in line for line in lines)
    assert not any("99" in line for line in lines)


@pytest.mark.usefixtures("fake_extraction")
def test_eval_json_has_counts_and_files(
    write_document: WriteDocument, make_figure: Callable[..., Figure], tmp_path: Path
) -> None:
    write_document("a.txt", [make_figure(count=5)])
    write_gold(tmp_path / "a.gold.json", [gold_figure(5, qualifier="at_least")])
    result = run("eval", tmp_path, "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert (report["counts"]["tp"], report["counts"]["qualifier_accuracy"]) == (1, 0.0)
    assert [f["name"] for f in report["files"]] == ["a.txt"]


@pytest.mark.usefixtures("fake_extraction")
def test_eval_verbose_lists_matches_that_differ(
    write_document: WriteDocument, make_figure: Callable[..., Figure], tmp_path: Path
) -> None:
    write_document("a.txt", [make_figure(count=5)])
    write_gold(tmp_path / "a.gold.json", [gold_figure(5, qualifier="at_least")])
    quiet, verbose = run("eval", tmp_path), run("eval", tmp_path, "--verbose")
    assert not any("differs" in line for line in quiet.stdout.splitlines())
    assert any("differs" in line and "at_least" in line for line in verbose.stdout.splitlines())


@pytest.mark.usefixtures("fake_extraction")
def test_eval_document_that_fails_counts_as_missed_and_exits_1(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("garbage")
    write_gold(tmp_path / "a.gold.json", [gold_figure(5)])
    result = run("eval", tmp_path)
    assert result.exit_code == 1
    assert error_lines(result) == [f"tally: error: {tmp_path / 'a.txt'}: not a figures document"]
    assert result.stdout.splitlines()[-1].endswith("(tp=0, fp=0, fn=1, files=1)")


@pytest.mark.parametrize("make_target", [lambda p: p / "missing", lambda p: p])
@pytest.mark.usefixtures("fake_extraction")
def test_eval_without_scorable_documents_is_an_input_error(tmp_path: Path, make_target: Callable[[Path], Path]) -> None:
    result = run("eval", make_target(tmp_path))
    assert result.exit_code == 2
    assert len(error_lines(result)) == 1


@pytest.mark.usefixtures("fake_extraction")
def test_eval_bad_gold_file_names_the_file_and_field(write_document: WriteDocument, tmp_path: Path) -> None:
    write_document("a.txt")
    write_gold(tmp_path / "a.gold.json", [gold_figure(5, metric="murdered")])
    result = run("eval", tmp_path)
    assert result.exit_code == 2
    [line] = error_lines(result)
    assert "a.gold.json" in line and "figures[0].metric" in line
