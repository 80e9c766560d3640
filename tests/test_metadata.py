"""Title, publisher and publication date; and the date reading they rest on."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from extractor.dates import find_dates, parse_date
from extractor.pipeline import load_entity_pipeline
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


# Arabic: Syrian and Egyptian month names, often both ("حزيران/يونيو"), weekdays, bylines, verb-first subjects.


@pytest.fixture(scope="session")
def ar_nlp() -> Language:
    return load_entity_pipeline("ar")


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("1 حزيران/يونيو 2019", "2019-06-01"),
        ("الإثنين ١٨ تشرين الثاني / نوفمبر ٢٠١٩", "2019-11-18"),
        ("30 سبتمبر/أيلول، عام 2015", "2015-09-30"),
        ("آذار/مارس 2011", "2011-03"),
        ("كانون الأول 2019", "2019-12"),
        ("05/06/2019", "2019-06-05"),
        ("22 تموز", None),
    ],
)
def test_parse_arabic_date(text: str, iso: str | None) -> None:
    mention = parse_date(text, "ar")
    assert (mention.iso() if mention else None) == iso


def test_find_arabic_dates_after_a_joined_conjunction() -> None:
    found = find_dates("بين 26 نيسان/أبريل و15 تشرين الثاني/نوفمبر 2019", "ar")
    assert [m.iso() for m in found] == ["2019-11-15"]


AR_BODY = "وثّقت الشبكة السورية لحقوق الإنسان مقتل 31 معتقلاً بسبب التعذيب في سجون النظام."


@pytest.mark.parametrize(
    ("top", "published"),
    [
        ("الشبكة السورية لحقوق الإنسان — الأحد 1 كانون الأول/ديسمبر 2019\n\n", dt.date(2019, 12, 1)),
        ("الشبكة السورية لحقوق الإنسان - 31 كانون الثاني/يناير 2020\n\n", dt.date(2020, 1, 31)),
        ("الخميس 1 آب/أغسطس 2019\n\n", dt.date(2019, 8, 1)),
        ("تاريخ النشر: 3 تموز/يوليو 2019\n\n", dt.date(2019, 7, 3)),
        ("قصفت الطائرات السوق في 3 أيار/مايو 2019.\n\n", None),
    ],
)
def test_arabic_published_only_from_a_dateline(ar_nlp: Language, top: str, published: dt.date | None) -> None:
    assert read(ar_nlp, top + AR_BODY)[2] == published


@pytest.mark.parametrize(
    ("body", "publisher"),
    [
        (AR_BODY, SNHR),
        ("أصدر «المرصد السوري لحقوق الإنسان» أمس إحصائية بضحايا القصف.", "Syrian Observatory for Human Rights"),
        ("الشبكة السورية لحقوق الإنسان\nالسبت 1 حزيران/يونيو 2019\n\nقتلت قوات النظام 12 مدنياً.", SNHR),
        ("قصفت قوات النظام السوري السوق وقتلت 12 مدنياً.", None),
        ("قالت القوات الروسية إن الغارات أصابت أهدافاً عسكرية.", None),
    ],
)
def test_arabic_publisher(ar_nlp: Language, body: str, publisher: str | None) -> None:
    assert read(ar_nlp, body)[1] == publisher


@pytest.mark.parametrize(
    ("top", "title"),
    [
        ("مقتل 305 مدنيين في سوريا في تشرين الثاني/نوفمبر 2019\n\n", "مقتل 305 مدنيين في سوريا في تشرين الثاني/نوفمبر 2019"),
        ("الأحد 1 كانون الأول/ديسمبر 2019\n\nحصيلة الضحايا في شهر واحد\n\n", "حصيلة الضحايا في شهر واحد"),
        ("", None),
    ],
)
def test_arabic_title_is_the_first_heading_line(ar_nlp: Language, top: str, title: str | None) -> None:
    assert read(ar_nlp, top + AR_BODY)[0] == title
