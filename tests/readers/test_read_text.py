"""read_text: encodings, line endings, paragraphs rebuilt from wrapped lines, Markdown markup."""

from __future__ import annotations

import codecs
import logging
import textwrap

import pytest

from extractor.readers import read_text
from tally.errors import InputError

FIRST = (
    "The team documented the killing of 120 civilians in the northern countryside during the month, "
    "most of them in shelling on crowded markets and residential streets."
)
SECOND = "Field researchers confirmed each death with two independent sources before counting it."


def wrapped(*paragraphs: str, width: int = 60, newline: str = "\n") -> str:
    return (newline * 2).join(newline.join(textwrap.wrap(p, width)) for p in paragraphs)


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_hard_wrapped_lines_join_into_paragraphs(newline: str) -> None:
    data = wrapped(FIRST, SECOND, newline=newline).encode()
    assert read_text(data, "r.txt").text == f"{FIRST}\n\n{SECOND}"


def test_unwrapped_lines_stay_separate_paragraphs() -> None:
    data = f"{FIRST}\n{SECOND}\n".encode()
    assert read_text(data, "r.txt").text == f"{FIRST}\n\n{SECOND}"


def test_short_line_inside_wrapped_text_ends_its_paragraph() -> None:
    data = "\n".join([*textwrap.wrap(FIRST, 60), "Short heading", *textwrap.wrap(SECOND, 60)]).encode()
    assert read_text(data, "r.txt").text.split("\n\n") == [FIRST, "Short heading", SECOND]


def test_word_hyphenated_at_a_wrap_is_rejoined() -> None:
    data = b"The report counts the civil-\nians killed and the Syrian-\nRussian strikes that hit them."
    assert read_text(data, "r.txt").text == "The report counts the civilians killed and the Syrian-Russian strikes that hit them."


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE)],
)
def test_encodings_by_byte_order_mark(encoding: str, bom: bytes) -> None:
    words = "Civilians — 12 killed; قتل 12 مدنيا"
    text = read_text(bom + words.encode(encoding), "r.txt")
    assert text.text == words and text.warnings == []


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_byte_order_mark_is_recognised(encoding: str) -> None:
    text = read_text(FIRST.encode(encoding), "r.txt")
    assert text.text == FIRST and text.warnings == []


def test_wrong_encoding_is_read_with_replacements_and_a_warning(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        text = read_text("Caf\u00e9 owners counted 12 dead.".encode("latin-1"), "old.txt")
    assert text.text == "Caf\ufffd owners counted 12 dead."
    assert len(text.warnings) == 1 and text.warnings[0].startswith("old.txt: not valid UTF-8")
    assert text.warnings[0] in caplog.messages


def test_list_items_stay_lines_of_one_block() -> None:
    data = b"Findings:\n\n- first finding\n- second finding that\n  wraps onto two lines\n- third finding\n\nAfter the list."
    assert read_text(data, "r.txt").text.split("\n\n") == [
        "Findings:",
        "first finding\nsecond finding that wraps onto two lines\nthird finding",
        "After the list.",
    ]


def test_markdown_markup_is_stripped_and_words_kept() -> None:
    source = textwrap.dedent(
        """\
        # Monthly **toll**

        The team *documented* the deaths of __120__ civilians, see [the report](https://example.org/r) and `annex`.
        Setext heading
        --------------

        > A quoted line.

        1. numbered item
        2. another item
        """
    )
    text = read_text(source.encode(), "r.md")
    assert text.text.split("\n\n") == [
        "Monthly toll",
        "The team documented the deaths of 120 civilians, see the report and annex.",
        "Setext heading",
        "A quoted line.",
        "1. numbered item\n2. another item",
    ]
    assert text.title == "Monthly toll" and text.format == "md"


def test_markdown_setext_heading_after_blank_line_stands_alone() -> None:
    text = read_text(b"Intro words here.\n\nSection title\n=============\n\nBody words.", "r.md")
    assert text.text.split("\n\n") == ["Intro words here.", "Section title", "Body words."]


def test_markdown_pipe_table_becomes_a_table() -> None:
    text = read_text(b"Counts:\n\n| Party | Killed |\n| --- | ---: |\n| First | 80 |\n| **Second** | 40 |\n", "r.md")
    rows = [["Party", "Killed"], ["First", "80"], ["Second", "40"]]
    assert [t.rows for t in text.tables] == [rows]
    assert text.text.endswith("\n".join("\t".join(row) for row in rows))


def test_snake_case_words_in_plain_text_are_untouched() -> None:
    assert read_text(b"file_name_here and *stars*", "r.txt").text == "file_name_here and *stars*"


@pytest.mark.parametrize("data", [b"", b"  \n\n \t\n"])
def test_empty_text_is_refused(data: bytes) -> None:
    with pytest.raises(InputError, match=r"^e\.txt: "):
        read_text(data, "e.txt")
