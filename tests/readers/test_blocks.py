"""Blocks to Text: separators, table offsets, page starts, wrapped-line joining."""

from __future__ import annotations

import pytest

from extractor.readers.blocks import Block, assemble, item_lines, join_wrapped, paragraph, resolve_page_starts, table


def test_blocks_are_separated_by_one_blank_line_and_tables_located() -> None:
    rows = [["a", "1"], ["b", "2"]]
    text = assemble([paragraph("First  words\n here"), table(rows), item_lines(["x", " y "])], "txt")
    assert text.text == "First words here\n\na\t1\nb\t2\n\nx\ny"
    assert [(text.text[t.start : t.end], t.rows) for t in text.tables] == [("a\t1\nb\t2", rows)]


def test_table_cells_lose_tabs_and_newlines_and_rows_are_padded() -> None:
    block = table([["a\tb", "c\nd"], ["e"], ["", ""]])
    assert block.rows == [["a b", "c d"], ["e", ""]]


def test_empty_blocks_leave_no_separator() -> None:
    assert assemble([paragraph(""), paragraph("one"), item_lines([]), paragraph("two")], "txt").text == "one\n\ntwo"


def test_page_marks_become_page_starts_and_empty_pages_start_with_the_next() -> None:
    blocks = [Block(text="page one", marks=[(0, 1)]), Block(text="two and three", marks=[(0, 2), (8, 4)])]
    text = assemble(blocks, "pdf", pages=5)
    assert text.page_starts == [0, 10, 18, 18, len(text.text)]
    assert text.page_at(text.text.index("three")) == 4


@pytest.mark.parametrize(
    ("starts", "end", "expected"),
    [([0, None, 7], 9, [0, 7, 7]), ([None, 3], 5, [0, 3]), ([4, None], 9, [0, 9])],
)
def test_resolve_page_starts(starts: list[int | None], end: int, expected: list[int]) -> None:
    assert resolve_page_starts(starts, end) == expected


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["the civil-", "ians"], "the civilians"),
        (["the Syrian-", "Russian raids"], "the Syrian-Russian raids"),
        (["in 2019-", "2020"], "in 2019-2020"),
        (["a dash -", "then more"], "a dash - then more"),
        (["soft civil\u00ad", "ians"], "soft civilians"),
        (["plain", "words"], "plain words"),
    ],
)
def test_join_wrapped(lines: list[str], expected: str) -> None:
    assert join_wrapped(lines) == expected


def test_join_wrapped_keeps_hyphen_of_known_compound() -> None:
    assert join_wrapped(["a well-", "known fact"], {"well-known"}) == "a well-known fact"
