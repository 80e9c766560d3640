"""From files to figures documents: read, run the pipeline, assemble the contract."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc

from extractor.language import LANGUAGES, detect_language
from extractor.metadata import find_published, find_publisher, find_title
from extractor.periods import find_document_period
from extractor.pipeline import load_pipeline
from extractor.quotes import find_quotes
from extractor.readers import read_file, supported_files
from extractor.recommendations import find_recommendations
from extractor.entities import find_entities, find_regions
from extractor.figures import find_figures
from extractor.text import Text
from tally.errors import InputError, TallyError
from tally.model import Document, Source

log = logging.getLogger(__name__)


@dataclass
class Outcome:
    """What became of one input: a document, or the error that stopped it."""

    path: Path
    document: Document | None = None
    error: TallyError | None = None


def resolve_language(text: Text, lang: str, name: str) -> str:
    """The language to read ``text`` in: ``lang`` unless it is ``auto``."""
    if lang == "auto":
        return detect_language(text.text)
    if lang not in LANGUAGES:
        raise InputError(f"{name}: unknown language {lang!r}; valid choices: auto, {', '.join(LANGUAGES)}")
    return lang


def doc_to_document(doc: Doc, text: Text, source: Source, lang: str) -> Document:
    """Assemble the contract's Document from a processed spaCy Doc and its Text."""
    published = find_published(text, doc)
    period = find_document_period(doc, published, lang)
    figures, figure_warnings = find_figures(doc, text=text, period=period, published=published, lang=lang)
    return Document(
        source=source,
        language=lang,
        title=find_title(text, doc),
        publisher=find_publisher(doc),
        published=published,
        period=period,
        regions=find_regions(doc),
        figures=figures,
        entities=find_entities(doc),
        quotes=find_quotes(doc),
        recommendations=find_recommendations(doc),
        warnings=[*text.warnings, *figure_warnings],
    )


def extract_text(text: Text, *, source: Source, lang: str = "auto") -> Document:
    """Extract one already-read document."""
    lang = resolve_language(text, lang, source.path)
    nlp = load_pipeline(lang)
    return doc_to_document(nlp(text.text), text, source, lang)


def _read(path: Path, password: str | None) -> tuple[Text, Source]:
    data = path.read_bytes() if path.is_file() else b""
    text = read_file(path, password=password)
    source = Source(
        path=str(path), format=text.format, sha256=hashlib.sha256(data).hexdigest(), pages=text.pages
    )
    return text, source


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files named, and every supported file inside directories named, in order."""
    out: list[Path] = []
    for path in paths:
        out.extend(supported_files(path) if path.is_dir() else [path])
    return out


def _read_all(files: list[Path], lang: str, password: str | None) -> Iterator[tuple[Path, Text, Source, str] | Outcome]:
    for path in files:
        try:
            text, source = _read(path, password)
            yield (path, text, source, resolve_language(text, lang, str(path)))
        except TallyError as err:
            yield Outcome(path=path, error=err)


def _batches(items: Iterator[tuple[Path, Text, Source, str] | Outcome], size: int) -> Iterator[list[tuple[Path, Text, Source, str] | Outcome]]:
    batch: list[tuple[Path, Text, Source, str] | Outcome] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def extract_paths(
    paths: Iterable[Path],
    *,
    lang: str = "auto",
    password: str | None = None,
    batch_size: int = 8,
) -> Iterator[Outcome]:
    """Extract every file, in input order, streaming; a bad file yields its error and the rest go on."""
    files = expand_paths(paths)
    for batch in _batches(_read_all(files, lang, password), batch_size):
        docs: dict[int, Doc] = {}
        by_lang: dict[str, list[int]] = {}
        for i, item in enumerate(batch):
            if not isinstance(item, Outcome):
                by_lang.setdefault(item[3], []).append(i)
        for language, indexes in by_lang.items():
            texts = [batch[i][1].text for i in indexes]  # type: ignore[index]
            docs.update(zip(indexes, load_pipeline(language).pipe(texts)))
        for i, item in enumerate(batch):
            if isinstance(item, Outcome):
                yield item
                continue
            path, text, source, language = item
            try:
                yield Outcome(path=path, document=doc_to_document(docs[i], text, source, language))
            except TallyError as err:
                yield Outcome(path=path, error=err)
