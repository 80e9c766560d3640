"""Arabic output: the PDF is shaped with the embedded Amiri font and reads back as the composed text;
the DOCX, converted by LibreOffice, does too."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pdfplumber
import pypdfium2
import pytest
from pdfminer.pdftypes import resolve1
from gen_support import REPO, gold_document
from pdf_text import composed_prose_and_tables, pdf_prose_and_tables, squeezed

from generator.blocks import Composed
from generator.compose import compose
from generator.draft import render
from tally.model import Quote, Recommendation

SOURCE = REPO / "corpus" / "en" / "2020-01-idlib-escalation-16-days.gold.json"


@pytest.fixture(scope="module")
def composed() -> Composed:
    document = gold_document(SOURCE).model_copy(update={
        "regions": ["إدلب"],
        "quotes": [Quote(speaker="فضل عبد الغني", role="مدير الشبكة", text="لم يُحاسَب أحد على أي من هذه الهجمات.")],
        "recommendations": [Recommendation(addressee="مجلس الأمن الدولي", text="إيقاف القصف على شمال غرب سوريا.")],
    })
    return compose(document, "press-release", "ar")


@pytest.fixture(scope="module")
def arabic_pdf(composed: Composed) -> bytes:
    return render(composed, "pdf")


def furniture(composed: Composed) -> set[str]:
    """The running header and every "page n of m" line a short document can have."""
    pages = {squeezed(f"{composed.labels.page} {i} {composed.labels.of} {n}") for n in range(1, 9) for i in range(1, n + 1)}
    return {squeezed(composed.running_header), *pages}


def test_first_page_renders_to_an_image(arabic_pdf: bytes, tmp_path: Path) -> None:
    document = pypdfium2.PdfDocument(arabic_pdf)
    image = document[0].render(scale=1).to_pil()
    image.save(tmp_path / "page1.png")
    assert (tmp_path / "page1.png").stat().st_size > 10_000
    dark = sum(image.convert("L").histogram()[:128])
    assert dark > 5_000  # text was drawn, not an empty page
    document.close()


def embedded_fonts(pdf: bytes) -> set[str]:
    """The base names of the fonts whose program is embedded in the PDF (a FontFile in their descriptor)."""
    names: set[str] = set()
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        for page in document.pages:
            for ref in resolve1(page.page_obj.resources.get("Font", {})).values():
                font = resolve1(ref)
                for descendant in resolve1(font.get("DescendantFonts", [])) or [font]:
                    descriptor = resolve1(resolve1(descendant).get("FontDescriptor", {}))
                    if any(key in descriptor for key in ("FontFile", "FontFile2", "FontFile3")):
                        names.add(str(resolve1(descendant).get("BaseFont")))
    return names


def test_amiri_is_embedded_and_sets_the_arabic(arabic_pdf: bytes) -> None:
    assert any("Amiri" in name for name in embedded_fonts(arabic_pdf))
    with pdfplumber.open(io.BytesIO(arabic_pdf)) as document:
        fonts = {char["fontname"] for page in document.pages for char in page.chars if "\u0600" <= char["text"] <= "\u06ff"}
    assert fonts and all("Amiri" in font for font in fonts)


def test_pdf_text_through_bidi_is_the_composed_text(arabic_pdf: bytes, composed: Composed) -> None:
    got = pdf_prose_and_tables(arabic_pdf, furniture(composed))
    want = composed_prose_and_tables(composed, [composed.org.name, composed.labels.kind_name])
    assert got == want


def test_arabic_indic_pdf_page_numbers(composed: Composed) -> None:
    pdf = render(compose(gold_document(SOURCE), "press-release", "ar", digits="arab"), "pdf", digits="arab")
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        text = document.pages[0].extract_text() or ""
    assert "١" in text and "138" not in text


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is installed by scripts/test.sh")
def test_docx_converted_by_libreoffice_reads_as_the_composed_text(composed: Composed, tmp_path: Path) -> None:
    docx = tmp_path / "release.docx"
    docx.write_bytes(render(composed, "docx"))
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(docx)],
        check=True, capture_output=True, timeout=300,
    )
    got = pdf_prose_and_tables((tmp_path / "release.pdf").read_bytes(), furniture(composed))
    assert got == composed_prose_and_tables(composed, [composed.org.name])
