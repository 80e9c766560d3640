"""read_pdf on bad input: encrypted, corrupt or truncated, no text layer, empty."""

from __future__ import annotations

import logging

import pytest

from extractor.readers import read_pdf
from tally.errors import InputError

from .pdf_fixtures import FIRST, HEADINGS, SECOND, THIRD, build_pdf, draw_image, page_with


@pytest.fixture(scope="module")
def three_pages() -> bytes:
    return build_pdf([page_with(HEADINGS[i], [FIRST, SECOND, THIRD], i + 1, 3) for i in range(3)])


@pytest.fixture(scope="module")
def encrypted() -> bytes:
    return build_pdf([page_with(HEADINGS[0], [FIRST], 1, 1)], password="s3cret")


def test_encrypted_pdf_opens_with_its_password(encrypted: bytes) -> None:
    assert FIRST in read_pdf(encrypted, "e.pdf", password="s3cret").text


@pytest.mark.parametrize("password", [None, "wrong"])
def test_encrypted_pdf_without_right_password_is_refused(encrypted: bytes, password: str | None) -> None:
    with pytest.raises(InputError, match=r"^e\.pdf: .*encrypted.*--password"):
        read_pdf(encrypted, "e.pdf", password=password)


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda data: b"this is not a pdf at all", id="not-pdf"),
        pytest.param(lambda data: data[: len(data) // 2], id="truncated-half"),
        pytest.param(lambda data: data[:200], id="truncated-header"),
        pytest.param(lambda data: data[:20] + bytes(len(data) - 20), id="zeroed"),
        pytest.param(lambda data: data.replace(b"841.8898 ]", b"841.8898 /x 9 ]"), id="malformed-page-box"),
    ],
)
def test_corrupt_or_truncated_pdf_is_an_input_error(three_pages: bytes, damage: object) -> None:
    with pytest.raises(InputError, match=r"^bad\.pdf: ") as caught:
        read_pdf(damage(three_pages), "bad.pdf")  # type: ignore[operator]
    assert "\n" not in str(caught.value)


def test_page_without_text_layer_is_warned_about(caplog: pytest.LogCaptureFixture) -> None:
    data = build_pdf([page_with(HEADINGS[0], [FIRST], 1, 2), draw_image])
    with caplog.at_level(logging.WARNING):
        text = read_pdf(data, "s.pdf")
    warning = "s.pdf: page 2 has no text layer; OCR is not supported"
    assert text.warnings == [warning]
    assert warning in caplog.messages
    assert text.pages == 2 and text.page_starts[1] == len(text.text)


def test_pdf_without_any_text_layer_is_refused() -> None:
    with pytest.raises(InputError, match=r"^scan\.pdf: .*no page has a text layer"):
        read_pdf(build_pdf([draw_image, draw_image]), "scan.pdf")


def test_empty_pdf_bytes_are_refused() -> None:
    with pytest.raises(InputError, match=r"^x\.pdf: the file is empty"):
        read_pdf(b"", "x.pdf")
