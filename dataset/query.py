"""Figures of the dataset that match a filter (metric, group, party, dates, place, language), as contract figures."""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import json
import re
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, TextIO

from tally.places import gazetteer_rows
from tally.errors import InputError
from tally.model import COALITIONS, GROUPS, METRICS, PERPETRATORS, Evidence, Figure, Period
from tally.output import CSV_COLUMNS, TABLE_HEADER, align_rows, figure_row, format_period

#: Parties the contract counts together (shared/spec/figures.md): a figure of the whole covers its members'.
PARTY_MEMBERS: Mapping[str, tuple[str, ...]] = COALITIONS
FIGURE_FORMATS = ("table", "csv", "json")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True)
class FigureFilter:
    """What ``query_figures`` keeps; ``None`` leaves a field open."""

    metric: str | None = None
    group: str | None = None
    perpetrator: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    location: str | None = None
    lang: str | None = None


@dataclass(frozen=True)
class FoundFigure:
    """A figure of the contract as stored, with the document it came from."""

    figure: Figure
    path: str
    language: str | None
    published: dt.date | None
    document_period: Period | None = None

    @property
    def period(self) -> Period | None:
        """The figure's own period, else its document's (as the contract reads a figure without one)."""
        own = self.figure.period
        return own if own is not None and (own.start or own.end) else self.document_period


