"""Named entities: spaCy's NER corrected for actors and places, plus LAW and WEAPON spans (tables only without NER)."""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterable

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from extractor.dates import find_dates, parse_date
from extractor.forms import MatchView
from extractor.laws import LawFinder
from extractor.persons import cued_persons
from extractor.vocab import rows_for
from tally.model import Entity

log = logging.getLogger(__name__)

#: Where the component keeps its entities: non-overlapping spans, ``kb_id_`` = canonical id or "".
SPAN_KEY = "tally_entities"
#: spaCy NER labels the contract keeps; the rest (NORP, CARDINAL, …) are dropped.
KEPT_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "DATE", "LAW"})
#: Gazetteer kinds that are areas rather than administrative places.
AREA_KINDS = frozenset({"region"})
_ABBREVIATION_MAX = 6


def _is_abbreviation(text: str) -> bool:
    return text.isupper() and len(text) <= _ABBREVIATION_MAX


class AliasMatcher:
    """Phrases of one table matched case-insensitively; short all-capital abbreviations only as written."""

    def __init__(self, view: MatchView, aliases: Iterable[tuple[str, str]]) -> None:
        self.words = PhraseMatcher(view.vocab, attr=view.attr)
        self.abbreviations = PhraseMatcher(view.vocab, attr="ORTH")
        for alias, key in aliases:
            matcher = self.abbreviations if _is_abbreviation(alias) else self.words
            matcher.add(key, [view.pattern(alias)])

    def __call__(self, doc: Doc, forms: Doc) -> list[tuple[str, int, int]]:
        """``(key, start, end)`` token spans; abbreviations inside all-capital lines are skipped.

        ``forms`` is what the phrases are matched on (``MatchView.forms(doc)``), token for token ``doc``.
        """
        strings = doc.vocab.strings
        found = [(strings[key], start, end) for key, start, end in self.words(forms)]
        for key, start, end in self.abbreviations(doc):
            if not _in_capitals(doc, start, end):
                found.append((strings[key], start, end))
        return found


def _in_capitals(doc: Doc, start: int, end: int) -> bool:
    """True inside a shouted heading such as ``WHAT IS DONE``, where ``IS`` is no abbreviation."""
    neighbours = [doc[i] for i in (start - 1, end) if 0 <= i < len(doc) and doc[i].is_alpha]
    return any(token.is_upper and len(token) > 1 for token in neighbours)


class EntityTagger:
    """The ``tally_entities`` component: stores the document's entities in ``doc.spans[SPAN_KEY]``.

    Without an NER model (Arabic) dates come from the text and people only from cues ("قال X،").
    """

    def __init__(self, nlp: Language) -> None:
        lang = nlp.lang or "en"
        self.view = MatchView(nlp)
        self.without_ner = "ner" not in nlp.pipe_names
        self.laws = LawFinder(self.view)
        self.weapons = AliasMatcher(self.view, ((r["alias"], r["id"]) for r in rows_for("weapons", lang)))
        self.actors = AliasMatcher(self.view, ((r["alias"], r["id"]) for r in rows_for("actors", lang)))
        self.organisations = AliasMatcher(self.view, ((r["alias"], r["name"]) for r in rows_for("publishers", lang)))
        places = rows_for("gazetteer", lang)
        self.places = AliasMatcher(self.view, ((r["name"], r["canonical"]) for r in places))
        self.place_labels = {r["canonical"]: "LOC" if r["kind"] in AREA_KINDS else "GPE" for r in places}

    def __call__(self, doc: Doc) -> Doc:
        forms = self.view.forms(doc)
        ours = self._own_spans(doc, forms)
        taken = {i for span in ours for i in range(span.start, span.end)}
        found = (_corrected(ent, doc.lang_) for ent in doc.ents)
        if self.without_ner:
            found = (span for span in [*_date_spans(doc), *cued_persons(doc, forms, ours)])
        theirs = [span for span in found if span is not None and not taken.intersection(range(span.start, span.end))]
        doc.spans[SPAN_KEY] = sorted(ours + theirs, key=lambda span: span.start)
        return doc

    def _own_spans(self, doc: Doc, forms: Doc) -> list[Span]:
        """Our spans by priority, LAW over WEAPON over actors over places, longest first."""
        tiers: list[list[Span]] = [
            self.laws(doc, forms),
            [Span(doc, s, e, label="WEAPON", kb_id=key) for key, s, e in self.weapons(doc, forms)],
            [
                Span(doc, s, e, label="ORG", kb_id=key)
                for key, s, e in self.actors(doc, forms)
                if _names_actor(doc[s:e])
            ]
            + [Span(doc, s, e, label="ORG", kb_id=key) for key, s, e in self.organisations(doc, forms)],
            [Span(doc, s, e, label=self.place_labels[key], kb_id=key) for key, s, e in self.places(doc, forms)],
        ]
        kept: list[Span] = []
        for tier in tiers:
            taken = {i for span in kept for i in range(span.start, span.end)}
            kept.extend(span for span in filter_spans(tier) if not taken.intersection(range(span.start, span.end)))
        return kept


