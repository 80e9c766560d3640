"""The composed document: blocks already worded in one language, which every renderer only lays out."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal


@dataclass(frozen=True)
class Heading:
    """A section title; ``anchor`` links it from the table of contents."""

    text: str
    level: int = 2
    anchor: str = ""


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of running text; ``role`` styles it (``body``, ``lead``, ``caption``, ``note``, ``about``)."""

    text: str
    role: str = "body"


@dataclass(frozen=True)
class BulletList:
    """Bulleted items, optionally under a label (a recommendation's addressee)."""

    items: tuple[str, ...]
    label: str = ""


@dataclass(frozen=True)
class QuoteBlock:
    """A statement and who made it."""

    text: str
    attribution: str


@dataclass(frozen=True)
class Table:
    """A grid: a header row, body rows whose first cell names the row, and an optional total row."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    total: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Chart:
    """A bar chart (or a timeline): labels and their values, already worded; drawn by each renderer."""

    title: str
    labels: tuple[str, ...]
    values: tuple[int, ...]
    kind: Literal["bars", "timeline"] = "bars"
    value_label: str = ""


@dataclass(frozen=True)
class Contents:
    """The table of contents: the headings it lists, by anchor."""

    title: str
    entries: tuple[Heading, ...]


@dataclass(frozen=True)
class PageBreak:
    """Start the next block on a new page."""


Block = Heading | Paragraph | BulletList | QuoteBlock | Table | Chart | Contents | PageBreak
BLOCK_TYPES: tuple[type, ...] = (Heading, Paragraph, BulletList, QuoteBlock, Table, Chart, Contents, PageBreak)


@dataclass(frozen=True)
class Org:
    """The publishing organisation as the documents name it, in the document's language."""

    name: str
    short_name: str
    about: str
    website: str = ""
    logo: bytes = b""
    logo_type: str = "image/svg+xml"


@dataclass(frozen=True)
class Labels:
    """Words the page furniture needs (running header, page numbers, cover)."""

    page: str
    of: str
    contents: str
    kind_name: str


@dataclass(frozen=True)
class Composed:
    """A press release or report, every sentence and number decided; renderers add only layout."""

    kind: Literal["press-release", "report"]
    lang: str
    direction: Literal["ltr", "rtl"]
    title: str
    subtitle: str
    dateline: str
    running_header: str
    org: Org
    labels: Labels
    blocks: tuple[Block, ...]
    warnings: tuple[str, ...] = field(default=())


def block_lines(block: Block) -> list[str]:
    """The text a block shows, one string per paragraph, item, row or entry."""
    if isinstance(block, Heading):
        return [block.text]
    if isinstance(block, Paragraph):
        return [block.text]
    if isinstance(block, BulletList):
        return ([block.label] if block.label else []) + list(block.items)
    if isinstance(block, QuoteBlock):
        return [block.text, block.attribution]
    if isinstance(block, Table):
        rows = [block.header, *block.rows, *([block.total] if block.total else [])]
        return [" ".join(row) for row in rows]
    if isinstance(block, Chart):
        return []  # drawn, not text
    if isinstance(block, Contents):
        return [block.title, *(entry.text for entry in block.entries)]
    return []


def composed_text(composed: Composed) -> str:
    """The composed document as plain text: title, subtitle, dateline, then each block's lines."""
    lines = [composed.title, composed.subtitle, composed.dateline]
    for block in composed.blocks:
        lines += block_lines(block)
    return "\n".join(line for line in lines if line) + "\n"
