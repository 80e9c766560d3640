"""Trends: buckets, the rules against double counting, gaps, table/CSV/PNG/SVG output and ``tally trend``."""

from __future__ import annotations

import csv
import datetime as dt
import io
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from dataset.chart import chart_bytes
from dataset.query import FoundFigure, make_filter
from dataset.store import open_store, store, write_document
from dataset.trend import Series, check_trend_filter, dataset_trend, series_notes, trend_series, trend_title, write_series
from tally.cli import app
from tally.errors import InputError
from tally.model import Document, Figure, Period, Source

MARCH = ("2019-03-01", "2019-03-31")
APRIL = ("2019-04-01", "2019-04-30")
YEAR = ("2019-01-01", "2019-12-31")


def period(span: tuple[str, str]) -> Period:
    return Period(start=dt.date.fromisoformat(span[0]), end=dt.date.fromisoformat(span[1]))


def found(
    count: int,
    span: tuple[str, str] | None = MARCH,
    *,
    party: str | None = "russian_forces",
    place: str | None = "Idlib",
    path: str = "a.txt",
    published: str = "2019-05-01",
    document_span: tuple[str, str] | None = None,
    **fields: Any,
) -> FoundFigure:
    fields.setdefault("metric", "killed")
    fields.setdefault("group", "children" if fields["metric"] == "killed" else None)
    figure = Figure(count=count, perpetrator=party, location=place, period=period(span) if span else None, **fields)
    document_period = period(document_span) if document_span else None
    return FoundFigure(figure, path, "en", dt.date.fromisoformat(published), document_period)


def counts(series: Series) -> dict[str, int | None]:
    return {bucket.label: bucket.count for bucket in series.buckets}


def test_a_figure_counts_only_in_the_one_bucket_its_period_lies_within() -> None:
    figures = [
        found(10, MARCH),
        found(20, APRIL),
        found(300, YEAR),  # a yearly total: in no month
        found(7, ("2019-03-20", "2019-04-10")),  # spans two months: in no month, but in the year
        # no period of its own: its document's (another party's, so not within April's 20)
        found(4, None, document_span=("2019-04-02", "2019-04-20"), party="syrian_regime"),
        found(5, None),  # no period at all: nowhere
    ]
    monthly = trend_series(figures, "month")
    assert counts(monthly) == {"2019-03": 10, "2019-04": 24}
    assert monthly.unplaced == 3
    yearly = trend_series(figures, "year")
    assert counts(yearly) == {"2019": 304}  # the year's total includes its party's months
    assert yearly.overlapping == 3 and yearly.unplaced == 1


def test_a_figure_restated_by_several_documents_counts_once_with_the_latest_value() -> None:
    figures = [
        found(10, path="early.txt", published="2019-04-02"),
        found(12, path="late.txt", published="2019-12-30"),
        found(11, path="middle.txt", published="2019-06-01"),
    ]
    series = trend_series(figures)
    assert counts(series) == {"2019-03": 12}
    assert series.buckets[0].documents == ("late.txt",)
    assert series.overlapping == 2


def test_within_one_document_a_repeated_figure_counts_once() -> None:
    assert counts(trend_series([found(10), found(10), found(14)])) == {"2019-03": 14}


def test_the_total_over_all_parties_is_used_when_present_else_the_parties_sum() -> None:
    parties = [found(12, party="russian_forces"), found(18, party="syrian_regime"), found(5, party="hts")]
    assert counts(trend_series(parties)) == {"2019-03": 35}
    with_total = [*parties, found(40, party=None)]
    assert counts(trend_series(with_total)) == {"2019-03": 40}
    # April has only the parties: the total of March does not stop April's sum
    assert counts(trend_series([*with_total, found(3, APRIL), found(4, APRIL, party="isis")])) == {
        "2019-03": 40,
        "2019-04": 7,
    }


def test_an_alliance_figure_is_used_instead_of_its_members() -> None:
    members = [found(12, party="russian_forces"), found(18, party="syrian_regime")]
    assert counts(trend_series(members)) == {"2019-03": 30}
    alliance = [*members, found(33, party="syrian_russian_alliance"), found(6, party="iranian_militias")]
    assert counts(trend_series(alliance)) == {"2019-03": 39}  # the alliance's 33 plus the militias' 6
    extremists = [found(5, party="isis"), found(4, party="hts"), found(8, party="extremist_groups")]
    assert counts(trend_series(extremists)) == {"2019-03": 8}


def test_a_governorate_figure_is_used_instead_of_its_towns() -> None:
    towns = [found(3, place="Khan Shaykhun"), found(4, place="Saraqib")]
    assert counts(trend_series(towns)) == {"2019-03": 7}
    assert counts(trend_series([*towns, found(9, place="Idlib")])) == {"2019-03": 9}
    assert counts(trend_series([found(9, place="Idlib"), found(5, place="Hama")])) == {"2019-03": 14}
    # a place the gazetteer cannot put in one governorate may include any other
    assert counts(trend_series([found(9, place="Idlib"), found(50, place="northwest Syria")])) == {"2019-03": 50}