def _date_spans(doc: Doc) -> list[Span]:
    """Dates with a year written in the text, for pipelines without NER, with their ISO date as id."""
    spans = []
    for mention in find_dates(doc.text, doc.lang_):
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None:
            spans.append(Span(doc, span.start, span.end, label="DATE", kb_id=mention.iso()))
    return spans


def _names_actor(span: Span) -> bool:
    """False for a lone adjective such as ``Russian`` in ``the Russian envoy``: a nationality, not a party."""
    return not (len(span) == 1 and span[0].pos_ == "ADJ")


def _corrected(ent: Span, lang: str) -> Span | None:
    """A spaCy entity the contract keeps, with its canonical id; ``None`` for labels it drops."""
    if ent.label_ not in KEPT_LABELS:
        return None
    doc = ent.doc
    if ent.label_ == "DATE":
        if ent.text.isdigit() and len(ent.text) != 4:
            return None  # a bare count or article number tagged as a date
        mention = parse_date(ent.text, lang)
        canonical = mention.iso() if mention is not None and mention.month is not None else ""
        return Span(doc, ent.start, ent.end, label="DATE", kb_id=canonical)
    start = ent.start
    if ent.label_ == "PERSON":
        # Given names the small model leaves out: "Fadel" before "Abdul Ghany".
        while start > 0 and start > ent.start - 2 and _is_name_part(doc[start - 1]):
            start -= 1
    return Span(doc, start, ent.end, label=ent.label_)


def _is_name_part(token: Token) -> bool:
    return token.pos_ == "PROPN" and token.is_title and not token.ent_type_


@Language.factory("tally_entities")
def make_entity_tagger(nlp: Language, name: str) -> EntityTagger:
    """spaCy factory for the ``tally_entities`` component."""
    return EntityTagger(nlp)


def entity_spans(doc: Doc) -> list[Span]:
    """The document's entity spans, from the component or, without it, from spaCy's NER alone."""
    if SPAN_KEY in doc.spans:
        return list(doc.spans[SPAN_KEY])
    log.warning("the tally_entities component did not run; entities come from spaCy's NER alone")
    return [span for span in (_corrected(ent, doc.lang_) for ent in doc.ents) if span is not None]


def find_entities(doc: Doc) -> list[Entity]:
    """PERSON, ORG, GPE, LOC, DATE, LAW and WEAPON mentions with their canonical ids, in text order."""
    seen: set[tuple[str, int, int]] = set()
    out: list[Entity] = []
    for span in entity_spans(doc):
        key = (span.label_, span.start_char, span.end_char)
        if key in seen or not span.text.strip():
            continue
        seen.add(key)
        out.append(
            Entity(
                label=span.label_,
                text=span.text,
                canonical=span.kb_id_ or None,
                start=span.start_char,
                end=span.end_char,
            )
        )
    return out


def find_regions(doc: Doc) -> list[str]:
    """Canonical names of the gazetteer's regions, governorates and towns, in order of first mention."""
    places = {row["canonical"] for row in rows_for("gazetteer", doc.lang_)}
    regions: list[str] = []
    for span in entity_spans(doc):
        if span.label_ in {"GPE", "LOC"} and span.kb_id_ in places and span.kb_id_ not in regions:
            regions.append(span.kb_id_)
    return regions
