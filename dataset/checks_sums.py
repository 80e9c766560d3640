"""Consistency checks of sums within one document: breakdowns against their whole, parties against their total."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from dataset.findings import Finding, Side, bounds, grouped, same_sentence, scope, sentence, sides, span, stated
from tally.model import COALITIONS, GROUPS, Document, Figure

#: Groups that hold others: a part may not outnumber its whole ("56 civilians, including 19 children").
CONTAINS: dict[str, tuple[str, ...]] = {
    "civilians": ("children", "women", "men", "medical_personnel", "civil_defense_personnel", "media_workers"),
    "persons": tuple(g for g in GROUPS if g != "persons"),
}
#: Groups that never overlap, so the parts of one whole may be added up.
DISJOINT: tuple[tuple[str, ...], ...] = (("children", "women", "men"), ("civilians", "fighters"))
#: The party that closes a list: with it, the parties named are taken to be all of them.
CATCH_ALL = "other_parties"
#: Parties (the catch-all among them) a list must name to be taken as complete: a shorter one is more often a
#: list whose main party the data lacks than a report whose parties do not add up.
MIN_LISTED = 3

def _low(figure: Figure) -> float:
    return bounds(figure)[0]


def _high(figure: Figure) -> float:
    return bounds(figure)[1]


def _sum(figures: Iterable[Figure], side: Callable[[Figure], float]) -> str:
    return f"{sum(side(f) for f in figures):g}"

def _follows(part: Figure, head: Figure) -> bool:
    """Whether ``part`` was read from the sentence right after ``head``'s ("… 56 civilians. Among them 19 children")."""
    if part.evidence is None or head.evidence is None:
        return False
    return 0 <= part.evidence.start - head.evidence.end <= 3


def _part_of(head: Figure, heads: list[Figure], candidates: list[Figure]) -> Figure | None:
    """The part of ``head`` among ``candidates`` (one group, one context), or None when it is not clear which.

    Clear is: the one part stated in the head's sentence, when the sentence states no other head; else the one
    part in the very next sentence; else, in data without evidence, the only part and the only head there are.
    """
    rivals = [h for h in heads if same_sentence(h, head)]
    here = {(c.count, c.qualifier): c for c in candidates if same_sentence(c, head)}
    if here:
        return next(iter(here.values())) if len(here) == 1 and len(rivals) == 1 else None
    after = {(c.count, c.qualifier): c for c in candidates if _follows(c, head)}
    if after:
        return next(iter(after.values())) if len(after) == 1 else None
    if head.evidence is not None or any(c.evidence is not None for c in candidates):
        return None
    counts = {(c.count, c.qualifier) for c in candidates}
    return candidates[0] if len(heads) == 1 and len(counts) == 1 else None


def breakdown_exceeds_total(document: Document) -> list[Finding]:
    """A part larger than its whole, or parts that never overlap (children, women, men) adding up to more.

    Figures are compared within one context (metric, party, span, place, target). A whole is paired with the
    part stated in its sentence or the next one, and only where that is unambiguous (see ``_part_of``). A part
    that has a ``civilians`` whole in its own sentence is not also taken as a part of ``persons``. The whole's
    upper bound is compared with the parts' lower bounds, so "at least 383 civilians" bounds nothing.
    """
    findings: list[Finding] = []
    contexts = grouped(document, lambda f: (f.metric, f.perpetrator, span(f, document), f.location, f.target))
    for figures in contexts.values():
        for whole, members in CONTAINS.items():
            heads = [f for f in figures if f.group == whole]
            others = [f for f in figures if f.group in CONTAINS and f.group != whole]
            for head in heads:
                parts = [
                    _part_of(head, heads, [f for f in figures if f.group == g and not _has_whole(f, others)])
                    for g in members
                ]
                findings += _check_parts(head, [p for p in parts if p is not None], document)
    return findings


def _has_whole(part: Figure, wholes: list[Figure]) -> bool:
    return any(same_sentence(part, w) and w.group != part.group and part.group in CONTAINS[str(w.group)] for w in wholes)


def _check_parts(head: Figure, parts: list[Figure], document: Document) -> list[Finding]:
    where = scope(head, document)
    over = [p for p in parts if _low(p) > _high(head)]
    findings = [
        Finding(
            rule="breakdown-exceeds-total",
            message=f"{where}: {stated(p)} {p.group}, more than the {stated(head)} {head.group} they are part of",
            sides=(Side.of(head, document), Side.of(p, document)),
        )
        for p in over
    ]
    if over:
        return findings
    for groups in DISJOINT:
        added = [p for p in parts if p.group in groups]
        if len(added) > 1 and sum(_low(p) for p in added) > _high(head):
            sums = " + ".join(f"{stated(p)} {p.group}" for p in added)
            findings.append(
                Finding(
                    rule="breakdown-exceeds-total",
                    message=f"{where}: {sums} = {_sum(added, _low)}, more than the {stated(head)} {head.group}",
                    sides=(Side.of(head, document), *(Side.of(p, document) for p in added)),
                )
            )
    return findings


