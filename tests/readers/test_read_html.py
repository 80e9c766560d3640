"""read_html: the article's own text, page chrome dropped, metadata hints, charsets, hostile pages."""

from __future__ import annotations

import codecs

import pytest

from extractor.readers import read_html
from extractor.readers.html import MAX_HTML_BYTES
from tally.errors import InputError

LEAD = "The team documented the deaths of 120 civilians in November, among them 30 children."
SECOND = "Most of the attacks hit markets and bakeries in the eastern countryside."
QUOTE = "A witness said the shelling lasted for three hours."
ITEMS = ["Eastern district: 40", "Western district: 50", "Northern villages: 30"]
ROWS = [["Party", "Killed"], ["First party", "80"], ["Second party", "40"]]
CHROME = {
    "menu": '<nav><ul><li><a href="/">Home</a></li><li><a href="/about">About us</a></li></ul></nav>',
    "page header": '<header class="site-header"><a href="/">Monitor network</a><p>Tagline of the site</p></header>',
    "cookie banner": '<div id="cookie-consent">This site uses cookies to work. Accept or decline.</div>',
    "share bar": '<div class="post-share"><span>Share this:</span> <a href="#">Facebook</a> <a href="#">Email</a></div>',
    "related posts": '<div class="relatedPosts"><h3>Related posts</h3><p>Another story teaser long enough to count.</p></div>',
    "comments": '<section id="comments"><h3>2 comments</h3><p>Thanks for this careful work on the numbers.</p></section>',
    "sidebar": '<aside><h3>Archives</h3><p>Browse older issues of the bulletin here.</p></aside>',
    "footer": "<footer><p>Copyright the monitor network, all rights reserved.</p></footer>",
    "script": "<script>var hidden = 'script words';</script><style>p { color: red }</style>",
    "link list": '<div><a href="/a">First other report</a> <a href="/b">Second other report</a></div>',
    "full-report trailer": '<p><a href="/report.pdf">Download the full report</a></p>',
    "view trailer": '<p><strong><a href="/r">View full report</a></strong></p>',
}
CHROME_WORDS = {
    "menu": "About us",
    "page header": "Tagline",
    "cookie banner": "cookies",
    "share bar": "Facebook",
    "related posts": "teaser",
    "comments": "Thanks for this",
    "sidebar": "Archives",
    "footer": "Copyright",
    "script": "script words",
    "link list": "other report",
    "full-report trailer": "full report",
    "view trailer": "full report",
}


def page(article: str, *, head: str = "", chrome: str = "") -> bytes:
    return f"<!DOCTYPE html><html><head><meta charset='utf-8'>{head}</head><body>{chrome}{article}</body></html>".encode()


def article_html(extra: str = "") -> str:
    items = "".join(f"<li>{item}</li>" for item in ITEMS)
    cells = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in ROWS)
    return (
        f"<main><article><h1>November toll</h1>{extra}<p>{LEAD}</p><p>{SECOND} <a href='/more'>Read more</a></p>"
        f"<h2>By district</h2><ul>{items}</ul><blockquote><p>{QUOTE}</p></blockquote>"
        f"<table>{cells}</table></article></main>"
    )


def test_article_structure_is_kept() -> None:
    text = read_html(page(article_html()), "a.html")
    table = "\n".join("\t".join(row) for row in ROWS)
    assert text.text.split("\n\n") == ["November toll", LEAD, SECOND, "By district", "\n".join(ITEMS), QUOTE, table]
    assert [t.rows for t in text.tables] == [ROWS]
    assert text.text[text.tables[0].start : text.tables[0].end] == table


@pytest.mark.parametrize("kind", sorted(CHROME))
def test_page_chrome_is_dropped(kind: str) -> None:
    assert CHROME_WORDS[kind] in CHROME[kind]
    inside = kind in ("share bar", "related posts", "comments", "full-report trailer", "view trailer", "link list")
    html = page(article_html(CHROME[kind]) if inside else article_html(), chrome="" if inside else CHROME[kind])
    text = read_html(html, "a.html").text
    assert CHROME_WORDS[kind] not in text
    assert LEAD in text and SECOND in text


def test_page_without_article_element_keeps_the_prose_block() -> None:
    body = (
        f"<div id='menu'><a href='/'>Home</a> <a href='/x'>Reports</a></div>"
        f"<div class='content'><h1>Report</h1><p>{LEAD}</p><p>{SECOND}</p></div>"
        "<div class='widget'><p>Subscribe to our letters, it is free.</p></div>"
    )
    text = read_html(page(body), "a.html").text
    assert text.split("\n\n") == ["Report", LEAD, SECOND]


def test_link_inside_a_sentence_is_kept_with_its_markup() -> None:
    html = "<article><p>According to <strong><a href='/n'>the network</a></strong>, 12 were killed.</p></article>"
    assert read_html(page(html), "a.html").text == "According to the network, 12 were killed."


def test_page_without_article_element_keeps_every_section_of_the_prose() -> None:
    sections = "".join(f"<div class='block'><section><p>{LEAD}</p><p>{SECOND}</p></section></div>" for _ in range(4))
    body = f"<div id='sidebar-links'><p>{QUOTE}</p></div><div class='content'>{sections}</div>"
    assert read_html(page(body), "a.html").text.split("\n\n") == [LEAD, SECOND] * 4


