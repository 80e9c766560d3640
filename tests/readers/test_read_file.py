"""read_file and supported_files: choosing the reader, and every bad path."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import extractor.readers as readers
from extractor.readers import READERS, read_file, supported_files
from tally.errors import InputError, UnsupportedFormat

from .docx_fixtures import docx_bytes, new_document
from .pdf_fixtures import MARGIN, PAGE_HEIGHT, build_pdf, draw_lines

WORDS = "Twelve civilians were killed in the shelling."
VALID = ".docx, .htm, .html, .md, .pdf, .txt"


def sample(fmt: str) -> bytes:
    """A small file of each format holding WORDS."""
    if fmt in ("txt", "md"):
        return WORDS.encode()
    if fmt in ("html", "htm"):
        return f"<html><body><p>{WORDS}</p></body></html>".encode()
    if fmt == "pdf":
        return build_pdf([lambda c: draw_lines(c, [WORDS], MARGIN, PAGE_HEIGHT - MARGIN)])
    document = new_document()
    document.add_paragraph(WORDS)
    return docx_bytes(document)


@pytest.mark.parametrize("fmt", sorted(READERS))
def test_each_format_is_read_by_extension_in_any_case(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"report.{fmt.upper()}"
    path.write_bytes(sample(fmt))
    text = read_file(path)
    assert text.text == WORDS


def test_password_reaches_the_pdf_reader(tmp_path: Path) -> None:
    path = tmp_path / "locked.pdf"
    path.write_bytes(build_pdf([lambda c: draw_lines(c, [WORDS], MARGIN, PAGE_HEIGHT - MARGIN)], password="pw"))
    assert read_file(path, password="pw").text == WORDS
    with pytest.raises(InputError, match="encrypted; pass --password"):
        read_file(path)


def test_missing_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "gone.pdf"
    with pytest.raises(InputError, match=rf"^{re.escape(str(path))}: no such file$"):
        read_file(path)


def test_directory_passed_as_file_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "reports.pdf"
    folder.mkdir()
    with pytest.raises(InputError, match=rf"^{re.escape(str(folder))}: not a file"):
        read_file(folder)


@pytest.mark.parametrize("name", ["report.odt", "report", "report.pdf.bak"])
def test_unsupported_extension_lists_the_valid_ones(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"something")
    with pytest.raises(UnsupportedFormat, match=rf"^{re.escape(str(path))}: unsupported file type .*; valid extensions: {re.escape(VALID)}$"):
        read_file(path)


@pytest.mark.parametrize("fmt", sorted(READERS))
def test_empty_file_is_refused(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"empty.{fmt}"
    path.write_bytes(b"")
    with pytest.raises(InputError, match=rf"^{re.escape(str(path))}: the file is empty$"):
        read_file(path)


def test_too_large_file_is_refused_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * (3 * 2**20))
    monkeypatch.setitem(readers.MAX_BYTES, "txt", 2**20)
    with pytest.raises(InputError, match=rf"^{re.escape(str(path))}: the file is too large \(3 MB; the limit is 1 MB\)$"):
        read_file(path)


def test_supported_files_are_found_recursively_sorted_without_hidden(tmp_path: Path) -> None:
    wanted = [tmp_path / "b.pdf", tmp_path / "a" / "c.DOCX", tmp_path / "a" / "z.md", tmp_path / "d.htm"]
    skipped = [tmp_path / ".hidden.txt", tmp_path / ".git" / "notes.txt", tmp_path / "image.png", tmp_path / "~$b.docx"]
    for path in [*wanted, *skipped]:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x")
    (tmp_path / "folder.txt").mkdir()
    assert supported_files(tmp_path) == sorted(wanted)


def test_directory_without_supported_files_is_refused(tmp_path: Path) -> None:
    (tmp_path / "image.png").write_bytes(b"x")
    with pytest.raises(InputError, match=rf"^{re.escape(str(tmp_path))}: no supported files in the directory; valid extensions: {re.escape(VALID)}$"):
        supported_files(tmp_path)


def test_missing_directory_is_named(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=rf"^{re.escape(str(tmp_path / 'nope'))}: no such directory$"):
        supported_files(tmp_path / "nope")
