"""Arabic period phrases: Syrian and Egyptian month names, pairs like "آذار/مارس", ranges, "منذ", halves."""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from collections.abc import Callable

from extractor.vocab import rows_for
from tally.model import UPRISING, Period

# One character for one: offsets found in the folded text are offsets in the original.
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", **{c: str(i) for i, c in enumerate("٠١٢٣٤٥٦٧٨٩")}})
_Y = r"(?:19|20)\d\d"


def fold(text: str) -> str:
    return text.translate(_FOLD)


@functools.lru_cache(maxsize=1)
def month_numbers() -> dict[str, int]:
    """Folded Arabic month name (Syrian and Egyptian) -> month number, from vocab/months.tsv."""
    return {fold(r["name"]): int(r["month"]) for r in rows_for("months", "ar")}


@functools.lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]] | None:
    names = sorted(month_numbers(), key=len, reverse=True)
    if not names:
        return None
    one = "(?:" + "|".join(re.escape(n) for n in names) + ")"
    m = rf"{one}(?:\s*/\s*{one})?"
    year = rf"(?:(?:عام|العام|سنة)\s+)?{_Y}م?"
    date = rf"(?:\d{{1,2}}\s+)?(?:شهر\s+)?{m}(?:\s+{year})?|{year}"
    sources = {
        "range": (rf"(?:من|بين|منذ)\s+(?P<a>{date}|\d{{1,2}})\s+(?:و?(?:إلى|الى|حتى|لغاية)|و)\s*(?P<b>{date})"),
        "since": (rf"منذ\s+(?:[^\d.،؛:]{{0,50}}?\s(?:في|عام)\s+)?(?P<a>{date})"),
        "half": (rf"النصف\s+(?P<which>الاول|الثاني)\s+من\s+(?:عام\s+|العام\s+)?(?P<y>{_Y})"),
        "day": (rf"(?<!\d)(?P<d>\d{{1,2}})\s+{m}\s+(?:عام\s+|العام\s+)?(?P<y>{_Y})"),
        # "وفي 27 تموز ارتكبت …", "فوقعت في 9 تموز": "on" a day of a month the context gives the year of (Arabic
        # narrates an incident's day after its verb as often as before it; English opens the sentence with it)
        "day_in_year": (rf"(?:^|\s)(?:و?في|يوم|بتاريخ)\s+(?P<d>\d{{1,2}})\s+{m}(?!\s*(?:/|عام|العام|سنة|\d))"),
        "month": (rf"(?<!\d\s)(?<![\w])(?P<m>{m})(?:\s+(?:عام\s+|العام\s+)?(?P<y>{_Y}))?(?![\w])"),
        "year": (rf"(?:في|خلال|عام|العام|لعام|سنة)\s+(?:عام\s+)?(?P<y>{_Y})(?!\s*[/-]?\s*\d)"),
        "days": (r"(?:خلال|في|مدى)\s+(?P<n>\d{1,3})\s+(?:يوما|يوم|ايام)"),
        "last_month": (r"الشهر\s+(?:الماضي|المنصرم|السابق)"),
        "last_year": (r"العام\s+(?:الماضي|المنصرم|السابق)"),
    }
    # The text is folded before matching (أ → ا, ى → ي): fold the patterns' own words the same way.
    return {key: re.compile(fold(source)) for key, source in sources.items()}


def _month_of(text: str) -> int | None:
    for name, number in sorted(month_numbers().items(), key=lambda kv: -len(kv[0])):
        if name in text:
            return number
    return None


def _date_parts(text: str, year: int | None) -> tuple[int | None, int | None, int | None]:
    y = re.search(_Y, text)
    rest = re.sub(_Y, "", text)
    d = re.search(r"(?<!\d)(\d{1,2})(?!\d)", rest)
    return (int(y.group()) if y else year), _month_of(text), (int(d.group(1)) if d else None)


def _bound(parts: tuple[int | None, int | None, int | None], end: bool) -> dt.date | None:
    y, m, d = parts
    if y is None:
        return None
    if m is None:
        return dt.date(y, 12, 31) if end else dt.date(y, 1, 1)
    last = calendar.monthrange(y, m)[1]
    return dt.date(y, m, min(d, last)) if d else dt.date(y, m, last if end else 1)


def find_periods_ar(
    text: str,
    add: Callable[[int, int, Period | None, str], None],
    *,
    year: int | None,
    published: dt.date | None,
    anchor: dt.date | None,
    days: bool,
) -> None:
    """Report every Arabic period phrase of ``text`` to ``add(start, end, period, kind)``."""
    pats = _patterns()
    if pats is None:
        return
    folded = fold(text)
    for mt in pats["range"].finditer(folded):
        b = _date_parts(mt["b"], year)
        a = _date_parts(mt["a"], b[0])
        if a[1] is None and a[2] is not None:
            a = (a[0], b[1], a[2])
        start, end = _bound(a, end=False), _bound(b, end=True)
        add(mt.start(), mt.end(), Period(start=start, end=end) if start and end and start <= end else None, "range")
    for mt in pats["since"].finditer(folded):
        parts = _date_parts(mt["a"], year)
        start = _bound(parts, end=False)
        if parts == (UPRISING.year, None, None):
            start = UPRISING  # "منذ عام 2011": documentation of the conflict begins with the uprising, in March 2011
        if start and published and start > published and not re.search(_Y, mt["a"]):
            start = _bound((start.year - 1, parts[1], parts[2]), end=False)  # "منذ كانون الأول" in January: last year's
        valid = start is not None and (published is None or start <= published)
        add(mt.start(), mt.end(), Period(start=start, end=published) if valid else None, "since")
    for mt in pats["half"].finditer(folded):
        y, first = int(mt["y"]), mt["which"] == "الاول"
        add(mt.start(), mt.end(), Period(start=dt.date(y, 1 if first else 7, 1), end=dt.date(y, 6 if first else 12, 30 if first else 31)), "half")
    for key in ("day", "day_in_year"):
        for mt in pats[key].finditer(folded) if days else []:
            parts = _date_parts(mt.group(), year)
            day = _bound(parts, end=False) if parts[2] else None
            add(mt.start(), mt.end(), Period(start=day, end=day) if day else None, "day")
    for mt in pats["month"].finditer(folded):
        month_year = int(mt["y"]) if mt["y"] else year
        month = _month_of(mt["m"])
        if month_year and month:
            last = calendar.monthrange(month_year, month)[1]
            add(mt.start(), mt.end(), Period(start=dt.date(month_year, month, 1), end=dt.date(month_year, month, last)), "month")
    for mt in pats["year"].finditer(folded):
        y = int(mt["y"])
        add(mt.start(), mt.end(), Period(start=dt.date(y, 1, 1), end=dt.date(y, 12, 31)), "year")
    if published is not None:
        for mt in pats["last_month"].finditer(folded):
            prev = published.replace(day=1) - dt.timedelta(days=1)
            add(mt.start(), mt.end(), Period(start=prev.replace(day=1), end=prev), "relative")
        for mt in pats["last_year"].finditer(folded):
            y = published.year - 1
            add(mt.start(), mt.end(), Period(start=dt.date(y, 1, 1), end=dt.date(y, 12, 31)), "relative")
    if anchor is not None:
        for mt in pats["days"].finditer(folded):
            span = max(1, int(mt["n"]))
            add(mt.start(), mt.end(), Period(start=anchor - dt.timedelta(days=span - 1), end=anchor), "relative")
