"""PDF page layout: words to lines in reading order, two-column pages read column by column."""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from bidi.algorithm import get_display

GUTTER_ZONE = (0.25, 0.75)  # a column gutter lies in this part of the page width
GUTTER_MIN_WIDTH = 12.0  # points free of text between two columns
COLUMN_ROWS = 3  # a two-column part of a page has at least this many rows
COLUMN_FILL = 0.6  # whose text usually fills this share of each column's width
BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)
ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc]")
CID = re.compile(r"\(cid:\d+\)")  # a glyph pdfminer could not map to a character
NOTE_SIZE = 0.8  # a raised number this much smaller than the line's text is a footnote mark
LEADER = re.compile(r"(?:\s*[.\u2026]){4,}\s*[\divxlc]*\s*$")  # '. . . . 12' closing a contents line
FULL, LEFT, RIGHT = 0, 1, 2  # the column a line belongs to


@dataclass
class Word:
    """One word of a page with its box (points, top-down) and font."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool


@dataclass
class Line:
    """One line of text in one column of one page."""

    words: list[Word]
    page: int
    column: int = FULL
    text: str = ""
    leader: bool = False  # a contents line whose dot leader and page number were dropped
    col_x0: float = 0.0
    col_x1: float = 0.0

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return self.words[-1].x1

    @property
    def top(self) -> float:
        return min(word.top for word in self.words)

    @property
    def bottom(self) -> float:
        return max(word.bottom for word in self.words)

    @property
    def size(self) -> float:
        return statistics.median(word.size for word in self.words)

    @property
    def bold(self) -> bool:
        return all(word.bold for word in self.words)


@dataclass
class TableItem:
    """A table found on a page: its box and rows."""

    page: int
    x0: float
    x1: float
    top: float
    bottom: float
    rows: list[list[str]] = field(default_factory=list)
    column: int = FULL


Item = Line | TableItem


def reorder_arabic_line(text: str) -> str:
    """A line read left to right off the page, in logical order when it holds Arabic letters."""
    return get_display(text) if ARABIC.search(text) else text


def is_right_to_left(words: Sequence[Word]) -> bool:
    """True when most of the words' letters are Arabic."""
    arabic = sum(len(ARABIC.findall(word.text)) for word in words)
    return arabic > sum(sum(ch.isalpha() for ch in word.text) for word in words) / 2


def word_text(raw: str) -> str:
    """A word's text without unmapped glyph codes (a word of only such codes becomes empty)."""
    return CID.sub("", raw)


def line_text(words: list[Word]) -> str:
    """A line's text: an unmapped glyph opening it is a bullet, elsewhere it is dropped."""
    parts = [word.text or ("\u2022" if i == 0 else "") for i, word in enumerate(words)]
    return reorder_arabic_line(" ".join(part for part in parts if part))


def without_note_marks(words: list[Word]) -> list[Word]:
    """A line's words without footnote marks: small raised numbers (``civilians³``)."""
    if len(words) < 2:
        return words
    size = max(word.size for word in words)
    baseline = statistics.median(word.bottom for word in words if word.size == size)
    return [
        word
        for word in words
        if not (word.text.isdigit() and word.size <= NOTE_SIZE * size and word.bottom < baseline - 0.2 * size)
    ]


def without_leader(words: list[Word]) -> list[Word]:
    """A contents line's words without its dot leader and the page number after it."""
    text = " ".join(word.text for word in words)
    leader = LEADER.search(text)
    if leader is None or leader.start() == 0:
        return words
    cut = leader.start()
    kept: list[Word] = []
    start = 0
    for word in words:
        if start >= cut:
            break
        end = start + len(word.text)
        kept.append(word if end <= cut else replace(word, text=word.text[: cut - start]))
        start = end + 1
    return kept


def word_from_pdfplumber(raw: dict[str, object]) -> Word:
    """A Word from one of pdfplumber's ``extract_words`` dicts (with size and fontname)."""
    return Word(
        text=word_text(str(raw["text"])),
        x0=float(raw["x0"]),  # type: ignore[arg-type]
        x1=float(raw["x1"]),  # type: ignore[arg-type]
        top=float(raw["top"]),  # type: ignore[arg-type]
        bottom=float(raw["bottom"]),  # type: ignore[arg-type]
        size=round(float(raw.get("size") or 0.0), 1),  # type: ignore[arg-type]
        bold=bool(BOLD_FONT.search(str(raw.get("fontname") or ""))),
    )


def group_lines(words: Sequence[Word], page: int, column: int = FULL) -> list[Line]:
    """Words gathered into lines (vertical overlap), each line's words left to right, top to bottom."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        if lines:
            last = lines[-1]
            top, bottom = min(w.top for w in last), max(w.bottom for w in last)
            overlap = min(bottom, word.bottom) - max(top, word.top)
            if overlap >= 0.5 * min(bottom - top, word.bottom - word.top):
                last.append(word)
                continue
        lines.append([word])
    out = []
    for group in lines:
        group.sort(key=lambda w: w.x0)
        marked = without_note_marks(group)
        kept = without_leader(marked)
        out.append(Line(words=kept, page=page, column=column, text=line_text(kept), leader=kept is not marked))
    return out


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


def _is_prose_band(rows: list[Line], gutter: tuple[float, float], left_edge: float, right_edge: float) -> bool:
    """Text on both sides of the gutter, mostly filling each side: columns of prose (one may
    be much shorter than the other), not a table of labels and numbers."""
    left = [max(w.x1 for w in row.words if w.x1 <= gutter[0]) - row.x0 for row in rows if row.x0 < gutter[0]]
    right = [row.x1 - min(w.x0 for w in row.words if w.x0 >= gutter[1]) for row in rows if row.x1 > gutter[1]]
    if len(rows) < COLUMN_ROWS or not any(row.x0 < gutter[0] and row.x1 > gutter[1] for row in rows):
        return False
    return (
        statistics.median(left) >= COLUMN_FILL * (gutter[0] - left_edge)
        and statistics.median(right) >= COLUMN_FILL * (right_edge - gutter[1])
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
