"""Shared fixtures: figures and documents built in code, a stand-in extraction, PDFs made on the fly."""

from __future__ import annotations

import sys
import types
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from tally.errors import InputError, TallyError
from tally.model import PEOPLE_METRICS, Document, Evidence, Figure, Period, Source


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "e2e: runs the real readers and pipeline end to end (needs every part of the extractor)"
    )


def build_figure(**fields: Any) -> Figure:
    """A figure with plausible defaults; ``period=(start, end)`` and ``page=`` are shorthands."""
    period = fields.pop("period", None)
    page = fields.pop("page", None)
    fields.setdefault("metric", "killed")
    fields.setdefault("group", "civilians" if fields["metric"] in PEOPLE_METRICS else None)
    fields.setdefault("count", 10)
    if period is not None:
        fields["period"] = Period(start=period[0], end=period[1])
    if page is not None:
        fields.setdefault("evidence", Evidence(text=f"{fields['count']} were counted.", start=0, end=20, page=page))
    return Figure(**fields)


def build_document(path: str = "report.txt", figures: Iterable[Figure] = (), **fields: Any) -> Document:
    """A document from ``path`` holding ``figures``."""
    return Document(source=Source(path=path, format="txt"), figures=list(figures), **fields)


@pytest.fixture
def make_figure() -> Callable[..., Figure]:
    return build_figure


@pytest.fixture
def make_document() -> Callable[..., Document]:
    return build_document


@dataclass
class FakeOutcome:
    """Same shape as extractor.extract.Outcome."""

    path: Path
    document: Document | None = None
    error: TallyError | None = None


@dataclass
class FakeExtraction:
    """A stand-in for extractor.extract: each ``.txt`` file holds a figures document as JSON.

    A file that is not such a document fails with an InputError naming it, as a reader would.
    ``calls`` records the keyword arguments of every ``extract_paths`` call.
    """

    calls: list[dict[str, Any]] = field(default_factory=list)

    def expand_paths(self, paths: Iterable[Path]) -> list[Path]:
        out: list[Path] = []
        for path in paths:
            out += sorted(p for p in path.iterdir() if p.suffix == ".txt") if path.is_dir() else [path]
        return out

    def extract_paths(self, paths: Iterable[Path], **options: Any) -> Iterator[FakeOutcome]:
        self.calls.append(options)
        for path in self.expand_paths(paths):
            try:
                document = Document.model_validate_json(path.read_text(encoding="utf-8"))
            except (OSError, ValidationError):
                yield FakeOutcome(path, error=InputError(f"{path}: not a figures document"))
                continue
            document.source = Source(path=str(path), format="txt")
            yield FakeOutcome(path, document=document)


@pytest.fixture
def fake_extraction(monkeypatch: pytest.MonkeyPatch) -> FakeExtraction:
    """Replace extractor.extract for the test, so CLI wiring is tested without spaCy."""
    fake = FakeExtraction()
    module = types.ModuleType("extractor.extract")
    module.expand_paths = fake.expand_paths
    module.extract_paths = fake.extract_paths
    module.Outcome = FakeOutcome
    monkeypatch.setitem(sys.modules, "extractor.extract", module)
    return fake


@pytest.fixture
def write_document(tmp_path: Path) -> Callable[..., Path]:
    """Write a document as JSON to ``tmp_path/name`` (what the fake extraction reads back)."""

    def write(name: str, figures: Iterable[Figure] = (), **fields: Any) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(build_document(name, figures, **fields).model_dump_json(), encoding="utf-8")
        return path

    return write


@pytest.fixture
def make_pdf(tmp_path: Path) -> Callable[[str, list[str]], Path]:
    """Write a PDF with one page per string (lines split on newlines) into ``tmp_path``."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    def make(name: str, pages: list[str]) -> Path:
        path = tmp_path / name
        pdf = canvas.Canvas(str(path), pagesize=A4)
        for page in pages:
            y = A4[1] - 72
            for line in page.splitlines():
                pdf.drawString(72, y, line)
                y -= 16
            pdf.showPage()
        pdf.save()
        return path

    return make