def test_attacks_on_each_target_add_up_unless_the_total_is_stated() -> None:
    def attack(count: int, target: str | None) -> FoundFigure:
        return found(count, metric="attacks", group=None, target=target)

    assert counts(trend_series([attack(3, "schools"), attack(2, "markets")])) == {"2019-03": 5}
    assert counts(trend_series([attack(3, "schools"), attack(2, "markets"), attack(9, None)])) == {"2019-03": 9}


def test_a_shorter_figure_inside_a_counted_one_is_not_added() -> None:
    figures = [found(10, ("2019-03-01", "2019-03-15")), found(25, MARCH), found(6, ("2019-03-16", "2019-03-31"))]
    assert counts(trend_series(figures)) == {"2019-03": 25}
    halves = [found(10, ("2019-03-01", "2019-03-15")), found(6, ("2019-03-16", "2019-03-31"))]
    assert counts(trend_series(halves)) == {"2019-03": 16}


def test_buckets_without_figures_are_gaps_not_zeros() -> None:
    figures = [found(10, MARCH), found(5, ("2019-06-01", "2019-06-30"))]
    series = trend_series(figures)
    assert counts(series) == {"2019-03": 10, "2019-04": None, "2019-05": None, "2019-06": 5}
    bounded = trend_series(figures, since=dt.date(2019, 1, 1), until=dt.date(2019, 12, 31))
    assert list(counts(bounded)) == [f"2019-{m:02d}" for m in range(1, 13)]
    assert counts(bounded)["2019-01"] is None and counts(bounded)["2019-12"] is None
    assert trend_series([]).buckets == []
    assert counts(trend_series([], "year", since=dt.date(2018, 5, 1), until=dt.date(2020, 1, 1))) == dict.fromkeys(
        ["2018", "2019", "2020"]
    )


def test_december_and_leap_february_buckets() -> None:
    series = trend_series([found(1, ("2019-12-01", "2019-12-31")), found(2, ("2020-02-01", "2020-02-29"))])
    assert counts(series) == {"2019-12": 1, "2020-01": None, "2020-02": 2}
    assert series.buckets[-1].end == dt.date(2020, 2, 29)


def test_a_trend_of_mixed_metrics_or_groups_is_refused() -> None:
    with pytest.raises(InputError, match="one metric of one group, but the figures mix children killed, civilians killed"):
        trend_series([found(1), found(2, group="civilians")])
    with pytest.raises(InputError, match="--metric: a trend counts one metric; valid choices: killed"):
        check_trend_filter(make_filter(group="children"))
    with pytest.raises(InputError, match="--group: killed counts people"):
        check_trend_filter(make_filter(metric="killed"))
    check_trend_filter(make_filter(metric="attacks"))  # events have no group


def test_the_title_says_what_is_counted() -> None:
    filters = make_filter(metric="killed", group="children", perpetrator="russian_forces", location="إدلب")
    assert trend_title(filters, "month") == "children killed by russian_forces in Idlib, by month"
    assert trend_title(make_filter(metric="barrel_bombs"), "year") == "barrel_bombs, by year"


def test_table_and_csv_show_gaps_as_gaps() -> None:
    series = trend_series([found(10, MARCH, path="x.txt"), found(5, ("2019-05-01", "2019-05-31"))], title="T")
    out = io.StringIO()
    write_series(series, "csv", out)
    assert list(csv.reader(io.StringIO(out.getvalue()))) == [
        ["bucket", "count", "documents"], ["2019-03", "10", "1"], ["2019-04", "", "0"], ["2019-05", "5", "1"]
    ]
    out = io.StringIO()
    write_series(series, "table", out)
    assert [line.split() for line in out.getvalue().splitlines()] == [
        ["T"], [], ["month", "count", "documents"], ["2019-03", "10", "1"], ["2019-04", "-", "0"], ["2019-05", "5", "1"]
    ]


def test_notes_say_what_was_left_out() -> None:
    series = trend_series([found(10), found(10, path="b.txt"), found(3, YEAR)])
    assert series_notes(series) == [
        "1 matching figures span more than one month or have no period: not counted",
        "1 matching figures restate or fall within counted ones: not counted again",
    ]
    assert series_notes(trend_series([])) == ["no figures match"]


def test_png_and_svg_are_valid_and_the_same_on_every_run() -> None:
    series = trend_series([found(10, MARCH), found(5, ("2019-06-01", "2019-06-30"))], title="children killed, by month")
    png = chart_bytes(series, "png")
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and png == chart_bytes(series, "png")
    svg = chart_bytes(series, "svg")
    assert ET.fromstring(svg).tag == "{http://www.w3.org/2000/svg}svg"
    assert svg == chart_bytes(series, "svg")
    empty = chart_bytes(trend_series([]), "svg")
    assert ET.fromstring(empty).tag.endswith("svg")
    with pytest.raises(InputError, match="unknown chart format 'gif'"):
        chart_bytes(series, "gif")


# ---- against a database and through the command line ---------------------------------------------


