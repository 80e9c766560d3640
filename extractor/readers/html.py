"""HTML to Text: the article's own text (headings, paragraphs, lists, quotes, tables), no page chrome."""

from __future__ import annotations

import codecs
import logging
import re

import lxml.etree
import lxml.html
from lxml.html import HtmlElement

from extractor.readers.blocks import Block, assemble, check_size, item_lines, paragraph, require_text, squash, table
from extractor.readers.html_clean import main_content
from extractor.readers.html_meta import find_published, find_title
from extractor.readers.text import text_blocks
from extractor.text import Text
from tally.errors import InputError

log = logging.getLogger(__name__)

MAX_HTML_BYTES = 20 * 2**20
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_WEB_ALIASES = {"ascii": "cp1252", "iso8859-1": "cp1252"}  # as browsers read them
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
INLINE_TAGS = frozenset(
    "a abbr b bdi bdo big cite code data del dfn em font i img ins kbd mark nobr q s samp small span "
    "strike strong sub sup time tt u var wbr".split()
)
_LISTS = ("ul", "ol")
PROSE_CELL_WORDS = 50  # a table cell this long holds page layout, not data


def decode_html(data: bytes, name: str, warnings: list[str]) -> str:
    """The page's text, decoded by its BOM, else its declared charset, else UTF-8."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    declared = _META_CHARSET.search(data[:4096])
    encoding = "utf-8"
    if declared:
        try:
            encoding = codecs.lookup(declared.group(1).decode("ascii")).name
            encoding = _WEB_ALIASES.get(encoding, encoding)
        except LookupError:
            message = f"{name}: unknown charset {declared.group(1).decode('ascii', 'replace')!r}; read as UTF-8"
            log.warning(message)
            warnings.append(message)
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        message = f"{name}: text is not valid {encoding}; unreadable bytes were replaced"
        log.warning(message)
        warnings.append(message)
        return data.decode(encoding, errors="replace")


def parse_html(source: str, name: str) -> HtmlElement:
    """The document tree, parsed without network access, comments or processing instructions."""
    parser = lxml.html.HTMLParser(
        encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True, huge_tree=False
    )
    body = _XML_DECLARATION.sub("", source, count=1)
    try:
        root = lxml.html.document_fromstring(body.encode("utf-8"), parser=parser)
    except (lxml.etree.ParserError, lxml.etree.XMLSyntaxError, ValueError) as err:
        raise InputError(f"{name}: not a readable HTML page ({squash(str(err))})") from None
    if not isinstance(root, HtmlElement):
        raise InputError(f"{name}: not a readable HTML page")
    return root


def _tag(element: object) -> str:
    tag = getattr(element, "tag", None)
    return tag.lower() if isinstance(tag, str) else ""


def _is_inline(element: HtmlElement) -> bool:
    return _tag(element) in INLINE_TAGS and not any(_tag(d) not in INLINE_TAGS and _tag(d) != "br" for d in element.iterdescendants())


def _list_items(element: HtmlElement) -> list[str]:
    """One line per list item, nested lists' items following their parent's."""
    items: list[str] = []
    for child in element:
        if _tag(child) != "li":
            continue
        nested = [grand for grand in child if _tag(grand) in _LISTS]
        own = [child.text or ""]
        own.extend(("" if grand in nested else grand.text_content()) + (grand.tail or "") for grand in child)
        items.append("".join(own))
        for sub in nested:
            items.extend(_list_items(sub))
    return [squash(item) for item in items if squash(item)]


def _direct_rows(element: HtmlElement) -> list[HtmlElement]:
    return list(element.xpath("./tr | ./thead/tr | ./tbody/tr | ./tfoot/tr"))


def _table_blocks(element: HtmlElement, blocks: list[Block]) -> None:
    """A data table as a table; a layout table (nested tables, one row or column, a cell of
    prose) as its cells' blocks."""
    rows = [[cell for cell in row if _tag(cell) in ("td", "th")] for row in _direct_rows(element)]
    for caption in element.xpath("./caption"):
        blocks.append(paragraph(caption.text_content()))
    layout = (
        element.xpath(".//table")
        or len(rows) < 2
        or max((len(row) for row in rows), default=0) < 2
        or any(len(cell.text_content().split()) > PROSE_CELL_WORDS for row in rows for cell in row)
    )
    if layout:
        for row in rows:
            for cell in row:
                collect_blocks(cell, blocks)
        return
    blocks.append(table([[cell.text_content() for cell in row] for row in rows]))


def separate_blocks(element: HtmlElement) -> None:
    """Put a space after every non-inline element, so text taken whole from a cell or a list
    item never glues two paragraphs or a line break's two sides together."""
    for child in element.iterdescendants():
        if _tag(child) not in INLINE_TAGS:
            child.tail = " " + (child.tail or "")


def collect_blocks(element: HtmlElement, blocks: list[Block]) -> None:
    """Append the blocks of ``element``: inline runs become paragraphs, ``<br>`` splits them."""
    run: list[str] = [element.text or ""]

    def flush() -> None:
        text = squash("".join(run))
        run.clear()
        if text:
            blocks.append(paragraph(text))

    for child in element:
        tag = _tag(child)
        if tag == "br":
            flush()
        elif tag in INLINE_TAGS and _is_inline(child):
            run.append(child.text_content())
        elif tag in _LISTS:
            flush()
            blocks.append(item_lines(_list_items(child)))
        elif tag == "table":
            flush()
            _table_blocks(child, blocks)
        elif tag == "pre":
            flush()
            blocks.extend(text_blocks(child.text_content(), markdown=False))
        elif tag:
            flush()
            collect_blocks(child, blocks)
        run.append(child.tail or "")
    flush()


def read_html(data: bytes, name: str = "<html>") -> Text:
    """An HTML page as Text: its main article only, with title and publication date hints."""
    check_size(data, name, MAX_HTML_BYTES)
    warnings: list[str] = []
    root = parse_html(decode_html(data, name, warnings), name)
    title = find_title(root)
    published = find_published(root)
    content = main_content(root)
    separate_blocks(content)
    blocks: list[Block] = []
    collect_blocks(content, blocks)
    return require_text(assemble(blocks, "html", title=title, published=published, warnings=warnings), name)
