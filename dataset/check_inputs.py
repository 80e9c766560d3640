"""The documents ``tally check`` reads: figures documents as they are, reports extracted first, a dataset's."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from dataset.checks import find_inconsistencies
from dataset.checks_across import find_contradictions
from dataset.findings import Finding
from tally.errors import TallyError
from tally.model import Document, Source, load_document

#: Suffixes of figures documents (what ``extract -o`` writes, or a person wrote); any other file is a report.
DATA_SUFFIXES = (".json", ".yaml", ".yml")


@dataclass
class CheckInputs:
    """The documents read, and an error for each input that could not be."""

    documents: list[Document] = field(default_factory=list)
    failures: list[TallyError] = field(default_factory=list)

    def add(self, document: Document) -> None:
        """Keep ``document`` unless one from the same path is already kept."""
        path = document.source.path if document.source else None
        if path is None or all(d.source is None or d.source.path != path for d in self.documents):
            self.documents.append(document)


def read_check_inputs(
    paths: Iterable[Path], *, db: Path | None = None, lang: str = "auto", password: str | None = None
) -> CheckInputs:
    """Figures documents loaded, reports (files or directories) extracted, and every document of ``db``.

    A figures document without ``source`` takes its file's path, so findings can name it.
    """
    inputs = CheckInputs()
    reports: list[Path] = []
    for path in paths:
        if path.suffix.lower() in DATA_SUFFIXES and not path.is_dir():
            try:
                document = load_document(path)
            except TallyError as err:
                inputs.failures.append(err)
                continue
            if document.source is None:
                document = document.model_copy(update={"source": Source(path=str(path), format=path.suffix[1:].lower())})
            inputs.add(document)
        else:
            reports.append(path)
    if reports:
        from extractor.extract import expand_paths, extract_paths  # loads spaCy: only when there are reports

        files: list[Path] = []
        for report in reports:
            try:
                files += expand_paths([report])
            except TallyError as err:
                inputs.failures.append(err)
        for outcome in extract_paths(files, lang=lang, password=password):
            if outcome.document is not None:
                inputs.add(outcome.document)
            elif outcome.error is not None:
                inputs.failures.append(outcome.error)
    if db is not None:
        from dataset.store import read_documents, store

        with store(db) as conn:
            for document in read_documents(conn):
                inputs.add(document)
    return inputs


def check_documents(documents: list[Document]) -> list[Finding]:
    """The findings of every rule: within each document, in order, then across them all."""
    findings = [finding for document in documents for finding in find_inconsistencies(document)]
    return findings + find_contradictions(documents)
