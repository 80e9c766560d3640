"""The ``tally_figures`` spaCy component, which runs the steps in order, and ``find_figures(doc)``."""

from __future__ import annotations

import datetime as dt
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from extractor.figures.attribution import attribute
from extractor.figures.breakdowns import link_breakdowns, link_sums
from extractor.figures.candidates import Candidate, find_all_candidates
from extractor.figures.context import heading_context
from extractor.figures.dedupe import to_figures
from extractor.figures.layout import layout_of
from extractor.figures.metrics import resolve_metrics
from extractor.figures.periods import figure_periods
from extractor.figures.places import locate
from extractor.figures.tables import table_candidates, table_tokens
from extractor.lexicon import Marks, lexicon_for
from extractor.text import Text
from tally.model import Figure, Period

if not Doc.has_extension("tally_candidates"):
    Doc.set_extension("tally_candidates", default=None)
if not Doc.has_extension("figures"):
    Doc.set_extension("figures", getter=lambda doc: find_figures(doc)[0])


@Language.factory("tally_figures", default_config={"lang": "en"})
def make_figures_component(nlp: Language, name: str, lang: str) -> FiguresComponent:
    """Registered with spaCy so ``nlp.add_pipe("tally_figures")`` works in any English pipeline."""
    return FiguresComponent(nlp, lang)


class FiguresComponent:
    """Marks a Doc's figure candidates; ``doc._.figures`` gives the resolved figures."""

    def __init__(self, nlp: Language, lang: str) -> None:
        self.lang = lang
        self.lexicon = lexicon_for(nlp, lang)

    def __call__(self, doc: Doc) -> Doc:
        marks = self.lexicon.mark(doc)
        doc._.tally_candidates = (resolve_candidates(doc, marks, self.lang), marks)
        return doc


def resolve_candidates(doc: Doc, marks: Marks, lang: str) -> list[Candidate]:
    """Candidates with metric, breakdown, perpetrators and location decided (no periods yet)."""
    skip = table_tokens(doc)
    cands = find_all_candidates(doc, marks, lang, skip)
    link_sums(cands)  # "31 attacks, 22 by the regime and 9 by Russia": parts that add up, before lists link to them
    link_breakdowns(doc, marks, cands)
    link_sums(cands)
    sents = layout_of(doc).sents
    first = sents[0] if sents else None
    title_trig = [m for m in marks.within("trigger", 0, first.end) if m.value != "attacks"] if first else []
    title_metric = title_trig[0].value if title_trig else None
    actors, metrics = heading_context(doc, marks, title_metric, cands)
    title_events = [m.value for m in marks.within("event", 0, first.end)] if first else []
    resolve_metrics(doc, marks, cands, title_metric, metrics, title_events[0] if title_events else None)
    attribute(doc, marks, cands, actors)
    cands = locate(doc, marks, cands)
    return cands + table_candidates(doc, marks, skip, metrics)


def find_figures(
    doc: Doc,
    *,
    text: Text | None = None,
    period: Period | None = None,
    published: dt.date | None = None,
    lang: str = "en",
) -> tuple[list[Figure], list[str]]:
    """The figures a processed Doc states, and warnings about numbers left out."""
    stored: Any = doc._.tally_candidates
    if stored is None:
        raise ValueError("the Doc was not processed by the tally_figures component")
    cands = [c for c in stored[0] if c.restates is None]
    spans = figure_periods(doc, cands, period=period, published=published, lang=lang)
    return to_figures(doc, cands, spans, text)
