"""PDF to Text with pdfplumber: reading order, no page furniture, paragraphs, tables, page offsets."""

from __future__ import annotations

import contextlib
import io
import logging
import re
from dataclasses import dataclass

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfplumber.page import Page
from pdfplumber.utils.text import extract_words
from pdfminer.psexceptions import PSException
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

from extractor.readers.blocks import assemble, check_size, join_line, squash
from extractor.readers.pdf_furniture import remove_furniture
from extractor.readers.pdf_marks import attach_marks, level_baselines
from extractor.readers.pdf_columns import order_page, set_column_bounds
from extractor.readers.pdf_layout import (
    Item,
    Line,
    TableItem,
    Word,
    group_lines,
    reorder_arabic_line,
    word_from_pdfplumber,
)
from extractor.readers.pdf_tables import find_text_tables
from extractor.readers.pdf_paragraphs import blocks_from_groups, first_page_title, group_items, layout_stats
from extractor.text import Text
from tally.errors import InputError

log = logging.getLogger(__name__)

MAX_PDF_BYTES = 200 * 2**20
PROSE_CELL_WORDS = 50  # a ruled "table" with a cell this long is page layout around prose
WORD_GAP = 0.15  # a gap wider than this share of the font size separates two words
_FILE_NAME = re.compile(r"\.(docx?|pdf|indd|pptx?|xlsx?|rtf|odt)$|^microsoft\b", re.IGNORECASE)
# pdfminer raises many kinds of error on damaged files; opening and each page are read under these.
_DAMAGE = (
    PdfminerException,
    MalformedPDFException,
    PSException,
    ValueError,
    KeyError,
    TypeError,
    AttributeError,
    IndexError,
    AssertionError,
    RecursionError,
    OSError,
    ZeroDivisionError,
    OverflowError,
)


@dataclass
class PageContent:
    """What one page holds once read: words outside tables, the tables, and the page size."""

    number: int
    width: float
    height: float
    words: list[Word]
    tables: list[TableItem]
    has_text: bool
    has_images: bool
    damaged: bool = False


def _cell_text(cell: str | None) -> str:
    """A table cell's lines as one: "Syrian-" then "Russian alliance forces" is "Syrian-Russian alliance forces"."""
    text = ""
    for line in (cell or "").splitlines():
        text = join_line(text, reorder_arabic_line(line))
    return squash(text)


def _has_prose_cell(rows: list[list[str]]) -> bool:
    return any(len(cell.split()) > PROSE_CELL_WORDS for row in rows for cell in row)


def _inside(word: Word, box: tuple[float, float, float, float]) -> bool:
    middle_x, middle_y = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
    return box[0] <= middle_x <= box[2] and box[1] <= middle_y <= box[3]


def read_page(page: Page, number: int) -> PageContent:
    """One page's words and ruled tables (each pdfplumber call once); table words leave the flow."""
    # Not split by font: a "/" set in a fallback font would leave "نيسان/أبريل" glued as "نيسانأبريل".
    raw = extract_words(attach_marks(level_baselines(page.chars)), x_tolerance_ratio=WORD_GAP, extra_attrs=["size"], return_chars=True)
    for word in raw:
        fonts = [str(char.get("fontname") or "") for char in word.pop("chars", [])]
        word["fontname"] = max(set(fonts), key=fonts.count) if fonts else ""
    words = [word_from_pdfplumber(w) for w in raw if w.get("upright", True) and str(w["text"]).strip()]
    tables: list[TableItem] = []
    if page.lines or page.rects:
        for found in page.find_tables():
            rows = [[_cell_text(cell) for cell in row] for row in found.extract(x_tolerance_ratio=WORD_GAP)]
            if len(rows) < 2 or max(len(row) for row in rows) < 2 or _has_prose_cell(rows):
                continue  # a framed paragraph or a layout grid, not a data table
            x0, top, x1, bottom = (float(v) for v in found.bbox)
            tables.append(TableItem(page=number, x0=x0, x1=x1, top=top, bottom=bottom, rows=rows))
            words = [w for w in words if not _inside(w, (x0, top, x1, bottom))]
    has_text = bool(words or tables or page.chars)
    return PageContent(number, float(page.width), float(page.height), words, tables, has_text, bool(page.images))


