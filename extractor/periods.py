"""Periods: the span a figure covers, read from dates, months, ranges and relative phrases."""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass

from spacy.tokens import Doc

from extractor.periods_ar import find_periods_ar
from extractor.vocab import rows_for
from tally.model import UPRISING, Period


@dataclass(frozen=True)
class Found:
    """A period phrase at character offsets [start, end) of the searched text."""

    start: int
    end: int
    period: Period
    kind: str  # range, month, year, half, since, relative


@functools.lru_cache(maxsize=4)
def _months(lang: str) -> dict[str, int]:
    return {r["name"]: int(r["month"]) for r in rows_for("months", lang)}


@functools.lru_cache(maxsize=4)
def _patterns(lang: str) -> dict[str, re.Pattern[str]]:
    names = sorted(_months(lang), key=len, reverse=True)
    m = "(?:" + "|".join(re.escape(n.capitalize()) + r"\.?" for n in names) + ")"
    d = r"\d{1,2}(?:st|nd|rd|th)?(?!\d)"
    y = r"(?:19|20)\d\d"
    date = rf"(?:{d}\s+(?:of\s+)?{m}(?:,?\s+{y})?|{m}\s+{d}(?:,?\s+{y})?|{m}(?:\s+{y})?|{y})"
    return {
        "range": re.compile(
            rf"(?:\b(?i:from|between)\s+(?i:the\s+(?:beginning|start)\s+of\s+)?)(?P<a>{date}|{d}),?\s+(?i:to|and|until|till|through|up\s+to|-|–)\s+"
            rf"(?i:the\s+end\s+of\s+)?(?P<b>{date})"
        ),
        "from_until": re.compile(  # "from the adoption of Resolution 2139 on 22 February 2014 until the end of February 2020"
            rf"\b(?i:from)\s[^.;:]{{0,100}}?\s(?i:in|on|of)\s+(?P<a>{date}),?\s+(?i:to|until|till|through|up\s+to)\s+"
            rf"(?i:the\s+end\s+of\s+)?(?P<b>{date})"
        ),
        "dash": re.compile(rf"(?P<a>{d}\s+{m}(?:\s+{y})?|{m}\s+{d})\s*[-–]\s*(?P<b>{d}\s+{m},?\s+{y}|{m}\s+{d},?\s+{y})"),
        "since": re.compile(
            rf"\b(?i:since)\s+(?i:the\s+(?:beginning|start|outset)\s+of\s+|early\s+)?"
            rf"(?:[^\d.;:]{{0,100}}?\s(?i:in|of|on)\s+)?(?P<a>{date})"
        ),
        "day": re.compile(rf"(?<![\d\w])(?:{d}\s+{m},?\s+{y}|{m}\s+{d},\s+{y})"),
        # "On 27 July, Russian warplanes …": a sentence that opens on a day of a month the context gives the year of
        "day_in_year": re.compile(rf"^\W{{0,3}}(?i:on)\s+(?:{d}\s+{m}|{m}\s+{d})(?![,\s]*(?:{y}|\d))"),
        "half": re.compile(rf"\b(?i:(?P<which>first|second)\s+half\s+of\s+(?:the\s+year\s+)?)(?P<y>{y})"),
        "first_months": re.compile(rf"\b(?i:(?:the\s+)?first\s+(?P<n>two|three|four|five|six|seven|eight|nine|ten|eleven|\d{{1,2}})"
                                   rf"\s+months\s+of\s+(?:the\s+year\s+)?)(?P<y>{y})?"),
        "quarter": re.compile(rf"\b(?P<which>first|second|third|fourth)\s+quarter\s+of\s+(?P<y>{y})"),
        "month": re.compile(rf"(?<![\d\w])(?<!\d )(?P<m>{m})(?:,?\s+(?P<y>{y}))?(?![\w])(?!\s+\d)"),
        "year": re.compile(rf"\b(?i:in|during|throughout|for|of)\s+(?i:the\s+year\s+)?(?P<y>{y})\b(?!\s*[,/-]?\s*\d)"),
        "days": re.compile(r"\b(?:in|over|during|within)\s+(?:the\s+(?:last|past)\s+)?(?P<n>\d{1,3})\s+days\b"),
        "last_month": re.compile(r"\b(?:last|past|previous)\s+month\b"),
        "last_year": re.compile(r"\b(?:last|past|previous)\s+year\b"),
    }


