"""Figures grouped into statements (a figure and its breakdown), the focal one, and breakdown checks."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, replace

from tally.model import (
    COALITIONS,
    GROUPS,
    METRICS,
    PEOPLE_METRICS,
    PERPETRATORS,
    Document,
    Figure,
    Period,
    distinct_figures,
)


#: Groups a clause may break a group down into ("56 civilians, including 19 children").
SUBSETS: dict[str, tuple[str, ...]] = {
    "civilians": ("children", "women", "men", "medical_personnel", "civil_defense_personnel", "media_workers"),
    "persons": tuple(g for g in GROUPS if g != "persons"),
}
#: Groups that never overlap, so their counts may be added up.
DISJOINT = ("children", "women", "men")
#: Qualifiers under which a whole may not be smaller than its parts (``at least 56`` may be).
BOUNDED = ("exact", "up_to")
#: Parties that are the sum of others: their members are not added up beside them.
#: The people metrics in the order a headline prefers them.
FOCAL_ORDER = ("killed", "died_under_torture", "arrested", "forcibly_disappeared", "detained", "still_disappeared",
               "injured", "displaced", "released")


@dataclass(frozen=True)
class Statement:
    """What one clause states: a head figure and its breakdown, for one metric, party and span."""

    metric: str
    party: str | None
    period: Period | None  # None: the document's own period
    location: str | None
    target: str | None
    head: Figure
    parts: tuple[Figure, ...] = ()

    @property
    def figures(self) -> tuple[Figure, ...]:
        return (self.head, *self.parts)


def _period_of(figure: Figure, document: Document) -> Period | None:
    """The figure's span when it differs from the document's; None when it is the document's."""
    period = figure.period
    if period is None or (period.start is None and period.end is None) or period == document.period:
        return None
    return period


def document_place(document: Document) -> str | None:
    """The place a whole report is about: the place at least half of its figures name ("northwest Syria" in a
    report on the northwest); else none."""
    places = Counter(f.location for f in document.figures if f.location).most_common(1)
    return places[0][0] if places and 2 * places[0][1] >= len(document.figures) else None


def _location_of(figure: Figure, home: str | None) -> str | None:
    """The figure's place when it differs from the report's; None when it is the report's."""
    return None if figure.location == home else figure.location


def _sort_key(period: Period | None) -> tuple[str, str]:
    if period is None:
        return ("", "")
    return (str(period.start or ""), str(period.end or ""))


def _party_rank(party: str | None) -> int:
    return -1 if party is None else PERPETRATORS.index(party)


def _people_statements(figs: list[Figure], base: Statement) -> list[Statement]:
    """A container group (civilians, else persons) with its subgroups as one statement; the rest alone."""
    by_group: dict[str, list[Figure]] = defaultdict(list)
    for figure in figs:
        by_group[str(figure.group)].append(figure)
    container = next((g for g in ("civilians", "persons") if g in by_group), None)
    out: list[Statement] = []
    if container is not None:
        head = by_group[container].pop(0)
        parts = [by_group[g].pop(0) for g in SUBSETS[container] if by_group.get(g)]
        out.append(replace(base, head=head, parts=tuple(parts)))
    for group in GROUPS:
        out += [replace(base, head=f) for f in by_group.get(group, [])]
    return out


Bucket = tuple[str, str | None, tuple[str, str], str, str]


def build_statements(document: Document) -> list[Statement]:
    """Every figure in exactly one statement, ordered by metric, span, party."""
    buckets: dict[Bucket, list[Figure]] = defaultdict(list)
    home = document_place(document)
    for figure in distinct_figures(document.figures):
        period = _period_of(figure, document)
        key: Bucket = (figure.metric, figure.perpetrator, _sort_key(period), _location_of(figure, home) or "",
                       figure.target or "")
        buckets[key].append(figure)
    out: list[Statement] = []
    for key in sorted(buckets, key=lambda k: (METRICS.index(k[0]), k[2], _party_rank(k[1]), k[3], k[4])):
        figs = buckets[key]
        first = figs[0]
        base = Statement(first.metric, first.perpetrator, _period_of(first, document), _location_of(first, home),
                         first.target, first)
        if first.metric in PEOPLE_METRICS:
            out += _people_statements(figs, base)
        else:
            out += [replace(base, head=f) for f in figs]
    return out


def focal_statement(statements: list[Statement]) -> Statement | None:
    """The statement a headline leads with: the main people metric, a total over parties first, then the largest."""
    plain = [s for s in statements if s.period is None and s.location is None and s.target is None]
    for metric in (*FOCAL_ORDER, *METRICS):
        candidates = [s for s in plain if s.metric == metric]
        if candidates:
            return max(candidates, key=lambda s: (s.party is None, s.head.group == "civilians", s.head.count))
    return statements[0] if statements else None


def _describe(figure: Figure) -> str:
    who = figure.perpetrator or "all parties"
    return f"{figure.metric} by {who}"


def check_breakdowns(statements: list[Statement]) -> list[str]:
    """Warnings, one per breakdown that does not add up; nothing is changed."""
    warnings: list[str] = []
    for s in statements:
        if s.head.qualifier not in BOUNDED:
            continue
        for part in s.parts:
            if part.count > s.head.count:
                warnings.append(
                    f"breakdown does not add up: {_describe(s.head)}: {part.count} {part.group} "
                    f"but only {s.head.count} {s.head.group}"
                )
        disjoint = [p for p in s.parts if p.group in DISJOINT]
        total = sum(p.count for p in disjoint)
        if len(disjoint) > 1 and total > s.head.count:
            groups = " + ".join(f"{p.count} {p.group}" for p in disjoint)
            warnings.append(
                f"breakdown does not add up: {_describe(s.head)}: {groups} = {total} is more than {s.head.count} {s.head.group}"
            )
    warnings += _check_party_sums(statements)
    return warnings  # not logged here: `tally draft` reports them through the dataset's checks (one line each)


def _check_party_sums(statements: list[Statement]) -> list[str]:
    """A total over all parties that is smaller than what the parties add up to."""
    cells: dict[tuple[object, ...], dict[str | None, Figure]] = defaultdict(dict)
    for s in statements:
        for figure in s.figures:
            key = (s.metric, figure.group, _sort_key(s.period), s.location, s.target)
            cells[key].setdefault(s.party, figure)
    warnings: list[str] = []
    for (metric, group, _, _, _), by_party in cells.items():
        total = by_party.get(None)
        if total is None or len(by_party) < 2 or total.qualifier not in BOUNDED:
            continue
        parties = set(by_party) - {None}
        for coalition, members in COALITIONS.items():
            if coalition in parties and parties & set(members):
                parties.discard(coalition)
        added = sum(by_party[p].count for p in parties)
        if added > total.count:
            what = f"{group} {metric}" if group else str(metric)
            warnings.append(f"breakdown does not add up: {what}: the parties add up to {added}, more than the total {total.count}")
    return warnings
