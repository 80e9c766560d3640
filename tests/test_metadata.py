"""Title, publisher and publication date; and the date reading they rest on."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from extractor.dates import find_dates, parse_date
from extractor.entities import load_entity_pipeline
from extractor.metadata import find_published, find_publisher, find_title
from extractor.text import Text


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_entity_pipeline("en")


def read(
    nlp: Language, body: str, title: str | None = None, published: str | None = None
) -> tuple[str | None, str | None, dt.date | None]:
    text = Text(text=body, format="txt", title=title, published=published)
    doc = nlp(body)
    return find_title(text, doc), find_publisher(doc), find_published(text, doc)


SNHR = "Syrian Network for Human Rights"
BODY = "The Syrian Network for Human Rights (SNHR) documented the death of 31 detainees under torture."


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("18 November 2019", "2019-11-18"),
        ("November 18, 2019", "2019-11-18"),
        ("Monday, 18th of November, 2019", "2019-11-18"),
        ("Nov. 18, 2019", "2019-11-18"),
        ("2019-11-18", "2019-11-18"),
        ("18/11/2019", "2019-11-18"),
        ("November 2019", "2019-11"),
        ("05/06/2019", None),
        ("30 February 2019", None),
        ("18 November", None),
        ("between March and June 2019", None),
    ],
)
def test_parse_date(text: str, iso: str | None) -> None:
    mention = parse_date(text)
    assert (mention.iso() if mention else None) == iso


def test_find_dates_prefers_the_full_date() -> None:
    assert [m.iso() for m in find_dates("From 2 March 2020 until April 2021.")] == ["2020-03-02", "2021-04"]


def test_reader_hints_come_first(nlp: Language) -> None:
    body = f"Another Heading Line\n\n18 November 2019\n\n{BODY}"
    title, _, published = read(nlp, body, title="  The Hinted   Title ", published="2020-01-05")
    assert (title, published) == ("The Hinted Title", dt.date(2020, 1, 5))


@pytest.mark.parametrize(
    ("top", "title"),
    [
        ("Torture in Regime Detention Centres\n\n", "Torture in Regime Detention Centres"),
        ("1\n\nA Decade of Enforced Disappearance in Syria\n\n", "A Decade of Enforced Disappearance in Syria"),
        (
            "Civilian Deaths in Idlib Governorate Thursday, 6 May 2021 info@example.org\n\n",
            "Civilian Deaths in Idlib Governorate",
        ),
        ("", None),
    ],
)
def test_title_is_the_first_heading_line(nlp: Language, top: str, title: str | None) -> None:
    assert read(nlp, top + BODY)[0] == title


@pytest.mark.parametrize(
    ("top", "published"),
    [
        ("18 November 2019\n\n", dt.date(2019, 11, 18)),
        ("Published on November 18, 2019\n\n", dt.date(2019, 11, 18)),
        ("Date: 18/11/2019\n\n", dt.date(2019, 11, 18)),
        ("Report Title Tuesday, 4 June 2019\n\n", dt.date(2019, 6, 4)),
        ("On 18 November 2019, warplanes struck the market.\n\n", None),
        ("The first barrel bombs fell on Monday, 1 October 2012 in the north\n\n", None),
        ("November 2019\n\n", None),
        ("Date: 05/06/2019\n\n", None),
        ("", None),
    ],
)
def test_published_only_from_a_dateline(nlp: Language, top: str, published: dt.date | None) -> None:
    assert read(nlp, top + BODY)[2] == published


@pytest.mark.parametrize(
    ("body", "publisher"),
    [
        (BODY, SNHR),
        ("SNHR said in its report that the arrests went on. SNHR recorded 120 arrests.", SNHR),
        (
            "The Syria Justice Group (SJG) recorded 40 arrests in Daraa. SJG documented the release of nine.",
            "Syria Justice Group",
        ),
        ("Regime forces arrested 40 people.\n\n© 2021 Syrian Network for Human Rights. All rights reserved.", SNHR),
        ("Issued by: Detainees Families Association", "Detainees Families Association"),
        ("Russian forces reported that the strikes hit military targets.", None),
        ("Warplanes struck the market in Ariha, killing 12 civilians.", None),
    ],
)
def test_publisher(nlp: Language, body: str, publisher: str | None) -> None:
    assert read(nlp, body)[1] == publisher
