"""Render the corpus sources in corpus/src/ to the committed HTML, DOCX and PDF files.

Usage: .venv/bin/python corpus/build.py        (rewrites every generated file)
       .venv/bin/python corpus/build.py --check (fails if a committed file differs)

Each source is a small text file: ``key: value`` metadata lines, a ``---`` line, then
the body: ``## heading``, paragraphs separated by blank lines, ``- item`` bullets,
``> quote`` lines and ``| a | b |`` table rows (the first row is the header). The
``TARGETS`` table below says what each source becomes. Output is deterministic:
fixed metadata, fixed ZIP timestamps and reportlab's invariant mode.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph as DocxParagraph
import pypdfium2
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (BaseDocTemplate, Flowable, Frame, FrameBreak, ListFlowable, ListItem,
                                NextPageTemplate, PageTemplate, Paragraph, Spacer, Table, TableStyle)

ROOT = Path(__file__).resolve().parent
SRC, EN = ROOT / "src", ROOT / "en"
FORMATS_DIR = ROOT.parent / "tests" / "data" / "formats"
NW = "2019-11-northwest-syria-escalation"
SRC_AR, AR = SRC / "ar", ROOT / "ar"

#: source stem -> the file(s) it becomes: (path, renderer name)
TARGETS: dict[str, list[tuple[Path, str]]] = {
    NW: [(EN / f"{NW}.pdf", "pdf"), *[(FORMATS_DIR / f"nw-syria.{ext}", ext) for ext in ("txt", "html", "docx", "pdf")]],
    "2020-02-civilian-death-toll-january-2020": [(EN / "2020-02-civilian-death-toll-january-2020.pdf", "pdf")],
    "2020-03-barrel-bombs-february-2020": [(EN / "2020-03-barrel-bombs-february-2020.pdf", "pdf-columns")],
    "2020-01-annual-civilian-death-toll-2019": [(EN / "2020-01-annual-civilian-death-toll-2019.docx", "docx")],
    "2019-11-incendiary-weapons": [(EN / "2019-11-incendiary-weapons.docx", "docx")],
    "2019-06-torture-deaths": [(EN / "2019-06-torture-deaths.docx", "docx")],
    "2020-01-idlib-escalation-16-days": [(EN / "2020-01-idlib-escalation-16-days.html", "html")],
    "2019-07-vital-facilities-june-2019": [(EN / "2019-07-vital-facilities-june-2019.html", "html")],
    "2019-05-media-workers-press-freedom-day": [(EN / "2019-05-media-workers-press-freedom-day.html", "html")],
}


@dataclass
class Block:
    kind: str  # "h", "p", "ul", "quote", "table"
    text: str = ""
    items: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)


@dataclass
class Source:
    meta: dict[str, str]
    related: list[str]
    notes: list[str]
    blocks: list[Block]

    @property
    def date(self) -> dt.date:
        return dt.date.fromisoformat(self.meta["date"])


def parse_source(path: Path) -> Source:
    """Read one source file into metadata and blocks."""
    head, _, body = path.read_text(encoding="utf-8").partition("\n---\n")
    meta: dict[str, str] = {}
    related: list[str] = []
    notes: list[str] = []
    for line in head.splitlines():
        key, _, value = line.partition(": ")
        {"related": related, "related-note": notes}.get(key, []).append(value)
        meta.setdefault(key, value)
    blocks: list[Block] = []
    for chunk in body.strip().split("\n\n"):
        lines = chunk.strip().splitlines()
        if lines[0].startswith("## "):
            blocks.append(Block("h", lines[0][3:]))
            lines = lines[1:]
        plain: list[str] = []
        for line in lines:
            if line.startswith("- "):
                if not blocks or blocks[-1].kind != "ul" or plain:
                    _flush(blocks, plain)
                    blocks.append(Block("ul"))
                blocks[-1].items.append(line[2:])
            elif line.startswith("> "):
                blocks.append(Block("quote", line[2:]))
            elif line.startswith("|"):
                if not blocks or blocks[-1].kind != "table":
                    blocks.append(Block("table"))
                blocks[-1].rows.append([c.strip() for c in line.strip().strip("|").split("|")])
            else:
                plain.append(line)
        _flush(blocks, plain)
    return Source(meta, related, notes, blocks)


def _flush(blocks: list[Block], plain: list[str]) -> None:
    if plain:
        blocks.append(Block("p", " ".join(plain)))
        plain.clear()


def is_addressee(text: str) -> bool:
    """A recommendation addressee line such as 'To the UN Security Council:'."""
    return text.endswith(":") and len(text) < 90


def render_txt(src: Source) -> bytes:
    """Plain text: title, subtitle, byline, then the body."""
    out = [src.meta["title"], "", src.meta["subtitle"], "", src.meta["publisher"], src.meta["dateline"], ""]
    for b in src.blocks:
        if b.kind == "ul":
            out += [f"- {item}" for item in b.items] + [""]
        elif b.kind == "table":
            out += ["\t".join(row) for row in b.rows] + [""]
        else:
            out += [b.text, ""]
    return ("\n".join(out).rstrip() + "\n").encode("utf-8")


PAGE = SRC / "page.html"  # the saved-page furniture around an article; {content} is the article


def render_html(src: Source, stem: str, page: Path = PAGE) -> bytes:
    """A saved article page: navigation, share buttons, related posts and footer around the text."""
    e = html.escape
    category = src.meta.get("category", "Press Releases")
    parts = [f'<h2 class="subtitle">{e(src.meta["subtitle"])}</h2>\n']
    for b in src.blocks:
        if b.kind == "h":
            parts.append(f"<h2>{e(b.text)}</h2>\n")
        elif b.kind == "ul":
            parts.append("<ul>\n" + "".join(f"<li>{e(i)}</li>\n" for i in b.items) + "</ul>\n")
        elif b.kind == "quote":
            parts.append(f"<blockquote><p>{e(b.text)}</p></blockquote>\n")
        elif b.kind == "table":
            head = "".join(f"<th>{e(c)}</th>" for c in b.rows[0])
            body = "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in r) + "</tr>\n" for r in b.rows[1:])
            parts.append(f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}</tbody>\n</table>\n")
        elif is_addressee(b.text):
            parts.append(f"<p><strong>{e(b.text)}</strong></p>\n")
        else:
            parts.append(f"<p>{e(b.text)}</p>\n")
    related = "\n".join(f'<li><a href="/blog/{src.date.year}/{i + 1:02d}/">{e(r)}</a></li>' for i, r in enumerate(src.related))
    note = src.notes[0] if src.notes else "Subscribe to receive our reports by email."
    out = page.read_text(encoding="utf-8").format(
        title=e(src.meta["title"]), date=src.meta["date"], dateline=e(src.meta["dateline"]), category=e(category),
        cat_slug=category.lower().replace(" ", "-"), post_id=sum(map(ord, stem)), stem=stem, related=related,
        note=e(note), year=src.date.year, prev=src.date.year - 1, content="".join(parts))
    return out.encode("utf-8")


def _page_field(paragraph: DocxParagraph) -> None:
    """Append a PAGE field to a paragraph, as Word writes it."""
    run = paragraph.add_run()
    for tag, text in (("w:fldChar", "begin"), ("w:instrText", " PAGE "), ("w:fldChar", "end")):
        el = OxmlElement(tag)
        if tag == "w:fldChar":
            el.set(qn("w:fldCharType"), text)
        else:
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run._r.append(el)


def render_docx(src: Source, rtl: bool = False) -> bytes:
    """A Word file with a running header and footer and tables in the 'Table Grid' style."""
    d = docx.Document()
    stamp = dt.datetime.combine(src.date, dt.time(9, 0))
    props = d.core_properties
    props.author = props.last_modified_by = "SNHR"
    props.title, props.subject = src.meta["title"], "Syrian Network for Human Rights"
    props.created = props.modified = props.last_printed = stamp
    props.revision = 1
    section = d.sections[0]
    section.header.paragraphs[0].text = src.meta["header"]
    section.header.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    foot = section.footer.paragraphs[0]
    foot.text = f"{src.meta['footer']} - {src.meta.get('page-word', 'page')} "
    _page_field(foot)
    d.add_heading(src.meta["title"], 0)
    d.add_paragraph(src.meta["subtitle"], style="Subtitle")
    byline = d.add_paragraph()
    byline.add_run(src.meta["publisher"]).bold = True
    byline.add_run(" - " + src.meta["dateline"])
    for b in src.blocks:
        if b.kind == "h":
            d.add_heading(b.text, 1)
        elif b.kind == "ul":
            for item in b.items:
                d.add_paragraph(item, style="List Bullet")
        elif b.kind == "quote":
            d.add_paragraph(b.text, style="Quote")
        elif b.kind == "table":
            table = d.add_table(rows=0, cols=len(b.rows[0]), style="Table Grid")
            for i, row in enumerate(b.rows):
                cells = table.add_row().cells
                for cell, value in zip(cells, row):
                    cell.text = value
                    cell.paragraphs[0].runs[0].bold = i == 0 or row[0] in {"Total", "المجموع"}
            d.add_paragraph()
        else:
            p = d.add_paragraph()
            p.add_run(b.text).bold = is_addressee(b.text)
    if rtl:
        _right_to_left(d.styles.element, d.element.body, *(x._element for s in d.sections for x in (s.header, s.footer)))
    raw = io.BytesIO()
    d.save(raw)
    return _fixed_zip(raw.getvalue(), src.date)


def _right_to_left(*parts: Any) -> None:
    """Make every paragraph, run and table in ``parts`` right-to-left, in an Arabic font without letter spacing."""
    for part in parts:
        for spacing in [sp for rpr in part.iter(qn("w:rPr")) for sp in rpr.findall(qn("w:spacing"))]:
            spacing.getparent().remove(spacing)  # letter spacing (the Title style's) breaks Arabic joining
        for p in part.iter(qn("w:p")):  # w:bidi comes before these in a w:pPr
            p.get_or_add_pPr().insert_element_before(OxmlElement("w:bidi"), "w:spacing", "w:ind", "w:jc", "w:rPr", "w:sectPr")
        for r in part.iter(qn("w:r")):
            r.get_or_add_rPr().get_or_add_rFonts().set(qn("w:cs"), "Noto Naskh Arabic")
            r.get_or_add_rPr().get_or_add_rtl()
        for tbl in part.iter(qn("w:tblPr")):
            tbl.get_or_add_bidiVisual()


def render_pdf_ar(docx_bytes: bytes, date: dt.date) -> bytes:
    """An Arabic PDF converted from its RTL DOCX by LibreOffice, with a fixed creation date, ID and checksum."""
    if not shutil.which("soffice"):
        sys.exit("corpus/build.py: the Arabic PDFs need LibreOffice: apt-get install libreoffice-writer-nogui fonts-noto-core")
    with tempfile.TemporaryDirectory() as tmp:
        Path(tmp, "doc.docx").write_bytes(docx_bytes)
        subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to", "pdf", "--outdir",
                        tmp, f"{tmp}/doc.docx"], check=True, capture_output=True, timeout=180, env={**os.environ, "TZ": "UTC"})
        data = re.sub(rb"/CreationDate\(D:\d{14}Z'\)", date.strftime("/CreationDate(D:%Y%m%d090000Z')").encode(),
                      Path(tmp, "doc.pdf").read_bytes())
    return re.sub(rb"(?<=/ID \[ <)[0-9A-F]{32}|(?<=>\n<)[0-9A-F]{32}(?=> \])|(?<=/DocChecksum /)[0-9A-F]{32}", b"0" * 32, data)


def _fixed_zip(data: bytes, date: dt.date) -> bytes:
    """Rewrite a ZIP with every entry stamped with ``date``, so the bytes are stable."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            fixed = zipfile.ZipInfo(info.filename, (date.year, date.month, date.day, 9, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            zout.writestr(fixed, zin.read(info.filename))
    return out.getvalue()


