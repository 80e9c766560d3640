"""Results as text: documents as table/json/jsonl/csv, scores as a report, and atomic file output."""

from __future__ import annotations

import csv
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import UnionType
from typing import Any, TextIO, Union, get_args, get_origin

from pydantic import BaseModel

from extractor.evaluate import CorpusScore, Counts, DocScore
from tally.errors import InputError
from tally.model import Document, Figure, Period

FORMATS = ("table", "json", "jsonl", "csv")
#: Formats chosen from the suffix of ``-o FILE`` when no format is given.
SUFFIX_FORMATS = {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".txt": "table"}
TABLE_HEADER = ("metric", "group", "count", "qualifier", "perpetrator", "period", "location", "page")
EVIDENCE_WIDTH = 140


def _nested_model(annotation: Any) -> type[BaseModel] | None:
    """The pydantic model inside ``annotation`` (``Period | None`` gives ``Period``), if any."""
    candidates = get_args(annotation) if get_origin(annotation) in (Union, UnionType) else (annotation,)
    for candidate in candidates:
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    return None


def _flat_columns(model: type[BaseModel], prefix: str = "") -> list[str]:
    columns: list[str] = []
    for name, field in model.model_fields.items():
        nested = _nested_model(field.annotation)
        columns += _flat_columns(nested, f"{prefix}{name}_") if nested else [f"{prefix}{name}"]
    return columns


def _flat_values(data: dict[str, Any], model: type[BaseModel], prefix: str = "") -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name, field in model.model_fields.items():
        nested = _nested_model(field.annotation)
        if nested:
            values.update(_flat_values(data.get(name) or {}, nested, f"{prefix}{name}_"))
        else:
            values[f"{prefix}{name}"] = data.get(name)
    return values


#: One CSV row per figure: the document's path, then every figure field, nested ones flattened.
CSV_COLUMNS: tuple[str, ...] = ("path", *_flat_columns(Figure))


def figure_row(figure: Figure, path: str) -> dict[str, Any]:
    """A figure as one flat CSV row (``period_start``, ``evidence_text``, …)."""
    return {"path": path, **_flat_values(figure.model_dump(mode="json"), Figure)}


def _text(value: object) -> str:
    return "-" if value is None or value == "" else str(value)


def format_period(period: Period | None) -> str:
    """``2019-04-26..2019-11-15``; an open end stays open; no period is ``-``."""
    if period is None or (period.start is None and period.end is None):
        return "-"
    return f"{period.start or ''}..{period.end or ''}"


