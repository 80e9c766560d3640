"""Renderers: byte-stable PDF, DOCX as text and XML (right to left in schema order), escaping, assets only."""

from __future__ import annotations

import datetime as dt
import io
import shutil
from pathlib import Path

import docx
import jinja2
import jinja2.nodes
import pdfplumber
import pytest
from docx.oxml.ns import qn
from gen_support import REPO, gold_document

from generator.blocks import BLOCK_TYPES, Composed, Labels, Org, Table, block_lines
from generator.compose import compose
from generator.draft import render
from generator.render_html import TEMPLATES_DIR, render_html
from generator.render_pdf import AssetFetcher
from tally.errors import InputError, SetupError
from tally.model import Document, Figure, Period, Quote

SOURCE = REPO / "corpus" / "en" / "2019-07-maarat-al-numan-market-massacre.gold.json"
MARKUP = 'They said <b>"never again"</b> & <script>alert(1)</script>'


@pytest.fixture(scope="module")
def document() -> Document:
    return gold_document(SOURCE).model_copy(update={"quotes": [Quote(speaker="A. Witness", role="Nurse", text=MARKUP)]})


def docx_lines(data: bytes) -> list[str]:
    """Every body paragraph and table row of a DOCX, in order (a row's cells joined by spaces)."""
    body = docx.Document(io.BytesIO(data)).element.body
    lines = []
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            lines.append("".join(t.text or "" for t in child.iter(qn("w:t"))))
        elif child.tag == qn("w:tbl"):
            for row in child.iter(qn("w:tr")):
                lines.append(" ".join("".join(t.text or "" for t in cell.iter(qn("w:t"))) for cell in row.iter(qn("w:tc"))))
    return [line for line in lines if line]


def test_pdf_rendered_twice_is_byte_identical(document: Document) -> None:
    composed = compose(document, "report", "en")
    moment = dt.datetime(2019, 7, 22, tzinfo=dt.timezone.utc)
    assert render(composed, "pdf", created=moment) == render(composed, "pdf", created=moment)


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("kind", ["press-release", "report"])
def test_docx_text_is_the_composed_text(document: Document, kind: str, lang: str) -> None:
    composed = compose(document, kind, lang)
    expected = [composed.org.name, composed.title, composed.subtitle, composed.dateline]
    expected += [line for block in composed.blocks for line in block_lines(block)]
    assert docx_lines(render(composed, "docx")) == expected


def test_arabic_docx_is_right_to_left_in_schema_order(document: Document) -> None:
    part = docx.Document(io.BytesIO(render(compose(document, "report", "ar"), "docx"))).element
    paragraphs = list(part.body.iter(qn("w:p")))
    assert paragraphs and all(p.find(f"{qn('w:pPr')}/{qn('w:bidi')}") is not None for p in paragraphs)
    assert not list(part.body.iter(qn("w:jc")))  # alignment falls to the start side
    runs = [r for r in part.body.iter(qn("w:r")) if r.find(qn("w:t")) is not None]
    for run in runs:
        props = run.find(qn("w:rPr"))
        assert props.find(qn("w:rtl")) is not None
        assert props.find(qn("w:rFonts")).get(qn("w:cs")) == "Amiri"
        tags = [child.tag for child in props]
        assert tags.index(qn("w:rFonts")) < tags.index(qn("w:rtl"))
        if qn("w:b") in tags:
            assert tags.index(qn("w:b")) < tags.index(qn("w:rtl"))
    for ppr in part.body.iter(qn("w:pPr")):
        tags = [child.tag for child in ppr]
        assert tags.index(qn("w:bidi")) == len([t for t in tags if t in (qn("w:pStyle"), qn("w:keepNext"), qn("w:numPr"))])
    tables = list(part.body.iter(qn("w:tbl")))
    assert tables and all(t.find(f"{qn('w:tblPr')}/{qn('w:bidiVisual')}") is not None for t in tables)
    for tblpr in part.body.iter(qn("w:tblPr")):
        tags = [child.tag for child in tblpr]
        assert tags.index(qn("w:tblStyle")) < tags.index(qn("w:bidiVisual")) < tags.index(qn("w:tblW"))


