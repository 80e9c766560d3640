"""The store written out: CSV with one row per figure, or JSON Lines with one figures document per line."""

from __future__ import annotations

import csv
import sqlite3
from typing import TextIO

from dataset.store import read_documents
from tally.errors import InputError
from tally.output import CSV_COLUMNS, figure_row

EXPORT_FORMATS = ("csv", "jsonl")


def export_documents(conn: sqlite3.Connection, fmt: str, out: TextIO, *, language: str | None = None) -> int:
    """Write every stored document (status ``ok``, in path order; only ``language`` when given) to ``out``
    as ``csv`` (the columns of ``tally extract --format csv``, a header even when empty) or ``jsonl``; the
    number of documents written."""
    if fmt not in EXPORT_FORMATS:
        raise InputError(f"unknown export format {fmt!r}; valid choices: {', '.join(EXPORT_FORMATS)}")
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n") if fmt == "csv" else None
    if writer is not None:
        writer.writeheader()
    written = 0
    for document in read_documents(conn, language=language):
        if writer is not None:
            path = document.source.path if document.source else ""
            writer.writerows(figure_row(figure, path) for figure in document.figures)
        else:
            out.write(document.model_dump_json() + "\n")
        written += 1
    return written
