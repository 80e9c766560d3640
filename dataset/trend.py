"""A time series of one metric from the dataset's figures, month by month or year by year, without double counting.

Reports restate and break down their figures, so summing every matching figure counts the same
people several times. ``trend_series`` counts a figure only under these rules:

1. One bucket. A figure counts in a bucket (a calendar month or year) only when its period — its own,
   else its document's — lies within that one bucket. A yearly total is not spread over months; a
   figure spanning two months counts in a year but in no month; a figure with no period counts nowhere.
2. Restatements once. Figures of the same metric, group, party, target, place and period are one
   figure, however many documents state it: the latest published document's value counts (within one
   document, the largest).
3. Wholes before parts. Two figures of a bucket may describe some of the same people when their
   periods intersect and, in every other respect, one includes the other: no party (a total over all
   parties) includes every party, an alliance includes its members (``syrian_russian_alliance``:
   ``syrian_regime``, ``russian_forces``; ``extremist_groups``: ``isis``, ``hts``), no target includes
   every target, no place includes every place and a governorate includes its towns (a place the
   gazetteer cannot locate in one governorate may include any). Figures are taken widest first —
   party, then target, then place, then the longer period, then the later document — and one that may
   describe people already counted is left out. So a total is used when present, else the parties'
   sum; an alliance's figure, else its members'; a governorate's figure, else its towns'.

A bucket inside the range (the asked ``since``..``until``, else the first to the last bucket with
data) that no figure falls in is a gap (``count`` is ``None``), not a zero: no report said nothing
happened.
"""

from __future__ import annotations

import csv
import datetime as dt
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal, TextIO, cast, get_args

from dataset.query import PARTY_MEMBERS, FigureFilter, FoundFigure, place_of, query_figures
from tally.errors import InputError
from tally.model import METRICS, PEOPLE_METRICS, Period
from tally.output import align_rows

By = Literal["month", "year"]
BUCKETS: tuple[By, ...] = get_args(By)
TREND_FORMATS = ("table", "csv", "png", "svg")


@dataclass(frozen=True)
class Bucket:
    """One month (``2019-03``) or year (``2019``): its count, or ``None`` for a gap, and the documents counted."""

    label: str
    start: dt.date
    end: dt.date
    count: int | None = None
    documents: tuple[str, ...] = ()


@dataclass(frozen=True)
class Series:
    """A trend: its buckets in order, a title, and how many matching figures were not counted and why."""

    by: By
    buckets: list[Bucket]
    title: str = ""
    unplaced: int = 0
    overlapping: int = 0
    counted: list[FoundFigure] = field(default_factory=list)


def bucket_bounds(day: dt.date, by: By) -> tuple[dt.date, dt.date]:
    """The first and last day of the month or year of ``day``."""
    if by == "year":
        return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
    following = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return day.replace(day=1), following - dt.timedelta(days=1)


def bucket_label(day: dt.date, by: By) -> str:
    return f"{day.year}" if by == "year" else f"{day.year}-{day.month:02d}"


def bucket_of(period: Period | None, by: By) -> dt.date | None:
    """The first day of the one bucket ``period`` lies within; ``None`` if it is open or spans several."""
    if period is None or period.start is None or period.end is None:
        return None
    start, end = bucket_bounds(period.start, by)
    return start if period.end <= end else None


def parties_overlap(a: str | None, b: str | None) -> bool:
    """Whether one party includes the other (no party includes all; an alliance its members)."""
    return a is None or b is None or a == b or b in PARTY_MEMBERS.get(a, ()) or a in PARTY_MEMBERS.get(b, ())


def places_overlap(a: str | None, b: str | None) -> bool:
    """Whether one place may include the other; a place not within one known governorate may include any."""
    if a is None or b is None or a.casefold() == b.casefold():
        return True
    pa, pb = place_of(a), place_of(b)
    if pa is None or pb is None or not pa.governorate or not pb.governorate:
        return True
    if pa.governorate != pb.governorate:
        return False
    return pa.canonical == pa.governorate or pb.canonical == pb.governorate or "region" in (pa.kind, pb.kind)


def _place_level(location: str | None) -> int:
    if location is None:
        return 0
    place = place_of(location)
    if place is None or not place.governorate:
        return 1
    return 2 if place.canonical == place.governorate else 3


def _periods_meet(a: Period, b: Period) -> bool:
    assert a.start and a.end and b.start and b.end  # placed figures have closed periods
    return a.start <= b.end and b.start <= a.end


def _overlap(a: FoundFigure, b: FoundFigure) -> bool:
    fa, fb = a.figure, b.figure
    return (
        parties_overlap(fa.perpetrator, fb.perpetrator)
        and (fa.target is None or fb.target is None or fa.target == fb.target)
        and places_overlap(fa.location, fb.location)
        and _periods_meet(a.period or Period(), b.period or Period())
    )