STYLES = getSampleStyleSheet()
BODY = ParagraphStyle("body", parent=STYLES["BodyText"], fontName="Times-Roman", fontSize=11, leading=14.5, spaceAfter=6)
QUOTE = ParagraphStyle("quote", parent=BODY, fontName="Times-Italic", leftIndent=18, rightIndent=18)
H1 = ParagraphStyle("h1", parent=STYLES["Title"], fontName="Helvetica-Bold", fontSize=17, leading=21, alignment=0)
SUB = ParagraphStyle("sub", parent=BODY, fontName="Helvetica", fontSize=12, leading=15, textColor=colors.HexColor("#8a1c1c"))
H2 = ParagraphStyle("h2", parent=STYLES["Heading2"], fontName="Helvetica-Bold", fontSize=12.5, spaceBefore=8)
CELL = ParagraphStyle("cell", parent=BODY, fontSize=10, leading=12, spaceAfter=0)


def _flowables(src: Source, width: float) -> list[Flowable]:
    e = html.escape
    out: list[Flowable] = []
    for b in src.blocks:
        if b.kind == "h":
            out.append(Paragraph(e(b.text), H2))
        elif b.kind == "ul":
            items = [ListItem(Paragraph(e(i), BODY), leftIndent=14) for i in b.items]
            out.append(ListFlowable(items, bulletType="bullet", start="-", leftIndent=14))
        elif b.kind == "quote":
            out.append(Paragraph(e(b.text), QUOTE))
        elif b.kind == "table":
            data = [[Paragraph(f"<b>{e(c)}</b>" if i == 0 or row[0] == "Total" else e(c), CELL) for c in row]
                    for i, row in enumerate(b.rows)]
            first = width * 0.43
            rest = (width - first) / (len(b.rows[0]) - 1)
            table = Table(data, colWidths=[first] + [rest] * (len(b.rows[0]) - 1), repeatRows=1)
            table.setStyle(TableStyle([
                ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dddddd")),
                ("BACKGROUND", (0, -1), (-1, -1), colors.HexColor("#f0f0f0")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]))
            out += [table, Spacer(1, 8)]
        else:
            text = f"<b>{e(b.text)}</b>" if is_addressee(b.text) else e(b.text)
            out.append(Paragraph(text, BODY))
    return out


def _title_block(src: Source) -> list[Flowable]:
    byline = f"{html.escape(src.meta['publisher'])} - {html.escape(src.meta['dateline'])}"
    return [Paragraph(html.escape(src.meta["title"]), H1), Paragraph(html.escape(src.meta["subtitle"]), SUB),
            Paragraph(byline, ParagraphStyle("by", parent=BODY, fontName="Helvetica-Oblique", fontSize=10)), Spacer(1, 6)]


def render_pdf(src: Source, columns: bool = False) -> bytes:
    """A PDF with a running header, and a footer with 'Page n of N'; optionally two columns."""
    total = 0
    for _ in range(2):  # the first pass counts the pages for the footer
        buf = io.BytesIO()
        doc = BaseDocTemplate(buf, pagesize=A4, leftMargin=2.2 * cm, rightMargin=2.2 * cm, topMargin=2.4 * cm,
                              bottomMargin=2.2 * cm, title=src.meta["title"], author=src.meta["publisher"],
                              subject=src.meta["subtitle"], creator="SNHR", producer="SNHR", invariant=1)
        count = total

        def furniture(canvas: Canvas, doc: BaseDocTemplate, count: int = count) -> None:
            canvas.saveState()
            canvas.setFont("Helvetica", 8.5)
            w, h = A4
            canvas.drawString(2.2 * cm, h - 1.4 * cm, src.meta["header"])
            canvas.drawRightString(w - 2.2 * cm, h - 1.4 * cm, src.meta["dateline"])
            canvas.line(2.2 * cm, h - 1.55 * cm, w - 2.2 * cm, h - 1.55 * cm)
            canvas.drawString(2.2 * cm, 1.2 * cm, src.meta["footer"])
            canvas.drawRightString(w - 2.2 * cm, 1.2 * cm, f"Page {doc.page} of {count or '?'}")
            canvas.restoreState()

        x, y, w, h = doc.leftMargin, doc.bottomMargin, doc.width, doc.height
        story: list[Flowable] = []
        if columns:
            gap, title_h = 0.8 * cm, 5.2 * cm
            cw = (w - gap) / 2
            first = [Frame(x, y + h - title_h, w, title_h, id="title"),
                     Frame(x, y, cw, h - title_h, id="c1"), Frame(x + cw + gap, y, cw, h - title_h, id="c2")]
            later = [Frame(x, y, cw, h, id="l1"), Frame(x + cw + gap, y, cw, h, id="l2")]
            doc.addPageTemplates([PageTemplate("first", first, onPage=furniture),
                                  PageTemplate("later", later, onPage=furniture)])
            story += _title_block(src) + [NextPageTemplate("later"), FrameBreak()] + _flowables(src, cw)
        else:
            doc.addPageTemplates([PageTemplate("page", [Frame(x, y, w, h, id="body")], onPage=furniture)])
            story += _title_block(src) + _flowables(src, w)
        doc.build(story)
        total = doc.page
    return buf.getvalue()


def render(src: Source, stem: str, kind: str) -> bytes:
    """The bytes of one output file."""
    if kind == "txt":
        return render_txt(src)
    if kind in {"html", "html-ar"}:
        return render_html(src, stem, SRC_AR / "page.html" if kind == "html-ar" else PAGE)
    if kind in {"docx", "docx-ar", "pdf-ar"}:
        data = render_docx(src, rtl=kind != "docx")
        return render_pdf_ar(data, src.date) if kind == "pdf-ar" else data
    return render_pdf(src, columns=kind == "pdf-columns")


def _same(committed: bytes, built: bytes, kind: str) -> bool:
    """Is a committed file what its source builds? LibreOffice's PDFs embed whichever system fonts it finds for
    the Latin runs, so those are compared by the text of each page; every other file byte for byte."""
    if kind != "pdf-ar" or committed == built:
        return committed == built

    def pages(data: bytes) -> list[str]:
        document = pypdfium2.PdfDocument(data)
        return [document[i].get_textpage().get_text_range() for i in range(len(document))]

    return pages(committed) == pages(built)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the committed files instead of writing")
    args = parser.parse_args(argv)
    rl_config.invariant = 1
    stale: list[str] = []
    sources = [(SRC / f"{stem}.md", targets) for stem, targets in TARGETS.items()]  # an Arabic source names its format:
    sources += [(p, [(AR / f"{p.stem}.{f}", f"{f}-ar")]) for p in sorted(SRC_AR.glob("2*.md")) for f in [parse_source(p).meta["format"]]]
    for source, targets in sources:
        src, stem = parse_source(source), source.stem
        for path, kind in targets:
            data = render(src, stem, kind)
            if args.check:
                if not path.exists() or not _same(path.read_bytes(), data, kind):
                    stale.append(str(path.relative_to(ROOT.parent)))
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
    gold, copy = EN / f"{NW}.gold.json", FORMATS_DIR / "nw-syria.gold.json"
    if args.check:
        if not copy.exists() or copy.read_bytes() != gold.read_bytes():
            stale.append(str(copy.relative_to(ROOT.parent)))
    else:
        shutil.copyfile(gold, copy)
    for name in stale:
        print(f"out of date: {name}", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