def test_breaks_and_paragraphs_inside_cells_and_items_keep_words_apart() -> None:
    html = (
        "<article><p>Counts:</p><ul><li><b>Eastern<br>district</b>: 40</li><li><p>Western</p><p>district</p></li></ul>"
        "<table><tr><td><p>Party</p><p>name</p></td><td>Killed</td></tr><tr><td>First<br>party</td><td>80</td></tr></table></article>"
    )
    text = read_html(page(html), "a.html")
    assert text.text.split("\n\n")[1] == "Eastern district: 40\nWestern district"
    assert text.tables[0].rows == [["Party name", "Killed"], ["First party", "80"]]


@pytest.mark.parametrize(
    "layout",
    [
        f"<table><tr><td><p>{LEAD}</p><p>{SECOND}</p></td><td><p>{QUOTE}</p></td></tr></table>",
        f"<table><tr><td><p>{LEAD} {SECOND} {LEAD} {SECOND}</p></td><td>x</td></tr><tr><td>{SECOND}</td><td>y</td></tr></table>",
        f"<table><tr><td><table><tr><td>{LEAD}</td><td>{SECOND}</td></tr></table></td></tr></table>",
    ],
    ids=["one-row", "prose-cell", "nested"],
)
def test_layout_tables_are_read_as_paragraphs(layout: str) -> None:
    text = read_html(page(f"<article>{layout}</article>"), "a.html")
    assert text.tables == [] and LEAD in text.text.split("\n\n")[0]


def test_line_breaks_split_paragraphs() -> None:
    text = read_html(page(f"<article><p>{LEAD}<br><br>{SECOND}</p></article>"), "a.html").text
    assert text.split("\n\n") == [LEAD, SECOND]


@pytest.mark.parametrize(
    ("head", "article", "expected"),
    [
        ("<meta property='og:title' content='Open Graph title'><title>Tab title</title>", "<h1>Heading</h1>", "Open Graph title"),
        ("<title>Tab title</title>", "<h1>Heading title</h1>", "Heading title"),
        ("<title>Tab title</title></head><body><h1>Site name</h1>", "<h1>Article title</h1>", "Article title"),
        ("<title>Tab title</title>", "", "Tab title"),
    ],
)
def test_title_hint(head: str, article: str, expected: str) -> None:
    assert read_html(page(f"<article>{article}<p>{LEAD}</p></article>", head=head), "a.html").title == expected


@pytest.mark.parametrize(
    ("head", "article", "expected"),
    [
        ("<meta property='article:published_time' content='2019-12-01T09:00:00+00:00'>", "", "2019-12-01"),
        ("", "<time datetime='2021-03-15'>15 March</time>", "2021-03-15"),
        ('<script type="application/ld+json">{"datePublished": "2018-07-04T10:00"}</script>', "", "2018-07-04"),
        ("<meta name='date' content='not a date'>", "", None),
    ],
)
def test_published_hint(head: str, article: str, expected: str | None) -> None:
    assert read_html(page(f"<article>{article}<p>{LEAD}</p></article>", head=head), "a.html").published == expected


@pytest.mark.parametrize("encoding", ["windows-1256", "iso-8859-6"])
def test_charset_declared_in_meta_is_used(encoding: str) -> None:
    words = "قتل مدنيون في القصف"
    html = f"<html><head><meta http-equiv='Content-Type' content='text/html; charset={encoding}'></head><body><p>{words}</p></body></html>"
    text = read_html(html.encode(encoding), "a.html")
    assert text.text == words and text.warnings == []


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_charset_from_byte_order_mark(encoding: str) -> None:
    html = f"<html><body><p>{LEAD} — café</p></body></html>"
    data = html.encode(encoding)
    assert data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    assert read_html(data, "a.html").text == f"{LEAD} — café"


def test_bytes_invalid_for_the_charset_are_replaced_with_a_warning() -> None:
    text = read_html(b"<html><body><p>caf\xe9 and more words</p></body></html>", "bad.html")
    assert "\ufffd" in text.text
    assert len(text.warnings) == 1 and text.warnings[0].startswith("bad.html: ")


def test_entities_declared_in_a_doctype_are_not_resolved() -> None:
    html = b'<!DOCTYPE html [<!ENTITY secret SYSTEM "file:///etc/passwd">]><html><body><p>before &secret; after</p></body></html>'
    text = read_html(html, "a.html").text
    assert "root:" not in text and "before" in text


def test_huge_page_is_refused() -> None:
    data = b"<p>" + b"a" * MAX_HTML_BYTES + b"</p>"
    with pytest.raises(InputError, match=r"^big\.html: the file is too large"):
        read_html(data, "big.html")


@pytest.mark.parametrize("data", [b"", b"<html><body><nav><a href='/'>Home</a></nav></body></html>"])
def test_page_without_article_text_is_refused(data: bytes) -> None:
    with pytest.raises(InputError, match=r"^e\.html: "):
        read_html(data, "e.html")