def _open_error(err: Exception, name: str, password: str | None) -> InputError:
    cause = err.args[0] if isinstance(err, PdfminerException) and err.args else err
    if isinstance(cause, PDFPasswordIncorrect):
        if password:
            return InputError(f"{name}: the PDF is encrypted and the password given is wrong; pass the right one with --password")
        return InputError(f"{name}: the PDF is encrypted; pass --password")
    if isinstance(cause, PDFEncryptionError):
        return InputError(f"{name}: the PDF uses an encryption this reader does not support")
    return InputError(f"{name}: not a PDF file (corrupt or truncated)")


def read_pages(data: bytes, name: str, password: str | None, warnings: list[str]) -> tuple[list[PageContent], str | None]:
    """Every page's content and the title the metadata gives; damaged pages are skipped with a warning."""
    try:
        pdf = pdfplumber.open(io.BytesIO(data), password=password or "")
    except _DAMAGE as err:
        log.debug("pdfplumber could not open %s: %r", name, err)
        raise _open_error(err, name, password) from None
    contents: list[PageContent] = []
    try:
        try:
            pages = list(pdf.pages)
            title = metadata_title(pdf.metadata)
        except _DAMAGE as err:
            log.debug("pdfplumber could not list the pages of %s: %r", name, err)
            raise _open_error(err, name, password) from None
        for number, page in enumerate(pages, start=1):
            try:
                contents.append(read_page(page, number))
            except _DAMAGE as err:
                _warn(warnings, f"{name}: page {number} could not be read (damaged: {type(err).__name__})")
                contents.append(PageContent(number, 0.0, 0.0, [], [], False, False, damaged=True))
            finally:
                page.close()
    finally:
        with contextlib.suppress(*_DAMAGE):  # closing walks the page tree again
            pdf.close()
    return contents, title


def metadata_title(metadata: dict[str, object]) -> str | None:
    """The document-information title, unless it is empty or a file name."""
    raw = metadata.get("Title")
    title = squash(raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw or ""))
    if len(title.split()) < 2 or _FILE_NAME.search(title):
        return None
    return title


def _warn(warnings: list[str], message: str) -> None:
    log.warning(message)
    warnings.append(message)


def read_pdf(data: bytes, name: str = "<pdf>", password: str | None = None) -> Text:
    """A PDF document as Text: one paragraph per paragraph, tables as tables, every page's offset."""
    check_size(data, name, MAX_PDF_BYTES)
    if b"%PDF-" not in data[:1024]:
        raise InputError(f"{name}: not a PDF file (corrupt or truncated)")
    warnings: list[str] = []
    if b"%%EOF" not in data[-2048:]:
        _warn(warnings, f"{name}: the file seems truncated (no end-of-file marker); text may be missing")
    contents, title = read_pages(data, name, password, warnings)
    if not contents:
        raise InputError(f"{name}: the PDF has no pages")
    for content in contents:
        if not content.has_text and content.has_images:
            _warn(warnings, f"{name}: page {content.number} has no text layer; OCR is not supported")
    if not any(content.has_text for content in contents):
        if any(content.damaged for content in contents):
            raise InputError(f"{name}: not a PDF file (corrupt or truncated)")
        raise InputError(f"{name}: no page has a text layer (a scanned PDF?); OCR is not supported")
    rows: list[list[Item]] = [list(group_lines(c.words, c.number, tidy=False)) for c in contents]
    rows = remove_furniture(rows, [c.height for c in contents])  # before columns: it may span them
    flows: list[list[Item]] = []
    for content, kept in zip(contents, rows):
        words = [word for row in kept if isinstance(row, Line) for word in row.words]
        flows.append(find_text_tables(order_page(words, content.tables, content.number, content.width)))
        set_column_bounds(flows[-1])
    stats = layout_stats(flows)
    groups = group_items(flows, stats)
    title = title or first_page_title(groups)
    return assemble(blocks_from_groups(groups), "pdf", pages=len(contents), title=title, warnings=warnings)
