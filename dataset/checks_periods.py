"""Consistency checks of periods within one document: "in 16 days" against the span, spans inside the report's."""

from __future__ import annotations

import csv
import datetime as dt
import functools
import re
from collections import defaultdict
from pathlib import Path

from dataset.findings import Finding, Side, Span, sentence, span
from tally.model import STOCK_METRICS, Document, Figure

CUES_PATH = Path(__file__).parent / "vocab" / "check_cues.tsv"
#: Days a stated length may differ from the span by: writers count "16 days" both with and without the first day.
DAYS_SLACK = 1
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")


@functools.lru_cache(maxsize=1)
def _cues() -> dict[str, dict[str, list[str]]]:
    """The cue words of ``check_cues.tsv``: by language, by role (lead, filler, day)."""
    table: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    with CUES_PATH.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            table[row["lang"]][row["role"]].append(row["text"])
    return table


def _alternation(phrases: list[str]) -> str:
    return "|".join(r"\s+".join(map(re.escape, p.split())) for p in sorted(phrases, key=len, reverse=True))


@functools.lru_cache(maxsize=None)
def _days_pattern(lang: str) -> re.Pattern[str] | None:
    """``in the 16 days`` / ``خلال 16 يوماً``: a lead, any fillers, a number, any fillers, a word for days."""
    roles = _cues().get(lang)
    if not roles or not roles.get("lead") or not roles.get("day"):
        return None
    filler = rf"(?:(?:{_alternation(roles['filler'])})\s*)*" if roles.get("filler") else ""
    lead, day = _alternation(roles["lead"]), _alternation(roles["day"])
    return re.compile(rf"(?<!\w)(?:{lead})\s+{filler}([0-9٠-٩][0-9٠-٩,،]*)\s+{filler}(?:{day})(?!\w)", re.IGNORECASE)


def stated_days(text: str, lang: str) -> set[int]:
    """Every length in days the text states as the span of what it counts ("in 16 days" → 16)."""
    pattern = _days_pattern(lang)
    if pattern is None:
        return set()
    return {int(m.group(1).translate(_DIGITS).replace(",", "").replace("،", "")) for m in pattern.finditer(text)}


def _length(days: Span) -> int | None:
    start, end = days
    return (end - start).days + 1 if start is not None and end is not None else None


def days_vs_period(document: Document) -> list[Finding]:
    """A sentence saying "in N days" about a figure whose span (inclusive) is not N days long.

    The span is the figure's period, else the document's. ``DAYS_SLACK`` day either way is allowed; a sentence
    stating two different lengths is left alone, as is a length in words ("sixteen days").
    """
    findings: list[Finding] = []
    seen: set[tuple[str, Span]] = set()
    for figure in document.figures:
        text, days = sentence(figure), span(figure, document)
        if text is None or days is None or (text, days) in seen:
            continue
        lengths, length = stated_days(text, document.language), _length(days)
        if len(lengths) != 1 or length is None:
            continue
        stated = lengths.pop()
        if abs(stated - length) > DAYS_SLACK:
            seen.add((text, days))
            message = (
                f"{figure.metric}: the sentence says {stated} days but the figure's period {days[0]} to {days[1]} "
                f"is {length} days"
            )
            findings.append(Finding(rule="days-vs-period", message=message, sides=(Side.of(figure, document),)))
    return findings


def _own_span(figure: Figure, document: Document) -> Span | None:
    period = figure.period
    if period is None or (period.start is None and period.end is None) or period == document.period:
        return None
    return (period.start, period.end)


def _last_countable(document: Document, stock: bool) -> dt.date | None:
    """The last day a document can count: the day it was published, else (events only) its period's end."""
    if document.published is not None:
        return document.published
    return None if stock or document.period is None else document.period.end


def _runs_past(days: Span, limit: dt.date) -> bool:
    """Whether ``days`` reaches beyond ``limit``, reading an end on the last day of ``limit``'s month or year as
    the writer's "until June 2019" or "in 2019" written while it was under way."""
    start, end = days
    if start is not None and start > limit:
        return True
    if end is None or end <= limit:
        return False
    month_end = (limit.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    return end not in (month_end, dt.date(limit.year, 12, 31))


def period_outside_report(document: Document) -> list[Finding]:
    """A figure whose period runs past the last day the document can count.

    That day is the publication date, else the end of the report's period (reports rightly cite earlier spans,
    such as last month's toll or "since March 2011", and counts "since" a date run to the day of writing, so
    only the end is checked). A period starting after that day is always reported; one ending after it only
    when the end is not the last day of that day's month or year ("until June 2019" written in June). Stocks
    (``detained``, ``still_disappeared``) are counts "as of" a date and are bounded by publication only.
    Figures of one sentence and span are one finding.
    """
    groups: dict[tuple[str | None, Span], list[Figure]] = defaultdict(list)
    for figure in document.figures:
        days = _own_span(figure, document)
        if days is not None:
            groups[(sentence(figure), days)].append(figure)
    findings: list[Finding] = []
    for (_, days), figures in groups.items():
        late = []
        for figure in figures:
            limit = _last_countable(document, figure.metric in STOCK_METRICS)
            if limit is not None and _runs_past(days, limit):
                late.append(figure)
        if not late:
            continue
        why = f"published {document.published}" if document.published else f"whose period ends {document.period.end if document.period else None}"
        metrics = ", ".join(dict.fromkeys(f.metric for f in late))
        message = f"{metrics}: the period {days[0] or '…'} to {days[1] or '…'} runs past the document ({why})"
        findings.append(
            Finding(rule="period-outside-report", message=message, sides=tuple(Side.of(f, document) for f in late))
        )
    return findings
