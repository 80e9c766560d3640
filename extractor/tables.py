"""Figures from tables: rows of tab-separated cells, headed by groups or metrics and by parties."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from extractor.candidates import Candidate
from extractor.lexicon import Mark, Marks
from extractor.numbers import Number, digits_value

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


def _cells(doc: Doc, start: int, end: int) -> list[Span]:
    out: list[Span] = []
    pos = start
    for part in doc.text[start:end].split("\t"):
        lo, hi = pos + len(part) - len(part.lstrip()), pos + len(part.rstrip())
        span = doc.char_span(lo, hi, alignment_mode="expand") if hi > lo else None
        out.append(span if span is not None else doc[0:0])
        pos += len(part) + 1
    return out


def _first(marks: Marks, kind: str, span: Span) -> Mark | None:
    found = marks.within(kind, span.start, span.end)
    return found[0] if found else None


def _header_meaning(marks: Marks, cell: Span) -> tuple[str | None, str | None, str | None]:
    """(group, event metric, target) a header cell names."""
    event = _first(marks, "event", cell)
    group = _first(marks, "group", cell)
    target = _first(marks, "target", cell)
    return (group.value if group else None, event.value if event else None, target.value if target else None)


def _caption_metric(doc: Doc, marks: Marks, at: int, metrics: dict[int, str | None]) -> str | None:
    """The people metric of the text just before the table (its caption or lead-in)."""
    for sent in reversed(list(doc[: max(at, 1)].sents)[-3:]):
        trig = [m for m in marks.within("trigger", sent.start, sent.end) if m.value != "attacks"]
        if trig:
            return trig[-1].value
    return metrics.get(doc[at].sent.start) if at < len(doc) else None


def table_candidates(doc: Doc, marks: Marks, skip: set[int], metrics: dict[int, str | None]) -> list[Candidate]:
    """One candidate per numeric cell: column header x row label."""
    out: list[Candidate] = []
    for block in _table_blocks(doc):
        rows = [_cells(doc, s, e) for s, e in block]
        header = rows[0]
        meanings = [_header_meaning(marks, cell) for cell in header]
        first_tok = header[0].start if len(header[0]) else doc.char_span(block[0][0], block[0][1], alignment_mode="expand").start  # type: ignore[union-attr]
        people_metric = _caption_metric(doc, marks, first_tok, metrics)
        for row, (s, e) in zip(rows[1:], block[1:]):
            label = row[0]
            actor = _first(marks, "actor", label)
            place = _first(marks, "place", label)
            if actor is None and place is None and not _TOTAL.match(label.text):
                continue
            line = doc.char_span(s, e, alignment_mode="expand")
            if line is None:
                continue
            for cell, (group, event, target) in zip(row[1:], meanings[1:]):
                value = digits_value(cell.text.strip()) if len(cell) else None
                if value is None:
                    continue
                metric = event if event and not group else (event if event in _PEOPLE_EVENTS else people_metric)
                if metric is None or (group is None and event is None and target is None):
                    continue
                c = Candidate(number=Number(cell.start, cell.end, value, "digits"), sent=line, noun=None)
                c.group = group or ("persons" if metric in _PEOPLE_EVENTS else None)
                c.event, c.target, c.metric = event, target, metric
                if target and not event:
                    c.metric = "attacks_on_vital_facilities"
                c.perpetrators = [actor.value if actor else None]
                c.location = place.value if place else None
                out.append(c)
    return out


_PEOPLE_EVENTS = {"killed", "arrested", "forcibly_disappeared", "died_under_torture", "injured", "detained",
                  "still_disappeared", "released", "displaced"}
