"""PDF page furniture: running headers and footers (repeated across pages) and page numbers."""

from __future__ import annotations

import functools
import re
from collections import Counter

from extractor.readers.blocks import squash
from extractor.readers.pdf_layout import Item, Line
from extractor.vocab import load_table

EDGE_ZONE = 0.15  # headers and footers sit in this top or bottom share of the page
EDGE_LINES = 2  # only this many lines from the top and from the bottom of a page
REPEAT_PAGES = 2  # an edge line repeated (digits aside) on this many pages is furniture
_DIGITS = re.compile(r"\d+")


@functools.lru_cache(maxsize=1)
def page_number_pattern() -> re.Pattern[str]:
    """Lines that are only a page number: '3', '- 3 -', 'iv', 'Page 3 of 12', '3/12'."""
    rows = load_table("page_furniture")
    page = "|".join(re.escape(row["word"]) for row in rows if row["kind"] == "page")
    of = "|".join([re.escape(row["word"]) for row in rows if row["kind"] == "of"] + ["/", r"\|"])
    number = r"(?:\d{1,3}|[ivxlcdm]{1,7})"
    return re.compile(
        rf"^(?:[-\u2013\u2014(\[]\s*)?{number}(?:\s*[-\u2013\u2014)\]])?$"
        rf"|^(?:(?:{page})\s*)?{number}\s*(?:{of})\s*\d{{1,4}}$"
        rf"|^(?:{page})\s*{number}$",
        re.IGNORECASE,
    )


def furniture_key(text: str) -> str:
    """A line's text with digits masked, so 'Report – page 3' matches 'Report – page 4'."""
    return _DIGITS.sub("#", squash(text).lower())


def _edge_lines(items: list[Item], height: float) -> list[Line]:
    """The first and last few lines of a page, if they lie near its top or bottom edge."""
    lines = sorted((item for item in items if isinstance(item, Line)), key=lambda line: line.top)
    top = [line for line in lines[:EDGE_LINES] if line.top < EDGE_ZONE * height]
    bottom = [line for line in lines[-EDGE_LINES:] if line.bottom > (1 - EDGE_ZONE) * height]
    return top + [line for line in bottom if line not in top]


def remove_furniture(pages: list[list[Item]], heights: list[float]) -> list[list[Item]]:
    """Pages without page numbers and without the header and footer lines several pages repeat."""
    edges = [_edge_lines(items, height) for items, height in zip(pages, heights)]
    counts = Counter(key for lines in edges for key in {furniture_key(line.text) for line in lines})
    pattern = page_number_pattern()
    out: list[list[Item]] = []
    for items, lines in zip(pages, edges):
        drop = {
            id(line)
            for line in lines
            if counts[furniture_key(line.text)] >= REPEAT_PAGES or pattern.match(squash(line.text))
        }
        out.append([item for item in items if id(item) not in drop])
    return out
