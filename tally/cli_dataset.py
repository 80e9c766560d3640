"""The dataset's commands (check, ingest, export, figures, trend), registered on the ``tally`` app."""

from __future__ import annotations

import enum
import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from dataset.findings import format_findings
from tally.cli import Language, app, echo_error
from tally.errors import InputError
from tally.output import open_output


class CheckFormat(str, enum.Enum):
    table = "table"
    json = "json"


@app.command()
def check(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="[PATH|DATA.json]...",
            help="Reports (extracted first) or directories of them, and figures documents (.json, .yaml).",
            show_default=False,
        ),
    ] = None,
    db: Annotated[Path | None, typer.Option("--db", help="Also check every document of this dataset (SQLite).")] = None,
    fmt: Annotated[CheckFormat, typer.Option("--format", "-f", help="Report format.")] = CheckFormat.table,
    lang: Annotated[Language, typer.Option(help="The reports' language.")] = Language.auto,
    password: Annotated[str | None, typer.Option(help="Password of encrypted PDFs.", show_default=False)] = None,
) -> None:
    """Check figures for consistency: within each document (breakdowns, per-party sums, restated figures,
    periods) and across documents (a month's figure restated later with another count).

    Exit code: 0 no findings; 1 findings; 2 an input could not be read (the rest are still checked).
    """
    from dataset.check_inputs import check_documents, read_check_inputs

    if not paths and db is None:
        raise InputError("nothing to check: give PATH… or --db FILE")
    inputs = read_check_inputs(paths or [], db=db, lang=lang.value, password=password)
    findings = check_documents(inputs.documents)
    if inputs.documents or not inputs.failures:
        if fmt is CheckFormat.json:
            report = {"documents": len(inputs.documents), "findings": [f.model_dump(mode="json") for f in findings]}
            typer.echo(json.dumps(report, indent=2, ensure_ascii=False))
        else:
            typer.echo(format_findings(findings, len(inputs.documents)), nl=False)
    for failure in inputs.failures:
        echo_error(failure)
    if inputs.failures:
        raise typer.Exit(2)
    if findings:
        raise typer.Exit(1)





@app.command()
def ingest(
    paths: Annotated[
        list[Path], typer.Argument(metavar="PATH", help="Files to ingest, or directories of them.", show_default=False)
    ],
    db: Annotated[Path, typer.Option("--db", help="The SQLite database to fill (made if missing).")] = Path("tally.db"),
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Worker processes extracting at once.")] = 1,
    lang: Annotated[Language, typer.Option(help="The documents' language.")] = Language.auto,
    password: Annotated[str | None, typer.Option(help="Password of encrypted PDFs.", show_default=False)] = None,
    retry_failed: Annotated[
        bool, typer.Option("--retry-failed", help="Extract again the files that failed before, even if unchanged.")
    ] = False,
) -> None:
    """Extract every new or changed file into a SQLite database, one transaction per file; unchanged
    files (same sha256) are skipped."""
    from dataset.ingest import Progress, format_progress, ingest_paths, input_files
    from dataset.store import store

    def show(progress: Progress) -> None:
        sys.stderr.write(f"\r\x1b[K{format_progress(progress)}")
        sys.stderr.flush()

    on_terminal = sys.stderr.isatty()
    files = input_files(paths)  # a bad PATH stops here, before the database is touched
    try:
        with store(db, create=True) as conn:
            summary = ingest_paths(
                conn, files, jobs=jobs, lang=lang.value, password=password, retry_failed=retry_failed,
                progress=show if on_terminal else None,
            )
    finally:
        if on_terminal:
            sys.stderr.write("\r\x1b[K")
    for error in [*summary.failed_before, *summary.failures]:
        echo_error(error)
    typer.echo(summary.line())
    if summary.failed:
        raise typer.Exit(1)


class ExportFormat(str, enum.Enum):
    csv = "csv"
    jsonl = "jsonl"


