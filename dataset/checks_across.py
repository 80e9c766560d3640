"""Consistency checks across documents: a month's figure restated later with another count."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from dataset.checks import list_sentences
from dataset.findings import Finding, Side, Span, describe, disagree, sentence, span, stated
from tally.model import Document, Figure

MonthKey = tuple[str, str | None, str | None, str | None, str | None, dt.date]


def calendar_month(days: Span | None) -> dt.date | None:
    """The first day of the month ``days`` covers exactly (1st to last day), else None."""
    start, end = days if days is not None else (None, None)
    if start is None or end is None:
        return None
    if start.day != 1 or (start.year, start.month) != (end.year, end.month):
        return None
    return start if (end + dt.timedelta(days=1)).day == 1 else None


def _monthly(document: Document) -> dict[MonthKey, Figure]:
    """Each month's figures of a document by key, the first stated where several share one (list items aside)."""
    lists = list_sentences(document)
    out: dict[MonthKey, Figure] = {}
    for figure in document.figures:
        month = calendar_month(span(figure, document))
        if month is None or (figure.metric, figure.group, figure.perpetrator, sentence(figure) or "") in lists:
            continue
        key = (figure.metric, figure.group, figure.perpetrator, figure.location, figure.target, month)
        out.setdefault(key, figure)
    return out


def _order(document: Document) -> tuple[dt.date, str]:
    return (document.published or dt.date.min, document.source.path if document.source else "")


def monthly_restated(documents: Iterable[Document]) -> list[Finding]:
    """A figure of one calendar month that a later document (by ``published``) states with a count that disagrees.

    The key is metric, group, party, place, target and month; qualifiers are respected (``at least 500`` agrees
    with an earlier ``516``). Documents without a publication date come first, in path order; two documents with
    the same path are one. Within a document, a sentence listing several counts of the key is left out.
    """
    by_key: dict[MonthKey, list[tuple[Document, Figure]]] = defaultdict(list)
    seen: set[str] = set()
    for document in sorted(documents, key=_order):
        path = document.source.path if document.source else ""
        if path and path in seen:
            continue
        seen.add(path)
        for key, figure in _monthly(document).items():
            by_key[key].append((document, figure))
    findings: list[Finding] = []
    for key, stated_in in by_key.items():
        for i, (earlier, first) in enumerate(stated_in):
            for later, second in stated_in[i + 1 :]:
                if disagree(first, second):
                    findings.append(_finding(key[-1], earlier, first, later, second))
    return findings


def _finding(month: dt.date, earlier: Document, first: Figure, later: Document, second: Figure) -> Finding:
    when = f"published {later.published}" if later.published else "a later document"
    message = (
        f"{describe(first)} in {month:%B %Y}; restated as {stated(second)} ({when})"
    )
    return Finding(rule="monthly-restated", message=message, sides=(Side.of(first, earlier), Side.of(second, later)))


def find_contradictions(documents: Iterable[Document]) -> list[Finding]:
    """Every finding of the rules across documents."""
    return monthly_restated(documents)
