"""The store: opening (WAL, foreign keys, schema, bad files), write/read round trips, replacement, failures."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dataset.store import open_store, read_documents, record_failure, store, stored_states, write_document
from tally.errors import ContractError, InputError
from tally.model import (
    GROUPS, METRICS, PEOPLE_METRICS, PERPETRATORS, QUALIFIERS, TARGETS, Document, Entity, Evidence, Figure, Period,
    Quote, Recommendation, Source,
)

TEXT = st.text(st.characters(codec="utf-8"), max_size=40)
SOME_TEXT = st.one_of(st.none(), TEXT)
DATES = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31))


@st.composite
def periods(draw: Any) -> Period | None:
    """No period, or one with at least one end (an all-open period is stored as none: see write_document)."""
    start, end = draw(st.one_of(st.none(), DATES)), draw(st.one_of(st.none(), DATES))
    if start is None and end is None:
        return None
    if start and end and end < start:
        start, end = end, start
    return Period(start=start, end=end)


@st.composite
def figures(draw: Any) -> Figure:
    metric = draw(st.sampled_from(METRICS))
    people = metric in PEOPLE_METRICS
    evidence = draw(st.one_of(st.none(), st.builds(
        Evidence, text=TEXT, start=st.integers(0, 10**6), end=st.integers(0, 10**6),
        page=st.one_of(st.none(), st.integers(1, 500)),
    )))
    return Figure(
        metric=metric,
        group=draw(st.sampled_from(GROUPS)) if people else None,
        count=draw(st.integers(0, 10**9)),
        qualifier=draw(st.sampled_from(QUALIFIERS)),
        perpetrator=draw(st.one_of(st.none(), st.sampled_from(PERPETRATORS))),
        target=None if people else draw(st.one_of(st.none(), st.sampled_from(TARGETS))),
        period=draw(periods()),
        location=draw(SOME_TEXT),
        evidence=evidence,
    )


@st.composite
def documents(draw: Any) -> Document:
    return Document(
        source=Source(
            path=draw(st.text(min_size=1, max_size=30)), format=draw(st.sampled_from(("pdf", "docx", "html", "txt", "md"))),
            sha256=draw(st.one_of(st.none(), st.text("0123456789abcdef", min_size=64, max_size=64))),
            pages=draw(st.one_of(st.none(), st.integers(0, 900))),
        ),
        language=draw(st.sampled_from(("en", "ar"))),
        title=draw(SOME_TEXT),
        publisher=draw(SOME_TEXT),
        published=draw(st.one_of(st.none(), DATES)),
        period=draw(periods()),
        regions=draw(st.lists(TEXT, max_size=3)),
        figures=draw(st.lists(figures(), max_size=6)),
        entities=draw(st.lists(st.builds(
            Entity, label=st.sampled_from(("PERSON", "ORG", "GPE", "LOC", "DATE", "LAW", "WEAPON")), text=TEXT,
            canonical=SOME_TEXT, start=st.integers(0, 10**6), end=st.integers(0, 10**6),
        ), max_size=4)),
        quotes=draw(st.lists(st.builds(Quote, speaker=SOME_TEXT, role=SOME_TEXT, text=TEXT), max_size=2)),
        recommendations=draw(st.lists(st.builds(Recommendation, addressee=SOME_TEXT, text=TEXT), max_size=2)),
        warnings=draw(st.lists(TEXT, max_size=3)),
    )


def table_counts(conn: sqlite3.Connection) -> dict[str, int]:
    tables = ("documents", "figures", "entities", "quotes", "recommendations")
    return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


def test_a_new_store_has_the_schema_in_wal_mode_with_foreign_keys(tmp_path: Path) -> None:
    with store(tmp_path / "t.db", create=True) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert table_counts(conn) == dict.fromkeys(("documents", "figures", "entities", "quotes", "recommendations"), 0)
        assert dict(conn.execute("SELECT key, value FROM meta"))["format"] == "tally-dataset"
    with store(tmp_path / "t.db") as conn:  # opens again without create
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


@pytest.mark.parametrize(
    ("content", "create", "message"),
    [
        (None, False, "no such database"),
        (b"name,count\nIdlib,4\n", True, "not a SQLite database"),
        (b"", False, "not one tally made"),
    ],
)
def test_a_file_that_is_not_a_tally_store_is_one_line_naming_it(
    tmp_path: Path, content: bytes | None, create: bool, message: str
) -> None:
    db = tmp_path / "x.db"
    if content is not None:
        db.write_bytes(content)
    with pytest.raises(InputError, match=message) as err:
        open_store(db, create=create)
    assert str(err.value).startswith(str(db)) and "\n" not in str(err.value)
    if content is not None:
        assert db.read_bytes() == content  # left as it was


def test_another_programs_sqlite_database_is_refused_not_changed(tmp_path: Path) -> None:
    db = tmp_path / "other.db"
    with sqlite3.connect(db) as other:
        other.execute("CREATE TABLE people (name TEXT)")
    other.close()
    with pytest.raises(InputError, match="not one tally made"):
        open_store(db, create=True)
    with sqlite3.connect(db) as other:
        assert [r[0] for r in other.execute("SELECT name FROM sqlite_master")] == ["people"]
    other.close()


def test_a_missing_directory_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such directory"):
        open_store(tmp_path / "nowhere" / "t.db", create=True)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(document=documents())
def test_read_documents_gives_back_exactly_what_was_written(tmp_path: Path, document: Document) -> None:
    with store(tmp_path / "round.db", create=True) as conn:
        conn.execute("DELETE FROM documents")
        write_document(conn, document)
        assert list(read_documents(conn)) == [document]


def test_an_all_open_period_is_stored_as_none(tmp_path: Path) -> None:
    figure = Figure(metric="attacks", count=2, period=Period())
    document = Document(source=Source(path="a.txt", format="txt"), period=Period(), figures=[figure])
    with store(tmp_path / "t.db", create=True) as conn:
        write_document(conn, document)
        (back,) = read_documents(conn)
    assert back.period is None and back.figures[0].period is None
    assert back.model_copy(update={"period": Period(), "figures": [figure]}) == document


def sample(path: str, *counts: int, sha256: str = "a" * 64) -> Document:
    return Document(
        source=Source(path=path, format="txt", sha256=sha256),
        figures=[Figure(metric="killed", group="civilians", count=c) for c in counts],
        entities=[Entity(label="GPE", text="Idlib", start=0, end=5)],
        quotes=[Quote(text="…")],
        recommendations=[Recommendation(text="Act.")],
    )


def test_writing_a_path_again_replaces_its_rows_and_keeps_its_id(tmp_path: Path) -> None:
    with store(tmp_path / "t.db", create=True) as conn:
        first = write_document(conn, sample("a.txt", 1, 2, 3))
        other = write_document(conn, sample("b.txt", 9))
        again = write_document(conn, sample("a.txt", 7, sha256="b" * 64))
        assert again == first != other
        assert table_counts(conn) == {"documents": 2, "figures": 2, "entities": 2, "quotes": 2, "recommendations": 2}
        assert [[f.count for f in d.figures] for d in read_documents(conn)] == [[7], [9]]
        assert stored_states(conn)["a.txt"] == ("b" * 64, "ok", None)


def test_a_failure_replaces_the_documents_rows_and_is_not_read_back(tmp_path: Path) -> None:
    with store(tmp_path / "t.db", create=True) as conn:
        write_document(conn, sample("a.txt", 1, 2))
        write_document(conn, sample("b.txt", 3))
        record_failure(conn, "a.txt", "a.txt: not a PDF", sha256="c" * 64, format="txt")
        assert stored_states(conn)["a.txt"] == ("c" * 64, "failed", "a.txt: not a PDF")
        assert [d.source.path for d in read_documents(conn) if d.source] == ["b.txt"]
        assert table_counts(conn)["figures"] == 1


def test_read_documents_filters_by_path_and_language(tmp_path: Path) -> None:
    with store(tmp_path / "t.db", create=True) as conn:
        for path, lang in (("c.txt", "en"), ("a.txt", "ar"), ("b.txt", "en")):
            write_document(conn, sample(path, 1).model_copy(update={"language": lang}))
        assert [d.source.path for d in read_documents(conn) if d.source] == ["a.txt", "b.txt", "c.txt"]
        assert [d.source.path for d in read_documents(conn, paths=["c.txt", "a.txt"]) if d.source] == ["a.txt", "c.txt"]
        assert [d.source.path for d in read_documents(conn, language="en") if d.source] == ["b.txt", "c.txt"]


def test_a_failed_write_leaves_the_previous_rows(tmp_path: Path) -> None:
    with store(tmp_path / "t.db", create=True) as conn:
        write_document(conn, sample("a.txt", 1, 2))
        too_big = sample("a.txt", 5).model_copy(update={"figures": [Figure(metric="killed", group="men", count=2**70)]})
        with pytest.raises(OverflowError):
            write_document(conn, too_big)
        assert [[f.count for f in d.figures] for d in read_documents(conn)] == [[1, 2]]


def test_a_row_the_contract_rejects_is_a_contract_error_naming_the_path(tmp_path: Path) -> None:
    with store(tmp_path / "t.db", create=True) as conn:
        write_document(conn, sample("a.txt", 1))
        conn.execute("UPDATE figures SET metric = 'kidnapped'")
        with pytest.raises(ContractError, match=r"t\.db: a\.txt: figures\[0\]\.metric"):
            list(read_documents(conn))


def test_a_document_without_source_cannot_be_stored(tmp_path: Path) -> None:
    with store(tmp_path / "t.db", create=True) as conn, pytest.raises(ContractError, match="source.path"):
        write_document(conn, Document())