def make_db(path: Path) -> Path:
    def doc(name: str, span: tuple[str, str], published: str, *figures: Figure) -> Document:
        return Document(
            source=Source(path=name, format="txt"),
            published=dt.date.fromisoformat(published),
            period=period(span),
            figures=list(figures),
        )

    def kill(count: int, party: str | None, place: str = "Idlib", group: str = "children") -> Figure:
        return Figure(metric="killed", group=group, count=count, perpetrator=party, location=place)  # type: ignore[arg-type]

    conn = open_store(path, create=True)
    for document in [
        doc("2019-02.txt", ("2019-01-01", "2019-01-31"), "2019-02-01", kill(8, "russian_forces"), kill(2, None, "Hama")),
        doc("2019-04.txt", MARCH, "2019-04-01", kill(12, "russian_forces"), kill(30, None), kill(3, "russian_forces", "Saraqib")),
        doc("2019-04-corrected.txt", MARCH, "2019-04-20", kill(13, "russian_forces")),  # restates March: 13 wins
        doc("2019-06.txt", ("2019-05-01", "2019-05-31"), "2019-06-01", kill(4, "russian_forces", "Khan Shaykhun"),
            kill(5, "russian_forces", "Saraqib")),
        doc("2020-01.txt", YEAR, "2020-01-02", kill(150, "russian_forces")),
    ]:
        write_document(conn, document)
    conn.close()
    return path


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return make_db(tmp_path / "tally.db")


QUESTION = ["--metric", "killed", "--group", "children", "--perpetrator", "russian_forces", "--location", "Idlib"]


def test_the_researchers_question_month_by_month(db: Path) -> None:
    filters = make_filter(metric="killed", group="children", perpetrator="russian_forces", location="Idlib", since="2019",
                          until="2019")
    with store(db) as conn:
        series = dataset_trend(conn, filters, "month")
    assert counts(series) == {
        "2019-01": 8, "2019-02": None, "2019-03": 13, "2019-04": None, "2019-05": 9,
        **{f"2019-{m:02d}": None for m in range(6, 13)},
    }
    assert series.unplaced == 1  # the annual total
    with store(db) as conn:
        yearly = dataset_trend(conn, filters, "year")
    assert counts(yearly) == {"2019": 150}


def run(*args: str | Path) -> Result:
    result = CliRunner().invoke(app, [str(a) for a in args])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def test_trend_help_states_that_gaps_are_not_zeros() -> None:
    result = run("trend", "--help")
    assert result.exit_code == 0
    assert "gap" in result.stdout and "--by" in result.stdout and "--to" in result.stdout


def test_trend_prints_a_table_by_default(db: Path) -> None:
    result = run("trend", "--db", db, *QUESTION, "--since", "2019-01", "--until", "2019-05")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "children killed by russian_forces in Idlib, by month"
    assert [line.split()[:2] for line in lines[3:]] == [
        ["2019-01", "8"], ["2019-02", "-"], ["2019-03", "13"], ["2019-04", "-"], ["2019-05", "9"]
    ]
    assert "tally: note: 2 matching figures restate or fall within counted ones" in result.stderr


@pytest.mark.parametrize(("name", "magic"), [("trend.png", b"\x89PNG"), ("trend.svg", b"<?xml"), ("trend.csv", b"bucket,")])
def test_trend_writes_the_format_of_the_output_suffix(db: Path, tmp_path: Path, name: str, magic: bytes) -> None:
    target = tmp_path / name
    result = run("trend", "--db", db, *QUESTION, "--by", "year", "-o", target)
    assert result.exit_code == 0, result.output
    assert target.read_bytes().startswith(magic)


def test_trend_to_csv_on_standard_output(db: Path) -> None:
    result = run("trend", "--db", db, *QUESTION, "--to", "csv")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == ["bucket,count,documents", "2019-01,8,1", "2019-02,,0", "2019-03,13,1",
                                          "2019-04,,0", "2019-05,9,1"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--group", "children"], "--metric: a trend counts one metric"),
        (["--metric", "killed"], "--group: killed counts people"),
        (["--metric", "killed", "--group", "kids"], "--group: unknown value 'kids'"),
        ([*QUESTION, "--since", "last year"], "--since: 'last year' is not a date"),
    ],
)
def test_trend_usage_errors_are_one_line_and_exit_2(db: Path, tmp_path: Path, args: list[str], message: str) -> None:
    target = tmp_path / "t.png"
    result = run("trend", "--db", db, *args, "-o", target)
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line.startswith(f"tally: error: {message}")
    assert not target.exists()


def test_trend_on_a_missing_database_names_it(tmp_path: Path) -> None:
    result = run("trend", "--db", tmp_path / "none.db", *QUESTION)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"tally: error: {tmp_path / 'none.db'}: ")


def test_trend_with_no_matching_figure_is_empty_with_a_note(db: Path) -> None:
    result = run("trend", "--db", db, *QUESTION, "--lang", "ar", "--to", "csv")
    assert result.exit_code == 0
    assert result.stdout == "bucket,count,documents\n"
    assert "tally: note: no figures match" in result.stderr


def test_the_cli_module_does_not_load_matplotlib() -> None:
    import subprocess
    import sys

    code = "import sys, tally.cli; print('matplotlib' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip() == "False"
