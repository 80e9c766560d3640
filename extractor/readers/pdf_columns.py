"""PDF reading order: two-column parts of a page read column by column, found by their gutter."""

from __future__ import annotations

import statistics
from collections.abc import Sequence

from extractor.readers.pdf_layout import FULL, LEFT, RIGHT, Item, Line, TableItem, Word, group_lines, is_right_to_left

GUTTER_ZONE = (0.25, 0.75)  # a column gutter lies in this part of the page width
GUTTER_MIN_WIDTH = 12.0  # points free of text between two columns
COLUMN_ROWS = 3  # a two-column part of a page has at least this many rows
COLUMN_FILL = 0.6  # whose text usually fills this share of each column's width
COLUMN_EDGE_SHARE = 0.5  # and more than this share of whose lines start (or end) at the gutter's edge
EDGE_TOLERANCE = 1.0  # points
LONG_RUN = 8  # so many rows sharing one gap are columns whatever their edges (no river runs so long)


def _free_spans(row: Line, low: float, high: float) -> list[tuple[float, float]]:
    """Stretches of ``[low, high]`` no word of the row covers, at least a gutter wide."""
    spans: list[tuple[float, float]] = []
    start = low
    for word in row.words:
        if word.x0 - start >= GUTTER_MIN_WIDTH and word.x0 > low:
            spans.append((start, min(word.x0, high)))
        start = max(start, word.x1)
    if high - start >= GUTTER_MIN_WIDTH:
        spans.append((start, high))
    return [(a, b) for a, b in spans if b - a >= GUTTER_MIN_WIDTH]


def _common(spans: list[tuple[float, float]], more: list[tuple[float, float]]) -> list[tuple[float, float]]:
    shared = [(max(a, c), min(b, d)) for a, b in spans for c, d in more]
    return [(a, b) for a, b in shared if b - a >= GUTTER_MIN_WIDTH]


def _straight_edge(values: list[float]) -> bool:
    """True when most of ``values``, and at least COLUMN_ROWS of them, lie within EDGE_TOLERANCE."""
    values = sorted(values)
    best, start = 0, 0
    for end, value in enumerate(values):
        while value - values[start] > EDGE_TOLERANCE:
            start += 1
        best = max(best, end - start + 1)
    return best >= COLUMN_ROWS and best > COLUMN_EDGE_SHARE * len(values)


def _is_prose_band(rows: list[Line], gutter: tuple[float, float], left_edge: float, right_edge: float) -> bool:
    """Text on both sides of the gutter, mostly filling each side, with a straight column edge
    along the gutter or over many rows: columns of prose (one may be much shorter), not a
    table of labels and numbers, nor wide word spaces that happen to line up in justified text."""
    if len(rows) < COLUMN_ROWS or not any(row.x0 < gutter[0] and row.x1 > gutter[1] for row in rows):
        return False
    left_ends = [max(w.x1 for w in row.words if w.x1 <= gutter[0]) for row in rows if row.x0 < gutter[0]]
    right_starts = [min(w.x0 for w in row.words if w.x0 >= gutter[1]) for row in rows if row.x1 > gutter[1]]
    left = [end - row.x0 for end, row in zip(left_ends, [row for row in rows if row.x0 < gutter[0]])]
    right = [row.x1 - start for start, row in zip(right_starts, [row for row in rows if row.x1 > gutter[1]])]
    return (
        statistics.median(left) >= COLUMN_FILL * (gutter[0] - left_edge)
        and statistics.median(right) >= COLUMN_FILL * (right_edge - gutter[1])
        and (len(rows) >= LONG_RUN or _straight_edge(left_ends) or _straight_edge(right_starts))
    )


def _detached_tail(rows: list[Line], gutter: tuple[float, float]) -> list[Line]:
    """Rows at the end of a two-column run with nothing right of the gutter, set apart by a
    wider gap than the run's rows: text under the columns, not the end of the left one."""
    tail = 0
    while tail < len(rows) - 1 and rows[len(rows) - 1 - tail].x1 <= gutter[0]:
        tail += 1
    if not tail:
        return []
    start = len(rows) - tail
    gaps = [b.top - a.bottom for a, b in zip(rows[:start], rows[1:start])]
    usual = statistics.median(gaps) if gaps else 0.0
    return rows[start:] if rows[start].top - rows[start - 1].bottom > 1.5 * usual + 2 else []


def column_bands(entries: list[Item], width: float) -> list[tuple[list[Item], tuple[float, float] | None]]:
    """Rows and tables (top to bottom) grouped into bands: two-column runs of rows with their
    gutter, and single rows or tables read as they come. A table always ends a run."""
    rows = [entry for entry in entries if isinstance(entry, Line)]
    if not rows:
        return [([entry], None) for entry in entries]
    low, high = width * GUTTER_ZONE[0], width * GUTTER_ZONE[1]
    left_edge = min(row.x0 for row in rows)
    right_edge = max(row.x1 for row in rows)
    bands: list[tuple[list[Item], tuple[float, float] | None]] = []
    run: list[Line] = []
    shared: list[tuple[float, float]] = []

    def close() -> None:
        gutter = max(shared, key=lambda span: span[1] - span[0]) if shared else None
        if gutter is not None and _is_prose_band(run, gutter, left_edge, right_edge):
            tail = _detached_tail(run, gutter)
            bands.append((list[Item](run[: len(run) - len(tail)]), gutter))
            bands.extend(([row], None) for row in tail)
        else:
            bands.extend(([row], None) for row in run)
        run.clear()

    for entry in entries:
        spans = _free_spans(entry, low, high) if isinstance(entry, Line) else []
        narrowed = _common(shared, spans) if run else spans
        if run and not narrowed:
            close()
            narrowed = spans
        if narrowed and isinstance(entry, Line):
            run.append(entry)
            shared = narrowed
        else:
            bands.append(([entry], None))
    if run:
        close()
    return bands


def set_column_bounds(items: list[Item]) -> None:
    """Give each line of a page the left and right edges of its column's text."""
    lines = [item for item in items if isinstance(item, Line)]
    for column in (FULL, LEFT, RIGHT):
        same = [line for line in lines if line.column == column]
        if same:
            x0, x1 = min(line.x0 for line in same), max(line.x1 for line in same)
            for line in same:
                line.col_x0, line.col_x1 = x0, x1


def order_page(words: Sequence[Word], tables: list[TableItem], page: int, width: float) -> list[Item]:
    """A page's lines and tables in reading order: top to bottom, two-column parts column by
    column (the right column first in Arabic)."""
    entries: list[Item] = sorted([*group_lines(words, page), *tables], key=lambda entry: entry.top)
    ordered: list[Item] = []
    for band, gutter in column_bands(entries, width):
        if gutter is None:
            ordered.extend(band)
            continue
        band_words = [word for row in band if isinstance(row, Line) for word in row.words]
        left = group_lines([w for w in band_words if w.x1 <= gutter[0]], page, LEFT)
        right = group_lines([w for w in band_words if w.x0 >= gutter[1]], page, RIGHT)
        ordered.extend([*right, *left] if is_right_to_left(band_words) else [*left, *right])
    return ordered
