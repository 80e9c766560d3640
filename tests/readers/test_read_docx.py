"""read_docx: body order with tables, headers and footers left out, and every unsafe or broken file."""

from __future__ import annotations

import io
import zipfile

import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from extractor.readers import docx as docx_reader
from extractor.readers import read_docx
from tally.errors import InputError

from .docx_fixtures import add_entry, declare_size, docx_bytes, new_document, rewrite_entry

HEADER = "Quarterly bulletin running header"
FOOTER = "Confidential footer line"
TITLE = "Detentions in the second quarter"
BODY = "The team documented arrests at checkpoints across three provinces."
AFTER = "A closing paragraph follows the table."
ROWS = [["Party", "Arrests"], ["First party", "40"], ["Second party", "12"]]
ITEMS = ["arrests at checkpoints", "arrests in raids on homes"]


def build(title_property: str = "") -> bytes:
    document = new_document()
    document.core_properties.title = title_property
    section = document.sections[0]
    section.header.paragraphs[0].text = HEADER
    section.footer.paragraphs[0].text = FOOTER
    document.add_heading(TITLE, 0)
    document.add_paragraph(BODY)
    document.add_heading("Breakdown", 1)
    for item in ITEMS:
        document.add_paragraph(item, style="List Bullet")
    table = document.add_table(rows=len(ROWS), cols=len(ROWS[0]))
    for i, row in enumerate(ROWS):
        for j, cell in enumerate(row):
            table.cell(i, j).text = cell
    document.add_paragraph("")
    document.add_paragraph(AFTER)
    return docx_bytes(document)


@pytest.fixture(scope="module")
def report() -> bytes:
    return build()


def test_body_is_read_in_document_order_with_tables(report: bytes) -> None:
    text = read_docx(report, "r.docx")
    table = "\n".join("\t".join(row) for row in ROWS)
    assert text.text.split("\n\n") == [TITLE, BODY, "Breakdown", "\n".join(ITEMS), table, AFTER]
    assert [t.rows for t in text.tables] == [ROWS]
    assert text.text[text.tables[0].start : text.tables[0].end] == table
    assert text.format == "docx" and text.page_starts == []


def test_headers_and_footers_are_left_out(report: bytes) -> None:
    text = read_docx(report, "r.docx").text
    assert HEADER not in text and FOOTER not in text


@pytest.mark.parametrize(("title_property", "expected"), [("", TITLE), ("Title from properties", "Title from properties")])
def test_title_from_core_properties_else_first_title_paragraph(title_property: str, expected: str) -> None:
    assert read_docx(build(title_property), "r.docx").title == expected


def test_paragraph_text_takes_links_and_insertions_but_not_deletions_or_field_codes() -> None:
    document = new_document()
    paragraph = document.add_paragraph("Killed: ")
    paragraph._p.append(parse_xml(
        f'<w:hyperlink {nsdecls("w")}><w:r><w:t>twelve</w:t></w:r></w:hyperlink>'
    ))
    paragraph._p.append(parse_xml(f'<w:del {nsdecls("w")}><w:r><w:delText> eleven</w:delText></w:r></w:del>'))
    paragraph._p.append(parse_xml(f'<w:ins {nsdecls("w")}><w:r><w:t xml:space="preserve"> civilians</w:t></w:r></w:ins>'))
    paragraph._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:instrText> PAGE </w:instrText></w:r>'))
    assert read_docx(docx_bytes(document), "r.docx").text == "Killed: twelve civilians"


def test_not_a_zip_is_refused() -> None:
    with pytest.raises(InputError, match=r"^x\.docx: not a DOCX file \(not a zip archive\)$"):
        read_docx(b"plain words, not a zip", "x.docx")


@pytest.mark.parametrize("keep", [0.5, 0.9])
def test_truncated_docx_is_refused(report: bytes, keep: float) -> None:
    with pytest.raises(InputError, match=r"^x\.docx: not a DOCX file \(corrupt or truncated"):
        read_docx(report[: int(len(report) * keep)], "x.docx")


def test_zip_that_is_not_a_word_document_is_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "hello")
    with pytest.raises(InputError, match=r"^x\.docx: not a readable Word document"):
        read_docx(buffer.getvalue(), "x.docx")


def test_entry_declaring_a_huge_size_is_refused_before_inflating(report: bytes) -> None:
    forged = declare_size(report, "word/document.xml", 3 * 2**30)
    with pytest.raises(InputError, match=r"^x\.docx: refused: unpacks to"):
        read_docx(forged, "x.docx")


def test_highly_compressed_entry_is_refused(report: bytes) -> None:
    bomb = add_entry(report, "word/media/padding.bin", bytes(8 * 2**20))
    with pytest.raises(InputError, match=r"^x\.docx: refused: zip entry word/media/padding\.bin"):
        read_docx(bomb, "x.docx")


def test_total_unpacked_size_over_the_limit_is_refused(report: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    total = sum(entry.file_size for entry in zipfile.ZipFile(io.BytesIO(report)).infolist())
    monkeypatch.setattr(docx_reader, "MAX_UNPACKED_BYTES", total - 1)
    with pytest.raises(InputError, match=r"^x\.docx: refused: unpacks to"):
        read_docx(report, "x.docx")


@pytest.mark.parametrize(
    "declaration",
    [
        b'<!DOCTYPE w:document [<!ENTITY boom "boom">]>',
        b'<!doctype w:document SYSTEM "http://example.invalid/x.dtd">',
        b'<!ENTITY % remote SYSTEM "file:///etc/passwd">',
    ],
)
def test_xml_part_with_doctype_or_entity_is_refused(report: bytes, declaration: bytes) -> None:
    original = zipfile.ZipFile(io.BytesIO(report)).read("word/document.xml")
    head, rest = original.split(b"?>", 1)
    hostile = rewrite_entry(report, "word/document.xml", head + b"?>" + declaration + rest)
    with pytest.raises(InputError, match=r"^x\.docx: refused: word/document\.xml declares a DOCTYPE or entities$"):
        read_docx(hostile, "x.docx")


def test_docx_without_text_is_refused() -> None:
    with pytest.raises(InputError, match=r"^x\.docx: no readable text"):
        read_docx(docx_bytes(new_document()), "x.docx")
