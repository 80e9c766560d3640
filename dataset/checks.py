"""Consistency checks within one document: every rule in order, and figures stated twice with other counts."""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Iterable

from dataset.checks_periods import days_vs_period, period_outside_report
from dataset.checks_sums import CONTAINS, breakdown_exceeds_total, parties_dont_sum
from dataset.findings import Finding, disagree, grouped, same_sentence, scope, sentence, sides, span, stated
from tally.model import Document, Figure

log = logging.getLogger(__name__)

#: Two statements of one count further apart than this share of the larger are taken as two different counts
#: the data does not tell apart (a governorate, a target, a year), not as one count restated with a slip.
RESTATED_SPREAD = 0.25


def _containers(document: Document) -> dict[int, Figure]:
    """For each figure of a part group, the whole stated in its sentence (by figure id)."""
    out: dict[int, Figure] = {}
    for figure in document.figures:
        for whole, members in CONTAINS.items():
            if figure.group not in members:
                continue
            for other in document.figures:
                if other.group == whole and other.metric == figure.metric and other.perpetrator == figure.perpetrator \
                        and same_sentence(other, figure):
                    out.setdefault(id(figure), other)
    return out


def list_sentences(document: Document) -> set[tuple[str, str | None, str | None, str]]:
    """Sentences stating several counts of one metric, group and party: a list (by place, year…), not a total."""
    counts: dict[tuple[str, str | None, str | None, str], set[int]] = defaultdict(set)
    for figure in document.figures:
        text = sentence(figure)
        if text is not None:
            counts[(figure.metric, figure.group, figure.perpetrator, text)].add(figure.count)
    return {key for key, values in counts.items() if len(values) > 1}


def restated_differently(document: Document) -> list[Finding]:
    """One figure (same metric, group, party, span, place, target) stated twice with values that disagree.

    Qualifiers are respected (``at least 56`` and ``60`` agree). Left out, as two different counts the data does
    not tell apart rather than one count restated: figures read from one sentence; figures from a sentence
    listing several counts of the key (by governorate, by year); parts of different wholes ("19 children" of 56
    civilians and "7 children" of 20); pairs whose counts differ by more than ``RESTATED_SPREAD`` of the larger;
    pairs that a third figure of the key could hold both of (two parts of one total), or that hold a third
    between them (a total and two of its parts: "1,241 barrel bombs", "1,097 by helicopters", "144 by planes");
    and one-day spans inside a longer report (several incidents on one day, told apart by a place the data may
    not hold).
    """
    findings: list[Finding] = []
    lists = list_sentences(document)
    containers = _containers(document)
    keys = grouped(document, lambda f: (f.metric, f.group, f.perpetrator, span(f, document), f.location, f.target))
    for key, figures in keys.items():
        if _one_day_inside(key[3], document):
            continue
        plain = [f for f in figures if (f.metric, f.group, f.perpetrator, sentence(f) or "") not in lists]
        reported: set[tuple[int, int]] = set()
        for i, first in enumerate(plain):
            for second in plain[i + 1 :]:
                pair = (first.count, second.count)
                if pair in reported or not _restated(first, second, figures, containers):
                    continue
                reported.add(pair)
                message = (
                    f"{scope(first, document)}: {first.group or first.metric} stated as {stated(first)} "
                    f"and as {stated(second)}"
                )
                findings.append(
                    Finding(rule="restated-differently", message=message, sides=sides(first, [second], document))
                )
    return findings


def _one_day_inside(days: object, document: Document) -> bool:
    period = document.period
    whole = (period.start, period.end) if period else None
    return isinstance(days, tuple) and days[0] is not None and days[0] == days[1] and days != whole


def _restated(first: Figure, second: Figure, key: list[Figure], containers: dict[int, Figure]) -> bool:
    if not disagree(first, second) or same_sentence(first, second):
        return False
    whole1, whole2 = containers.get(id(first)), containers.get(id(second))
    if whole1 is not None and whole2 is not None and whole1.count != whole2.count:
        return False
    big, small = (first, second) if first.count >= second.count else (second, first)
    if big.count - small.count > RESTATED_SPREAD * big.count:
        return False
    others = [f.count for f in key if f is not first and f is not second]
    return not any(n >= big.count + small.count or small.count + n <= big.count for n in others)

#: Every rule within one document, in the order findings are reported.
DOCUMENT_RULES: tuple[Callable[[Document], list[Finding]], ...] = (
    breakdown_exceeds_total,
    parties_dont_sum,
    restated_differently,
    days_vs_period,
    period_outside_report,
)


def find_inconsistencies(document: Document) -> list[Finding]:
    """Every finding of the rules within one document, rule by rule."""
    return [finding for rule in DOCUMENT_RULES for finding in rule(document)]


def log_findings(findings: Iterable[Finding], name: str | None = None) -> None:
    """Each finding as one warning line (what ``tally draft`` shows before drafting), led by ``name`` if given."""
    for finding in findings:
        log.warning(f"{name}: {finding.rule}: {finding.message}" if name else finding.one_line())
