"""Title and publication date hints from an HTML page's metadata."""

from __future__ import annotations

import datetime as dt
import re

from lxml.html import HtmlElement

from extractor.readers.blocks import squash

# Metadata conventions (Open Graph, schema.org, Dublin Core, common CMS tags), best first.
TITLE_PATHS = (
    "//meta[@property='og:title']/@content",
    "//meta[@name='twitter:title']/@content",
    "//article//h1",
    "//main//h1",
    "//h1",
    "//title",
)
PUBLISHED_META = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "citation_publication_date",
    "dc.date.issued",
    "dcterms.issued",
    "publication_date",
    "publishdate",
    "publish-date",
    "pubdate",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date",
    "date",
)
_JSON_LD_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')
_ISO_DATE = re.compile(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})")


def iso_date(value: str) -> str | None:
    """``YYYY-MM-DD`` for a value that starts with a year-month-day date, else ``None``."""
    match = _ISO_DATE.match(value.strip())
    if not match:
        return None
    try:
        return dt.date(*(int(part) for part in match.groups())).isoformat()
    except ValueError:
        return None


def _values(root: HtmlElement, path: str) -> list[str]:
    found = root.xpath(path)
    return [squash(item.text_content() if isinstance(item, HtmlElement) else str(item)) for item in found]


def find_title(root: HtmlElement) -> str | None:
    """The page's title: Open Graph or Twitter title, else the article's (or page's) first ``<h1>``, else ``<title>``."""
    for path in TITLE_PATHS:
        for value in _values(root, path):
            if value:
                return value
    return None


def find_published(root: HtmlElement) -> str | None:
    """The publication date (ISO) from metadata, JSON-LD, or the article's first ``<time datetime>``."""
    dated: list[tuple[int, str]] = []
    for meta in root.xpath("//meta[@content]"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in PUBLISHED_META and (found := iso_date(meta.get("content", ""))):
            dated.append((PUBLISHED_META.index(key), found))
    if dated:
        return min(dated)[1]
    for value in _values(root, "//*[@itemprop='datePublished']/@datetime"):
        if found := iso_date(value):
            return found
    for script in root.xpath("//script[@type='application/ld+json']"):
        for value in _JSON_LD_PUBLISHED.findall(script.text_content()):
            if found := iso_date(value):
                return found
    for path in ("//article//time/@datetime", "//main//time/@datetime", "//time/@datetime"):
        for value in _values(root, path):
            if found := iso_date(value):
                return found
    return None
