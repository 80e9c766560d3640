"""PDF lines to blocks: paragraphs rebuilt from line geometry, headings, list items, tables, page marks."""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass, field

from extractor.readers.blocks import Block, hyphenated_words, join_line, table
from extractor.readers.pdf_layout import ARABIC, Item, Line, TableItem

HEADING_SCALE = 1.15  # a line this much larger than body text is a heading
INDENT = 0.8  # a first-line indent of this many ems starts a paragraph
PROSE_WIDTH = 0.5  # lines spanning this share of the column width are prose with their own margin
BULLET = re.compile(r"^[\u2022\u25aa\u25ab\u25cf\u25e6\u25a0\u25a1\u2023\u2043\u27a2\uf0b7\uf0a7\uf0d8\uf076*\u2013\u2014-](?:\s+|$)")
ENUMERATOR = re.compile(r"^(?:\(?\d{1,2}[.)]|\(?[a-z]\)|\([ivx]{1,4}\))\s")
SENTENCE_END = re.compile(r"[.!?:\u061f\u06d4][\"'\u201d\u2019)\]\u00bb]*$")


@dataclass
class LayoutStats:
    """What body text looks like in one document: font size, line gap, whether bold is rare."""

    body_size: float
    leading: float
    bold_rare: bool


@dataclass
class _Group:
    kind: str  # "paragraph", "heading", "item" or "table"
    lines: list[Line] = field(default_factory=list)
    table: TableItem | None = None


def layout_stats(pages: list[list[Item]]) -> LayoutStats:
    """Body font size (most characters), usual gap between body lines (lower quartile), bold usage."""
    lines = [item for items in pages for item in items if isinstance(item, Line)]
    sizes: Counter[float] = Counter()
    bold = 0
    for line in lines:
        sizes[line.size] += len(line.text)
        bold += len(line.text) if line.bold else 0
    body = sizes.most_common(1)[0][0] if sizes else 10.0
    gaps = [
        line.top - prev.bottom
        for items in pages
        for prev, line in zip(items, items[1:])
        if isinstance(prev, Line) and isinstance(line, Line) and prev.column == line.column
        and abs(prev.size - body) < 0.5 and 0 <= line.top - prev.bottom < 2 * body
    ]
    if len(gaps) >= 4:
        leading = statistics.quantiles(gaps, n=4)[0]  # most gaps are within paragraphs
    else:
        leading = min(gaps, default=0.3 * body)
    return LayoutStats(body_size=body, leading=leading, bold_rare=bold < 0.3 * max(1, sum(sizes.values())))


def is_heading(line: Line, stats: LayoutStats) -> bool:
    """Larger than body text, or all bold where bold is rare, and not a sentence."""
    if len(line.text) > 150 or SENTENCE_END.search(line.text) and not line.text.endswith(":"):
        return False
    return line.size >= stats.body_size * HEADING_SCALE or (line.bold and stats.bold_rare)


def is_list_item(line: Line) -> bool:
    return bool(BULLET.match(line.text) or ENUMERATOR.match(line.text))


def _rtl(line: Line) -> bool:
    return bool(ARABIC.search(line.text))


def _indent(line: Line) -> float:
    """How far the line starts from its column's start edge (the right edge for Arabic)."""
    return line.col_x1 - line.x1 if _rtl(line) else line.x0 - line.col_x0


def _block_edge(block: list[Line], line: Line) -> float:
    """Where the block's lines end (right edge; left edge for Arabic): the paragraph so far
    plus the next line on the same column, so an indented quotation has its own margin;
    the column's edge when those lines are short ones."""
    prev = block[-1]
    same = [other for other in block if other.page == prev.page and other.column == prev.column]
    if line.page == prev.page and line.column == prev.column and line.top >= prev.top:
        same.append(line)
    if len(same) < 2:
        return prev.col_x0 if _rtl(prev) else prev.col_x1
    left, right = min(other.x0 for other in same), max(other.x1 for other in same)
    if right - left < PROSE_WIDTH * (prev.col_x1 - prev.col_x0):
        return prev.col_x0 if _rtl(prev) else prev.col_x1  # short lines: a list, an address
    return left if _rtl(prev) else right


def _ended_early(block: list[Line], line: Line) -> bool:
    """True when the next line's first word would have fitted at the end of the block's last line."""
    prev = block[-1]
    edge = _block_edge(block, line)
    if _rtl(prev):
        room, first = prev.x0 - edge, line.words[-1]
    else:
        room, first = edge - prev.x1, line.words[0]
    return room > (first.x1 - first.x0) + 0.6 * prev.size


