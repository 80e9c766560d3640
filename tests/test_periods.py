"""find_periods and find_document_period: ranges, months, halves, "since", relative phrases, and dates that are no period."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from spacy.language import Language

from extractor.periods import find_document_period, find_periods
from helpers_figures import extract, nlp  # noqa: F401  (nlp: session fixture)
from tally.model import Period

D = dt.date


def periods_in(text: str, **context: Any) -> list[Period]:
    return [found.period for found in find_periods(text, **context)]


@pytest.mark.parametrize(
    ("text", "context", "start", "end"),
    [
        pytest.param("from 26 April to 15 November 2019", {}, D(2019, 4, 26), D(2019, 11, 15), id="range-days-one-year"),
        pytest.param("from the signing of the truce on 5 March 2020 until the end of June 2021", {}, D(2020, 3, 5),
                     D(2021, 6, 30), id="range-from-an-event-on-a-day-until-a-month"),
        pytest.param("from the first documented use of these bombs in October 2012 to 30 June 2018", {}, D(2012, 10, 1),
                     D(2018, 6, 30), id="range-from-an-event-in-a-month-to-a-day"),
        pytest.param("since the Turkish-led offensive against the Kurdish forces of northeast Syria began on 9 October 2019",
                     {"published": D(2019, 11, 1)}, D(2019, 10, 9), D(2019, 11, 1), id="since-a-long-clause-on-a-day"),
        pytest.param("since 2011", {"published": D(2020, 6, 1)}, D(2011, 3, 1), D(2020, 6, 1),
                     id="since-2011-is-since-the-uprising"),
        pytest.param("On 14 August, regime helicopters dropped barrel bombs on the town.", {"year": 2016, "days": True},
                     D(2016, 8, 14), D(2016, 8, 14), id="a-sentence-opening-on-a-day-takes-the-context-year"),
        pytest.param("وفي 14 آب ألقت مروحيات النظام براميل متفجرة على البلدة.", {"year": 2016, "days": True, "lang": "ar"},
                     D(2016, 8, 14), D(2016, 8, 14), id="ar-on-a-day-takes-the-context-year"),
        pytest.param("أما المجزرة الثالثة فوقعت في 3 آب في مدينة الباب.", {"year": 2016, "days": True, "lang": "ar"},
                     D(2016, 8, 3), D(2016, 8, 3), id="ar-on-a-day-after-the-verb"),
        pytest.param("منذ عام 2011", {"published": D(2020, 6, 1), "lang": "ar"}, D(2011, 3, 1), D(2020, 6, 1),
                     id="ar-since-2011-is-since-the-uprising"),
        pytest.param("between March 2011 and June 2016", {}, D(2011, 3, 1), D(2016, 6, 30), id="range-month-years"),
        pytest.param("from March 2011 until June 2016", {}, D(2011, 3, 1), D(2016, 6, 30), id="range-from-until-month-years"),
        pytest.param("Between 1 and 31 January 2020", {}, D(2020, 1, 1), D(2020, 1, 31), id="range-days-one-month-capitalised"),
        pytest.param("from 15 to 30 January 2020", {}, D(2020, 1, 15), D(2020, 1, 30), id="range-from-days-one-month"),
        pytest.param("between 1 January and 31 March 2020", {}, D(2020, 1, 1), D(2020, 3, 31), id="range-days-two-months"),
        pytest.param("from 20 December 2019 to 10 January 2020", {}, D(2019, 12, 20), D(2020, 1, 10), id="range-across-new-year"),
        pytest.param("between April 26, 2019, and November 15, 2019", {}, D(2019, 4, 26), D(2019, 11, 15),
                     id="range-month-first-days-with-commas"),
        pytest.param("on 6/11/2022", {"days": True}, D(2022, 11, 6), D(2022, 11, 6), id="numeric-day-first"),
        pytest.param("on 11/26/2019", {"days": True}, D(2019, 11, 26), D(2019, 11, 26), id="numeric-month-first-when-forced"),
        pytest.param("in the first five months of the year", {"year": 2019}, D(2019, 1, 1), D(2019, 5, 31),
                     id="first-months-of-the-year"),
        pytest.param("since the first attack on 23 December 2012", {"published": D(2019, 8, 20)}, D(2012, 12, 23),
                     D(2019, 8, 20), id="since-an-event-on-a-day"),
        pytest.param("في 26/4/2019", {"days": True, "lang": "ar"}, D(2019, 4, 26), D(2019, 4, 26), id="arabic-numeric-day"),
        pytest.param("since December", {"year": 2020, "published": D(2020, 3, 3)}, D(2019, 12, 1), D(2020, 3, 3),
                     id="since-a-month-later-than-publication-is-last-years"),
        pytest.param("in October 2019", {}, D(2019, 10, 1), D(2019, 10, 31), id="month-with-year"),
        pytest.param("during February 2020", {}, D(2020, 2, 1), D(2020, 2, 29), id="month-with-year-leap"),
        pytest.param("in October", {"year": 2019}, D(2019, 10, 1), D(2019, 10, 31), id="month-takes-context-year"),
        pytest.param("the first half of 2017", {}, D(2017, 1, 1), D(2017, 6, 30), id="first-half"),
        pytest.param("in the second half of 2018", {}, D(2018, 7, 1), D(2018, 12, 31), id="second-half"),
        pytest.param("since the beginning of 2019", {"published": D(2019, 6, 1)}, D(2019, 1, 1), D(2019, 6, 1),
                     id="since-ends-at-publication"),
        pytest.param("since the beginning of 2019", {}, D(2019, 1, 1), None, id="since-open-without-publication"),
        pytest.param("since March 2011", {"published": D(2020, 1, 1)}, D(2011, 3, 1), D(2020, 1, 1), id="since-month-year"),
        pytest.param("since March 2011", {"year": 2020}, D(2011, 3, 1), None, id="since-month-year-ignores-context-year"),
        pytest.param("last month", {"published": D(2019, 9, 2)}, D(2019, 8, 1), D(2019, 8, 31), id="last-month"),
        pytest.param("last month", {"published": D(2020, 1, 5)}, D(2019, 12, 1), D(2019, 12, 31),
                     id="last-month-across-new-year"),
        pytest.param("in 16 days", {"anchor": D(2020, 1, 30)}, D(2020, 1, 15), D(2020, 1, 30), id="days-before-anchor-inclusive"),
        pytest.param("in 2019", {}, D(2019, 1, 1), D(2019, 12, 31), id="year"),
        pytest.param("during the year 2018", {}, D(2018, 1, 1), D(2018, 12, 31), id="the-year"),
    ],
)
def test_period_phrase(text: str, context: dict[str, Any], start: dt.date, end: dt.date | None) -> None:
    assert periods_in(text, **context) == [Period(start=start, end=end)]


@pytest.mark.parametrize(
    ("text", "context"),
    [
        pytest.param("killed on 18 November 2019", {}, id="full-date"),
        pytest.param("Monday, 18 November 2019", {}, id="weekday-date-line"),
        pytest.param("Tuesday 3 March 2020", {"year": 2020}, id="weekday-date-line-with-context-year"),
        pytest.param("on November 18, 2019", {}, id="full-date-month-first"),
        pytest.param("in May", {}, id="month-without-any-year"),
        pytest.param("last month", {}, id="relative-without-publication"),
        pytest.param("in 16 days", {}, id="days-without-anchor"),
        pytest.param("a 2019 report", {}, id="year-as-modifier"),
        pytest.param("They committed three massacres, the deadliest on 15 January.", {"year": 2020, "days": True},
                     id="a-day-inside-the-sentence-is-an-instance-not-the-counts"),
    ],
)
def test_no_period(text: str, context: dict[str, Any]) -> None:
    assert periods_in(text, **context) == []


def test_offsets_cover_the_phrase() -> None:
    text = "SNHR documented 40 deaths from 26 April to 15 November 2019 in Idlib."
    (found,) = find_periods(text)
    assert text[found.start : found.end] == "from 26 April to 15 November 2019"


def test_two_periods_in_one_sentence_in_order() -> None:
    text = "In 2018 the toll was 300, and in the first half of 2019 it was 120."
    assert periods_in(text) == [Period(start=D(2018, 1, 1), end=D(2018, 12, 31)), Period(start=D(2019, 1, 1), end=D(2019, 6, 30))]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        pytest.param(
            "Monthly Death Toll Report\n\nSyrian Network for Human Rights\nFriday 1 November 2019\n\n"
            "SNHR documented the killing of 312 civilians in October 2019.",
            D(2019, 11, 1), Period(start=D(2019, 10, 1), end=D(2019, 10, 31)), id="month-in-lead-not-dateline",
        ),
        pytest.param(
            "Arrests Report\n\nSyrian Network for Human Rights\nWednesday 2 October 2019\n\n"
            "SNHR recorded 210 arrests last month.",
            D(2019, 10, 2), Period(start=D(2019, 9, 1), end=D(2019, 9, 30)), id="last-month-not-dateline",
        ),
        pytest.param(
            "Press Release\n\nSyrian Network for Human Rights\nMonday 18 November 2019\n\n"
            "SNHR documented 40 attacks on Idlib.",
            D(2019, 11, 18), None, id="weekday-dateline-alone-is-no-period",
        ),
        pytest.param(
            "Escalation in Northwest Syria\n\nSNHR documented the killing of 90 civilians from 26 April to 15 November 2019.",
            D(2019, 11, 18), Period(start=D(2019, 4, 26), end=D(2019, 11, 15)), id="range-in-lead",
        ),
    ],
)
def test_document_period(nlp: Language, text: str, published: dt.date, expected: Period | None) -> None:
    assert find_document_period(nlp(text), published) == expected


DOC_PERIOD = Period(start=D(2019, 4, 26), end=D(2019, 11, 15))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Russian forces killed 52 civilians in northwest Syria.", DOC_PERIOD, id="document-period"),
        pytest.param("Russian forces killed 52 civilians between 30 October and 15 November 2019.",
                     Period(start=D(2019, 10, 30), end=D(2019, 11, 15)), id="own-range"),
        pytest.param("Russian forces killed 52 civilians in September 2019.",
                     Period(start=D(2019, 9, 1), end=D(2019, 9, 30)), id="own-month"),
        pytest.param("Russian forces killed 52 civilians in October.",
                     Period(start=D(2019, 10, 1), end=D(2019, 10, 31)), id="own-month-publication-year"),
    ],
)
def test_figure_period(nlp: Language, text: str, expected: Period) -> None:
    """A figure's own period phrase wins over the document's period; without one it takes the document's."""
    (figure,) = extract(nlp, text, period=DOC_PERIOD, published=D(2019, 11, 18))
    assert figure.period == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("At least 4,300 people remain detained in SDF prisons.", Period(start=D(2011, 3, 1), end=D(2019, 11, 15)),
                     id="a-stock-counts-from-march-2011-to-the-report-end"),
        pytest.param("At least 4,300 people were still forcibly disappeared as of 30 September 2019.",
                     Period(start=D(2011, 3, 1), end=D(2019, 9, 30)), id="a-stock-up-to-the-day-it-is-stated-for"),
        pytest.param("Russian forces killed 52 civilians in November.", Period(start=D(2019, 11, 1), end=D(2019, 11, 18)),
                     id="a-month-under-way-ends-on-publication"),
    ],
)
def test_figure_period_conventions(nlp: Language, text: str, expected: Period) -> None:
    (figure,) = extract(nlp, text, period=DOC_PERIOD, published=D(2019, 11, 18))
    assert figure.period == expected