def test_quote_with_markup_renders_as_text(document: Document) -> None:
    composed = compose(document, "press-release", "en")
    html = render_html(composed)
    assert "<script>" not in html and "&lt;b&gt;" in html
    with pdfplumber.open(io.BytesIO(render(composed, "pdf"))) as pdf:
        text = " ".join(" ".join((page.extract_text() or "").split()) for page in pdf.pages)
    assert '<b>"never again"</b> & <script>alert(1)</script>' in text
    assert any(MARKUP in line for line in docx_lines(render(composed, "docx")))


@pytest.mark.parametrize("url", ["file:///etc/hostname", "http://example.org/x.css", "https://example.org/font.ttf",
                                 (TEMPLATES_DIR / ".." / "pyproject.toml").as_uri()])
def test_url_fetcher_refuses_anything_but_template_assets(url: str) -> None:
    with pytest.raises(ValueError):
        AssetFetcher(TEMPLATES_DIR).fetch(url)


def test_url_fetcher_serves_templates_fonts_and_data() -> None:
    fetcher = AssetFetcher(TEMPLATES_DIR)
    assert b"@page" in fetcher.fetch((TEMPLATES_DIR / "style.css").as_uri()).read()
    assert fetcher.fetch((TEMPLATES_DIR / "fonts" / "Amiri-Regular.ttf").as_uri()).read()[:4] == b"\x00\x01\x00\x00"
    assert fetcher.fetch("data:text/plain;base64,aGk=").read() == b"hi"


def _template_names(env: jinja2.Environment) -> tuple[set[str], set[str]]:
    """Every variable a template reads, and every attribute it reads from one."""
    names: set[str] = set()
    attributes: set[str] = set()
    for name in env.list_templates(extensions=["html"]):
        source = env.loader.get_source(env, name)[0]  # type: ignore[union-attr]
        tree = env.parse(source)
        names |= {node.name for node in tree.find_all(jinja2.nodes.Name) if node.ctx == "load"}
        attributes |= {node.attr for node in tree.find_all(jinja2.nodes.Getattr)}
    return names, attributes


def test_template_variables_match_the_composed_model() -> None:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES_DIR)))
    names, attributes = _template_names(env)
    fields = {f for kind in (*BLOCK_TYPES, Composed, Org, Labels) for f in kind.__dataclass_fields__}
    assert attributes - {"first"} <= fields  # loop.first is Jinja's own
    given = {"composed", "digits", "created", "logo_src", "chart_src", "block_kind", "loop", "render", "numerals"}
    loop_variables = {"block", "kind", "item", "row", "cell", "entry"}
    assert names <= given | loop_variables


def test_template_error_names_the_template(tmp_path: Path, document: Document) -> None:
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES_DIR, templates)
    page = templates / "press-release.html"
    page.write_text(page.read_text(encoding="utf-8").replace("composed.title", "composed.headline"), encoding="utf-8")
    with pytest.raises(SetupError, match=r"press-release\.html"):
        render(compose(document, "press-release", "en"), "html", templates=templates)


def test_templates_directory_without_base_is_refused(tmp_path: Path, document: Document) -> None:
    with pytest.raises(InputError, match="not a templates directory"):
        render(compose(document, "press-release", "en"), "pdf", templates=tmp_path)


def test_every_table_cell_is_a_string(document: Document) -> None:
    blocks = compose(document, "report", "en").blocks
    tables = [b for b in blocks if isinstance(b, Table)]
    assert tables and all(isinstance(cell, str) for t in tables for row in (t.header, *t.rows) for cell in row)


def test_html_is_self_contained(document: Document) -> None:
    html = render_html(compose(document.model_copy(update={"figures": [
        Figure(metric="killed", group="civilians", count=5, perpetrator="syrian_regime", period=Period()),
        Figure(metric="killed", group="civilians", count=7, perpetrator="russian_forces"),
    ]}), "report", "en"))
    assert "data:image/png;base64," in html and "file:" not in html and "http" not in html
