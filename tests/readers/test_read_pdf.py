"""read_pdf: reading order, furniture, paragraphs, hyphenation, tables and page offsets."""

from __future__ import annotations

import pytest
from reportlab.pdfgen.canvas import Canvas

from extractor.readers import read_pdf

from .pdf_fixtures import (
    BOLD,
    BODY_WIDTH,
    FIRST,
    HEADINGS,
    MARGIN,
    PAGE_WIDTH,
    SECOND,
    THIRD,
    TOP,
    Draw,
    build_pdf,
    draw_furniture,
    draw_justified,
    draw_lines,
    draw_paragraphs,
    draw_table,
    page_with,
    paragraphs,
    wrap,
)


@pytest.fixture(scope="module")
def three_pages() -> bytes:
    return build_pdf([page_with(HEADINGS[i], [FIRST, SECOND, THIRD], i + 1, 3) for i in range(3)])


def test_wrapped_lines_join_into_paragraphs_and_headings_stand_alone(three_pages: bytes) -> None:
    assert len(wrap(FIRST, BODY_WIDTH)) > 1  # the fixture really wraps
    text = read_pdf(three_pages, "r.pdf")
    assert paragraphs(text.text) == [part for heading in HEADINGS for part in (heading, FIRST, SECOND, THIRD)]
    assert text.title == HEADINGS[0]


def test_running_header_and_page_numbers_are_removed(three_pages: bytes) -> None:
    text = read_pdf(three_pages, "r.pdf").text
    assert "Field Monitor" not in text
    assert "Page" not in text and "of 3" not in text


def test_page_starts_point_at_each_page_first_text(three_pages: bytes) -> None:
    text = read_pdf(three_pages, "r.pdf")
    assert text.pages == 3
    for number, heading in enumerate(HEADINGS, start=1):
        start = text.page_starts[number - 1]
        assert text.text.startswith(heading, start)
        assert text.page_at(start) == number
        assert text.page_at(text.text.index(THIRD, start)) == number


def test_paragraph_continued_on_next_page_keeps_both_page_offsets() -> None:
    lines = wrap(FIRST, BODY_WIDTH)

    def first(canvas: Canvas) -> None:
        draw_justified(canvas, lines[:-1], MARGIN, 90, BODY_WIDTH)  # runs to the page foot

    def second(canvas: Canvas) -> None:
        draw_lines(canvas, lines[-1:], MARGIN, TOP)

    text = read_pdf(build_pdf([first, second]), "r.pdf")
    assert text.text == FIRST
    last_line_start = text.text.index(lines[-1])
    assert text.page_starts == [0, last_line_start]
    assert text.page_at(last_line_start - 2) == 1 and text.page_at(last_line_start) == 2


def test_words_hyphenated_at_line_end_are_rejoined_but_compounds_keep_hyphen() -> None:
    lines = [
        "The survey counted damaged homes, shops and water stations across the",
        "district, and it found once again that the local civil-",
        "ians paid the highest price of all, while the joint Syrian-",
        "Russian alliance kept up its raids.",
    ]
    text = read_pdf(build_pdf([lambda c: draw_justified(c, lines, MARGIN, TOP, BODY_WIDTH)]), "h.pdf").text
    assert "local civilians paid" in text
    assert "joint Syrian-Russian alliance" in text
    assert "\n" not in text


def test_hyphenated_compound_seen_elsewhere_keeps_its_hyphen() -> None:
    lines = [
        "Many well-known monitors and several smaller groups took part in the",
        "count, and the results were checked by a well-",
        "known statistician before the report was released.",
    ]
    text = read_pdf(build_pdf([lambda c: draw_justified(c, lines, MARGIN, TOP, BODY_WIDTH)]), "h.pdf").text
    assert "by a well-known statistician" in text