@app.command()
def export(
    db: Annotated[Path, typer.Option("--db", help="The database tally ingest filled.")] = Path("tally.db"),
    fmt: Annotated[
        ExportFormat | None,
        typer.Option(
            "--format", "-f", help="csv: one row per figure; jsonl: one figures document per line."
            " Default: from the suffix of -o FILE, else jsonl.", show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file (atomically) instead of stdout.")
    ] = None,
) -> None:
    """Write out the stored documents (those extracted without error), in path order."""
    from dataset.export import export_documents
    from dataset.store import store

    suffix = output.suffix.lower().lstrip(".") if output is not None else ""
    chosen = fmt.value if fmt is not None else (suffix if suffix in ExportFormat.__members__ else "jsonl")
    with store(db) as conn, open_output(output) as out:
        written = export_documents(conn, chosen, out)
    if output is not None:
        typer.echo(f"exported {written} documents to {output}", err=True)


class FigureFormat(str, enum.Enum):
    table = "table"
    csv = "csv"
    json = "json"


class TrendFormat(str, enum.Enum):
    table = "table"
    csv = "csv"
    png = "png"
    svg = "svg"


class Bucketing(str, enum.Enum):
    month = "month"
    year = "year"


DbOption = Annotated[Path, typer.Option("--db", help="The dataset that tally ingest wrote (SQLite).")]
MetricOption = Annotated[str | None, typer.Option(help="A metric id: killed, arrested, attacks…", show_default=False)]
GroupOption = Annotated[str | None, typer.Option(help="A group id: children, civilians, women…", show_default=False)]
PartyOption = Annotated[
    str | None,
    typer.Option(help="A party id (russian_forces…); an alliance includes its members.", show_default=False),
]
SinceOption = Annotated[str | None, typer.Option(help="Figures whose period starts on or after: YYYY[-MM[-DD]].")]
UntilOption = Annotated[str | None, typer.Option(help="Figures whose period ends on or before: YYYY[-MM[-DD]].")]
LocationOption = Annotated[
    str | None, typer.Option(help="A place (Idlib, إدلب): its figures and its towns'.", show_default=False)
]
LangOption = Annotated[str | None, typer.Option("--lang", help="Only documents in this language (en, ar).")]
OutputOption = Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file (atomically).")]


def _suffix(output: Path | None) -> str:
    return output.suffix.lower().lstrip(".") if output is not None else ""


@app.command()
def figures(
    db: DbOption = Path("tally.db"),
    metric: MetricOption = None,
    group: GroupOption = None,
    perpetrator: PartyOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    location: LocationOption = None,
    lang: LangOption = None,
    fmt: Annotated[
        FigureFormat | None,
        typer.Option(
            "--format", "-f", help="table, csv, or json (one array of figures, each with its document's path)."
            " Default: from -o's suffix, else table.", show_default=False,
        ),
    ] = None,
    output: OutputOption = None,
) -> None:
    """List the dataset's figures that match the filters (a figure's period lies within --since..--until)."""
    from dataset.query import make_filter, query_figures, write_figures
    from dataset.store import store

    chosen = fmt.value if fmt is not None else ("table" if _suffix(output) not in ("csv", "json") else _suffix(output))
    filters = make_filter(
        metric=metric, group=group, perpetrator=perpetrator, since=since, until=until, location=location, lang=lang
    )
    with store(db) as conn:
        found = query_figures(conn, filters)
    with open_output(output) as out:
        write_figures(found, chosen, out)
    if not found and chosen == "table":
        typer.echo("tally: note: no figures match", err=True)


@app.command()
def trend(
    db: DbOption = Path("tally.db"),
    metric: MetricOption = None,
    group: GroupOption = None,
    perpetrator: PartyOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    location: LocationOption = None,
    lang: LangOption = None,
    by: Annotated[Bucketing, typer.Option(help="One bucket per calendar month or year.")] = Bucketing.month,
    to: Annotated[
        TrendFormat | None,
        typer.Option(help="table, csv (bucket,count,documents), png or svg. Default: from -o's suffix, else table.",
                     show_default=False),
    ] = None,
    output: OutputOption = None,
) -> None:
    """Count one metric of one group per month or year, each figure once: a restated figure, or parties'
    figures beside their total, are not added again. A bucket without figures is a gap (-), not 0."""
    from dataset.query import make_filter
    from dataset.store import store
    from dataset.trend import dataset_trend, series_notes, write_series

    fmt = to.value if to is not None else (_suffix(output) if _suffix(output) in TrendFormat.__members__ else "table")
    if output is None and fmt in ("png", "svg") and sys.stdout.isatty():
        raise InputError(f"a {fmt} chart is binary: give -o FILE or redirect standard output")
    filters = make_filter(
        metric=metric, group=group, perpetrator=perpetrator, since=since, until=until, location=location, lang=lang
    )
    with store(db) as conn:
        series = dataset_trend(conn, filters, by.value)
    content = None
    if fmt in ("png", "svg"):
        from dataset.chart import chart_bytes  # loads matplotlib: only for charts

        content = chart_bytes(series, fmt)
    with open_output(output) as out:
        if content is not None:
            out.buffer.write(content)
            out.buffer.flush()
        else:
            write_series(series, fmt, out)
    for note in series_notes(series):
        typer.echo(f"tally: note: {note}", err=True)
