"""``render_docx(composed) -> bytes``: the same composed blocks as an editable Word document."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from docx import Document as new_docx
from docx.document import Document as DocxDocument
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph as DocxParagraph

from generator.blocks import Block, BulletList, Chart, Composed, Contents, Heading, PageBreak, Paragraph, QuoteBlock, Table
from generator.charts import chart_png
from generator.docx_rtl import set_paragraph_rtl, set_run_fonts, set_section_rtl, set_style_fonts, set_table_rtl
from generator.numbers_dates import with_digits

FONT = "Amiri"
ACCENT = RGBColor(0x7A, 0x1F, 0x1F)
#: Styles of the default template each paragraph role is written in.
ROLE_STYLES = {"lead": "Normal", "body": "Normal", "caption": "Caption", "note": "Normal", "about": "Normal"}
STYLES = ("Normal", "Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "Caption", "List Bullet", "Quote",
          "Table Grid", "Header", "Footer")
#: A fixed moment for the ZIP entries, so the same document gives the same bytes.
ZIP_TIME = (2020, 1, 1, 0, 0, 0)


class _Writer:
    """Appends blocks to a python-docx document, right to left where the language is."""

    def __init__(self, docx: DocxDocument, composed: Composed, digits: str) -> None:
        self.docx = docx
        self.composed = composed
        self.rtl = composed.direction == "rtl"
        self.digits = digits

    def paragraph(self, text: str, style: str = "Normal", *, bold: bool = False) -> DocxParagraph:
        paragraph = self.docx.add_paragraph(style=style)
        run = paragraph.add_run(text)
        run.bold = bold or None
        self.finish(paragraph)
        return paragraph

    def page_break(self) -> None:
        paragraph = self.docx.add_paragraph()
        paragraph.add_run().add_break(WD_BREAK.PAGE)
        self.finish(paragraph)

    def finish(self, paragraph: DocxParagraph) -> None:
        for run in paragraph.runs:
            set_run_fonts(run._r, FONT, rtl=self.rtl)
        if self.rtl:
            set_paragraph_rtl(paragraph._p)

    def block(self, block: Block) -> None:
        if isinstance(block, Heading):
            self.paragraph(block.text, f"Heading {min(block.level - 1, 3) or 1}")
        elif isinstance(block, Paragraph):
            self.paragraph(block.text, ROLE_STYLES.get(block.role, "Normal"))
        elif isinstance(block, BulletList):
            if block.label:
                self.paragraph(block.label, bold=True)
            for item in block.items:
                self.paragraph(item, "List Bullet")
        elif isinstance(block, QuoteBlock):
            self.paragraph(block.text, "Quote")
            self.paragraph(block.attribution)
        elif isinstance(block, Table):
            self.table(block)
        elif isinstance(block, Chart):
            self.chart(block)
        elif isinstance(block, Contents):
            self.paragraph(block.title, "Heading 1")
            for entry in block.entries:
                self.paragraph(entry.text)
        elif isinstance(block, PageBreak):
            self.page_break()

    def table(self, block: Table) -> None:
        rows = [block.header, *block.rows, *([block.total] if block.total else [])]
        table = self.docx.add_table(rows=len(rows), cols=len(block.header))
        table.style = self.docx.styles["Table Grid"]
        if self.rtl:
            set_table_rtl(table._tbl)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                cell = table.cell(r, c)
                paragraph = cell.paragraphs[0]
                run = paragraph.add_run(text)
                run.bold = (r == 0 or (block.total is not None and r == len(rows) - 1)) or None
                self.finish(paragraph)
        self.finish(self.docx.add_paragraph())

    def chart(self, block: Chart) -> None:
        png = chart_png(block, self.composed.lang, self.digits, self.rtl)
        self.docx.add_picture(io.BytesIO(png), width=Mm(150))
        self.finish(self.docx.paragraphs[-1])


def _field(paragraph: DocxParagraph, instruction: str, digits: str) -> None:
    """A PAGE or NUMPAGES field; its cached result is written in the document's digits."""
    run = paragraph.add_run()
    for kind in ("begin", None, "separate", "end"):
        if kind is None:
            code = OxmlElement("w:instrText")
            code.set(qn("xml:space"), "preserve")
            code.text = f" {instruction} "
            run._r.append(code)
        else:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
            if kind == "separate":
                text = OxmlElement("w:t")
                text.text = with_digits("1", digits)
                run._r.append(text)


def _furniture(writer: _Writer, composed: Composed, digits: str) -> None:
    section = writer.docx.sections[0]
    section.page_height, section.page_width = Mm(297), Mm(210)
    section.different_first_page_header_footer = composed.kind == "report"
    if writer.rtl:
        set_section_rtl(section._sectPr)
    header = section.header.paragraphs[0]
    header.add_run(composed.running_header)
    footer = section.footer.paragraphs[0]
    footer.add_run(f"{composed.labels.page} ")
    _field(footer, "PAGE", digits)
    footer.add_run(f" {composed.labels.of} ")
    _field(footer, "NUMPAGES", digits)
    for paragraph in (header, footer):
        writer.finish(paragraph)


def _styles(docx: DocxDocument, composed: Composed) -> None:
    rtl = composed.direction == "rtl"
    for name in STYLES:
        style = docx.styles[name]
        set_style_fonts(style.element, FONT, composed.lang, rtl=rtl)
        if name.startswith("Heading") or name == "Title":
            style.font.color.rgb = ACCENT
    docx.styles["Normal"].font.size = Pt(11.5)


def _cover(writer: _Writer, composed: Composed) -> None:
    """Title, subtitle, org and date; on a page of its own for a report."""
    writer.paragraph(composed.org.name, bold=True)
    writer.paragraph(composed.title, "Title")
    writer.paragraph(composed.subtitle, "Subtitle")
    if composed.dateline:
        writer.paragraph(composed.dateline)
    if composed.kind == "report":
        writer.page_break()


def _stable_zip(data: bytes) -> bytes:
    """The package rewritten with fixed entry times, so equal documents are equal bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()


def render_docx(composed: Composed, *, digits: str = "latn", created: dt.datetime | None = None) -> bytes:
    """The document as DOCX bytes; right-to-left languages get RTL paragraphs, runs, tables and section."""
    docx = new_docx()
    _styles(docx, composed)
    writer = _Writer(docx, composed, digits)
    _furniture(writer, composed, digits)
    props = docx.core_properties
    props.title, props.author, props.language = composed.title, composed.org.name, composed.lang
    moment = created or dt.datetime(2020, 1, 1, tzinfo=dt.timezone.utc)
    props.created = props.modified = moment
    props.last_modified_by = composed.org.short_name
    props.revision = 1
    _cover(writer, composed)
    for block in composed.blocks:
        writer.block(block)
    out = io.BytesIO()
    docx.save(out)
    return _stable_zip(out.getvalue())