def _widest_first(found: FoundFigure) -> tuple[int, int, int, int, int, int, str]:
    figure, period = found.figure, found.period
    assert period is not None and period.start and period.end
    party = 0 if figure.perpetrator is None else 1 if figure.perpetrator in PARTY_MEMBERS else 2
    published = found.published.toordinal() if found.published else 0
    return (
        party,
        0 if figure.target is None else 1,
        _place_level(figure.location),
        -(period.end - period.start).days,
        -published,
        -figure.count,
        found.path,
    )


def _check_one_series(figures: Sequence[FoundFigure]) -> None:
    kinds = sorted({(f.figure.metric, f.figure.group or "") for f in figures})
    if len(kinds) > 1:
        named = ", ".join(f"{group} {metric}".strip() for metric, group in kinds[:6])
        raise InputError(f"a trend counts one metric of one group, but the figures mix {named}; give --metric and --group")


def trend_series(
    figures: Iterable[FoundFigure],
    by: By = "month",
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    title: str = "",
) -> Series:
    """The counts per bucket of ``figures`` (one metric of one group), by the rules of this module."""
    figures = list(figures)
    _check_one_series(figures)
    low = bucket_bounds(since, by)[0] if since else None
    high = bucket_bounds(until, by)[0] if until else None
    placed: dict[dt.date, list[FoundFigure]] = {}
    unplaced = 0
    for found in figures:
        start = bucket_of(found.period, by)
        if start is None:
            unplaced += 1
        elif (low is None or start >= low) and (high is None or start <= high):
            placed.setdefault(start, []).append(found)
    counted: dict[dt.date, list[FoundFigure]] = {}
    for start, candidates in placed.items():
        kept: list[FoundFigure] = []
        for found in sorted(candidates, key=_widest_first):
            if not any(_overlap(found, other) for other in kept):
                kept.append(found)
        counted[start] = kept
    starts = sorted(placed)
    first = low or (starts[0] if starts else high)
    last = high or (starts[-1] if starts else first)
    buckets: list[Bucket] = []
    day = first
    while day is not None and last is not None and day <= last:
        end = bucket_bounds(day, by)[1]
        kept = counted.get(day, [])
        count = sum(f.figure.count for f in kept) if kept else None
        buckets.append(Bucket(bucket_label(day, by), day, end, count, tuple(sorted({f.path for f in kept}))))
        day = end + dt.timedelta(days=1)
    overlapping = sum(len(placed[d]) - len(counted[d]) for d in placed)
    every = [f for d in sorted(counted) for f in counted[d]]
    return Series(by, buckets, title, unplaced, overlapping, every)


def check_trend_filter(filters: FigureFilter) -> None:
    """A trend needs a metric, and a group when the metric counts people: sums across them mean nothing."""
    if filters.metric is None:
        raise InputError(f"--metric: a trend counts one metric; valid choices: {', '.join(METRICS)}")
    if filters.metric in PEOPLE_METRICS and filters.group is None:
        raise InputError(f"--group: {filters.metric} counts people; a trend counts one group (children, civilians…)")


def trend_title(filters: FigureFilter, by: By) -> str:
    """``children killed by russian_forces in Idlib, by month``."""
    what = " ".join(part for part in (filters.group, filters.metric or "figures") if part)
    if filters.perpetrator:
        what += f" by {filters.perpetrator}"
    if filters.location:
        place = place_of(filters.location)
        what += f" in {place.canonical if place else filters.location}"
    return f"{what}, by {by}"


def dataset_trend(conn: sqlite3.Connection, filters: FigureFilter, by: str) -> Series:
    """The trend, by ``month`` or ``year``, of the dataset's figures that match ``filters``."""
    if by not in BUCKETS:
        raise InputError(f"--by: unknown value {by!r}; valid choices: {', '.join(BUCKETS)}")
    check_trend_filter(filters)
    found = query_figures(conn, filters)
    bucket = cast(By, by)
    return trend_series(found, bucket, since=filters.since, until=filters.until, title=trend_title(filters, bucket))


def series_notes(series: Series) -> list[str]:
    """What a person should know about the figures left out of the counts."""
    notes = [] if series.buckets or series.unplaced else ["no figures match"]
    if series.unplaced:
        notes.append(f"{series.unplaced} matching figures span more than one {series.by} or have no period: not counted")
    if series.overlapping:
        notes.append(f"{series.overlapping} matching figures restate or fall within counted ones: not counted again")
    if series.buckets and all(b.count is None for b in series.buckets):
        notes.append("no figure falls within a single bucket: every bucket is a gap")
    return notes


def write_series(series: Series, fmt: str, out: TextIO) -> None:
    """The series as a table (a gap is ``-``) or as CSV ``bucket,count,documents`` (a gap's count is empty)."""
    if fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(("bucket", "count", "documents"))
        writer.writerows((b.label, "" if b.count is None else b.count, len(b.documents)) for b in series.buckets)
    elif fmt == "table":
        rows = [(series.by, "count", "documents")] + [
            (b.label, "-" if b.count is None else str(b.count), str(len(b.documents))) for b in series.buckets
        ]
        out.write(series.title + "\n\n" + "\n".join(align_rows(rows, right=frozenset({1, 2}))) + "\n")
    else:
        raise InputError(f"unknown format {fmt!r}; valid choices: table, csv")
