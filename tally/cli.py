"""The ``tally`` command line: thin Typer commands over the library."""

from __future__ import annotations

import enum
import json
import logging
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from dataset.checks import find_inconsistencies, log_findings
from extractor.evaluate import evaluate_dir
from tally import __version__
from tally.errors import InputError, TallyError
from tally.model import Document, json_schema, load_document
from tally.output import SUFFIX_FORMATS, format_corpus_score, open_output, write_documents

if TYPE_CHECKING:
    from extractor.extract import Outcome

#: Loggers whose warnings a person should see; other libraries' only from ERROR up.
OWN_LOGGERS = ("tally", "extractor", "generator", "dataset")


class OutputFormat(str, enum.Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


class EvalFormat(str, enum.Enum):
    table = "table"
    json = "json"


class Language(str, enum.Enum):
    auto = "auto"
    en = "en"
    ar = "ar"


def one_line(message: object) -> str:
    """A message folded onto one line."""
    return " ".join(str(message).split())


def echo_error(message: object) -> None:
    typer.echo(f"tally: error: {one_line(message)}", err=True)


class _OneLineHandler(logging.Handler):
    """Log records as ``tally: warning: …`` lines on the current standard error."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= logging.ERROR or record.name.split(".")[0] in OWN_LOGGERS

    def emit(self, record: logging.LogRecord) -> None:
        typer.echo(f"tally: {record.levelname.lower()}: {one_line(record.getMessage())}", err=True)


def setup_logging() -> None:
    """Send warnings to standard error as one line each (once per process)."""
    root = logging.getLogger()
    if not any(isinstance(handler, _OneLineHandler) for handler in root.handlers):
        root.addHandler(_OneLineHandler(logging.WARNING))


class _TallyGroup(TyperGroup):
    """Every command runs through here: errors become one line and an exit code, never a traceback."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except TallyError as err:
            echo_error(err)
            raise typer.Exit(err.exit_code) from None
        except KeyboardInterrupt:
            typer.echo("tally: interrupted", err=True)
            raise typer.Exit(130) from None


app = typer.Typer(
    cls=_TallyGroup,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
    help="Figures from human-rights reports: extract them into structured data and score the extraction.",
)


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"tally {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_print_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Figures from human-rights reports: extract them into structured data and score the extraction."""
    setup_logging()


def choose_format(fmt: OutputFormat | None, output: Path | None, inputs: int) -> str:
    """The format asked for; else from the output file's suffix; else table on a terminal, else json(l)."""
    if fmt is not None:
        chosen = fmt.value
    elif output is not None and output.suffix.lower() in SUFFIX_FORMATS:
        chosen = SUFFIX_FORMATS[output.suffix.lower()]
    elif output is None and sys.stdout.isatty():
        chosen = "table"
    else:
        chosen = "json" if inputs == 1 else "jsonl"
    if chosen == "json" and inputs > 1:
        raise InputError(f"json holds one document but {inputs} files were given; use --format jsonl")
    return chosen


def _with_progress(outcomes: Iterator[Outcome], total: int) -> Iterator[Outcome]:
    """The outcomes, counted on a progress bar when standard error is a terminal."""
    if not sys.stderr.isatty():
        yield from outcomes
        return
    with typer.progressbar(outcomes, length=total, label="extracting", file=sys.stderr) as bar:
        yield from bar


def _documents(outcomes: Iterable[Outcome], failures: list[TallyError], warnings: list[str]) -> Iterator[Document]:
    """The documents extracted; failures and ``path: warning: …`` lines are kept aside for the end."""
    for outcome in outcomes:
        if outcome.document is not None:
            warnings += [f"{outcome.path}: warning: {one_line(w)}" for w in outcome.document.warnings]
            yield outcome.document
        elif outcome.error is not None:
            failures.append(outcome.error)


@app.command()
def extract(
    paths: Annotated[
        list[Path], typer.Argument(metavar="PATH", help="Files to read, or directories of them.", show_default=False)
    ],
    fmt: Annotated[
        OutputFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="Output format. Default: from the suffix of -o FILE; else table on a terminal;"
            " else json for one document, jsonl for several.",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file (atomically) instead of stdout.")
    ] = None,
    lang: Annotated[Language, typer.Option(help="The documents' language.")] = Language.auto,
    password: Annotated[str | None, typer.Option(help="Password of encrypted PDFs.", show_default=False)] = None,
) -> None:
    """Extract the figures (and title, period, quotes…) stated in each document."""
    from extractor.extract import expand_paths, extract_paths  # loads spaCy: only when extracting

    files = expand_paths(paths)
    if not files:
        raise InputError(f"{', '.join(map(str, paths))}: no supported files to read")
    chosen = choose_format(fmt, output, len(files))
    failures: list[TallyError] = []
    warnings: list[str] = []
    with open_output(output) as out:
        outcomes = _with_progress(extract_paths(files, lang=lang.value, password=password), len(files))
        documents: Iterable[Document] = _documents(outcomes, failures, warnings)
        if output is None and sys.stdout.isatty() and sys.stderr.isatty():
            documents = list(documents)  # let the progress bar finish before writing to the same terminal
        if not write_documents(documents, chosen, out):
            for failure in failures:
                echo_error(failure)
            raise typer.Exit(2)  # nothing could be read; an output file is not written
    for warning in warnings:
        typer.echo(warning, err=True)
    for failure in failures:
        echo_error(failure)
    if failures:
        raise typer.Exit(1)


@app.command("eval")
def evaluate(
    directory: Annotated[
        Path, typer.Argument(metavar="DIR", help="A directory of documents with <stem>.gold.json beside them.")
    ],
    fmt: Annotated[EvalFormat, typer.Option("--format", "-f", help="Report format.")] = EvalFormat.table,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Also list matched figures whose qualifier or period differ.")
    ] = False,
    lang: Annotated[Language, typer.Option(help="The documents' language.")] = Language.auto,
) -> None:
    """Score extraction against the gold files; the last line is the overall score."""
    score = evaluate_dir(directory, lang=lang.value)
    errors = [file.error for file in score.files if file.error]
    for error in errors:
        echo_error(error)  # before the report: its last line must stay the overall score
    if fmt is EvalFormat.json:
        typer.echo(score.model_dump_json(indent=2))
    else:
        typer.echo(format_corpus_score(score, verbose=verbose), nl=False)
    if errors:
        raise typer.Exit(1)


