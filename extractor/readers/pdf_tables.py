"""Tables without rules in PDFs: runs of lines whose words fall into the same aligned cells."""

from __future__ import annotations

from extractor.readers.pdf_layout import ARABIC, Item, Line, TableItem, Word, line_text

CELL_GAP = 1.2  # a gap of this many ems between words separates two cells
ALIGN = 1.0  # cells of one column start, end or centre within this many ems of each other
MIN_ROWS = 3


def line_cells(line: Line) -> list[list[Word]]:
    """The line's words split into cells at wide gaps."""
    cells: list[list[Word]] = [[line.words[0]]]
    for before, word in zip(line.words, line.words[1:]):
        if word.x0 - before.x1 > CELL_GAP * line.size:
            cells.append([word])
        else:
            cells[-1].append(word)
    return cells


def _aligned(rows: list[list[list[Word]]], size: float) -> bool:
    """Every column's cells share a left edge, a right edge or a centre."""
    tolerance = ALIGN * size
    for j in range(len(rows[0])):
        starts = [row[j][0].x0 for row in rows]
        ends = [row[j][-1].x1 for row in rows]
        centres = [(a + b) / 2 for a, b in zip(starts, ends)]
        if all(max(edge) - min(edge) > tolerance for edge in (starts, ends, centres)):
            return False
    return True


def _table(lines: list[Line], rows: list[list[list[Word]]]) -> TableItem:
    texts = [[line_text(cell) for cell in row] for row in rows]
    if any(ARABIC.search(cell) for row in texts for cell in row):
        texts = [row[::-1] for row in texts]  # right to left: the first cell is the rightmost
    return TableItem(
        page=lines[0].page,
        x0=min(line.x0 for line in lines),
        x1=max(line.x1 for line in lines),
        top=lines[0].top,
        bottom=lines[-1].bottom,
        rows=texts,
        column=lines[0].column,
    )


def find_text_tables(items: list[Item]) -> list[Item]:
    """A page's items with each run of at least three aligned many-cell lines made a table."""
    out: list[Item] = []
    run: list[Line] = []
    cells: list[list[list[Word]]] = []

    def close() -> None:
        if len(run) >= MIN_ROWS:
            out.append(_table(run, cells))
        else:
            out.extend(run)
        run.clear()
        cells.clear()

    for item in items:
        row = line_cells(item) if isinstance(item, Line) else []
        fits = (
            isinstance(item, Line)
            and len(row) >= 2
            and (not run or (len(row) == len(cells[0]) and item.column == run[-1].column and _aligned([*cells, row], item.size)))
        )
        if not fits:
            close()
        if isinstance(item, Line) and len(row) >= 2:
            if not run or fits:
                run.append(item)
                cells.append(row)
                continue
        out.append(item)
    close()
    return out
