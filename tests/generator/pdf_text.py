"""The logical text of a right-to-left PDF: pdfplumber's visual lines through python-bidi, tables apart."""

from __future__ import annotations

import io
import unicodedata

import pdfplumber
from bidi import get_display

from generator.blocks import Composed, Table, block_lines


def squeezed(text: str) -> str:
    """``text`` without whitespace and harakat, for comparing: line breaks and spacing differ between
    layouts, and a PDF's text gives a combining mark before or after its letter depending on how the font
    clustered the glyphs; the letters and their order do not change."""
    return "".join(char for char in "".join(text.split()) if not unicodedata.combining(char))


BULLETS = "•◦▪\uf0b7"  # \uf0b7: the Symbol-font bullet LibreOffice draws


def logical(line: str) -> str:
    """A visual right-to-left line in logical order; a list bullet is layout, not text."""
    return get_display(line, base_dir="R").strip().lstrip(BULLETS).strip()


def _logical_cell(text: str) -> str:
    """A cell's lines, each put back in logical order, joined top to bottom."""
    return " ".join(" ".join(logical(line).split()) for line in text.splitlines() if line.strip())


def pdf_prose_and_tables(pdf: bytes, furniture: set[str]) -> tuple[str, list[list[list[str]]]]:
    """The text outside tables (each line through bidi, furniture lines dropped, whitespace squeezed), and
    every table as rows of logical cell texts, first column first."""
    prose: list[str] = []
    tables: list[list[list[str]]] = []
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        for page in document.pages:
            found = page.find_tables()
            outside = page
            for table in found:
                outside = outside.outside_bbox(table.bbox)
                rows = [[squeezed(_logical_cell(cell or "")) for cell in row] for row in table.extract()]
                tables.append([row[::-1] for row in rows])  # right to left: the first column is drawn rightmost
            for line in (outside.extract_text() or "").splitlines():
                text = squeezed(logical(line))
                if text and text not in furniture:
                    prose.append(text)
    return "".join(prose), tables


def composed_prose_and_tables(composed: Composed, before: list[str]) -> tuple[str, list[list[list[str]]]]:
    """What the PDF must show: ``before`` (what the layout puts above the title), then the composed text."""
    lines = [*before, composed.title, composed.subtitle, composed.dateline]
    tables: list[list[list[str]]] = []
    for block in composed.blocks:
        if isinstance(block, Table):
            rows = [block.header, *block.rows, *([block.total] if block.total else [])]
            tables.append([[squeezed(cell) for cell in row] for row in rows])
        else:
            lines += block_lines(block)
    return squeezed("".join(lines)), tables
