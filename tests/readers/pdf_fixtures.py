"""Build small PDFs for the reader tests with reportlab, at test time."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence

from reportlab.lib.pagesizes import A4
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 72.0
FONT, BOLD = "Helvetica", "Helvetica-Bold"

Draw = Callable[[Canvas], None]


def wrap(text: str, width: float, size: float = 11, font: str = FONT) -> list[str]:
    """The lines reportlab would break ``text`` into at ``width``."""
    return list(simpleSplit(text, font, size, width))


def draw_lines(canvas: Canvas, lines: Sequence[str], x: float, y: float, *, size: float = 11,
               leading: float = 14, font: str = FONT) -> float:
    """Draw lines from baseline ``y`` down; the next free baseline."""
    canvas.setFont(font, size)
    for line in lines:
        canvas.drawString(x, y, line)
        y -= leading
    return y


def draw_paragraphs(canvas: Canvas, paragraphs: Sequence[str], x: float, y: float, width: float, *,
                    size: float = 11, leading: float = 14, gap: float = 10) -> float:
    """Draw wrapped paragraphs separated by ``gap`` points; the next free baseline."""
    for text in paragraphs:
        y = draw_lines(canvas, wrap(text, width, size), x, y, size=size, leading=leading) - gap
    return y


def draw_furniture(canvas: Canvas, page: int, pages: int, header: str = "Field Monitor — Quarterly Bulletin") -> None:
    """A running header at the top and 'Page n of m' at the bottom."""
    canvas.setFont(FONT, 8)
    canvas.drawString(MARGIN, PAGE_HEIGHT - 36, header)
    canvas.drawCentredString(PAGE_WIDTH / 2, 30, f"Page {page} of {pages}")


def draw_table(canvas: Canvas, rows: Sequence[Sequence[str]], x: float, y: float, *,
               column: float = 120, row: float = 18, size: float = 10) -> float:
    """A ruled table with its top-left corner at ``(x, y)``; the y under it."""
    canvas.setFont(FONT, size)
    width = column * len(rows[0])
    for i in range(len(rows) + 1):
        canvas.line(x, y - i * row, x + width, y - i * row)
    for j in range(len(rows[0]) + 1):
        canvas.line(x + j * column, y, x + j * column, y - len(rows) * row)
    for i, cells in enumerate(rows):
        for j, cell in enumerate(cells):
            canvas.drawString(x + j * column + 4, y - (i + 1) * row + 5, cell)
    return y - len(rows) * row


def draw_image(canvas: Canvas) -> None:
    """A page holding only a picture (as a scan would)."""
    from PIL import Image

    picture = Image.new("RGB", (40, 40), (120, 120, 120))
    canvas.drawInlineImage(picture, MARGIN, PAGE_HEIGHT / 2, width=200, height=200)


def build_pdf(pages: Sequence[Draw], *, password: str | None = None) -> bytes:
    """A PDF with one page per drawing function, encrypted when ``password`` is given."""
    buffer = io.BytesIO()
    encrypt = StandardEncryption(password, ownerPassword="owner-" + password, strength=128) if password else None
    canvas = Canvas(buffer, pagesize=A4, encrypt=encrypt, invariant=True)
    for draw in pages:
        draw(canvas)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def draw_justified(canvas: Canvas, lines: Sequence[str], x: float, y: float, width: float, *,
                   size: float = 11, leading: float = 14) -> float:
    """Draw lines stretched to ``width`` (the last one left as is), as justified print."""
    for i, line in enumerate(lines):
        text = canvas.beginText(x, y)
        text.setFont(FONT, size)
        spaces = line.count(" ")
        if i < len(lines) - 1 and spaces:
            text.setWordSpace((width - canvas.stringWidth(line, FONT, size)) / spaces)
        text.textLine(line)
        canvas.drawText(text)
        y -= leading
    return y


BODY_WIDTH = PAGE_WIDTH - 2 * MARGIN
TOP = PAGE_HEIGHT - MARGIN
FIRST = (
    "The monitoring team recorded a sharp rise in attacks on markets during the spring, with most "
    "incidents concentrated in the northern districts and along the main supply roads."
)
SECOND = (
    "Field researchers interviewed witnesses in each affected town and cross-checked every account "
    "against hospital records and local council statements before counting it."
)
THIRD = "A closing remark ends the page."
HEADINGS = ("Eastern districts", "Western valleys", "Coastal towns")


def paragraphs(text: str) -> list[str]:
    """The blocks of a Text's text."""
    return text.split("\n\n")


def page_with(heading: str, paras: list[str], page: int, pages: int) -> Draw:
    """A page with running furniture, a bold heading and wrapped paragraphs."""

    def draw(canvas: Canvas) -> None:
        draw_furniture(canvas, page, pages)
        canvas.setFont(BOLD, 16)
        canvas.drawString(MARGIN, TOP, heading)
        draw_paragraphs(canvas, paras, MARGIN, TOP - 30, BODY_WIDTH)

    return draw
