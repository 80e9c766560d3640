"""Phrasebooks, plural forms, numbers and dates in English and Arabic."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.numbers_dates import format_day, format_number, period_phrase
from generator.phrasebook import languages, load_phrasebook
from generator.sentences import counted
from tally.errors import InputError
from tally.model import GROUPS, METRICS, PEOPLE_METRICS, PERPETRATORS, QUALIFIERS, TARGETS, Figure, Period


def test_every_language_has_the_same_phrases() -> None:
    books = [load_phrasebook(lang) for lang in languages()]
    assert {"en", "ar"} <= set(languages())
    for book in books[1:]:
        assert set(book.phrases) == set(books[0].phrases), book.lang


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_every_value_of_the_contract_has_its_words(lang: str) -> None:
    pb = load_phrasebook(lang)
    keys = [f"party.{p}" for p in PERPETRATORS] + [f"qualifier.{q}" for q in QUALIFIERS]
    keys += [f"noun.{g}" for g in GROUPS] + [f"group.{g}" for g in GROUPS] + [f"target.{t}" for t in TARGETS]
    for metric in METRICS:
        keys += [f"say.{metric}", f"say.{metric}.total", f"headline.{metric}", f"headline.{metric}.total", f"metric.{metric}"]
        keys += [f"noun.{metric}", f"event.{metric}"] if metric not in PEOPLE_METRICS else [f"caption.{metric}"]
    assert [k for k in keys if not pb.has(k)] == []


@pytest.mark.parametrize(
    ("count", "expected"),
    [(1, "مدني واحد"), (2, "مدنيان"), (3, "3 مدنيين"), (10, "10 مدنيين"), (11, "11 مدنياً"), (99, "99 مدنياً"),
     (100, "100 مدني"), (103, "103 مدنيين"), (111, "111 مدنياً"), (1000, "1,000 مدني")],
)
def test_arabic_counted_nouns_follow_cldr_plural_categories(count: int, expected: str) -> None:
    figure = Figure(metric="killed", group="civilians", count=count)
    assert counted(load_phrasebook("ar"), figure, "latn") == expected


@pytest.mark.parametrize(("count", "expected"), [(1, "at least 1 child"), (2, "at least 2 children")])
def test_english_counted_nouns_and_qualifier(count: int, expected: str) -> None:
    figure = Figure(metric="killed", group="children", count=count, qualifier="at_least")
    assert counted(load_phrasebook("en"), figure, "latn") == expected


def test_arabic_months_are_the_syrian_names() -> None:
    assert format_day(dt.date(2019, 11, 14), "ar") == "14 تشرين الثاني 2019"
    assert format_day(dt.date(2020, 1, 5), "ar") == "5 كانون الثاني 2020"


def test_arabic_indic_digits_only_when_asked() -> None:
    assert format_number(128417, "ar") == "128,417"
    assert format_number(128417, "ar", "arab") == "١٢٨٬٤١٧"
    assert format_day(dt.date(2019, 11, 14), "ar", "arab") == "١٤ تشرين الثاني ٢٠١٩"


@pytest.mark.parametrize(
    ("start", "end", "english"),
    [
        ((2020, 1, 15), (2020, 1, 30), "between 15 and 30 January 2020"),
        ((2019, 10, 30), (2019, 11, 14), "between 30 October and 14 November 2019"),
        ((2011, 3, 1), (2019, 5, 3), "between 1 March 2011 and 3 May 2019"),
        ((2019, 1, 1), (2019, 12, 31), "in 2019"),
        ((2020, 2, 1), (2020, 2, 29), "in February 2020"),
        ((2019, 7, 22), (2019, 7, 22), "on 22 July 2019"),
    ],
)
def test_period_phrases(start: tuple[int, int, int], end: tuple[int, int, int], english: str) -> None:
    period = Period(start=dt.date(*start), end=dt.date(*end))
    assert period_phrase(period, load_phrasebook("en")) == english


def test_unknown_language_lists_the_valid_ones() -> None:
    with pytest.raises(InputError, match="valid choices: ar, en"):
        load_phrasebook("xx")
