"""``tally draft``: thin over the library, atomic output, one-line errors."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from tally.cli import app
from tally.model import Document, Figure, Period


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(app, [str(a) for a in args])


@pytest.fixture
def data(tmp_path: Path) -> Path:
    period = Period(start=dt.date(2020, 1, 15), end=dt.date(2020, 1, 30))
    document = Document(period=period, figures=[
        Figure(metric="killed", group="civilians", count=138, perpetrator="syrian_russian_alliance", period=period),
        Figure(metric="killed", group="children", count=41, perpetrator="syrian_russian_alliance", period=period),
    ])
    path = tmp_path / "figures.json"
    path.write_text(document.model_dump_json(), encoding="utf-8")
    return path


@pytest.mark.parametrize(("suffix", "magic"), [(".pdf", b"%PDF"), (".docx", b"PK\x03\x04"), (".html", b"<!DOCTYPE html>")])
def test_format_follows_the_output_suffix(data: Path, suffix: str, magic: bytes) -> None:
    out = data.with_name("release" + suffix)
    result = run("draft", "press-release", data, "--lang", "ar", "-o", out)
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(magic)


def test_yaml_data_and_report(data: Path) -> None:
    yaml_path = data.with_suffix(".yaml")
    yaml_path.write_text(json.dumps(json.loads(data.read_text(encoding="utf-8"))), encoding="utf-8")  # JSON is YAML
    out = data.with_name("report.docx")
    assert run("draft", "report", yaml_path, "-o", out).exit_code == 0
    assert out.stat().st_size > 5000


def test_bad_data_names_the_file_and_field_and_leaves_the_old_output(data: Path) -> None:
    bad = data.with_name("bad.json")
    bad.write_text(json.dumps({"figures": [{"metric": "bombed", "count": 3}]}), encoding="utf-8")
    out = data.with_name("release.pdf")
    out.write_bytes(b"earlier")
    result = run("draft", "press-release", bad, "-o", out)
    assert result.exit_code == 2
    assert "bad.json: figures[0].metric:" in result.output and len(result.output.strip().splitlines()) == 1
    assert out.read_bytes() == b"earlier"
    assert [p.name for p in data.parent.iterdir() if p.name.endswith(".part")] == []


def test_unknown_language_lists_the_choices(data: Path) -> None:
    result = run("draft", "press-release", data, "--lang", "fr", "-o", data.with_name("x.pdf"))
    assert result.exit_code == 2 and "valid choices: ar, en" in result.output
    assert not data.with_name("x.pdf").exists()


def test_html_goes_to_standard_output(data: Path) -> None:
    result = run("draft", "press-release", data, "--to", "html")
    assert result.exit_code == 0 and "138 Civilians, Including 41 Children" in result.output
