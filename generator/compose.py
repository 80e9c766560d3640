"""``compose(document, kind, lang) -> Composed``: every sentence and number of a press release or report."""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from generator.blocks import (
    Block,
    BulletList,
    Composed,
    Heading,
    Labels,
    Org,
    Paragraph,
    QuoteBlock,
    Table,
)
from generator.numbers_dates import DIGITS, format_day, format_number
from generator.org import load_org
from generator.phrasebook import Phrasebook, load_phrasebook
from generator.sentences import (
    headline,
    join_list,
    period_phrase,
    sentence_start,
    statement_sentence,
    table_party,
)
from generator.tallies import Statement, build_statements, check_breakdowns, focal_statement
from tally.errors import InputError
from tally.model import METRICS, PEOPLE_METRICS, PERPETRATORS, Document

log = logging.getLogger(__name__)

KINDS = ("press-release", "report")
Kind = Literal["press-release", "report"]


@dataclass(frozen=True)
class Context:
    """What every part of the composition needs: the data, the language's phrases, the org, the digits."""

    document: Document
    pb: Phrasebook
    org: Org
    digits: str
    statements: tuple[Statement, ...]
    focal: Statement | None

    def sentence(self, statement: Statement) -> str:
        return statement_sentence(self.pb, statement, self.digits)

    def number(self, n: int) -> str:
        return format_number(n, self.pb.lang, self.digits)


def is_plain(statement: Statement) -> bool:
    """Stated for the document's own span, with no place or target of its own: fit for a table cell."""
    return statement.period is None and statement.location is None and statement.target is None


def lead_paragraph(ctx: Context) -> Paragraph:
    """Who publishes what, where and when, then the focal statement."""
    doc, pb = ctx.document, ctx.pb
    span = period_phrase(doc.period, pb, ctx.digits)
    intro = pb.say(
        "lead.intro",
        org=ctx.org.name,
        short=ctx.org.short_name,
        where=pb.say("lead.where", regions=join_list(pb, doc.regions[:3])) if doc.regions else "",
        when=pb.say("lead.when", x=span) if span else "",
    )
    focal = [ctx.sentence(ctx.focal)] if ctx.focal else []
    return Paragraph(" ".join([sentence_start(intro), *focal]), role="lead")


def party_paragraphs(ctx: Context, statements: list[Statement]) -> list[Block]:
    """One paragraph per party (totals over all parties first), each stating that party's figures."""
    by_party: dict[str | None, list[str]] = defaultdict(list)
    for statement in statements:
        by_party[statement.party].append(ctx.sentence(statement))
    return [Paragraph(" ".join(sentences)) for sentences in by_party.values()]


def glance_table(ctx: Context, statements: list[Statement]) -> tuple[list[Block], list[Statement]]:
    """The minor event figures as one table (party × event), and the statements it holds."""
    cells: dict[tuple[str, str | None], Statement] = {}
    for s in statements:
        if s.metric not in PEOPLE_METRICS and is_plain(s) and s.head.qualifier == "exact":
            cells.setdefault((s.metric, s.party), s)
    if len(cells) < 2:
        return [], []
    metrics = [m for m in METRICS if any(key[0] == m for key in cells)]
    parties = list(dict.fromkeys(key[1] for key in sorted(cells, key=lambda k: _party_order(k[1]))))
    pb = ctx.pb

    def row(party: str | None) -> tuple[str, ...]:
        values = [ctx.number(cells[(m, party)].head.count) if (m, party) in cells else "–" for m in metrics]
        return (table_party(pb, party), *values)

    table = Table(
        header=(pb.say("table.party"), *(pb.say(f"event.{m}") for m in metrics)),
        rows=tuple(row(p) for p in parties if p is not None),
        total=row(None) if None in parties else None,
    )
    blocks: list[Block] = [
        Heading(pb.say("heading.glance"), anchor="glance"),
        Paragraph(pb.say("caption.glance"), role="caption"),
        table,
    ]
    return blocks, list(cells.values())


def _party_order(party: str | None) -> int:
    return len(PERPETRATORS) if party is None else PERPETRATORS.index(party)