def test_two_columns_are_read_one_after_the_other() -> None:
    left = [FIRST, "The left column closes with a second paragraph on damaged clinics."]
    right = [SECOND, "The right column closes with a note on people still missing."]
    width = (BODY_WIDTH - 24) / 2

    def draw(canvas: Canvas) -> None:
        canvas.setFont(BOLD, 18)
        canvas.drawString(MARGIN, TOP, "Overview of the quarter")
        draw_paragraphs(canvas, left, MARGIN, TOP - 40, width)
        draw_paragraphs(canvas, right, MARGIN + width + 24, TOP - 40, width)

    assert paragraphs(read_pdf(build_pdf([draw]), "c.pdf").text) == ["Overview of the quarter", *left, *right]


def test_short_last_column_is_still_a_column() -> None:
    left = [FIRST, SECOND, FIRST.replace("spring", "summer"), SECOND.replace("town", "village")]
    right = ["The right column holds only this short closing paragraph."]
    width = (BODY_WIDTH - 24) / 2

    def draw(canvas: Canvas) -> None:
        draw_paragraphs(canvas, left, MARGIN, TOP, width)
        draw_paragraphs(canvas, right, MARGIN + width + 24, TOP, width)

    assert len(wrap(right[0], width)) == 2
    assert paragraphs(read_pdf(build_pdf([draw]), "c.pdf").text) == [*left, *right]


def test_page_furniture_wider_than_the_text_makes_no_columns_and_is_removed() -> None:
    narrow = 250

    def draw(canvas: Canvas) -> None:
        draw_furniture(canvas, 1, 2)
        canvas.drawRightString(PAGE_WIDTH - 20, 30, "wide footer reaching the page edge")
        draw_paragraphs(canvas, [FIRST, SECOND], MARGIN, TOP, narrow)

    def other(canvas: Canvas) -> None:
        draw_furniture(canvas, 2, 2)
        canvas.drawRightString(PAGE_WIDTH - 20, 30, "wide footer reaching the page edge")
        draw_paragraphs(canvas, [THIRD], MARGIN, TOP, narrow)

    assert paragraphs(read_pdf(build_pdf([draw, other]), "f.pdf").text) == [FIRST, SECOND, THIRD]


def test_one_column_page_with_wide_word_spaces_is_not_split() -> None:
    lines = wrap(FIRST + " " + SECOND, 0.8 * BODY_WIDTH)
    draw: Draw = lambda c: draw_justified(c, lines, MARGIN, TOP, BODY_WIDTH)  # noqa: E731
    assert read_pdf(build_pdf([draw]), "w.pdf").text == FIRST + " " + SECOND


def test_ruled_table_is_kept_as_rows_and_left_out_of_paragraphs() -> None:
    rows = [["District", "Killed", "Injured"], ["Eastfield", "12", "30"], ["Rivermouth", "4", "9"]]

    def draw(canvas: Canvas) -> None:
        below = draw_paragraphs(canvas, [FIRST], MARGIN, TOP, BODY_WIDTH)
        below = draw_table(canvas, rows, MARGIN, below)
        draw_paragraphs(canvas, [SECOND], MARGIN, below - 30, BODY_WIDTH)

    text = read_pdf(build_pdf([draw]), "t.pdf")
    assert [table.rows for table in text.tables] == [rows]
    table = text.tables[0]
    assert text.text[table.start : table.end] == "\n".join("\t".join(row) for row in rows)
    assert paragraphs(text.text) == [FIRST, text.text[table.start : table.end], SECOND]


def test_list_items_are_lines_of_one_block() -> None:
    items = ["first listed point", "second listed point that is", "third point"]

    def draw(canvas: Canvas) -> None:
        below = draw_paragraphs(canvas, ["Points raised:"], MARGIN, TOP, BODY_WIDTH)
        draw_lines(canvas, [f"- {items[0]}", f"- {items[1]}", "   wrapped onto a second line", f"- {items[2]}"], MARGIN, below)

    text = read_pdf(build_pdf([draw]), "l.pdf").text
    assert paragraphs(text) == ["Points raised:", "\n".join([items[0], items[1] + " wrapped onto a second line", items[2]])]