def test_document_period_of_a_report_on_one_incident(nlp: Language) -> None:
    text = "Massacre in Ariha\n\n24 July 2019\n\nOn 22 July 2019, Russian warplanes struck the market, killing 12 civilians."
    assert find_document_period(nlp(text), D(2019, 7, 24)) == Period(start=D(2019, 7, 22), end=D(2019, 7, 22))


def test_disappearances_counted_since_the_uprising_are_the_disappeared_of_today(nlp: Language) -> None:
    (figure,) = extract(nlp, "Since March 2011, regime forces have forcibly disappeared at least 95,000 people.",
                        period=DOC_PERIOD, published=D(2019, 11, 18))
    assert (figure.metric, figure.period) == ("still_disappeared", Period(start=D(2011, 3, 1), end=D(2019, 11, 18)))


def test_a_month_without_a_year_in_a_report_on_one_year_is_that_years(nlp: Language) -> None:
    """An annual report published in January names the months of the year before ("the deadliest month was July")."""
    text = ("Annual report: civilian deaths in 2018\n\nSNHR, 2 January 2019\n\nThe network documented the killing of "
            "3,200 civilians in 2018. The deadliest month was March, in which SNHR recorded the deaths of 610 civilians.\n")
    year = Period(start=D(2018, 1, 1), end=D(2018, 12, 31))
    periods = {f.count: f.period for f in extract(nlp, text, period=year, published=D(2019, 1, 2)) if f.period}
    assert periods[610] == Period(start=D(2018, 3, 1), end=D(2018, 3, 31))
