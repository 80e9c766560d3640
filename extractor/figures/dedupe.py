"""From candidates to the contract's figures, each stated once: restatements (headline and body, text and table) dropped."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from extractor.figures.candidate import Candidate
from extractor.figures.layout import headline_starts
from extractor.figures.periods import Spans
from extractor.text import Text
from tally.model import PEOPLE_METRICS as PEOPLE
from tally.model import Evidence, Figure


def to_figures(doc: Doc, cands: list[Candidate], spans: Spans, text: Text | None) -> tuple[list[Figure], list[str]]:
    """One figure per candidate and party, in text order, without restatements; warnings for counts left out."""
    figures: list[Figure] = []
    warnings: list[str] = []
    seen: dict[tuple[Any, ...], list[tuple[Figure, bool, bool]]] = {}
    headline = headline_starts(doc)
    for c in sorted(cands, key=lambda c: (c.sent.start_char in headline, c.number.start)):
        sent_text = c.sent.text.strip()
        if c.metric is None:
            warnings.append(f"left out {c.count} ({c.reason}): {short(sent_text)}")
            continue
        evidence = Evidence(
            text=sent_text,
            start=c.sent.start_char,
            end=c.sent.end_char,
            page=text.page_at(c.sent.start_char) if text is not None else None,
        )
        for perp in c.perpetrators or [None]:
            try:
                fig = Figure(
                    metric=c.metric,
                    group=c.group if c.metric in PEOPLE else None,
                    count=c.count,
                    qualifier=c.qualifier,
                    perpetrator=perp,
                    target=c.target if c.metric not in PEOPLE else None,
                    period=spans.decided[id(c)],
                    location=c.location,
                    evidence=evidence,
                )
            except ValueError as err:
                warnings.append(f"left out {c.count} ({err}): {short(sent_text)}")
                continue
            key = (fig.metric, fig.group, fig.perpetrator, fig.count)
            stated = [
                (f, own)
                for f, own, weak in seen.get(key, [])
                if f.evidence and f.evidence.start != c.sent.start_char
                and (f.location == fig.location or weak or c.place_from_context)  # a place the context lent differs freely
                and (f.target == fig.target or None in (f.target, fig.target))  # "3 attacks on schools" ≠ "… on markets"
            ]
            mine = id(c) in spans.explicit
            if any(not (own and mine and f.period != fig.period) for f, own in stated):
                continue  # the same figure restated (headline and body, text and table)
            seen.setdefault(key, []).append((fig, mine, c.place_from_context))
            figures.append(fig)
    figures = _drop_headline_restatements(figures, headline)
    return sorted(figures, key=lambda f: f.evidence.start if f.evidence else 0), warnings


def _drop_headline_restatements(figures: list[Figure], heads: set[int]) -> list[Figure]:
    """A headline's figure stated again in the body is the body's (its first full statement)."""
    body = {(f.group, f.count) for f in figures if f.evidence is not None and f.evidence.start not in heads}
    return [f for f in figures if not (f.evidence is not None and f.evidence.start in heads and (f.group, f.count) in body)]


def short(text: str, width: int = 120) -> str:
    """``text`` on one line, cut to ``width`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