def quote_blocks(ctx: Context) -> list[Block]:
    pb = ctx.pb
    out: list[Block] = []
    for quote in ctx.document.quotes:
        if quote.speaker and quote.role:
            by = pb.say("quote.by", speaker=quote.speaker, role=quote.role)
        else:
            by = quote.speaker or quote.role or pb.say("quote.anonymous")
        out.append(QuoteBlock(pb.say("quote.text", text=quote.text.strip()), by))
    return out


def recommendation_blocks(ctx: Context) -> list[Block]:
    """The recommendations under their addressees, in the order each addressee first appears."""
    grouped: dict[str, list[str]] = defaultdict(list)
    for rec in ctx.document.recommendations:
        grouped[rec.addressee or ctx.pb.say("recommendation.general")].append(rec.text.strip())
    if not grouped:
        return []
    heading: list[Block] = [Heading(ctx.pb.say("heading.recommendations"), anchor="recommendations")]
    return heading + [BulletList(tuple(items), label=addressee) for addressee, items in grouped.items()]


def about_blocks(ctx: Context) -> list[Block]:
    pb, org = ctx.pb, ctx.org
    blocks: list[Block] = [
        Heading(pb.say("heading.about", short=org.short_name), anchor="about"),
        Paragraph(org.about, role="about"),
    ]
    if org.website:
        blocks.append(Paragraph(pb.say("about.website", website=org.website), role="about"))
    return blocks


def press_release_blocks(ctx: Context) -> list[Block]:
    """Lead, a paragraph per party for the focal metric, the other metrics, figures at a glance, quotes,
    recommendations and the boilerplate."""
    focal_metric = ctx.focal.metric if ctx.focal else None
    rest = [s for s in ctx.statements if s is not ctx.focal]
    same = [s for s in rest if s.metric == focal_metric]
    other = [s for s in rest if s.metric != focal_metric]
    blocks: list[Block] = [lead_paragraph(ctx), *party_paragraphs(ctx, same)]
    glance, in_table = glance_table(ctx, other)
    prose = [s for s in other if s not in in_table]
    if prose:
        blocks.append(Heading(ctx.pb.say("heading.other"), anchor="other"))
        for metric in METRICS:
            sentences = [ctx.sentence(s) for s in prose if s.metric == metric]
            if sentences:
                blocks.append(Paragraph(" ".join(sentences)))
    blocks += glance + quote_blocks(ctx) + recommendation_blocks(ctx) + about_blocks(ctx)
    return blocks


def compose(
    document: Document,
    kind: str,
    lang: str,
    *,
    org_path: Path | None = None,
    digits: str = "latn",
) -> Composed:
    """The press release or report of ``document`` in ``lang``, worded once for every renderer."""
    from generator.compose_report import report_blocks

    if kind not in KINDS:
        raise InputError(f"unknown kind {kind!r}; valid choices: {', '.join(KINDS)}")
    if digits not in DIGITS:
        raise InputError(f"unknown digits {digits!r}; valid choices: {', '.join(DIGITS)}")
    pb = load_phrasebook(lang)
    org = load_org(org_path, pb, document.publisher)
    statements = build_statements(document)
    warnings = check_breakdowns(statements)
    ctx = Context(document, pb, org, digits, tuple(statements), focal_statement(statements))
    kind_name = pb.say(f"kind.{kind}")
    span = period_phrase(document.period, pb, digits)
    blocks = press_release_blocks(ctx) if kind == "press-release" else report_blocks(ctx)
    dated = document.published or (document.period.end if document.period else None)
    return Composed(
        kind="press-release" if kind == "press-release" else "report",
        lang=lang,
        direction="rtl" if lang in RTL_LANGUAGES else "ltr",
        title=headline(pb, ctx.focal, document.period, digits),
        subtitle=pb.say("subtitle", kind=kind_name, when=pb.say("subtitle.when", x=span) if span else ""),
        dateline=format_day(dated, lang, digits) if dated else "",
        running_header=pb.say("running_header", short=org.short_name, kind=kind_name),
        org=org,
        labels=Labels(
            page=pb.say("label.page"), of=pb.say("label.of"), contents=pb.say("heading.contents"), kind_name=kind_name
        ),
        blocks=tuple(blocks),
        warnings=tuple(warnings),
    )


#: Languages written right to left.
RTL_LANGUAGES = frozenset({"ar", "fa", "he", "ur"})
