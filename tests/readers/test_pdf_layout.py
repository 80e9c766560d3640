"""PDF layout on synthetic words: lines, columns (either script direction), furniture keys."""

from __future__ import annotations

import pytest
from bidi.algorithm import get_display

from extractor.readers.pdf_columns import order_page
from extractor.readers.pdf_furniture import furniture_key, page_number_pattern
from extractor.readers.pdf_layout import LEFT, RIGHT, Line, Word, is_right_to_left, reorder_arabic_line

WIDTH = 600.0


def words_of(text: str, x: float, top: float, size: float = 10.0) -> list[Word]:
    """One line of words laid out from ``x``, 6 points per character, single spaces."""
    out = []
    for token in text.split():
        out.append(Word(token, x, x + 6 * len(token), top, top + size, size, False))
        x += 6 * len(token) + 4
    return out


def column_page(left: list[str], right: list[str]) -> list[Word]:
    words: list[Word] = []
    for i, text in enumerate(left):
        words += words_of(text, 50, 100 + 14 * i)
    for i, text in enumerate(right):
        words += words_of(text, 320, 100 + 14 * i)
    return words


LEFT_LINES = [f"left column line {n} with some more words" for n in range(6)]
RIGHT_LINES = [f"right column line {n} with some more words" for n in range(6)]
ARABIC_LEFT = [f"عمود يسار سطر {n} فيه كلمات كثيرة هنا" for n in range(6)]
ARABIC_RIGHT = [f"عمود يمين سطر {n} فيه كلمات كثيرة هنا" for n in range(6)]


def texts(items: list[object]) -> list[str]:
    return [item.text for item in items if isinstance(item, Line)]


def test_two_columns_read_left_then_right() -> None:
    ordered = order_page(column_page(LEFT_LINES, RIGHT_LINES), [], 1, WIDTH)
    assert texts(ordered) == LEFT_LINES + RIGHT_LINES
    assert {item.column for item in ordered if isinstance(item, Line)} == {LEFT, RIGHT}


def test_arabic_columns_read_right_then_left() -> None:
    visual = [[get_display(line) for line in lines] for lines in (ARABIC_LEFT, ARABIC_RIGHT)]  # as on the page
    ordered = order_page(column_page(*visual), [], 1, WIDTH)
    assert texts(ordered) == ARABIC_RIGHT + ARABIC_LEFT


def test_short_aligned_pairs_are_not_columns() -> None:
    pairs = column_page([f"name {n}" for n in range(6)], [f"{n}" for n in range(6)])
    ordered = order_page(pairs, [], 1, WIDTH)
    assert all(item.column not in (LEFT, RIGHT) for item in ordered if isinstance(item, Line))
    assert texts(ordered) == [f"name {n} {n}" for n in range(6)]


@pytest.mark.parametrize(("words", "expected"), [(["قتل", "مدني"], True), (["killed", "12"], False), (["قتل", "civilians", "killed"], False)])
def test_is_right_to_left(words: list[str], expected: bool) -> None:
    assert is_right_to_left([Word(w, 0, 1, 0, 1, 10, False) for w in words]) is expected


@pytest.mark.parametrize(("first", "second"), [("Monitor report – page 3", "Monitor report – page 14"), ("  SNHR  2019 ", "snhr 2020")])
def test_furniture_key_ignores_digits_case_and_spacing(first: str, second: str) -> None:
    assert furniture_key(first) == furniture_key(second)


@pytest.mark.parametrize("line", ["3", "- 3 -", "Page 3", "Page 3 of 12", "3 / 12", "iv", "(12)"])
def test_page_number_lines_are_recognised(line: str) -> None:
    assert page_number_pattern().match(line)


@pytest.mark.parametrize("line", ["2019", "Page three", "3 killed", "12 of them"])
def test_ordinary_lines_are_not_page_numbers(line: str) -> None:
    assert not page_number_pattern().match(line)


def test_arabic_line_in_visual_order_is_put_in_logical_order() -> None:
    logical = "قتل 12 مدنيا في حلب"
    assert reorder_arabic_line(get_display(logical)) == logical
    assert reorder_arabic_line("Aleppo 12") == "Aleppo 12"


def test_a_table_cell_wrapped_after_a_hyphen_keeps_the_compound() -> None:
    from extractor.readers.pdf import _cell_text

    assert _cell_text("Syrian-\nRussian alliance forces") == "Syrian-Russian alliance forces"
    assert _cell_text("civil-\nians killed") == "civilians killed"