def parse_date_bound(text: str, *, end: bool, option: str) -> dt.date:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` as the first day it names (the last day when ``end``)."""
    match = _DATE.match(text.strip())
    try:
        if match is None:
            raise ValueError
        year, month, day = int(match[1]), int(match[2] or (12 if end else 1)), match[3]
        if day is None:
            return dt.date(year, month, calendar.monthrange(year, month)[1] if end else 1)
        return dt.date(year, month, int(day))
    except ValueError:
        raise InputError(f"{option}: {text!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)") from None


def _choice(value: str | None, choices: Sequence[str], option: str) -> str | None:
    if value is None or value in choices:
        return value
    raise InputError(f"{option}: unknown value {value!r}; valid choices: {', '.join(choices)}")


def make_filter(
    *,
    metric: str | None = None,
    group: str | None = None,
    perpetrator: str | None = None,
    since: str | None = None,
    until: str | None = None,
    location: str | None = None,
    lang: str | None = None,
) -> FigureFilter:
    """A filter from what a person typed; an unknown id or a bad date is an InputError naming the option."""
    start = parse_date_bound(since, end=False, option="--since") if since else None
    stop = parse_date_bound(until, end=True, option="--until") if until else None
    if start and stop and stop < start:
        raise InputError(f"--until: {until} is before --since {since}")
    return FigureFilter(
        metric=_choice(metric, METRICS, "--metric"),
        group=_choice(group, GROUPS, "--group"),
        perpetrator=_choice(perpetrator, PERPETRATORS, "--perpetrator"),
        since=start,
        until=stop,
        location=location.strip() if location and location.strip() else None,
        lang=lang,
    )


# ---- places (tally/data/gazetteer.tsv) ---------------------------------------------------------


@dataclass(frozen=True)
class Place:
    """A canonical place of the gazetteer: its governorate (empty when it spans several) and kind."""

    canonical: str
    governorate: str
    kind: str


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[dict[str, Place], dict[str, str]]:
    """Places by folded canonical name, and canonical names by every folded name (English or Arabic)."""
    places: dict[str, Place] = {}
    names: dict[str, str] = {}
    for row in gazetteer_rows():
        canonical = row["canonical"]
        places.setdefault(canonical.casefold(), Place(canonical, row["governorate"], row["kind"]))
        names.setdefault(row["name"].casefold(), canonical)
        names.setdefault(canonical.casefold(), canonical)
    return places, names


def place_of(name: str | None) -> Place | None:
    """The gazetteer's place for a name in any of its spellings; ``None`` for no name or an unknown one."""
    if name is None:
        return None
    places, names = _gazetteer()
    canonical = names.get(name.strip().casefold())
    return places[canonical.casefold()] if canonical else None


def _names_within(place: Place) -> set[str]:
    """Every spelling of ``place`` and of the places inside it (a governorate's towns), folded."""
    places, names = _gazetteer()
    inside = {
        key
        for key, other in places.items()
        if key == place.canonical.casefold() or other.governorate == place.canonical
    }
    return {name for name, canonical in names.items() if canonical.casefold() in inside}


def location_names(conn: sqlite3.Connection, location: str) -> set[str]:
    """The folded location values a ``--location`` matches: the place, in any spelling, and places inside it.

    A name the gazetteer does not know is taken as it is if some figure of the dataset has it.
    """
    place = place_of(location)
    if place is not None:
        return _names_within(place)
    stored = {row[0].casefold() for row in conn.execute("SELECT DISTINCT location FROM figures WHERE location IS NOT NULL")}
    if location.casefold() in stored:
        return {location.casefold()}
    governorates = sorted({p.canonical for p in _gazetteer()[0].values() if p.kind in ("governorate", "region")})
    raise InputError(f"--location: unknown place {location!r}; valid choices include: {', '.join(governorates)}")


# ---- the query ----------------------------------------------------------------------------------

_START = "CASE WHEN f.period_start IS NULL AND f.period_end IS NULL THEN d.period_start ELSE f.period_start END"
_END = "CASE WHEN f.period_start IS NULL AND f.period_end IS NULL THEN d.period_end ELSE f.period_end END"
_SELECT = (
    'SELECT d.path, d.language, d.published, d.period_start, d.period_end, f.metric, f."group", f.count,'
    " f.qualifier, f.perpetrator, f.target, f.period_start, f.period_end, f.location, f.evidence_text,"
    f" f.evidence_start, f.evidence_end, f.evidence_page, {_START} AS start"
    " FROM figures f JOIN documents d ON d.id = f.document_id WHERE d.status = 'ok'"
)


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _period(start: str | None, end: str | None) -> Period | None:
    return Period(start=_date(start), end=_date(end)) if start or end else None


def _found(row: sqlite3.Row) -> FoundFigure:
    evidence = None
    if row["evidence_text"] is not None:
        evidence = Evidence(
            text=row["evidence_text"], start=row["evidence_start"], end=row["evidence_end"], page=row["evidence_page"]
        )
    figure = Figure(
        metric=row["metric"],
        group=row["group"],
        count=row["count"],
        qualifier=row["qualifier"],
        perpetrator=row["perpetrator"],
        target=row["target"],
        period=_period(row[11], row[12]),
        location=row["location"],
        evidence=evidence,
    )
    return FoundFigure(figure, row["path"], row["language"], _date(row["published"]), _period(row[3], row[4]))


def query_figures(conn: sqlite3.Connection, filters: FigureFilter) -> list[FoundFigure]:
    """The figures matching ``filters``, by period start (undated last), then document path and order.

    A figure's period lies within ``[since, until]`` (its document's period when it has none; an open
    end never lies within a bound). A party matches the parties it comprises (``syrian_russian_alliance``
    also gives ``syrian_regime`` and ``russian_forces`` figures); a place matches the places inside it.
    """
    where: list[str] = []
    params: list[Any] = []
    for column, value in (("f.metric", filters.metric), ('f."group"', filters.group), ("d.language", filters.lang)):
        if value is not None:
            where.append(f"{column} = ?")
            params.append(value)
    if filters.perpetrator is not None:
        parties = (filters.perpetrator, *PARTY_MEMBERS.get(filters.perpetrator, ()))
        where.append(f"f.perpetrator IN ({', '.join('?' * len(parties))})")
        params += parties
    if filters.since is not None:
        where.append(f"({_START}) >= ?")
        params.append(filters.since.isoformat())
    if filters.until is not None:
        where.append(f"({_END}) <= ?")
        params.append(filters.until.isoformat())
    if filters.location is not None:
        names = sorted(location_names(conn, filters.location))
        where.append(f"lower(f.location) IN ({', '.join('?' * len(names))})")
        params += names
    sql = _SELECT + "".join(f" AND {clause}" for clause in where)
    sql += " ORDER BY start IS NULL, start, d.path, f.position"
    cursor = conn.cursor()
    cursor.row_factory = sqlite3.Row
    return [_found(row) for row in cursor.execute(sql, params)]


# ---- output -------------------------------------------------------------------------------------


def _cell(value: object) -> str:
    return "-" if value is None or value == "" else str(value)


def format_figures_table(found: Sequence[FoundFigure]) -> str:
    """One aligned row per figure, with its period (the document's when it states none) and its file."""
    if not found:
        return ""
    rows = [(*TABLE_HEADER, "path")] + [
        (
            f.figure.metric,
            _cell(f.figure.group),
            str(f.figure.count),
            f.figure.qualifier,
            _cell(f.figure.perpetrator),
            format_period(f.period),
            _cell(f.figure.location),
            _cell(f.figure.evidence.page if f.figure.evidence else None),
            f.path,
        )
        for f in found
    ]
    return "\n".join(align_rows(rows, right=frozenset({2, 7}))) + "\n"


def write_figures(found: Sequence[FoundFigure], fmt: str, out: TextIO) -> None:
    """``found`` as a table, as CSV (the columns of ``tally extract --format csv``) or as one JSON array."""
    if fmt == "table":
        out.write(format_figures_table(found))
    elif fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(figure_row(f.figure, f.path) for f in found)
    elif fmt == "json":
        items = [{**f.figure.model_dump(mode="json"), "path": f.path} for f in found]
        out.write(json.dumps(items, indent=2, ensure_ascii=False) + "\n")
    else:
        raise InputError(f"unknown format {fmt!r}; valid choices: {', '.join(FIGURE_FORMATS)}")

