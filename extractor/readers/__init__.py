"""Readers: a file of any supported format (text, Markdown, HTML, PDF, DOCX) to Text."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from extractor.readers.docx import MAX_DOCX_BYTES, read_docx
from extractor.readers.html import MAX_HTML_BYTES, read_html
from extractor.readers.pdf import MAX_PDF_BYTES, read_pdf
from extractor.readers.text import MAX_TEXT_BYTES, read_text
from extractor.text import Text
from tally.errors import InputError, UnsupportedFormat

__all__ = ["READERS", "read_docx", "read_file", "read_html", "read_pdf", "read_text", "supported_files"]

Reader = Callable[[bytes, str, "str | None"], Text]


def _without_password(read: Callable[[bytes, str], Text]) -> Reader:
    def reader(data: bytes, name: str, password: str | None) -> Text:
        return read(data, name)

    return reader


def _pdf(data: bytes, name: str, password: str | None) -> Text:
    return read_pdf(data, name, password=password)


READERS: dict[str, Reader] = {
    "txt": _without_password(read_text),
    "md": _without_password(read_text),
    "html": _without_password(read_html),
    "htm": _without_password(read_html),
    "pdf": _pdf,
    "docx": _without_password(read_docx),
}
MAX_BYTES: dict[str, int] = {
    "txt": MAX_TEXT_BYTES,
    "md": MAX_TEXT_BYTES,
    "html": MAX_HTML_BYTES,
    "htm": MAX_HTML_BYTES,
    "pdf": MAX_PDF_BYTES,
    "docx": MAX_DOCX_BYTES,
}


def _valid_extensions() -> str:
    return ", ".join(f".{ext}" for ext in sorted(READERS))


def _format_of(path: Path) -> str:
    return path.suffix.lower().lstrip(".")


def read_file(path: Path, *, password: str | None = None) -> Text:
    """The Text of the file at ``path``, read by the reader its extension names."""
    name = str(path)
    if not path.exists():
        raise InputError(f"{name}: no such file")
    if not path.is_file():
        raise InputError(f"{name}: not a file (to read every supported file in a directory, pass the directory)")
    fmt = _format_of(path)
    if fmt not in READERS:
        shown = path.suffix or "(none)"
        raise UnsupportedFormat(f"{name}: unsupported file type {shown}; valid extensions: {_valid_extensions()}")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES[fmt]:
            raise InputError(f"{name}: the file is too large ({size // 2**20} MB; the limit is {MAX_BYTES[fmt] // 2**20} MB)")
        data = path.read_bytes()
    except OSError as err:
        raise InputError(f"{name}: cannot be read ({err.strerror or err})") from None
    return READERS[fmt](data, name, password)


def supported_files(directory: Path) -> list[Path]:
    """Every supported file under ``directory`` (recursive, sorted); hidden files and folders and
    Office lock files (``~$report.docx``) are skipped."""
    if not directory.is_dir():
        raise InputError(f"{directory}: no such directory")
    files = sorted(
        path
        for path in directory.rglob("*")
        if _format_of(path) in READERS
        and not any(part.startswith((".", "~$")) for part in path.relative_to(directory).parts)
        and path.is_file()
    )
    if not files:
        raise InputError(f"{directory}: no supported files in the directory; valid extensions: {_valid_extensions()}")
    return files
