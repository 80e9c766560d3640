"""Word (.docx) to Text: body paragraphs, lists and tables in document order, after zip safety checks."""

from __future__ import annotations

import io
import logging
import re
import zipfile
import zlib

import docx
import lxml.etree
from docx.document import Document as DocxDocument
from docx.opc.exceptions import OpcError
from docx.oxml.ns import qn
from docx.oxml.text.paragraph import CT_P
from docx.oxml.xmlchemy import BaseOxmlElement

from extractor.readers.blocks import Block, assemble, check_size, item_lines, paragraph, require_text, squash, table
from extractor.text import Text
from tally.errors import InputError

log = logging.getLogger(__name__)

MAX_DOCX_BYTES = 100 * 2**20
MAX_UNPACKED_BYTES = 200 * 2**20  # declared size of all entries together
MAX_ENTRY_BYTES = 100 * 2**20
MAX_ENTRIES = 10_000
MAX_RATIO = 100  # inflated/deflated, checked for entries above RATIO_FLOOR
RATIO_FLOOR = 2**20
_XML_PART = re.compile(r"\.(xml|rels)$", re.IGNORECASE)
_DTD = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError)
_DOCX_ERRORS = (OpcError, KeyError, ValueError, AttributeError, lxml.etree.LxmlError, *_ZIP_ERRORS)
HEADING_STYLES = ("title", "subtitle", "heading")
_TEXT = qn("w:t")
_TEXT_NODES = {_TEXT: "", qn("w:tab"): " ", qn("w:br"): " ", qn("w:cr"): " ", qn("w:noBreakHyphen"): "-"}
_CELL_PARAGRAPHS = ".//w:p[not(ancestor::w:txbxContent)]"
_SKIPPED_CONTAINERS = frozenset(
    (qn("w:txbxContent"), qn("w:del"), "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback")
)


def check_docx_archive(data: bytes, name: str) -> None:
    """Refuse what is not a sound zip, a decompression bomb, or XML with a DTD or entities.

    Everything is judged from the zip directory before any entry is inflated; Python's
    zipfile then never inflates an entry past its declared size.
    """
    if not data.startswith(b"PK"):
        raise InputError(f"{name}: not a DOCX file (not a zip archive)")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except _ZIP_ERRORS:
        raise InputError(f"{name}: not a DOCX file (corrupt or truncated zip archive)") from None
    with archive:
        entries = archive.infolist()
        if len(entries) > MAX_ENTRIES:
            raise InputError(f"{name}: refused: {len(entries)} zip entries (limit {MAX_ENTRIES})")
        total = sum(entry.file_size for entry in entries)
        if total > MAX_UNPACKED_BYTES:
            raise InputError(f"{name}: refused: unpacks to {total // 2**20} MB (limit {MAX_UNPACKED_BYTES // 2**20} MB)")
        for entry in entries:
            ratio = entry.file_size / max(entry.compress_size, 1)
            if entry.file_size > MAX_ENTRY_BYTES or (entry.file_size > RATIO_FLOOR and ratio > MAX_RATIO):
                raise InputError(f"{name}: refused: zip entry {entry.filename} unpacks to {entry.file_size // 2**20} MB ({ratio:.0f}x)")
        for entry in entries:
            if _XML_PART.search(entry.filename):
                try:
                    part = archive.read(entry)
                except _ZIP_ERRORS:
                    raise InputError(f"{name}: not a DOCX file (corrupt or truncated zip archive)") from None
                if _has_dtd(part):
                    raise InputError(f"{name}: refused: {entry.filename} declares a DOCTYPE or entities")


def _has_dtd(part: bytes) -> bool:
    if part.startswith((b"\xff\xfe", b"\xfe\xff")):
        part = part.decode("utf-16", errors="replace").encode("utf-8")
    return _DTD.search(part) is not None


def _style_names(document: DocxDocument) -> dict[str, str]:
    return {style.style_id: (style.name or "").lower() for style in document.styles}


def paragraph_text(element: BaseOxmlElement) -> str:
    """A paragraph's visible text: runs, links, fields' results and tracked insertions;
    not deleted text, field codes, or text boxes anchored in it."""
    parts: list[str] = []
    for node in element.iter(*_TEXT_NODES):
        if any(ancestor.tag in _SKIPPED_CONTAINERS for ancestor in _ancestors_within(node, element)):
            continue
        parts.append((node.text or "") if node.tag == _TEXT else _TEXT_NODES[node.tag])
    return squash("".join(parts))


def _ancestors_within(node: BaseOxmlElement, top: BaseOxmlElement) -> list[BaseOxmlElement]:
    out: list[BaseOxmlElement] = []
    for ancestor in node.iterancestors():
        if ancestor is top:
            break
        out.append(ancestor)
    return out


def _style_of(element: BaseOxmlElement, styles: dict[str, str]) -> str:
    found = element.xpath("./w:pPr/w:pStyle/@w:val")
    return styles.get(str(found[0]), str(found[0]).lower()) if found else ""


def _is_list_item(element: BaseOxmlElement, style: str) -> bool:
    return style.startswith("list") or bool(element.xpath("./w:pPr/w:numPr"))


def _table_rows(element: BaseOxmlElement) -> list[list[str]]:
    """Rows of a table, one cell per ``w:tc`` (a merged cell once), its paragraphs joined."""
    return [
        [" ".join(paragraph_text(p) for p in cell.xpath(_CELL_PARAGRAPHS)) for cell in row.xpath("./w:tc | ./w:sdt/w:sdtContent/w:tc")]
        for row in element.xpath("./w:tr")
    ]


def _body_elements(parent: BaseOxmlElement) -> list[BaseOxmlElement]:
    """Paragraphs and tables of the body in order, content controls opened up."""
    out: list[BaseOxmlElement] = []
    for child in parent.iterchildren():
        if child.tag == qn("w:sdt"):
            for content in child.iterchildren(qn("w:sdtContent")):
                out.extend(_body_elements(content))
        elif child.tag in (qn("w:p"), qn("w:tbl")):
            out.append(child)
    return out


def docx_blocks(document: DocxDocument) -> tuple[list[Block], str | None]:
    """Blocks of the document body (headers, footers, notes excluded) and its first heading."""
    styles = _style_names(document)
    blocks: list[Block] = []
    items: list[str] = []
    heading: str | None = None
    for element in _body_elements(document.element.body):
        text = paragraph_text(element) if isinstance(element, CT_P) else ""
        style = _style_of(element, styles)
        if isinstance(element, CT_P) and (not text or _is_list_item(element, style)):
            items.extend([text] if text else [])
            continue
        if items:
            blocks.append(item_lines(items))
            items = []
        if not isinstance(element, CT_P):
            blocks.append(table(_table_rows(element)))
            continue
        if heading is None and style.startswith(HEADING_STYLES) and style != "subtitle":
            heading = text
        blocks.append(paragraph(text))
    if items:
        blocks.append(item_lines(items))
    return blocks, heading


def read_docx(data: bytes, name: str = "<docx>") -> Text:
    """A Word document as Text, refused before parsing if its archive is unsafe or broken."""
    check_size(data, name, MAX_DOCX_BYTES)
    check_docx_archive(data, name)
    try:
        document = docx.Document(io.BytesIO(data))
        blocks, heading = docx_blocks(document)
        title = squash(document.core_properties.title or "") or heading
    except _DOCX_ERRORS as err:
        log.debug("python-docx failed on %s: %r", name, err)
        raise InputError(f"{name}: not a readable Word document ({type(err).__name__})") from None
    return require_text(assemble(blocks, "docx", title=title), name)