def _month_span(year: int, month: int) -> Period:
    return Period(start=dt.date(year, month, 1), end=dt.date(year, month, calendar.monthrange(year, month)[1]))


def _parse_date(text: str, lang: str, year: int | None) -> tuple[int | None, int | None, int | None]:
    """(year, month, day) of a date phrase; parts it does not state are None."""
    months = _months(lang)
    y = re.search(r"(?:19|20)\d\d", text)
    mo = next((v for name, v in sorted(months.items(), key=lambda kv: -len(kv[0]))
               if re.search(rf"\b{re.escape(name)}\b", text.lower())), None)
    rest = re.sub(r"(?:19|20)\d\d", "", text)
    dm = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\b", rest)
    return (int(y.group()) if y else year), mo, (int(dm.group(1)) if dm else None)


def _bound(ymd: tuple[int | None, int | None, int | None], end: bool) -> dt.date | None:
    y, m, d = ymd
    if y is None:
        return None
    if m is None:
        return dt.date(y, 12, 31) if end else dt.date(y, 1, 1)
    last = calendar.monthrange(y, m)[1]
    if d is None:
        return dt.date(y, m, last) if end else dt.date(y, m, 1)
    return dt.date(y, m, min(d, last))


def _range(a: str, b: str, lang: str, year: int | None) -> Period | None:
    pb = _parse_date(b, lang, year)
    pa = _parse_date(a, lang, pb[0])
    if pa[1] is None and pa[2] is not None and pb[1] is not None:
        pa = (pa[0], pb[1], pa[2])
    start, end = _bound(pa, end=False), _bound(pb, end=True)
    if start and end and start > end and pa[0] == pb[0] and pb[0] is not None and "19" not in a and "20" not in a:
        start = start.replace(year=start.year - 1)
    if start is None or end is None or start > end:
        return None
    return Period(start=start, end=end)


def find_periods(
    text: str,
    *,
    lang: str = "en",
    year: int | None = None,
    published: dt.date | None = None,
    anchor: dt.date | None = None,
    days: bool = False,
) -> list[Found]:
    """Every period phrase in ``text``; a month without a year takes ``year``; ``days`` adds single dates."""
    out: list[Found] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, period: Period | None, kind: str) -> None:
        if period is None or any(s < end and start < e for s, e in taken):
            return
        taken.append((start, end))
        out.append(Found(start, end, period, kind))

    if days:
        for mt in _NUMERIC.finditer(text.translate(_EASTERN_DIGITS)):
            day = _numeric_day(int(mt["a"]), int(mt["b"]), int(mt["y"]))  # "6/11/2022": the day first, as Syrians write
            add(mt.start(), mt.end(), Period(start=day, end=day) if day else None, "day")
    if lang == "ar":
        find_periods_ar(text, add, year=year, published=published, anchor=anchor, days=days)
        return sorted(out, key=lambda f: f.start)
    pats = _patterns(lang)

    for key in ("range", "from_until", "dash"):
        for mt in pats[key].finditer(text):
            add(mt.start(), mt.end(), _range(mt["a"], mt["b"], lang, year), "range")
    for mt in pats["since"].finditer(text):
        parts = _parse_date(mt["a"], lang, year)
        start = _bound(parts, end=False)
        if parts == (UPRISING.year, None, None):
            start = UPRISING  # "since 2011": documentation of the conflict begins with the uprising, in March 2011
        if start and published and start > published and not re.search(r"(?:19|20)\d\d", mt["a"]):
            start = _bound((start.year - 1, parts[1], parts[2]), end=False)  # "since December", said in March: last year's
        valid = start is not None and (published is None or start <= published)
        add(mt.start(), mt.end(), Period(start=start, end=published) if valid else None, "since")
    for mt in pats["half"].finditer(text):
        y = int(mt["y"])
        first = mt["which"].lower() == "first"
        add(mt.start(), mt.end(), Period(start=dt.date(y, 1 if first else 7, 1), end=dt.date(y, 6 if first else 12, 30 if first else 31)), "half")
    for mt in pats["first_months"].finditer(text):
        in_year = int(mt["y"]) if mt["y"] else year
        n = int(mt["n"]) if mt["n"].isdigit() else _WORD_NUMBERS[mt["n"].lower()]
        if in_year is not None and 1 <= n <= 12:  # "in the first five months of the year"
            add(mt.start(), mt.end(), Period(start=dt.date(in_year, 1, 1), end=_month_span(in_year, n).end), "half")
    for mt in pats["quarter"].finditer(text):
        y, q = int(mt["y"]), ["first", "second", "third", "fourth"].index(mt["which"])
        end_month = 3 * q + 3
        add(mt.start(), mt.end(), Period(start=dt.date(y, 3 * q + 1, 1), end=dt.date(y, end_month, calendar.monthrange(y, end_month)[1])), "quarter")
    for mt in pats["month"].finditer(text):
        month_year = int(mt["y"]) if mt["y"] else year
        if month_year is not None and not (mt["m"].rstrip(".") == "May" and not mt["y"] and not _preposition_before(text, mt.start())):
            add(mt.start(), mt.end(), _month_span(month_year, _months(lang)[mt["m"].rstrip(".").lower()]), "month")
    for mt in pats["year"].finditer(text):
        y = int(mt["y"])
        add(mt.start(), mt.end(), Period(start=dt.date(y, 1, 1), end=dt.date(y, 12, 31)), "year")
    if published is not None:
        for mt in pats["last_month"].finditer(text):
            prev = published.replace(day=1) - dt.timedelta(days=1)
            add(mt.start(), mt.end(), _month_span(prev.year, prev.month), "relative")
        for mt in pats["last_year"].finditer(text):
            y = published.year - 1
            add(mt.start(), mt.end(), Period(start=dt.date(y, 1, 1), end=dt.date(y, 12, 31)), "relative")
    for mt in [*pats["day"].finditer(text), *pats["day_in_year"].finditer(text)] if days else []:
        dy, dm, dd = _parse_date(mt.group(), lang, year)
        if dy and dm and dd and dd <= calendar.monthrange(dy, dm)[1]:
            add(mt.start(), mt.end(), Period(start=dt.date(dy, dm, dd), end=dt.date(dy, dm, dd)), "day")
    if anchor is not None:
        for mt in pats["days"].finditer(text):
            span = max(1, int(mt["n"]))  # "in 16 days" up to the anchor, both ends counted
            add(mt.start(), mt.end(), Period(start=anchor - dt.timedelta(days=span - 1), end=anchor), "relative")
    return sorted(out, key=lambda f: f.start)