class DraftKind(str, enum.Enum):
    press_release = "press-release"
    report = "report"


class DraftFormat(str, enum.Enum):
    pdf = "pdf"
    docx = "docx"
    html = "html"


class Digits(str, enum.Enum):
    latn = "latn"
    arab = "arab"


@app.command()
def draft(
    kind: Annotated[DraftKind, typer.Argument(help="What to draft.")],
    data: Annotated[Path, typer.Argument(metavar="DATA", help="A figures document (JSON or YAML).")],
    lang: Annotated[str, typer.Option(help="Language of the draft: en or ar (one per phrasebook).")] = "en",
    to: Annotated[
        DraftFormat | None, typer.Option("--to", help="Output format. Default: from -o's suffix, else pdf.", show_default=False)
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file (atomically) instead of stdout.")
    ] = None,
    templates: Annotated[Path | None, typer.Option(help="A templates directory instead of the built-in one.")] = None,
    org: Annotated[Path | None, typer.Option(help="Organisation profile (TOML): name, short_name, about, website, logo.")] = None,
    digits: Annotated[Digits, typer.Option(help="Western (latn) or Arabic-Indic (arab) digits.")] = Digits.latn,
) -> None:
    """Draft a press release or a full report from a figures document, as PDF, DOCX or HTML."""
    from generator.draft import draft_document  # loads WeasyPrint and matplotlib: only when drafting

    suffix = output.suffix.lower().lstrip(".") if output is not None else ""
    fmt = to.value if to is not None else (suffix if suffix in DraftFormat.__members__ else "pdf")
    if output is None and fmt != "html" and sys.stdout.isatty():
        raise InputError(f"{data}: {fmt} is binary; give -o FILE or redirect standard output")
    document = load_document(data)
    log_findings(find_inconsistencies(document), str(data))  # drafted as the data says; the editor is warned
    content = draft_document(document, kind.value, lang, fmt, templates=templates, org_path=org, digits=digits.value)
    with open_output(output) as out:
        out.buffer.write(content)
        out.buffer.flush()


@app.command()
def schema() -> None:
    """Print the JSON Schema of a figures document."""
    typer.echo(json.dumps(json_schema(), indent=2, ensure_ascii=False))


from tally import cli_dataset  # noqa: E402,F401  (registers check, ingest, export, figures, trend)