def parties_dont_sum(document: Document) -> list[Finding]:
    """Per-party figures that add up to more than their total, or (a complete list) to less.

    A cell is one metric, group, span, place and target; its total is the figure with no party. Where a cell
    holds several figures of one party (counts the data does not tell apart), the excess test takes each party's
    smallest and the total's largest, so only a sure excess is reported. A coalition stands for its members:
    reports use ``syrian_russian_alliance`` both for the two allies' sum and for what could not be told apart
    between them, so for the excess test it replaces the members it covers (or gives way to all of them), and
    for the shortfall it is added to them unless it equals their sum. A shortfall is reported only when the list
    looks complete (it names ``other_parties``, the catch-all that closes a list, ``MIN_LISTED`` parties in all,
    and every party the document names for the metric in that span, in any group) and the cell's other totals
    look like a breakdown of the largest (they add up to no more than it). A count stated beside a larger one of
    its metric and group ("715 media workers, including nine foreign journalists") is a part, never a total.
    """
    findings: list[Finding] = []
    partial = _partial_totals(document)
    place = _cell_places(document)
    cells = grouped(document, lambda f: (f.metric, f.group, span(f, document), place[id(f)], f.target))
    for (metric, _, days, location, target), figures in cells.items():
        by_party: dict[str | None, list[Figure]] = defaultdict(list)
        for figure in figures:
            if figure.perpetrator is not None or id(figure) not in partial:
                by_party[figure.perpetrator].append(figure)
        totals = by_party.pop(None, [])
        if not totals or not by_party:
            continue
        finding = _excess(totals, _merged(by_party, remainder=False), document)
        named: set[str | None] = {f.perpetrator for f in document.figures if f.perpetrator and f.metric == metric
                 and (span(f, document), place[id(f)], f.target) == (days, location, target)}
        if finding is None and _complete(set(by_party), named):
            finding = _shortfall(totals, _merged(by_party, remainder=True), document)
        findings += [finding] if finding is not None else []
    return findings


def _cell_places(document: Document) -> dict[int, str | None]:
    """Each figure's place for the party sums (by id): its own, except that a party's figure stated only with a
    place ("ISIS killed six civilians in Deir ez-Zor") counts toward the total stated with none, where the party
    has no placeless figure of its own in that context."""
    def context(f: Figure) -> tuple[object, ...]:
        return (f.metric, f.group, span(f, document), f.target)

    placeless = {context(f) for f in document.figures if f.perpetrator is None and f.location is None}
    own = {(context(f), f.perpetrator) for f in document.figures if f.perpetrator and f.location is None}
    return {
        id(f): None if f.perpetrator and context(f) in placeless and (context(f), f.perpetrator) not in own else f.location
        for f in document.figures
    }


def _partial_totals(document: Document) -> set[int]:
    """Figures (by id) stated beside a larger count of their metric and group: parts of it, never totals."""
    largest: dict[tuple[str, str | None, str], int] = defaultdict(int)
    for figure in document.figures:
        text = sentence(figure)
        if text is not None:
            key = (figure.metric, figure.group, text)
            largest[key] = max(largest[key], figure.count)
    return {id(f) for f in document.figures if (text := sentence(f)) and f.count < largest[(f.metric, f.group, text)]}


def _complete(parties: set[str | None], named: set[str | None]) -> bool:
    """Whether a list of parties closes with ``other_parties``, is long enough, and holds every party the document names for the
    metric in that span (a coalition standing for its members and the other way round)."""
    if CATCH_ALL not in parties or len(parties) < MIN_LISTED:
        return False
    missing = named - parties
    for coalition, members in COALITIONS.items():
        if coalition in parties:
            missing -= set(members)
        if parties >= set(members):
            missing.discard(coalition)
    return not missing


def _merged(by_party: dict[str | None, list[Figure]], remainder: bool) -> dict[str | None, list[Figure]]:
    """The parties to add up, each coalition counted once with its members (see ``parties_dont_sum``)."""
    counted = dict(by_party)
    for coalition, members in COALITIONS.items():
        named = [m for m in members if m in counted]
        if coalition not in counted or not named:
            continue
        if len(named) == len(members):
            low = sum(min(_low(f) for f in counted[m]) for m in members)
            high = sum(max(_high(f) for f in counted[m]) for m in members)
            is_sum = any(_low(f) <= high and low <= _high(f) for f in counted[coalition])
            if not remainder or is_sum:
                del counted[coalition]
        elif not remainder:
            for member in named:
                del counted[member]
    return counted


def _what(figure: Figure, document: Document) -> str:
    what = f"{figure.metric} {figure.group}" if figure.group else figure.metric
    return f"{scope(figure, document)}: the parties' {what}"


def _excess(totals: list[Figure], parties: dict[str | None, list[Figure]], document: Document) -> Finding | None:
    top = max(totals, key=_high)
    smallest = [min(figs, key=_low) for figs in parties.values()]
    if sum(_low(f) for f in smallest) <= _high(top):
        return None
    message = f"{_what(top, document)} add up to {_sum(smallest, _low)}, more than the total {stated(top)}"
    return Finding(rule="parties-dont-sum", message=message, sides=sides(top, smallest, document))


def _shortfall(totals: list[Figure], parties: dict[str | None, list[Figure]], document: Document) -> Finding | None:
    whole = max(totals, key=_low)
    if sum(f.count for f in totals if f is not whole) > whole.count:
        return None
    largest = [max(figs, key=_high) for figs in parties.values()]
    if sum(_high(f) for f in largest) >= _low(whole):
        return None
    listed = ", ".join(sorted(str(p) for p in parties))
    message = f"{_what(whole, document)} ({listed}) add up to {_sum(largest, _high)}, less than the total {stated(whole)}"
    return Finding(rule="parties-dont-sum", message=message, sides=sides(whole, largest, document))
