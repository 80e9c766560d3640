"""Numbers, dates and spans of days as a language writes them (Babel; ``ar_SY`` month names)."""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date
from babel.numbers import format_decimal

from generator.phrasebook import Phrasebook
from tally.model import Period

DIGITS = ("latn", "arab")
#: The locale whose month names a language's organisations use (تشرين الثاني, not نوفمبر).
LOCALES = {"en": "en_GB", "ar": "ar_SY"}
_ARABIC_INDIC = str.maketrans("0123456789,.", "٠١٢٣٤٥٦٧٨٩٬٫")


def locale_of(lang: str) -> str:
    return LOCALES.get(lang, lang)


def with_digits(text: str, digits: str) -> str:
    """``text`` with Western digits (and their separators) as Arabic-Indic ones when ``digits`` is ``arab``."""
    return text.translate(_ARABIC_INDIC) if digits == "arab" else text


def format_number(n: int, lang: str, digits: str = "latn") -> str:
    """``128,417`` (or ``١٢٨٬٤١٧``)."""
    return with_digits(format_decimal(n, locale=locale_of(lang), numbering_system="latn"), digits)


def format_day(day: dt.date, lang: str, digits: str = "latn") -> str:
    """``15 January 2020`` / ``15 كانون الثاني 2020``."""
    return with_digits(format_date(day, "d MMMM y", locale=locale_of(lang)), digits)


def _month(day: dt.date, lang: str) -> str:
    return format_date(day, "MMMM", locale=locale_of(lang))


def _is_month(start: dt.date, end: dt.date) -> bool:
    return start.day == 1 and start.month == end.month and start.year == end.year and (end + dt.timedelta(days=1)).day == 1


def day_count(period: Period | None) -> int | None:
    """How many days a closed period covers, both ends included."""
    if period is None or period.start is None or period.end is None:
        return None
    return (period.end - period.start).days + 1


def period_phrase(period: Period | None, pb: Phrasebook, digits: str = "latn") -> str:
    """The span in words: ``in 2019``, ``in January 2020``, ``on 22 July 2019``, ``between 15 and 30 January 2020``…"""
    if period is None or (period.start is None and period.end is None):
        return ""
    lang = pb.lang
    start, end = period.start, period.end
    if start is None and end is not None:
        return pb.say("period.until", date=format_day(end, lang, digits))
    if start is not None and end is None:
        return pb.say("period.since", date=format_day(start, lang, digits))
    assert start is not None and end is not None
    year = with_digits(str(end.year), digits)
    if start == end:
        return pb.say("period.day", date=format_day(start, lang, digits))
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return pb.say("period.year", year=year)
    if _is_month(start, end):
        return pb.say("period.month", month=_month(start, lang), year=year)
    if (start.year, start.month) == (end.year, end.month):
        return pb.say(
            "period.days_in_month",
            first=with_digits(str(start.day), digits),
            last=with_digits(str(end.day), digits),
            month=_month(end, lang),
            year=year,
        )
    if start.year == end.year:
        first = with_digits(format_date(start, "d MMMM", locale=locale_of(lang)), digits)
        return pb.say("period.days_in_year", first=first, last=format_day(end, lang, digits))
    return pb.say("period.between", first=format_day(start, lang, digits), last=format_day(end, lang, digits))


def period_label(period: Period | None, lang: str, digits: str = "latn") -> str:
    """A short label for a chart axis: ``2019``, ``Jan 2020``, ``15 Jan 2020 – 30 Jan 2020``."""
    if period is None or period.start is None or period.end is None:
        return ""
    start, end = period.start, period.end
    loc = locale_of(lang)
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        text = str(start.year)
    elif _is_month(start, end):
        text = format_date(start, "MMM y", locale=loc)
    elif start == end:
        text = format_date(start, "d MMM y", locale=loc)
    else:
        text = f"{format_date(start, 'd MMM y', locale=loc)} – {format_date(end, 'd MMM y', locale=loc)}"
    return with_digits(text, digits)
