"""Figures from tables: rows of tab-separated cells, headed by groups or metrics and by parties."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from extractor.figures.candidates import Candidate
from extractor.figures.layout import layout_of
from extractor.lexicon import Marks
from extractor.figures.numbers import Number, digits_value
from tally.model import PEOPLE_METRICS, Period

_TOTAL = re.compile(r"^\s*(?:the\s+)?(?:total|all|overall|sum|grand total)\b", re.IGNORECASE)


def _table_blocks(doc: Doc) -> list[list[tuple[int, int]]]:
    """Runs of two or more lines that hold a tab: each line as its (start, end) characters."""
    blocks: list[list[tuple[int, int]]] = []
    run: list[tuple[int, int]] = []
    pos = 0
    for line in doc.text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        if "\t" in line and line.strip():
            run.append((start, end))
            continue
        if len(run) >= 2:
            blocks.append(run)
        run = []
    if len(run) >= 2:
        blocks.append(run)
    return blocks


def table_tokens(doc: Doc) -> set[int]:
    """Token indexes inside tables, which the sentence rules leave alone."""
    out: set[int] = set()
    for block in _table_blocks(doc):
        span = doc.char_span(block[0][0], block[-1][1], alignment_mode="expand")
        if span is not None:
            out.update(range(span.start, span.end))
    return out


_NIL = {"", "-", "–", "—", "0"}  # a cell with nothing to count in it


def _labels_last(rows: list[list[Span]]) -> bool:
    body = [row for row in rows[1:] if len(row) > 1]
    numeric = [digits_value(row[0].text.strip()) is not None or row[0].text.strip() in _NIL for row in body]
    some = any(digits_value(row[0].text.strip()) is not None for row in body)
    return bool(body) and all(numeric) and some and not any(digits_value(row[-1].text.strip()) is not None for row in body)


def _cells(doc: Doc, start: int, end: int) -> list[Span]:
    out: list[Span] = []
    pos = start
    for part in doc.text[start:end].split("\t"):
        lo, hi = pos + len(part) - len(part.lstrip()), pos + len(part.rstrip())
        span = doc.char_span(lo, hi, alignment_mode="expand") if hi > lo else None
        out.append(span if span is not None else doc[0:0])
        pos += len(part) + 1
    return out


def _caption(doc: Doc, marks: Marks, at: int, metrics: dict[int, str | None]) -> tuple[str | None, str | None]:
    """(people metric, event metric) the text just before a table gives it: its caption or lead-in."""
    sents = layout_of(doc).sentences_before(at, 3)
    triggers = [m for s in sents for m in marks.within("trigger", s.start, s.end) if m.value != "attacks"]
    events = [m.value for s in sents for m in marks.within("event", s.start, s.end)]
    people: str | None = None
    if any(m.value == "died_under_torture" for m in triggers):
        people = "died_under_torture"
    elif triggers:
        strong = [m for m in triggers if not m.extra]
        people = (strong or triggers)[-1].value
    else:
        people = metrics.get(doc[at].sent.start) if at < len(doc) else None
    if people == "killed" and metrics.get(doc[at].sent.start) == "died_under_torture":
        people = "died_under_torture"
    events = [e for e in events if e not in PEOPLE_METRICS]
    specific = [e for e in events if e != "attacks"]
    chosen = specific or events
    return people, chosen[-1] if chosen else None


def _row_year(cell: Span) -> Period | None:
    text = cell.text.strip()
    if _YEAR.match(text):
        y = int(text)
        return Period(start=dt.date(y, 1, 1), end=dt.date(y, 12, 31))
    return None


def table_candidates(doc: Doc, marks: Marks, skip: set[int], metrics: dict[int, str | None]) -> list[Candidate]:
    """One candidate per numeric cell: what its column header and its row label say."""
    out: list[Candidate] = []
    for block in _table_blocks(doc):
        rows = [_cells(doc, s, e) for s, e in block]
        if _labels_last(rows):
            rows = [list(reversed(row)) for row in rows]  # a right-to-left table: the labels are the last column
        header = rows[0]
        columns = [_cell_meaning(marks, cell) for cell in header]
        first = doc.char_span(block[0][0], block[0][1], alignment_mode="expand")
        if first is None:
            continue
        people_metric, caption_event = _caption(doc, marks, first.start, metrics)
        for row, (s, e) in zip(rows[1:], block[1:]):
            label = row[0]
            meaning = _cell_meaning(marks, label)
            year = _row_year(label)
            total = bool(_TOTAL.match(label.text) or marks.within("cue:total", label.start, label.end))  # "المجموع"
            if not (meaning.actor or meaning.place or meaning.group or meaning.event or year or total):
                continue
            line = doc.char_span(s, e, alignment_mode="expand")
            if line is None:
                continue
            for cell, column in zip(row[1:], columns[1:]):
                value = digits_value(cell.text.strip()) if len(cell) else None
                if value is None:
                    continue
                c = _cell_candidate(cell, line, value, meaning, column, people_metric, caption_event)
                if c is not None:
                    c.period = year
                    out.append(c)
    return out


def _cell_candidate(
    cell: Span, line: Span, value: int, row: _Meaning, column: _Meaning, people_metric: str | None, caption_event: str | None
) -> Candidate | None:
    group = column.group or row.group
    event = column.event or row.event or (None if group else caption_event)
    target = column.target or row.target
    if event in PEOPLE_METRICS:
        metric: str | None = event
    elif event:
        metric = event
    elif target:
        metric = "attacks_on_vital_facilities"
    else:
        metric = people_metric if group else None
    if metric is None:
        return None
    c = Candidate(number=Number(cell.start, cell.end, value, "digits"), sent=line, noun=None)
    c.group = group or ("persons" if metric in PEOPLE_METRICS else None)
    c.event, c.target, c.metric = event, target, metric
    actor = column.actor or row.actor
    c.perpetrators = [actor]
    c.location = column.place or row.place
    return c


@dataclass
class _Meaning:
    actor: str | None = None
    place: str | None = None
    group: str | None = None
    event: str | None = None
    target: str | None = None


def _cell_meaning(marks: Marks, cell: Span) -> _Meaning:
    def first(kind: str) -> str | None:
        found = marks.within(kind, cell.start, cell.end)
        return (found[0].value or None) if found else None

    return _Meaning(first("actor"), first("place"), first("group"), first("event"), first("target"))


_YEAR = re.compile(r"^(?:19|20)\d\d$")
