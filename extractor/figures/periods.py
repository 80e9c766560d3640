"""Which span each count covers: its own sentence's period, its total's, the paragraph's day, the heading's, the report's."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from spacy.tokens import Doc

from extractor.figures.candidate import Candidate
from extractor.figures.layout import layout_of, line_of
from extractor.periods import Found, context_year, find_periods
from tally.model import UPRISING, Period

_HEADING_ENDS = {".", "!", "?", ":", "؟"}


@dataclass
class Spans:
    """Each candidate's period (by ``id``), and which candidates have one stated in their own sentence."""

    decided: dict[int, Period | None]
    explicit: set[int]


def figure_periods(
    doc: Doc, cands: list[Candidate], *, period: Period | None, published: dt.date | None, lang: str
) -> Spans:
    """The period of every candidate: a table row's year, its own sentence's period phrase nearest the number,
    its total's, the last day named earlier in its paragraph, its heading's, else the report's ``period``."""
    year = context_year(doc, published)
    if period is not None and period.start is not None and period.end is not None and period.start.year == period.end.year:
        year = period.start.year  # "the deadliest month was July" in a report on 2019 published in January 2020
    anchor = period.end if period else published
    phrases = {  # each sentence's period phrases, found once
        start: find_periods(sent.text, lang=lang, year=year, published=published, anchor=anchor, days=True)
        for start, sent in {c.sent.start: c.sent for c in cands}.items()
    }
    explicit = {id(c) for c in cands if c.period is None and any(f.kind != "relative" for f in phrases[c.sent.start])}
    days = _paragraph_days(doc, lang, year)
    sections = _section_periods(doc, lang, year, published)
    decided: dict[int, Period | None] = {}
    for c in cands:
        own = c.period or _own_period(c, doc, phrases[c.sent.start], decided)
        if c.metric == "forcibly_disappeared" and _since_the_uprising(own or period):
            c.metric = "still_disappeared"  # disappearances counted since March 2011: the disappeared of today
        if c.metric in _STOCKS and (own is None or own.start is None or own.start == own.end or _since_the_uprising(own)):
            decided[id(c)] = _stock_span(own, period, published)
            continue
        found = own or days.get(c.sent.start) or sections.get(c.sent.start) or period
        decided[id(c)] = _to_date(found, published, phrases[c.sent.start])
    return Spans(decided, explicit)


#: Counts of people still in a state on the report's date: since the uprising (March 2011) up to that date.
_STOCKS = {"detained", "still_disappeared"}


def _since_the_uprising(span: Period | None) -> bool:
    """Does the span start with the uprising (March 2011 or earlier in 2011) and run for years?"""
    return bool(span and span.start and span.start <= dt.date(2011, 12, 31)
                and (span.end is None or span.end.year - span.start.year >= 3))


def _stock_span(own: Period | None, period: Period | None, published: dt.date | None) -> Period | None:
    """A stock ("remain detained", "still disappeared") counts from March 2011 to the day it is stated for: the
    date its sentence gives ("as of 30 August 2022"), else the report's end or publication date."""
    end = own.end if own is not None and own.end is not None else (period.end if period and period.end else published)
    return Period(start=UPRISING, end=end) if end is not None and end >= UPRISING else own


def _to_date(found: Period | None, published: dt.date | None, phrases: list[Found]) -> Period | None:
    """A month still under way when the report came out ends on its publication date ("in July", published on
    22 July, is 1–22 July)."""
    if found is None or published is None or found.start is None or found.end is None:
        return found
    month = found.start.day == 1 and found.start.month == found.end.month and found.start.year == found.end.year
    if month and found.start <= published < found.end:
        return Period(start=found.start, end=published)
    return found


def _own_period(c: Candidate, doc: Doc, found: list[Found], decided: dict[int, Period | None]) -> Period | None:
    """The period phrase of the count's sentence nearest the number, else its total's."""
    if found:
        at = doc[c.number.start].idx - c.sent.start_char
        return min(found, key=lambda f: min(abs(f.start - at), abs(f.end - at))).period
    if c.head is not None and id(c.head) in decided:
        return decided[id(c.head)]
    return None


def _paragraph_days(doc: Doc, lang: str, year: int | None) -> dict[int, Period]:
    """Per sentence start: the last single day named earlier in its paragraph ("On 22 July 2019, … The attack
    killed 39 civilians")."""
    layout = layout_of(doc)
    out: dict[int, Period] = {}
    block, last = -1, None
    for sent in layout.sents:
        here = layout.block_index(sent.start_char)
        if here != block:
            block, last = here, None
        if last is not None:
            out[sent.start] = last
        days = [f for f in find_periods(sent.text, lang=lang, year=year, days=True) if f.kind == "day"]
        last = days[-1].period if days else last
    return out


def _section_periods(doc: Doc, lang: str, year: int | None, published: dt.date | None) -> dict[int, Period | None]:
    """Per sentence start: the period named by the heading it stands under, if that heading names one."""
    current: Period | None = None
    out: dict[int, Period | None] = {}
    for sent in layout_of(doc).sents:
        line = line_of(doc, sent)
        heading = 0 < len(line.split()) <= 16 and line[-1:] not in _HEADING_ENDS
        if heading:
            found = [f for f in find_periods(line, lang=lang, year=year, published=published) if f.kind != "since"]
            current = found[0].period if found else None
        out[sent.start] = current
    return out
