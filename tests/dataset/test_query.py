"""Querying the dataset: each filter, the period rules, the output formats and the ``tally figures`` command."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from dataset.query import FigureFilter, FoundFigure, make_filter, query_figures, write_figures
from dataset.store import open_store, record_failure, store, write_document
from tally.cli import app
from tally.errors import InputError
from tally.model import Document, Evidence, Figure, Period, Source


def fig(metric: str = "killed", group: str | None = "children", count: int = 1, **fields: Any) -> Figure:
    period = fields.pop("period", None)
    if period is not None:
        fields["period"] = Period(start=dt.date.fromisoformat(period[0]), end=dt.date.fromisoformat(period[1]))
    return Figure(metric=metric, group=group, count=count, **fields)  # type: ignore[arg-type]


def doc(path: str, period: tuple[str, str] | None, figures: list[Figure], *, lang: str = "en", published: str) -> Document:
    return Document(
        source=Source(path=path, format="txt"),
        language=lang,
        published=dt.date.fromisoformat(published),
        period=Period(start=dt.date.fromisoformat(period[0]), end=dt.date.fromisoformat(period[1])) if period else None,
        figures=figures,
    )


EVIDENCE = Evidence(text="Russian forces killed 12 children in Idlib.", start=40, end=84, page=2)
DOCUMENTS = [
    # March 2019: figures without their own period take the document's.
    doc("2019-04-idlib.txt", ("2019-03-01", "2019-03-31"), [
        fig(count=12, perpetrator="russian_forces", location="Idlib", evidence=EVIDENCE),
        fig(count=30, location="idlib"),
        fig(count=18, perpetrator="syrian_regime", location="Idlib"),
        fig(group="civilians", count=100, location="Idlib"),
        fig(metric="attacks", group=None, count=4, perpetrator="syrian_russian_alliance", location="Hama"),
    ], published="2019-04-05"),
    # The year 2019; one figure of its own spanning two months.
    doc("2020-01-annual.txt", ("2019-01-01", "2019-12-31"), [
        fig(count=150, perpetrator="russian_forces", location="Idlib"),
        fig(count=9, perpetrator="russian_forces", location="Khan Shaykhun", period=("2019-05-20", "2019-06-10")),
        fig(metric="arrested", group="women", count=40, perpetrator="syrian_regime", location="Damascus"),
    ], published="2020-01-01"),
    doc("ar/2019-06-idlib.txt", ("2019-05-01", "2019-05-31"), [
        fig(count=7, perpetrator="russian_forces", location="Khan Shaykhun"),
        fig(count=5, perpetrator="hts", location="Idlib"),
    ], lang="ar", published="2019-06-02"),
    doc("2018-12-old.txt", ("2018-11-01", "2018-11-30"), [fig(count=3, perpetrator="russian_forces", location="Idlib")],
        published="2018-12-01"),
    doc("undated.txt", None, [fig(count=2, perpetrator="russian_forces", location="Idlib")], published="2019-07-01"),
]


def make_db(path: Path, documents: list[Document]) -> Path:
    conn = open_store(path, create=True)
    for document in documents:
        write_document(conn, document)
    record_failure(conn, "broken.pdf", "broken.pdf: not a PDF", sha256=None, format="pdf")
    conn.close()
    return path


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return make_db(tmp_path / "tally.db", DOCUMENTS)


@pytest.fixture
def conn(db: Path) -> Iterator[sqlite3.Connection]:
    connection = open_store(db)
    yield connection
    connection.close()


def counts(conn: sqlite3.Connection, **filters: str) -> list[int]:
    return [f.figure.count for f in query_figures(conn, make_filter(**filters))]


def test_no_filter_gives_every_figure_of_the_documents_read(conn: sqlite3.Connection) -> None:
    found = query_figures(conn, FigureFilter())
    assert len(found) == sum(len(d.figures) for d in DOCUMENTS)
    assert {f.path for f in found} == {d.source.path for d in DOCUMENTS if d.source}  # not the failed file
    assert found[-1].path == "undated.txt"  # undated last
    assert [f.figure.count for f in found][:1] == [3]  # 2018 first


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"metric": "arrested"}, [40]),
        ({"metric": "killed", "group": "civilians"}, [100]),
        ({"group": "women"}, [40]),
        ({"perpetrator": "syrian_regime"}, [18, 40]),
        ({"perpetrator": "hts"}, [5]),
        ({"perpetrator": "extremist_groups"}, [5]),  # ISIS and HTS counted together
        ({"perpetrator": "syrian_russian_alliance", "metric": "attacks"}, [4]),
        ({"lang": "ar"}, [7, 5]),
        ({"location": "Damascus"}, [40]),
        ({"location": "Hama"}, [4]),
    ],
)
def test_each_filter_keeps_only_its_figures(conn: sqlite3.Connection, filters: dict[str, str], expected: list[int]) -> None:
    assert sorted(counts(conn, **filters)) == sorted(expected)


def test_an_alliance_includes_its_members(conn: sqlite3.Connection) -> None:
    found = query_figures(conn, make_filter(perpetrator="syrian_russian_alliance", metric="killed", group="children"))
    assert {f.figure.perpetrator for f in found} == {"russian_forces", "syrian_regime"}


def test_a_governorate_includes_its_towns_in_any_case_or_spelling(conn: sqlite3.Connection) -> None:
    idlib = sorted(counts(conn, location="Idlib", metric="killed", group="children"))
    assert idlib == [2, 3, 5, 7, 9, 12, 18, 30, 150]
    assert sorted(counts(conn, location="IDLIB", metric="killed", group="children")) == idlib
    assert sorted(counts(conn, location="إدلب", metric="killed", group="children")) == idlib
    assert sorted(counts(conn, location="Idleb", metric="killed", group="children")) == idlib
    assert sorted(counts(conn, location="khan shaykhun")) == [7, 9]  # a town: only itself


def test_an_unknown_place_is_an_error_naming_the_option(conn: sqlite3.Connection) -> None:
    with pytest.raises(InputError, match=r"--location: unknown place 'Idlibb'; valid choices include: .*Idlib"):
        query_figures(conn, make_filter(location="Idlibb"))


def test_a_place_the_gazetteer_lacks_is_found_if_stored(tmp_path: Path) -> None:
    path = make_db(tmp_path / "x.db", [doc("j.txt", None, [fig(location="Jableh")], published="2019-01-01")])
    with store(path) as conn:
        assert counts(conn, location="jableh") == [1]


@pytest.mark.parametrize(
    ("since", "until", "expected"),
    [
        # the year 2019: March's (document period), the annual's (the year), May's, the May–June figure
        ("2019", "2019", [12, 30, 18, 150, 9, 7, 5]),
        ("2019-03", "2019-03", [12, 30, 18]),  # the annual's 150 covers the year: not within March
        ("2019-05", "2019-06", [9, 7, 5]),  # 20 May–10 June lies within; neither month alone holds it
        ("2019-05", "2019-05", [7, 5]),
        ("2019-05-15", None, [9]),  # starts on or after 15 May
        (None, "2018-12-31", [3]),
        ("2020", None, []),
    ],
)
def test_a_figure_matches_when_its_period_lies_within_the_bounds(
    conn: sqlite3.Connection, since: str | None, until: str | None, expected: list[int]
) -> None:
    filters = {"metric": "killed", "group": "children", **({"since": since} if since else {}), **({"until": until} if until else {})}
    assert sorted(counts(conn, **filters)) == sorted(expected)


def test_a_figure_without_a_period_reports_its_documents(conn: sqlite3.Connection) -> None:
    found = query_figures(conn, make_filter(since="2019-03", until="2019-03", perpetrator="russian_forces"))
    assert [f.figure.period for f in found] == [None]  # as stored
    assert found[0].period == Period(start=dt.date(2019, 3, 1), end=dt.date(2019, 3, 31))
    assert found[0].figure.evidence == EVIDENCE and found[0].language == "en"
    assert found[0].published == dt.date(2019, 4, 5)
    [own] = query_figures(conn, make_filter(since="2019-05-20", until="2019-06-10"))
    assert own.period == own.figure.period == Period(start=dt.date(2019, 5, 20), end=dt.date(2019, 6, 10))


@pytest.mark.parametrize(
    ("filters", "message"),
    [
        ({"metric": "kills"}, r"--metric: unknown value 'kills'; valid choices: killed, died_under_torture"),
        ({"group": "kids"}, r"--group: unknown value 'kids'; valid choices: civilians, children"),
        ({"perpetrator": "russia"}, r"--perpetrator: unknown value 'russia'; valid choices: syrian_regime"),
        ({"since": "2019-13"}, r"--since: '2019-13' is not a date \(YYYY, YYYY-MM or YYYY-MM-DD\)"),
        ({"until": "March 2019"}, r"--until: 'March 2019' is not a date"),
        ({"until": "2019-02-30"}, r"--until: '2019-02-30' is not a date"),
        ({"since": "2020", "until": "2019"}, r"--until: 2019 is before --since 2020"),
    ],
)
def test_bad_filters_are_input_errors_listing_the_choices(filters: dict[str, str], message: str) -> None:
    with pytest.raises(InputError, match=message):
        make_filter(**filters)


@pytest.mark.parametrize(
    ("text", "end", "expected"),
    [("2019", False, "2019-01-01"), ("2019", True, "2019-12-31"), ("2020-02", True, "2020-02-29"),
     ("2019-02", False, "2019-02-01"), ("2019-02-14", True, "2019-02-14")],
)
def test_date_bounds_name_the_first_or_last_day(text: str, end: bool, expected: str) -> None:
    bounds = make_filter(since=text) if not end else make_filter(until=text)
    assert (bounds.until if end else bounds.since) == dt.date.fromisoformat(expected)


def output(found: list[FoundFigure], fmt: str) -> str:
    out = io.StringIO()
    write_figures(found, fmt, out)
    return out.getvalue()


def test_json_is_one_array_of_contract_figures_with_their_paths(conn: sqlite3.Connection) -> None:
    found = query_figures(conn, make_filter(location="Idlib"))
    items = json.loads(output(found, "json"))
    assert [item.pop("path") for item in items] == [f.path for f in found]
    assert [Figure.model_validate(item) for item in items] == [f.figure for f in found]
    assert json.loads(output([], "json")) == []


def test_csv_has_the_columns_of_extract(conn: sqlite3.Connection) -> None:
    from tally.output import CSV_COLUMNS

    found = query_figures(conn, make_filter(perpetrator="russian_forces", since="2019-03", until="2019-03"))
    rows = list(csv.DictReader(io.StringIO(output(found, "csv"))))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert rows == [
        {**{c: "" for c in CSV_COLUMNS}, "path": "2019-04-idlib.txt", "metric": "killed", "group": "children",
         "count": "12", "qualifier": "exact", "perpetrator": "russian_forces", "location": "Idlib",
         "evidence_text": EVIDENCE.text, "evidence_start": "40", "evidence_end": "84", "evidence_page": "2"}
    ]


def test_the_table_shows_the_period_used_and_the_file(conn: sqlite3.Connection) -> None:
    found = query_figures(conn, make_filter(perpetrator="russian_forces", since="2019-03", until="2019-03"))
    lines = output(found, "table").splitlines()
    assert lines[0].split() == ["metric", "group", "count", "qualifier", "perpetrator", "period", "location", "page", "path"]
    assert lines[1].split() == ["killed", "children", "12", "exact", "russian_forces", "2019-03-01..2019-03-31", "Idlib",
                                "2", "2019-04-idlib.txt"]
    assert output([], "table") == ""


# ---- tally figures ------------------------------------------------------------------------------


def run(*args: str | Path) -> Result:
    result = CliRunner().invoke(app, [str(a) for a in args])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def test_figures_help() -> None:
    result = run("figures", "--help")
    assert result.exit_code == 0 and "--perpetrator" in result.stdout and "--location" in result.stdout


def test_figures_answers_the_researchers_question_as_json(db: Path) -> None:
    result = run("figures", "--db", db, "--metric", "killed", "--group", "children", "--perpetrator", "russian_forces",
                 "--location", "Idlib", "--since", "2019", "--until", "2019", "--format", "json")
    assert result.exit_code == 0, result.output
    items = json.loads(result.stdout)
    assert sorted((i["count"], i["path"]) for i in items) == [
        (7, "ar/2019-06-idlib.txt"), (9, "2020-01-annual.txt"), (12, "2019-04-idlib.txt"), (150, "2020-01-annual.txt")
    ]


def test_figures_writes_the_format_of_the_output_suffix_atomically(db: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    result = run("figures", "--db", db, "--metric", "arrested", "-o", target)
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8").splitlines()[1].startswith("2020-01-annual.txt,arrested,women,40,")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_figures_with_no_match_prints_an_empty_table_and_a_note(db: Path) -> None:
    result = run("figures", "--db", db, "--since", "2021")
    assert result.exit_code == 0
    assert result.stdout == "" and "no figures match" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--metric", "kills"], "--metric: unknown value 'kills'; valid choices: killed"),
        (["--location", "Narnia"], "--location: unknown place 'Narnia'"),
    ],
)
def test_figures_bad_filter_is_one_line_and_exit_2(db: Path, args: list[str], message: str) -> None:
    result = run("figures", "--db", db, *args)
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line.startswith(f"tally: error: {message}")


@pytest.mark.parametrize("content", [None, b"not a database at all, just some text", b""])
def test_figures_on_a_missing_or_foreign_file_names_it_and_exits_2(tmp_path: Path, content: bytes | None) -> None:
    path = tmp_path / "other.db"
    if content is not None:
        path.write_bytes(content)
    target = tmp_path / "out.json"
    result = run("figures", "--db", path, "-o", target)
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line.startswith(f"tally: error: {path}: ")
    assert not target.exists()


def test_figures_on_a_sqlite_file_that_tally_did_not_make(tmp_path: Path) -> None:
    path = tmp_path / "foreign.db"
    with sqlite3.connect(path) as other:
        other.execute("CREATE TABLE things (x)")
    other.close()
    result = run("figures", "--db", path)
    assert result.exit_code == 2 and result.stderr.startswith(f"tally: error: {path}: ")