def starts_new_paragraph(block: list[Line], line: Line, stats: LayoutStats) -> bool:
    """Whether ``line`` begins a new paragraph rather than continuing the ``block`` of lines."""
    prev = block[-1]
    if is_list_item(line) or prev.leader or line.leader or is_heading(prev, stats) != is_heading(line, stats):
        return True
    if line.page != prev.page or line.column != prev.column or line.top < prev.top:
        return bool(SENTENCE_END.search(prev.text)) or _ended_early(block, line)  # next column or page
    if line.top - prev.bottom > stats.leading + 0.6 * stats.body_size:
        return True
    if abs(line.size - prev.size) > 0.15 * prev.size or (stats.bold_rare and line.bold != prev.bold):
        return True
    if _indent(line) - _indent(prev) > INDENT * line.size and not is_list_item(prev):
        return True
    return _ended_early(block, line)


def _continues_item(block: list[Line], line: Line, stats: LayoutStats) -> bool:
    """A list item's wrapped line: hanging under the item's text, no paragraph gap."""
    prev = block[-1]
    if is_list_item(line) or line.top - prev.bottom > stats.leading + 0.6 * stats.body_size:
        return False
    return not starts_new_paragraph(block, line, stats) or _indent(line) > _indent(prev) + 0.3 * line.size


def group_items(pages: list[list[Item]], stats: LayoutStats) -> list[_Group]:
    """Lines and tables in reading order gathered into paragraphs, headings, list items and tables."""
    groups: list[_Group] = []
    for item in (item for items in pages for item in items):
        current = groups[-1] if groups else None
        if isinstance(item, TableItem):
            groups.append(_Group("table", table=item))
        elif current is None or current.kind == "table":
            groups.append(_Group(_kind(item, stats), [item]))
        elif current.kind == "item" and _continues_item(current.lines, item, stats):
            current.lines.append(item)
        elif current.kind != "item" and not starts_new_paragraph(current.lines, item, stats):
            current.lines.append(item)
        else:
            groups.append(_Group(_kind(item, stats), [item]))
    return groups


def first_page_title(groups: list[_Group]) -> str | None:
    """The largest heading on the first page that has text, as one line."""
    first = next((group.lines[0].page for group in groups if group.lines), None)
    headings = [group for group in groups if group.kind == "heading" and group.lines[0].page == first]
    if not headings:
        return None
    biggest = max(headings, key=lambda group: group.lines[0].size)
    return " ".join(line.text for line in biggest.lines)


def _kind(line: Line, stats: LayoutStats) -> str:
    if is_list_item(line):
        return "item"
    return "heading" if is_heading(line, stats) else "paragraph"


def _line_text(line: Line, first_of_item: bool) -> str:
    return BULLET.sub("", line.text, count=1) if first_of_item else line.text


def _join(lines: list[Line], item: bool, keep: set[str], seen: set[int], marks: list[tuple[int, int]], base: int) -> str:
    """The lines' text joined (hyphenation undone), marking where each new page's text begins."""
    text = ""
    for i, line in enumerate(lines):
        piece = _line_text(line, item and i == 0).strip()
        text = join_line(text, piece, keep)
        if line.page not in seen and piece:
            seen.add(line.page)
            marks.append((base + len(text) - len(piece), line.page))
    return text


def blocks_from_groups(groups: list[_Group]) -> list[Block]:
    """Blocks for Text: paragraphs, one list block per run of items, tables; with page marks."""
    keep = hyphenated_words([line.text for group in groups for line in group.lines])
    seen: set[int] = set()
    blocks: list[Block] = []
    in_list = False
    for group in groups:
        if group.table is not None:
            block = table(group.table.rows)
            if group.table.page not in seen:
                seen.add(group.table.page)
                block.marks.append((0, group.table.page))
            blocks.append(block)
            in_list = False
            continue
        item = group.kind == "item"
        if item and in_list:
            last = blocks[-1]
            text = _join(group.lines, True, keep, seen, last.marks, len(last.text) + 1)
            last.text = f"{last.text}\n{text}" if text else last.text
            continue
        block = Block()
        block.text = _join(group.lines, item, keep, seen, block.marks, 0)
        blocks.append(block)
        in_list = item
    return blocks