def align_rows(rows: Sequence[Sequence[str]], right: frozenset[int] = frozenset(), indent: str = "") -> list[str]:
    """Rows of cells as aligned lines; columns in ``right`` are right-aligned."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]

    def line(row: Sequence[str]) -> str:
        cells = (cell.rjust(w) if i in right else cell.ljust(w) for i, (cell, w) in enumerate(zip(row, widths)))
        return (indent + "  ".join(cells)).rstrip()

    return [line(row) for row in rows]


def format_document_table(document: Document) -> str:
    """A document as a readable block: a header, then one aligned row per figure."""
    path = document.source.path if document.source else "(no source)"
    lines = [
        path,
        f"  title:   {_text(document.title)}",
        f"  period:  {format_period(document.period)}",
        f"  figures: {len(document.figures)}",
    ]
    if document.figures:
        rows = [TABLE_HEADER] + [
            (
                f.metric,
                _text(f.group),
                str(f.count),
                f.qualifier,
                _text(f.perpetrator),
                format_period(f.period),
                _text(f.location),
                _text(f.evidence.page if f.evidence else None),
            )
            for f in document.figures
        ]
        lines += ["", *align_rows(rows, right=frozenset({2, 7}), indent="  ")]
    return "\n".join(lines) + "\n"


def write_documents(documents: Iterable[Document], fmt: str, out: TextIO) -> int:
    """Write each document to ``out`` in ``fmt`` as it comes; the number written."""
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r}; valid choices: {', '.join(FORMATS)}")
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n") if fmt == "csv" else None
    written = 0
    for document in documents:
        if writer:
            if not written:
                writer.writeheader()
            path = document.source.path if document.source else ""
            writer.writerows(figure_row(figure, path) for figure in document.figures)
        elif fmt == "table":
            out.write(("\n" if written else "") + format_document_table(document))
        else:
            out.write(document.model_dump_json(indent=2 if fmt == "json" else None) + "\n")
        out.flush()
        written += 1
    return written


def _new_file_mode(path: Path) -> int:
    if path.exists():
        return path.stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


@contextmanager
def open_output(path: Path | None) -> Iterator[TextIO]:
    """Standard output, or a temporary file beside ``path`` that replaces it only if the block succeeds."""
    if path is None:
        yield sys.stdout
        return
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    except OSError as err:
        raise InputError(f"{path}: cannot write ({err.strerror})") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            yield out
        os.chmod(tmp, _new_file_mode(path))
        os.replace(tmp, path)
    except OSError as err:
        Path(tmp).unlink(missing_ok=True)
        raise InputError(f"{path}: cannot write ({err.strerror})") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# ---- scores ----------------------------------------------------------------------------------


def _ratio(value: float | None, digits: int) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}"


def format_counts(counts: Counts) -> str:
    """``P=0.912 R=0.887 F1=0.899 qualifier=0.97 period=0.81 place=0.90 (tp=.., fp=.., fn=..``, unclosed;
    place is ``n/a`` unless a gold file labels places."""
    return (
        f"P={_ratio(counts.precision, 3)} R={_ratio(counts.recall, 3)} F1={_ratio(counts.f1, 3)} "
        f"qualifier={_ratio(counts.qualifier_accuracy, 2)} period={_ratio(counts.period_accuracy, 2)} "
        f"place={_ratio(counts.place_accuracy, 2)} (tp={counts.tp}, fp={counts.fp}, fn={counts.fn}"
    )


def describe_figure(figure: Figure) -> str:
    """A figure in words for a report: ``19 children killed by russian_forces [at_least, 2019-…]``."""
    what = f"{figure.count} {figure.group} {figure.metric}" if figure.group else f"{figure.count} {figure.metric}"
    where = f", {figure.location}" if figure.location else ""
    return f"{what} by {figure.perpetrator or 'no party'} [{figure.qualifier}, {format_period(figure.period)}{where}]"


def _quoted(text: str | None) -> str:
    if not text:
        return ""
    text = " ".join(text.split())
    return f' "{text[: EVIDENCE_WIDTH - 1]}…"' if len(text) > EVIDENCE_WIDTH else f' "{text}"'


def format_doc_score(score: DocScore, *, verbose: bool = False) -> list[str]:
    """One file's score line, then a line per miss and extra (and, verbose, per disagreeing match)."""
    lines = [f"{score.name}: {format_counts(score.counts)})"]
    if score.error:
        lines.append(f"  not extracted: {score.error}")
    lines += [f"  miss    {describe_figure(g)}{_quoted(g.note)}" for g in score.misses]
    for f in score.extras:
        page = f" (p.{f.evidence.page})" if f.evidence and f.evidence.page else ""
        lines.append(f"  extra   {describe_figure(f)}{page}{_quoted(f.evidence.text if f.evidence else None)}")
    if verbose:
        for match in score.matches:
            if not (match.qualifier_agrees and match.period_agrees and (match.place_agrees or not score.places)):
                lines.append(f"  differs {describe_figure(match.predicted)}; gold {describe_figure(match.gold)}")
    return lines


def format_corpus_score(score: CorpusScore, *, verbose: bool = False) -> str:
    """The eval report; its last line is the overall score (a hook reads it)."""
    lines: list[str] = []
    for doc_score in score.files:
        lines += format_doc_score(doc_score, verbose=verbose)
    lines.append(f"overall: {format_counts(score.counts)}, files={len(score.files)})")
    return "\n".join(lines) + "\n"
