"""Calendar dates written in words or digits: find them in text and read them as ISO dates."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from extractor.arabic import normalize_ar
from extractor.vocab import rows_for

#: Eastern Arabic digits read as Western ones, character for character, so offsets stay true.
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


@dataclass(frozen=True)
class DateMention:
    """A date found in text; ``day`` (and ``month``) are ``None`` when the text leaves them out."""

    start: int
    end: int
    year: int
    month: int | None
    day: int | None
    weekday: bool = False

    def iso(self) -> str:
        """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``, as precise as the text is."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def date(self) -> dt.date | None:
        """The day, when the text names one."""
        if self.month is None or self.day is None:
            return None
        return dt.date(self.year, self.month, self.day)


@functools.lru_cache(maxsize=8)
def _months(lang: str) -> dict[str, int]:
    """Month names and abbreviations (vocab/months.tsv), lower case."""
    return {row["name"].lower(): int(row["month"]) for row in rows_for("months", lang)}


def _month_number(lang: str, name: str) -> int:
    """The month a matched name stands for; spacing and Arabic spelling variants do not matter."""
    wanted = _key(name.rstrip("."))
    return next(number for month, number in _months(lang).items() if _key(month) == wanted)


def _key(text: str) -> str:
    return normalize_ar(" ".join(text.split())).lower()


@functools.lru_cache(maxsize=32)
def _fillers(lang: str, kind: str) -> str:
    """An optional word of cues.tsv ``kind`` and its space, as a regex ("" when the language has none)."""
    words = [row["text"] for row in rows_for("cues", lang) if row["kind"] == kind]
    return rf"(?:(?:{_alternation(dict.fromkeys(words, 0))})\s+)?" if words else ""


@functools.lru_cache(maxsize=8)
def _weekdays(lang: str) -> dict[str, int]:
    """Weekday names and abbreviations (vocab/weekdays.tsv), lower case."""
    return {row["name"].lower(): int(row["day"]) for row in rows_for("weekdays", lang)}


def _alternation(names: dict[str, int]) -> str:
    return "|".join(re.escape(name).replace(r"\ ", r"\s+") for name in sorted(names, key=len, reverse=True))


@functools.lru_cache(maxsize=8)
def _patterns(lang: str) -> tuple[re.Pattern[str], ...]:
    month = rf"(?:{_alternation(_months(lang))})\.?"
    weekday = rf"(?:{_alternation(_weekdays(lang))})\.?"
    lead = rf"(?:{_fillers(lang, 'date_before_weekday')}(?P<wd>{weekday})[,،]?\s+)?(?:the\s+)?"
    day = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
    year = rf"{_fillers(lang, 'date_before_year')}(?P<y>(?:1[89]|20)\d\d)"
    # Arabic writes both names of a month: "حزيران/يونيو", "تشرين الثاني / نوفمبر".
    separators = [re.escape(row["text"]) for row in rows_for("cues", lang) if row["kind"] == "month_pair_separator"]
    pair = rf"(?:\s*(?:{'|'.join(separators)})\s*{month}(?!\w))?" if separators else ""
    named = rf"{_fillers(lang, 'date_before_month')}(?P<m>{month})(?!\w){pair}"
    # A word starts the date, or a conjunction written onto it does: "و1 حزيران 2019".
    start = r"(?:(?<!\w)|(?<=(?<!\w)[وف]))"
    flags = re.IGNORECASE
    return (
        # 18 November 2019, Monday 18th of November, 2019
        re.compile(rf"{start}{lead}{day}\s+(?:of\s+)?{named}[,،]?\s+{year}(?!\w)", flags),
        # November 18, 2019, Thursday, March 23, 2017
        re.compile(rf"(?<!\w){lead}(?P<m>{month})(?!\w)\s*{day},?\s+{year}(?!\w)", flags),
        # 2019-11-18
        re.compile(r"(?<![\w-])(?P<y>(?:1[89]|20)\d\d)-(?P<mn>[01]?\d)-(?P<d>[0-3]?\d)(?![\w-])"),
        # 18/11/2019 or 11/18/2019: read only when one order is impossible
        re.compile(r"(?<![\w/.])(?P<a>[0-3]?\d)[/.](?P<b>[0-3]?\d)[/.](?P<y>(?:1[89]|20)\d\d)(?![\w/])"),
        # November 2019, November of 2019
        re.compile(rf"{start}{named}[,،]?\s+(?:of\s+)?{year}(?!\w)", flags),
    )


@functools.lru_cache(maxsize=8)
def _day_first(lang: str) -> bool:
    return any(row["kind"] == "numeric_date_order" and row["text"] == "day_first" for row in rows_for("cues", lang))


def _numeric_day_month(a: int, b: int) -> tuple[int, int] | None:
    """Day and month from ``a/b``: only when one order is impossible, or both read the same."""
    if a == b or (a > 12 >= b):
        return a, b
    if b > 12 >= a:
        return b, a
    return None


def _mention(match: re.Match[str], lang: str, offset: int) -> DateMention | None:
    groups = match.groupdict()
    year = int(groups["y"])
    day: int | None = int(groups["d"]) if groups.get("d") else None
    if groups.get("a"):
        order = _numeric_day_month(int(groups["a"]), int(groups["b"]))
        if order is None and _day_first(lang):
            order = int(groups["a"]), int(groups["b"])  # where writers put the day first, "01/09/2015" is September
        if order is None:
            return None
        day, month = order
    elif groups.get("mn"):
        month = int(groups["mn"])
    else:
        month = _month_number(lang, groups["m"])
    try:
        dt.date(year, month, day or 1)
    except ValueError:
        return None
    return DateMention(
        start=offset + match.start(),
        end=offset + match.end(),
        year=year,
        month=month,
        day=day,
        weekday=bool(groups.get("wd")),
    )


def find_dates(text: str, lang: str = "en") -> list[DateMention]:
    """Every date with a year in ``text``, left to right, the longest reading where they overlap."""
    text = text.translate(_DIGITS)
    found: list[DateMention] = []
    for pattern in _patterns(lang):
        for match in pattern.finditer(text):
            mention = _mention(match, lang, 0)
            if mention is not None and not any(m.start < mention.end and mention.start < m.end for m in found):
                found.append(mention)
    return sorted(found, key=lambda m: m.start)


def parse_date(text: str, lang: str = "en") -> DateMention | None:
    """``text`` as one date with a year, or ``None`` when it is anything more or less than that."""
    stripped = text.translate(_DIGITS).strip().strip(",.;:،")
    for pattern in _patterns(lang):
        match = pattern.fullmatch(stripped)
        if match:
            return _mention(match, lang, 0)
    return None


def parse_iso(value: str) -> dt.date | None:
    """A ``YYYY-MM-DD`` string (or a longer ISO timestamp) as a date, else ``None``."""
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None
