"""What a consistency check reports: findings, the figures they cite, and how they are printed."""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Callable

from pydantic import BaseModel, ConfigDict

from tally.model import Document, Figure, distinct_figures

#: Relative slack of an ``approximately`` count: "about 300" stands for anything from 240 to 360.
APPROXIMATE_SLACK = 0.2


class Side(BaseModel):
    """One figure a finding rests on, and where its document states it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    path: str | None
    text: str | None
    page: int | None
    figure: Figure

    @classmethod
    def of(cls, figure: Figure, document: Document) -> Side:
        evidence = figure.evidence
        return cls(
            path=document.source.path if document.source else None,
            text=evidence.text if evidence else None,
            page=evidence.page if evidence else None,
            figure=figure,
        )

    def cite(self) -> str:
        """``path p.N: "sentence"``; the figure itself when there is no sentence."""
        where = (self.path or "(document)") + (f" p.{self.page}" if self.page is not None else "")
        if self.text:
            return f'{where}: "{" ".join(self.text.split())}"'
        return f"{where}: {describe(self.figure)} (no evidence sentence)"


class Finding(BaseModel):
    """A rule the figures break: its id, one line saying how, and the figures on each side."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    rule: str
    message: str
    sides: tuple[Side, ...]

    def one_line(self) -> str:
        """The finding on one line, for a warning: ``path: rule: message``."""
        paths = list(dict.fromkeys(side.path or "(document)" for side in self.sides))
        return f"{', '.join(paths)}: {self.rule}: {self.message}"


def bounds(figure: Figure) -> tuple[float, float]:
    """The range of true counts a figure allows, by its qualifier.

    ``exact`` n is n; ``at_least`` n and ``more_than`` n are open upwards (n and n+1 on); ``up_to`` n is 0 to n;
    ``approximately`` n is n less or more ``APPROXIMATE_SLACK`` of itself. Two figures disagree only when these
    ranges cannot meet, so a bound or an approximation never raises a false alarm on its own.
    """
    n = figure.count
    if figure.qualifier == "at_least":
        return (n, math.inf)
    if figure.qualifier == "more_than":
        return (n + 1, math.inf)
    if figure.qualifier == "up_to":
        return (0, n)
    if figure.qualifier == "approximately":
        return (n * (1 - APPROXIMATE_SLACK), n * (1 + APPROXIMATE_SLACK))
    return (n, n)


def disagree(first: Figure, second: Figure) -> bool:
    """Whether two statements of one count cannot both be true, qualifiers considered."""
    low1, high1 = bounds(first)
    low2, high2 = bounds(second)
    return low1 > high2 or low2 > high1


def stated(figure: Figure) -> str:
    """The count as written: ``at least 56``."""
    words = {"exact": "", "at_least": "at least ", "more_than": "more than ", "approximately": "about ", "up_to": "up to "}
    return f"{words[figure.qualifier]}{figure.count}"


def describe(figure: Figure) -> str:
    """``killed civilians 56 by syrian_regime`` — the figure's key in words."""
    what = f"{figure.metric} {figure.group}" if figure.group else figure.metric
    by = f" by {figure.perpetrator}" if figure.perpetrator else " by all parties"
    where = f" in {figure.location}" if figure.location else ""
    return f"{what} {stated(figure)}{by}{where}"


def format_findings(findings: list[Finding], documents: int) -> str:
    """One block per finding (rule and message, then each side's citation), then a count."""
    blocks: list[str] = []
    for finding in findings:
        lines = [f"{finding.rule}: {finding.message}"]
        lines += [f"  {side.cite()}" for side in finding.sides]
        blocks.append("\n".join(lines))
    plural = "" if len(findings) == 1 else "s"
    summary = f"{len(findings)} finding{plural} in {documents} document{'' if documents == 1 else 's'}"
    return "\n\n".join([*blocks, summary]) + "\n"


Span = tuple[dt.date | None, dt.date | None]


def span(figure: Figure, document: Document) -> Span | None:
    """The days a figure covers: its own period, else the document's (the contract's fallback), else None."""
    for period in (figure.period, document.period):
        if period is not None and (period.start is not None or period.end is not None):
            return (period.start, period.end)
    return None


def sentence(figure: Figure) -> str | None:
    """The figure's evidence sentence, whitespace folded; None without evidence."""
    return " ".join(figure.evidence.text.split()) if figure.evidence else None


def same_sentence(first: Figure, second: Figure) -> bool:
    """Whether both figures were read from one sentence (never true without evidence)."""
    text = sentence(first)
    return text is not None and text == sentence(second)


def scope(figure: Figure, document: Document) -> str:
    """What a figure is counted over, in words: ``killed by syrian_regime in Idlib, 2020-01-15 to 2020-01-30``."""
    by = f" by {figure.perpetrator}" if figure.perpetrator else ""
    where = f" in {figure.location}" if figure.location else ""
    target = f" on {figure.target}" if figure.target else ""
    days = span(figure, document)
    when = f", {days[0] or '…'} to {days[1] or '…'}" if days else ""
    return f"{figure.metric}{target}{by}{where}{when}"


def grouped(document: Document, key: Callable[[Figure], tuple[object, ...]]) -> dict[tuple[object, ...], list[Figure]]:
    """The document's distinct figures by ``key``, in their order."""
    groups: dict[tuple[object, ...], list[Figure]] = defaultdict(list)
    for figure in distinct_figures(document.figures):
        groups[key(figure)].append(figure)
    return groups


def sides(total: Figure, parts: list[Figure], document: Document) -> tuple[Side, ...]:
    """The sides of a finding: ``total`` first, then ``parts``."""
    return (Side.of(total, document), *(Side.of(p, document) for p in parts))