def test_ruled_grid_around_prose_is_layout_not_a_table() -> None:
    cells = [f"{FIRST} {SECOND} {THIRD} Cell {n} ends here." for n in range(4)]
    width = BODY_WIDTH / 2

    def draw(canvas: Canvas) -> None:
        height = 14 * len(wrap(cells[0], width - 16)) + 20
        for row in range(2):
            for column in range(2):
                x, y = MARGIN + column * width, TOP - row * height
                canvas.rect(x, y - height, width, height)
                draw_lines(canvas, wrap(cells[2 * row + column], width - 16), x + 8, y - 16)

    text = read_pdf(build_pdf([draw]), "g.pdf")
    assert text.tables == []
    assert sorted(paragraphs(text.text)) == sorted(cells)


def test_table_aligned_without_rules_is_kept_as_rows() -> None:
    rows = [["Governorate", "Killed", "Injured"], ["Eastfield", "12", "30"], ["Rivermouth", "4", "9"], ["Hill villages", "27", "41"]]

    def draw(canvas: Canvas) -> None:
        below = draw_paragraphs(canvas, [FIRST], MARGIN, TOP, BODY_WIDTH)
        canvas.setFont("Helvetica", 10)
        for i, row in enumerate(rows):
            for x, cell in zip((MARGIN, MARGIN + 200, MARGIN + 300), row):
                canvas.drawString(x, below - 10 - 14 * i, cell)
        draw_paragraphs(canvas, [SECOND], MARGIN, below - 30 - 14 * len(rows), BODY_WIDTH)

    text = read_pdf(build_pdf([draw]), "t.pdf")
    assert [table.rows for table in text.tables] == [rows]
    assert paragraphs(text.text) == [FIRST, "\n".join("\t".join(row) for row in rows), SECOND]


def test_indented_quotation_with_its_own_right_margin_stays_one_paragraph() -> None:
    quote = (
        "A resident said the strikes came at night, hit the market twice and left the only bakery "
        "of the town in ruins, so that families now walk for an hour to buy bread."
    )
    quote_lines = wrap(quote, BODY_WIDTH - 120)

    def draw(canvas: Canvas) -> None:
        below = draw_justified(canvas, wrap(FIRST, BODY_WIDTH), MARGIN, TOP, BODY_WIDTH) - 10
        below = draw_lines(canvas, quote_lines, MARGIN + 40, below) - 10
        draw_justified(canvas, wrap(SECOND, BODY_WIDTH), MARGIN, below, BODY_WIDTH)

    assert len(quote_lines) > 2
    assert paragraphs(read_pdf(build_pdf([draw]), "q.pdf").text) == [FIRST, quote, SECOND]


def test_contents_lines_lose_dot_leaders_and_page_numbers() -> None:
    entries = ["1 Introduction", "2 Methodology", "2.1 Sources", "3 Findings"]
    lines = [f"{entry} {'. ' * (40 - len(entry) // 2)}{page}" for entry, page in zip(entries, (3, 5, 6, 9))]
    draw: Draw = lambda c: draw_lines(c, ["Contents", *lines], MARGIN, TOP)  # noqa: E731
    assert paragraphs(read_pdf(build_pdf([draw]), "c.pdf").text) == ["Contents", *entries]


def test_footnote_marks_are_dropped_but_numbers_on_the_line_kept() -> None:
    def draw(canvas: Canvas) -> None:
        canvas.setFont("Helvetica", 11)
        canvas.drawString(MARGIN, TOP, "The strikes killed 12 civilians")
        canvas.setFont("Helvetica", 7)
        canvas.drawString(MARGIN + canvas.stringWidth("The strikes killed 12 civilians", "Helvetica", 11) + 0.5, TOP + 4, "3")
        canvas.setFont("Helvetica", 11)
        canvas.drawString(MARGIN + 190, TOP, "in 2019.")

    assert read_pdf(build_pdf([draw]), "n.pdf").text == "The strikes killed 12 civilians in 2019."


def test_unmapped_glyph_opening_a_line_is_a_bullet_and_dropped_elsewhere() -> None:
    from extractor.readers.pdf_layout import Word, line_text

    def word(text: str) -> Word:
        return Word(text, 0, 1, 0, 1, 10, False)

    assert line_text([word(""), word("first"), word("point")]) == "\u2022 first point"
    assert line_text([word("Copyright"), word(""), word("2020")]) == "Copyright 2020"
