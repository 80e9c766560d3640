"""The SQLite store: open it (WAL, foreign keys, schema), write a document's rows in one transaction, read Documents back."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from tally import __version__
from tally.errors import ContractError, InputError
from tally.model import Document, Figure, Period, document_from_data

#: What the ``meta`` table says about a database tally made.
STORE_FORMAT = "tally-dataset"
STORE_VERSION = "1"
_SQLITE_HEADER = b"SQLite format 3\x00"
_DOCUMENT_COLUMNS = (
    "path", "sha256", "format", "language", "pages", "title", "publisher", "published", "period_start",
    "period_end", "regions", "warnings", "status", "error", "ingested_at", "tally_version",
)
_FIGURE_COLUMNS = (
    "metric", "group", "count", "qualifier", "perpetrator", "target", "period_start", "period_end", "location",
    "evidence_text", "evidence_start", "evidence_end", "evidence_page",
)
_CHILD_TABLES = ("figures", "entities", "quotes", "recommendations")


def _quoted(columns: Iterable[str]) -> str:
    return ", ".join(f'"{c}"' for c in columns)


def _check_file(db: Path, create: bool) -> None:
    """A one-line InputError unless ``db`` is a SQLite file (or, with ``create``, a file that can be made)."""
    if db.is_dir():
        raise InputError(f"{db}: is a directory, not a database file")
    if not db.exists():
        if not create:
            raise InputError(f"{db}: no such database (run tally ingest first)")
        if not db.parent.is_dir():
            raise InputError(f"{db}: no such directory {db.parent}")
        return
    try:
        with db.open("rb") as file:
            header = file.read(len(_SQLITE_HEADER))
    except OSError as err:
        raise InputError(f"{db}: cannot be read ({err.strerror or err})") from None
    if header and header != _SQLITE_HEADER:
        raise InputError(f"{db}: not a SQLite database")


def _check_tally_tables(conn: sqlite3.Connection, db: Path, create: bool) -> None:
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    marker = conn.execute("SELECT value FROM meta WHERE key = 'format'").fetchone() if "meta" in tables else None
    if marker is not None and marker[0] == STORE_FORMAT:
        return
    if tables or not create:
        raise InputError(f"{db}: a SQLite database, but not one tally made (no tally tables in it)")
    schema = resources.files("dataset").joinpath("schema.sql").read_text(encoding="utf-8")
    marks = {"format": STORE_FORMAT, "version": STORE_VERSION, "created_by": f"tally {__version__}"}
    inserts = "".join(f"INSERT INTO meta (key, value) VALUES ('{k}', '{v}');\n" for k, v in marks.items())
    conn.executescript(f"BEGIN;\n{schema}\n{inserts}COMMIT;")  # all or nothing: a half-made store is never left


def open_store(db: Path, *, create: bool = False) -> sqlite3.Connection:
    """A connection to the tally database ``db`` (WAL journal, foreign keys on, autocommit outside
    :func:`transaction`); with ``create`` a missing or empty file gets the schema. Anything that is not
    a tally database is a one-line InputError naming ``db``."""
    _check_file(db, create)
    try:
        conn = sqlite3.connect(db, isolation_level=None, timeout=30)
    except sqlite3.Error as err:
        raise InputError(f"{db}: cannot be opened ({err})") from None
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        if create:
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        _check_tally_tables(conn, db, create)
    except sqlite3.DatabaseError as err:
        conn.close()
        raise InputError(f"{db}: not a usable SQLite database ({err})") from None
    except BaseException:
        conn.close()
        raise
    return conn


@contextmanager
def store(db: Path, *, create: bool = False) -> Iterator[sqlite3.Connection]:
    """:func:`open_store`, closed at the end of the block."""
    conn = open_store(db, create=create)
    try:
        yield conn
    finally:
        conn.close()


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction: committed when the block ends, rolled back if it raises."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.rollback()
        raise
    conn.execute("COMMIT")


def database_name(conn: sqlite3.Connection) -> str:
    """The file behind ``conn`` (for messages)."""
    row = conn.execute("PRAGMA database_list").fetchone()
    return str(row[2]) if row and row[2] else ":memory:"


def now() -> str:
    """The current moment as an ISO timestamp in UTC, to the second."""
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()


def _period(period: Period | None) -> tuple[str | None, str | None]:
    if period is None:
        return None, None
    return (period.start.isoformat() if period.start else None, period.end.isoformat() if period.end else None)


def _upsert_document(conn: sqlite3.Connection, values: dict[str, Any]) -> int:
    """Insert or update the ``documents`` row of ``values['path']`` (its id stays) and empty its child rows."""
    columns = _quoted(_DOCUMENT_COLUMNS)
    marks = ", ".join("?" for _ in _DOCUMENT_COLUMNS)
    updates = ", ".join(f'"{c}" = excluded."{c}"' for c in _DOCUMENT_COLUMNS if c != "path")
    row = conn.execute(
        f"INSERT INTO documents ({columns}) VALUES ({marks}) ON CONFLICT(path) DO UPDATE SET {updates} RETURNING id",
        [values.get(c) for c in _DOCUMENT_COLUMNS],
    ).fetchone()
    document_id = int(row[0])
    for table in _CHILD_TABLES:
        conn.execute(f"DELETE FROM {table} WHERE document_id = ?", (document_id,))
    return document_id


def _figure_values(document_id: int, position: int, figure: Figure) -> tuple[Any, ...]:
    evidence = figure.evidence
    return (
        document_id, position, figure.metric, figure.group, figure.count, figure.qualifier, figure.perpetrator,
        figure.target, *_period(figure.period), figure.location,
        evidence.text if evidence else None, evidence.start if evidence else None,
        evidence.end if evidence else None, evidence.page if evidence else None,
    )


def write_document(conn: sqlite3.Connection, document: Document, *, ingested_at: str | None = None) -> int:
    """Store ``document`` under its ``source.path`` in one transaction, replacing whatever that path had;
    its id. A period with neither end is stored (and read back) as no period."""
    if document.source is None:
        raise ContractError("a document without source.path cannot be stored: the path is its key")
    source = document.source
    values = {
        "path": source.path, "sha256": source.sha256, "format": source.format, "language": document.language,
        "pages": source.pages, "title": document.title, "publisher": document.publisher,
        "published": document.published.isoformat() if document.published else None,
        "period_start": _period(document.period)[0], "period_end": _period(document.period)[1],
        "regions": json.dumps(document.regions, ensure_ascii=False),
        "warnings": json.dumps(document.warnings, ensure_ascii=False),
        "status": "ok", "error": None, "ingested_at": ingested_at or now(), "tally_version": __version__,
    }
    with transaction(conn):
        document_id = _upsert_document(conn, values)
        conn.executemany(
            f"INSERT INTO figures (document_id, position, {_quoted(_FIGURE_COLUMNS)}) "
            f"VALUES (?, ?, {', '.join('?' for _ in _FIGURE_COLUMNS)})",
            [_figure_values(document_id, i, f) for i, f in enumerate(document.figures)],
        )
        conn.executemany(
            'INSERT INTO entities (document_id, position, label, text, canonical, start, "end") VALUES (?, ?, ?, ?, ?, ?, ?)',
            [(document_id, i, e.label, e.text, e.canonical, e.start, e.end) for i, e in enumerate(document.entities)],
        )
        conn.executemany(
            "INSERT INTO quotes (document_id, position, speaker, role, text) VALUES (?, ?, ?, ?, ?)",
            [(document_id, i, q.speaker, q.role, q.text) for i, q in enumerate(document.quotes)],
        )
        conn.executemany(
            "INSERT INTO recommendations (document_id, position, addressee, text) VALUES (?, ?, ?, ?)",
            [(document_id, i, r.addressee, r.text) for i, r in enumerate(document.recommendations)],
        )
    return document_id


def record_failure(
    conn: sqlite3.Connection, path: str, error: str, *, sha256: str | None, format: str | None,
    ingested_at: str | None = None,
) -> int:
    """Record that ``path`` could not be extracted (status ``failed``), in one transaction replacing what
    it had; its id."""
    values = {
        "path": path, "sha256": sha256, "format": format, "regions": "[]", "warnings": "[]", "status": "failed",
        "error": error, "ingested_at": ingested_at or now(), "tally_version": __version__,
    }
    with transaction(conn):
        return _upsert_document(conn, values)


def stored_states(conn: sqlite3.Connection) -> dict[str, tuple[str | None, str, str | None]]:
    """Every stored path with its sha256, status and error."""
    return {row[0]: (row[1], row[2], row[3]) for row in conn.execute("SELECT path, sha256, status, error FROM documents")}


def _rows(conn: sqlite3.Connection, sql: str, document_id: int) -> list[dict[str, Any]]:
    cursor = conn.execute(sql, (document_id,))
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor]


def _period_data(start: str | None, end: str | None) -> dict[str, str | None] | None:
    return None if start is None and end is None else {"start": start, "end": end}


def _figure_data(row: dict[str, Any]) -> dict[str, Any]:
    has_evidence = row["evidence_text"] is not None
    evidence = {k: row[f"evidence_{k}"] for k in ("text", "start", "end", "page")} if has_evidence else None
    data = {c: row[c] for c in _FIGURE_COLUMNS if not c.startswith(("period_", "evidence_"))}
    return {**data, "period": _period_data(row["period_start"], row["period_end"]), "evidence": evidence}


def _document_data(conn: sqlite3.Connection, row: dict[str, Any]) -> dict[str, Any]:
    document_id = row["id"]
    children = {
        table: _rows(conn, f"SELECT * FROM {table} WHERE document_id = ? ORDER BY position", document_id)
        for table in _CHILD_TABLES
    }
    drop = {"id", "document_id", "position"}
    return {
        "source": {"path": row["path"], "format": row["format"], "sha256": row["sha256"], "pages": row["pages"]},
        "language": row["language"],
        "title": row["title"],
        "publisher": row["publisher"],
        "published": row["published"],
        "period": _period_data(row["period_start"], row["period_end"]),
        "regions": json.loads(row["regions"]),
        "figures": [_figure_data(r) for r in children["figures"]],
        "entities": [{k: v for k, v in r.items() if k not in drop} for r in children["entities"]],
        "quotes": [{k: v for k, v in r.items() if k not in drop} for r in children["quotes"]],
        "recommendations": [{k: v for k, v in r.items() if k not in drop} for r in children["recommendations"]],
        "warnings": json.loads(row["warnings"]),
    }


def read_documents(
    conn: sqlite3.Connection, *, paths: Iterable[str] | None = None, language: str | None = None
) -> Iterator[Document]:
    """The stored documents (status ``ok``) in path order, each rebuilt as the contract's Document with its
    ``source.path``; only those of ``paths`` and ``language`` when given. A row the contract rejects is a
    ContractError naming the database and the path."""
    sql = "SELECT * FROM documents WHERE status = 'ok'"
    params: list[Any] = []
    if paths is not None:
        wanted = list(paths)
        sql += " AND path IN (SELECT value FROM json_each(?))"
        params.append(json.dumps(wanted))
    if language is not None:
        sql += " AND language = ?"
        params.append(language)
    cursor = conn.execute(sql + " ORDER BY path", params)
    names = [d[0] for d in cursor.description]
    db = database_name(conn)
    for values in cursor:
        row = dict(zip(names, values))
        try:
            data = _document_data(conn, row)
        except (json.JSONDecodeError, TypeError) as err:
            raise ContractError(f"{db}: {row['path']}: a column holds no valid JSON array ({err})") from None
        yield document_from_data(data, f"{db}: {row['path']}")
