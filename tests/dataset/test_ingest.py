"""Ingest: the database holds what extract gives; unchanged files are skipped, changed ones replaced, failures
recorded; bad input stops before the database is touched; ``tally ingest`` wiring; a SIGKILL mid-run."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from dataset.ingest import Progress, format_progress, ingest_paths, input_files, plan_ingest
from dataset.store import read_documents, store
from tally.cli import app
from tally.errors import InputError, UnsupportedFormat

REPO = Path(__file__).resolve().parents[2]
PLACES = ("Idlib", "Aleppo", "Hama", "Daraa", "Homs", "Raqqa")


def english_report(i: int) -> str:
    place = PLACES[i % len(PLACES)]
    return (
        f"Civilian Death Toll in {place}, report {i}\n\n"
        f"The Syrian Network for Human Rights documented the killing of {100 + i} civilians, including "
        f"{10 + i} children and {5 + i} women, in {place} in March 2020.\n\n"
        f"Syrian Regime forces killed {40 + i} civilians, including {3 + i} children.\n\n"
        f"Russian forces killed {20 + i} civilians, including {2 + i} children.\n\n"
        f"We also documented at least {200 + i} cases of arbitrary arrest, including {7 + i} children, in March 2020.\n\n"
        f"The report records {30 + i} attacks on vital civilian facilities in {place}.\n"
    )


ARABIC_REPORT = (
    "حصيلة الضحايا في آذار 2020\n\n"
    "وثّقت الشبكة السورية لحقوق الإنسان مقتل 120 مدنياً بينهم 31 طفلاً و17 سيدة في آذار 2020.\n\n"
    "قتلت قوات النظام السوري 60 مدنياً بينهم 12 طفلاً.\n"
)


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    """A small mixed corpus: two English and one Arabic text, and a real English HTML report."""
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text(english_report(1), encoding="utf-8")
    (folder / "b.txt").write_text(english_report(2), encoding="utf-8")
    (folder / "c-ar.txt").write_text(ARABIC_REPORT, encoding="utf-8")
    shutil.copy(REPO / "corpus" / "en" / "2019-07-vital-facilities-june-2019.html", folder / "d.html")
    return folder


def rows(conn: sqlite3.Connection, sql: str) -> list[tuple[Any, ...]]:
    return list(conn.execute(sql))


@pytest.mark.e2e
def test_ingest_stores_exactly_what_extract_gives(tmp_path: Path, docs: Path) -> None:
    from extractor.extract import extract_paths

    seen: list[Progress] = []
    with store(tmp_path / "t.db", create=True) as conn:
        summary = ingest_paths(conn, [docs], jobs=2, progress=seen.append)
        stored = list(read_documents(conn))
        languages = dict(rows(conn, "SELECT path, language FROM documents"))
    extracted = [o.document for o in extract_paths([docs])]
    assert stored == sorted(extracted, key=lambda d: d.source.path if d and d.source else "")
    assert all(d.figures for d in stored)
    assert languages[(docs / "c-ar.txt").as_posix()] == "ar" and languages[(docs / "a.txt").as_posix()] == "en"
    assert (summary.ingested, summary.unchanged, summary.failed) == (4, 0, 0)
    assert [p.done for p in seen] == [0, 1, 2, 3, 4] and {p.total for p in seen} == {4}
    assert seen[-1].pages == summary.pages >= 4
    assert summary.line().startswith("ingested 4, ")


@pytest.mark.e2e
def test_unchanged_files_are_skipped_changed_replaced_and_failures_recorded(tmp_path: Path, docs: Path) -> None:
    broken = docs / "e.pdf"
    broken.write_bytes(b"%PDF-1.4 this is not really a PDF")
    with store(tmp_path / "t.db", create=True) as conn:
        first = ingest_paths(conn, [docs])
        assert (first.ingested, first.failed) == (4, 1)
        assert first.failures[0].startswith(f"{broken}: ")
        (status, error), = rows(conn, f"SELECT status, error FROM documents WHERE path = '{broken.as_posix()}'")
        assert status == "failed" and error == first.failures[0]
        before = dict(rows(conn, "SELECT path, id || ' ' || ingested_at FROM documents"))

        (docs / "b.txt").write_text(english_report(7), encoding="utf-8")
        second = ingest_paths(conn, [docs])
        assert (second.ingested, second.unchanged, second.failures, second.failed_before) == (1, 3, [], first.failures)
        assert second.failed == 1 and "--retry-failed" in second.line()
        after = dict(rows(conn, "SELECT path, id || ' ' || ingested_at FROM documents"))
        assert {p for p in after if after[p] != before[p]} <= {(docs / "b.txt").as_posix()}
        counts = [f.count for d in read_documents(conn, paths=[(docs / "b.txt").as_posix()]) for f in d.figures]
        assert 107 in counts and 102 not in counts  # the new text's figures, none of the old one's

        assert plan_ingest(conn, input_files([docs]), retry_failed=True).todo[0].path == broken
        shutil.copy(REPO / "corpus" / "en" / "2019-06-civilian-death-toll-may-2019.txt", broken.with_suffix(".txt"))
        broken.unlink()
        third = ingest_paths(conn, [docs])
        assert (third.ingested, third.unchanged, third.failed) == (1, 4, 0)
        assert rows(conn, f"SELECT status FROM documents WHERE path = '{broken.as_posix()}'") == [("failed",)]  # left alone


def test_bad_paths_stop_before_anything_is_read(tmp_path: Path, docs: Path) -> None:
    (tmp_path / "scan.tiff").write_bytes(b"II*")
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="nowhere.pdf: no such file"):
        input_files([docs, tmp_path / "nowhere.pdf"])
    with pytest.raises(UnsupportedFormat, match=r"scan.tiff: unsupported file type \.tiff"):
        input_files([tmp_path / "scan.tiff"])
    with pytest.raises(InputError, match="no supported files"):
        input_files([tmp_path / "empty"])
    assert input_files([docs, docs / "a.txt"]) == sorted(docs.iterdir())  # each file once
    with store(tmp_path / "t.db", create=True) as conn, pytest.raises(InputError, match="jobs"):
        ingest_paths(conn, [docs], jobs=0)


def test_progress_reads_files_pages_per_second_and_eta() -> None:
    assert format_progress(Progress(25, 100, 50, 10.0, "a.pdf", False)) == "ingesting 25/100 files, 5.0 pages/s, ETA 0:30"
    assert format_progress(Progress(0, 3, 0, 0.0, "", False)).endswith("ETA -")


def run(*args: str | Path) -> Result:
    result = CliRunner().invoke(app, [str(a) for a in args])
    assert "Traceback" not in result.output
    return result


def test_ingest_help_names_its_options() -> None:
    result = run("ingest", "--help")
    assert result.exit_code == 0
    assert all(option in result.stdout for option in ("--db", "--jobs", "--retry-failed", "--lang"))


@pytest.mark.parametrize("content", [b"not a database at all", b"SQLite format 3\x00" + b"\x00" * 200])
def test_ingest_into_a_file_that_is_not_a_tally_database_exits_2_naming_it(
    tmp_path: Path, docs: Path, content: bytes
) -> None:
    db = tmp_path / "notes.db"
    db.write_bytes(content)
    result = run("ingest", docs, "--db", db)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"tally: error: {db}: ") and result.stderr.count("\n") == 1
    assert db.read_bytes() == content


def test_ingest_of_a_missing_path_exits_2_and_makes_no_database(tmp_path: Path) -> None:
    result = run("ingest", tmp_path / "nowhere", "--db", tmp_path / "t.db")
    assert result.exit_code == 2 and "nowhere: no such file or directory" in result.stderr
    assert not (tmp_path / "t.db").exists()


@pytest.mark.e2e
def test_tally_ingest_reports_failures_and_exits_1(tmp_path: Path, docs: Path) -> None:
    (docs / "e.docx").write_bytes(b"PK not a docx")
    result = run("ingest", docs, "--db", tmp_path / "t.db", "--jobs", "2")
    assert result.exit_code == 1
    (error,) = [line for line in result.stderr.splitlines() if line.startswith("tally: error: ")]
    assert error.startswith(f"tally: error: {(docs / 'e.docx').as_posix()}: ")
    assert result.stdout.startswith("ingested 4, ") and "failed 1" in result.stdout
    again = run("ingest", docs, "--db", tmp_path / "t.db")
    assert again.exit_code == 1 and again.stdout.startswith("ingested 0, skipped 4 unchanged, failed 1 (1 unchanged")


# ---- SIGKILL part-way --------------------------------------------------------------------------


def live_group_members(group: int) -> list[int]:
    """Processes of process group ``group`` that have not exited (zombies do not count)."""
    members = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == group and fields[0] != "Z":
            members.append(int(stat.parent.name))
    return members


def table_contents(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows without ids and timestamps, children keyed by their document's path."""
    conn = sqlite3.connect(db)
    out = {"documents": sorted(rows(conn, "SELECT path, sha256, format, language, pages, title, publisher, published, "
                                          "period_start, period_end, regions, warnings, status, error FROM documents"))}
    for table in ("figures", "entities", "quotes", "recommendations"):
        columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] not in ("id", "document_id")]
        selected = ", ".join(f'c."{c}"' for c in columns)
        out[table] = sorted(rows(conn, f"SELECT d.path, {selected} FROM {table} c JOIN documents d ON d.id = c.document_id"),
                            key=repr)
    conn.close()
    return out