_EASTERN_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")  # one character for one: offsets stay
_NUMERIC = re.compile(r"(?<![\d/.])(?P<a>[0-3]?\d)[/.](?P<b>[0-3]?\d)[/.](?P<y>(?:19|20)\d\d)(?![\d/])")
_WORD_NUMBERS = {w: n for n, w in enumerate("zero one two three four five six seven eight nine ten eleven".split())}


def _numeric_day(a: int, b: int, y: int) -> dt.date | None:
    """A day written with digits: day first, unless only the other order is a date ("11/26/2019")."""
    for day, month in ((a, b), (b, a)):
        if 1 <= month <= 12 and 1 <= day <= calendar.monthrange(y, month)[1]:
            return dt.date(y, month, day)
    return None


def _preposition_before(text: str, at: int) -> bool:
    return bool(re.search(r"\b(?:in|during|of|for|since|throughout|until|to|from)\s+$", text[max(0, at - 12) : at]))


def context_year(doc: Doc, published: dt.date | None) -> int | None:
    """The year a month without one belongs to: the publication's, else the first year stated."""
    if published is not None:
        return published.year
    mt = re.search(r"\b(?:19|20)\d\d\b", doc.text[:3000])
    return int(mt.group()) if mt else None


def find_document_period(doc: Doc, published: dt.date | None, lang: str = "en") -> Period | None:
    """The period the report covers: from its title, else from its lead (first sentences)."""
    year = context_year(doc, published)
    sents = list(doc.sents)[:6]
    if not sents:
        return None
    for text in (sents[0].text, doc.text[: sents[-1].end_char]):
        found = find_periods(text, lang=lang, year=year, published=published)
        for kind in ("range", "half", "quarter", "month", "since", "year", "relative"):
            for f in found:
                if f.kind == kind:
                    return f.period
    days = [f for f in find_periods(doc.text[: sents[-1].end_char], lang=lang, year=year, days=True)
            if f.kind == "day" and f.period.start != published]  # not the dateline
    return days[0].period if days else None  # a report on one incident: "On 22 July 2019, …"
