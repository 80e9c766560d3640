"""The full report's blocks: contents, summary, methodology, a section per metric with tables and charts."""

from __future__ import annotations

from collections import defaultdict

from generator.blocks import Block, Chart, Contents, Heading, PageBreak, Paragraph, Table
from generator.compose import Context, about_blocks, is_plain, lead_paragraph, party_paragraphs, quote_blocks
from generator.compose import recommendation_blocks
from generator.numbers_dates import period_label
from generator.sentences import table_party
from generator.tallies import Statement
from tally.model import GROUPS, METRICS, PEOPLE_METRICS, PERPETRATORS


def _ordered_metrics(ctx: Context) -> list[str]:
    present = {s.metric for s in ctx.statements}
    first = [ctx.focal.metric] if ctx.focal else []
    return first + [m for m in METRICS if m in present and m not in first]


def _cells(statements: list[Statement]) -> dict[tuple[str | None, str | None], int]:
    """(party, group) → count of the first plain figure stated for it."""
    cells: dict[tuple[str | None, str | None], int] = {}
    for s in statements:
        if is_plain(s):
            for figure in s.figures:
                cells.setdefault((s.party, figure.group), figure.count)
    return cells


def _parties(cells: dict[tuple[str | None, str | None], int]) -> list[str]:
    return [p for p in PERPETRATORS if any(key[0] == p for key in cells)]


def metric_table(ctx: Context, metric: str, statements: list[Statement]) -> list[Block]:
    """The caption and the table party × group (party × count for events); a total row only where the
    data has a total over all parties."""
    pb = ctx.pb
    cells = _cells(statements)
    parties = _parties(cells)
    if metric in PEOPLE_METRICS:
        groups: list[str | None] = [g for g in GROUPS if any(key[1] == g for key in cells)]
        header = (pb.say("table.party"), *(pb.say(f"group.{g}") for g in groups))
        caption = pb.say(f"caption.{metric}")
    else:
        groups = [None]
        header = (pb.say("table.party"), pb.say(f"event.{metric}"))
        caption = pb.say("caption.events", metric=pb.say(f"event.{metric}"))

    def row(party: str | None) -> tuple[str, ...]:
        return (table_party(pb, party), *(ctx.number(cells[(party, g)]) if (party, g) in cells else "–" for g in groups))

    has_total = any(key[0] is None for key in cells)
    if (len(parties) + has_total) * len(groups) < 2:
        return []
    table = Table(header=header, rows=tuple(row(p) for p in parties), total=row(None) if has_total else None)
    return [Paragraph(caption, role="caption"), table]


def metric_charts(ctx: Context, metric: str, statements: list[Statement]) -> list[Block]:
    """Bars by party, bars by group (for the total, else the largest party), and a timeline where the
    data gives several spans."""
    pb = ctx.pb
    title = pb.say(f"metric.{metric}")
    value_label = pb.say("chart.value")
    plain = [s for s in statements if is_plain(s)]
    charts: list[Block] = []
    heads = [s for s in plain if s.party is not None]
    by_party: dict[str, Statement] = {}
    for s in heads:
        by_party.setdefault(str(s.party), s)
    if len(by_party) >= 2:
        group = next(iter(by_party.values())).head.group
        same = [s for s in by_party.values() if s.head.group == group]
        if len(same) >= 2:
            label = pb.say(f"group.{group}") if group else pb.say(f"event.{metric}")
            charts.append(
                Chart(
                    title=pb.say("chart.by_party", metric=title, group=label),
                    labels=tuple(table_party(pb, s.party) for s in same),
                    values=tuple(s.head.count for s in same),
                    value_label=value_label,
                )
            )
    broken = [s for s in plain if len(s.parts) >= 1]
    if broken:
        best = max(broken, key=lambda s: (s.party is None, s.head.count))
        charts.append(
            Chart(
                title=pb.say("chart.by_group", metric=title),
                labels=tuple(pb.say(f"group.{f.group}") for f in best.figures),
                values=tuple(f.count for f in best.figures),
                value_label=value_label,
            )
        )
    charts += _timeline(ctx, metric, statements)
    return charts


def _timeline(ctx: Context, metric: str, statements: list[Statement]) -> list[Block]:
    series: dict[tuple[str | None, str | None], dict[str, int]] = defaultdict(dict)
    for s in statements:
        if s.location is None and s.target is None and s.period is not None:
            key = (s.party, s.head.group)
            series[key].setdefault(period_label(s.period, ctx.pb.lang, ctx.digits), s.head.count)
    if not series:
        return []
    points = max(series.values(), key=len)
    if len(points) < 2:
        return []
    ordered = sorted(points.items())
    return [
        Chart(
            title=ctx.pb.say("chart.timeline", metric=ctx.pb.say(f"metric.{metric}")),
            labels=tuple(label for label, _ in ordered),
            values=tuple(value for _, value in ordered),
            kind="timeline",
            value_label=ctx.pb.say("chart.value"),
        )
    ]


def report_blocks(ctx: Context) -> list[Block]:
    """Contents, executive summary, methodology, one section per metric, statements, recommendations, about."""
    pb = ctx.pb
    focal_metric = ctx.focal.metric if ctx.focal else None
    body: list[Block] = [
        Heading(pb.say("heading.summary"), anchor="summary"),
        lead_paragraph(ctx),
        *party_paragraphs(ctx, [s for s in ctx.statements if s.metric == focal_metric and s is not ctx.focal]),
        Heading(pb.say("heading.methodology"), anchor="methodology"),
        *(
            Paragraph(pb.say(f"methodology.{part}", org=ctx.org.name, short=ctx.org.short_name))
            for part in ("sources", "parties", "data")
        ),
    ]
    for i, metric in enumerate(_ordered_metrics(ctx)):
        statements = [s for s in ctx.statements if s.metric == metric]
        body += [Heading(pb.say(f"metric.{metric}"), anchor=f"metric-{i + 1}")]
        body += party_paragraphs(ctx, statements)
        body += metric_table(ctx, metric, statements)
        body += metric_charts(ctx, metric, statements)
    quotes = quote_blocks(ctx)
    if quotes:
        body += [Heading(pb.say("heading.quotes"), anchor="statements"), *quotes]
    body += recommendation_blocks(ctx) + about_blocks(ctx)
    entries = tuple(block for block in body if isinstance(block, Heading) and block.level == 2)
    return [Contents(pb.say("heading.contents"), entries), PageBreak(), *body]