def committed(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


@pytest.mark.e2e
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_an_ingest_killed_with_sigkill_finishes_on_rerun_with_the_same_content(tmp_path: Path) -> None:
    corpus = tmp_path / "docs"
    corpus.mkdir()
    total = 30
    for i in range(total):
        (corpus / f"r{i:02d}.txt").write_text(english_report(i) * 2, encoding="utf-8")
    tally = [str(Path(sys.executable).parent / "tally"), "ingest", "docs"]
    killed_db, whole_db = tmp_path / "killed.db", tmp_path / "whole.db"

    log = tmp_path / "killed.log"
    with log.open("wb") as stderr:
        run_ = subprocess.Popen([*tally, "--db", killed_db.name, "--jobs", "1"], cwd=tmp_path, start_new_session=True,
                                stdout=subprocess.DEVNULL, stderr=stderr)
    try:
        deadline = time.monotonic() + 40
        while committed(killed_db) < 3 and run_.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        assert run_.poll() is None, f"the run ended before it was killed: {log.read_text()}"
        os.kill(run_.pid, signal.SIGKILL)
        run_.wait(10)
        at_kill = committed(killed_db)
        assert 3 <= at_kill < total, f"the run was not killed part-way ({at_kill} of {total} stored)"
        deadline = time.monotonic() + 10
        while live_group_members(run_.pid) and time.monotonic() < deadline:  # its worker notices and ends
            time.sleep(0.1)
        assert live_group_members(run_.pid) == []
    finally:
        for pid in live_group_members(run_.pid):
            os.kill(pid, signal.SIGKILL)
    conn = sqlite3.connect(killed_db)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()

    rerun = subprocess.run([*tally, "--db", killed_db.name, "--jobs", "1"], cwd=tmp_path, capture_output=True, text=True,
                           timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    assert rerun.stdout.startswith(f"ingested {total - at_kill}, skipped {at_kill} unchanged, failed 0")
    whole = subprocess.run([*tally, "--db", whole_db.name, "--jobs", "2"], cwd=tmp_path, capture_output=True, text=True,
                           timeout=120)
    assert whole.returncode == 0, whole.stderr
    resumed, uninterrupted = table_contents(killed_db), table_contents(whole_db)
    assert len(uninterrupted["documents"]) == total and len(uninterrupted["figures"]) > 4 * total
    assert resumed == uninterrupted
