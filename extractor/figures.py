"""The ``tally_figures`` spaCy component and ``find_figures(doc) -> list[Figure]``."""

from __future__ import annotations

import dataclasses

import datetime as dt
import logging
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from extractor.arabic import normalize_ar
from extractor.attribution import attribute
from extractor.parties import ALLIANCE_MEMBERS
from extractor.candidates import Candidate, find_all_candidates
from extractor.lexicon import Marks, lexicon_for
from extractor.metrics import resolve_metrics
from extractor.numbers import number_words
from extractor.periods import Found, context_year, find_periods
from extractor.tables import table_candidates, table_tokens
from extractor.text import Text
from tally.model import PEOPLE_METRICS as PEOPLE
from tally.model import Evidence, Figure, Period

log = logging.getLogger(__name__)

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


_BULLETS = ("–", "-", "—", "•", "*", "·", "▪", "◦")


def _line_of(doc: Doc, sent: Span) -> str:
    start = doc.text.rfind("\n", 0, sent.start_char) + 1
    end = doc.text.find("\n", sent.start_char)
    return doc.text[start : end if end >= 0 else len(doc.text)].strip()


def _block_of(text: str, at: int) -> str:
    """The block (text between blank lines) holding offset ``at``."""
    start = text.rfind("\n\n", 0, at)
    end = text.find("\n\n", at)
    return text[start + 2 if start >= 0 else 0 : end if end >= 0 else len(text)].strip("\n")


def _in_list(doc: Doc, sent: Span) -> bool:
    """Is ``sent`` a list item: marked as one, or a line of a block of several lines (readers' lists)?"""
    return _is_bullet(_line_of(doc, sent)) or "\n" in _block_of(doc.text, sent.start_char)


def _is_bullet(line: str) -> bool:
    return line.startswith(_BULLETS) or (len(line) > 2 and line[0].isdigit() and line[1] in ".)")


def _is_count_word(tok: Token) -> bool:
    lang = tok.doc.lang_
    entry = number_words(lang).get(tok.norm_ if lang == "ar" else tok.lower_)
    return tok.text[:1].isdigit() or (entry is not None and entry[1] in {"unit", "tens", "teen"})


def _is_heading(sent: Span) -> bool:
    words = [t for t in sent if not t.is_space and not t.is_punct]
    text = sent.text.strip()
    ends = {".", "?", "!", ",", ";", "؛", "،", "؟"}
    return 0 < len(words) <= 16 and text[-1:] not in ends and not any(map(_is_count_word, words))


def _heading_context(
    doc: Doc, marks: Marks, title_metric: str | None, cands: list[Candidate]
) -> tuple[dict[int, str | None], dict[int, str | None]]:
    """Per sentence start: the actor and the metric of the heading or lead-in it stands under."""
    topic = actor = _topic_actor(doc, marks, cands)
    counted = {c.sent.start for c in cands}
    list_actor: str | None = None
    list_metric: str | None = None
    metric: str | None = title_metric
    actors: dict[int, str | None] = {}
    metrics: dict[int, str | None] = {}
    headline = True  # the title and standfirst lines: what they name is the topic's, not a section's
    for sent in doc.sents:
        found = marks.within("actor", sent.start, sent.end)
        bullet = _in_list(doc, sent)
        headline = headline and not bullet and not _before_bullets(doc, sent) and (
            _is_heading(sent) or sent.text.strip()[-1:] not in {".", "!", "?", ":"}
        )
        if headline and (topic is not None or len(sent) > 6):
            actor = topic  # a standfirst's party is for part of the count; a bare name ("Russian forces") heads a section
        elif _is_heading(sent) and not bullet:
            subheading = not found and bool(marks.within("group", sent.start, sent.end)) and len(sent) <= 6
            actor = found[-1].value if found else (actor if subheading else topic)  # "B: Rebels" keeps its party
            trig = [m for m in marks.within("trigger", sent.start, sent.end) if m.value != "attacks"]
            metric = trig[0].value if trig else metric
            list_actor = None
        elif not bullet:
            counts = sent.start in counted
            lead_in = sent.text.rstrip().endswith(":") and not counts
            list_actor = found[-1].value if (lead_in or (not counts and _before_bullets(doc, sent))) and found else None
            trig = [m for m in marks.within("trigger", sent.start, sent.end) if m.value != "attacks"]
            list_metric = trig[0].value if lead_in and trig else None
        actors[sent.start] = list_actor if bullet and list_actor else actor
        metrics[sent.start] = list_metric if bullet and list_metric else metric
    return actors, metrics


def _topic_actor(doc: Doc, marks: Marks, cands: list[Candidate]) -> str | None:
    """The one party a report is about: the only one its title and lead name."""
    sents = list(doc.sents)
    if not sents or not (_is_heading(sents[0]) or sents[0].text.strip()[-1:] not in {".", "!", "?"}):
        return None
    numbers = [c.number.start for c in cands if c.sent.start == sents[0].start]
    if marks.within("cue:most", sents[0].start, sents[0].end):
        return None  # "… most of them at the hands of X": a party for part of the count, not the topic
    title = {
        m.value
        for m in marks.within("actor", sents[0].start, sents[0].end)
        if not any(0 < m.start - i <= 6 for i in numbers)  # "547 of Them by the Syrian Regime" is a figure's party
    }
    lead_end = sents[min(len(sents), 4) - 1].end
    lead = {m.value for m in marks.within("actor", sents[0].end, lead_end)}
    members = {m for t in title for m in ALLIANCE_MEMBERS.get(t, ())}  # the alliance's forces named alone in the lead
    return title.pop() if len(title) == 1 and lead <= title | members else None


def _before_bullets(doc: Doc, sent: Span) -> bool:
    """Is ``sent`` the last sentence before a bulleted list?"""
    end = sent.start_char + len(sent.text.rstrip())
    rest = doc.text[end:]
    nxt = len(rest) - len(rest.lstrip())
    if not rest.strip() or "\n" not in rest[:nxt] or "\n" in _block_of(doc.text, sent.start_char):
        return False
    return _is_bullet(rest.lstrip().split("\n", 1)[0]) or "\n" in _block_of(doc.text, end + nxt)


def resolve_candidates(doc: Doc, marks: Marks, lang: str) -> list[Candidate]:
    """Candidates with metric, breakdown, perpetrators and location decided (no dates yet)."""
    from extractor.breakdowns import link_breakdowns, link_sums

    skip = table_tokens(doc)
    cands = find_all_candidates(doc, marks, lang, skip)
    link_sums(cands)  # "31 attacks, 22 by the regime and 9 by Russia": parts that add up, before lists link to them
    link_breakdowns(doc, marks, cands)
    link_sums(cands)
    first = next(iter(doc.sents), None)
    title_trig = [m for m in marks.within("trigger", 0, first.end) if m.value != "attacks"] if first else []
    actors, metrics = _heading_context(doc, marks, title_trig[0].value if title_trig else None, cands)
    title_events = [m.value for m in marks.within("event", 0, first.end)] if first else []
    title_metric = title_trig[0].value if title_trig else None
    resolve_metrics(doc, marks, cands, title_metric, metrics, title_events[0] if title_events else None)
    attribute(doc, marks, cands, actors)
    _locate(doc, marks, cands)
    cands = [one for c in cands for one in _each_place(doc, marks, c)]
    return cands + table_candidates(doc, marks, skip, metrics)


def _each_place(doc: Doc, marks: Marks, c: Candidate) -> list[Candidate]:
    """"شهدت كل من دير الزور ودرعا والرقة مجزرة واحدة": one massacre in each place, three figures."""
    each_after = _each_after(doc, marks, c)  # "إدلب وحلب بواقع 7 مجازر في كل منهما"
    k = c.start - 1
    while each_after and k >= c.sent.start and (normalize_ar(doc[k].text) in {"بواقع", "ب"} or marks.at("cue:qualifier", k)):
        k -= 1
    places: list[str] = []
    while k >= c.sent.start:
        place = marks.ending("place", k)
        if place is not None:
            places.insert(0, place.value)
            k = place.start - 1
        elif doc[k].text in {"و", "،", ","}:
            k -= 1
        else:
            break
    named_each = k >= c.sent.start and marks.ending("cue:agent_each", k) is not None
    if len(places) < 2 or not (named_each or each_after):
        places = _each_place_after(doc, marks, c)  # "ومجزرة واحدة في كل من درعا وحماة وحمص"
    if len(places) < 2:
        return [c]
    return [dataclasses.replace(c, location=place) for place in places]


def _each_after(doc: Doc, marks: Marks, c: Candidate) -> bool:
    """"… مجزرة في كل منهما": "in each of them" right after the count (or its "واحدة")."""
    k = c.end
    if k < c.sent.end and normalize_ar(doc[k].text) in {"واحدة", "واحد", "واحدا"}:
        k += 1
    return k < c.sent.end and marks.starting("cue:each", k) is not None


def _each_place_after(doc: Doc, marks: Marks, c: Candidate) -> list[str]:
    k = c.end
    if k < c.sent.end and normalize_ar(doc[k].text) in {"واحدة", "واحد", "واحدا"}:
        k += 1  # the "واحدة" of "مجزرة واحدة"
    if k < c.sent.end and doc[k].norm_ == "في":
        k += 1
    each = marks.starting("cue:agent_each", k)
    if each is None:
        return []
    k, places = each.end, []
    while k < c.sent.end:
        place = marks.starting("place", k)
        if place is not None:
            places.append(place.value)
            k = place.end
        elif doc[k].text in {"و", "،", ","}:
            k += 1
        else:
            break
    return places


def _locate(doc: Doc, marks: Marks, cands: list[Candidate]) -> None:
    for j, c in enumerate(cands):
        if c.location:
            continue
        nxt = cands[j + 1].start if j + 1 < len(cands) and cands[j + 1].sent.start == c.sent.start else c.sent.end
        places = marks.within("place", c.end, nxt)
        if places and places[0].start - c.end <= 6:
            c.location = places[0].value
        elif c.head is not None:
            c.location = c.head.location
        else:
            in_sent = {m.value for m in marks.within("place", c.sent.start, c.sent.end)}
            c.location = in_sent.pop() if len(in_sent) == 1 else None


def _figure_period(
    c: Candidate, doc: Doc, default: Period | None, year: int | None, published: dt.date | None, lang: str,
    decided: dict[int, Period | None], sections: dict[int, Period | None], phrases: dict[int, list[Found]],
) -> Period | None:
    """The period a figure's own sentence states; else its total's; else the paragraph's last; else the report's."""
    found = phrases[c.sent.start]
    if found:
        at = doc[c.number.start].idx - c.sent.start_char
        return min(found, key=lambda f: min(abs(f.start - at), abs(f.end - at))).period
    if c.head is not None and id(c.head) in decided:
        return decided[id(c.head)]
    paragraph_start = doc.text.rfind("\n\n", 0, c.sent.start_char) + 2
    before = doc.text[max(paragraph_start, 0) : c.sent.start_char]
    earlier = [f for f in find_periods(before, lang=lang, year=year, days=True) if f.kind == "day"]
    if earlier:
        return earlier[-1].period  # "On 22 July 2019, … The attack killed 39 civilians"
    return sections.get(c.sent.start) or default  # "III. The Renewed Escalation, 30 October - 15 November 2019"


def _section_periods(doc: Doc, lang: str, year: int | None, published: dt.date | None) -> dict[int, Period | None]:
    """Per sentence start: the period named by the heading it stands under, if that heading names one."""
    current: Period | None = None
    out: dict[int, Period | None] = {}
    for sent in doc.sents:
        line = _line_of(doc, sent)
        heading = 0 < len(line.split()) <= 16 and line[-1:] not in {".", "!", "?", ":", "؟"}
        if heading:
            found = [f for f in find_periods(line, lang=lang, year=year, published=published) if f.kind != "since"]
            current = found[0].period if found else None
        out[sent.start] = current
    return out


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
    cands, _marks = stored
    cands = [c for c in cands if c.restates is None]
    year = context_year(doc, published)
    figures: list[Figure] = []
    warnings: list[str] = []
    seen: dict[tuple[Any, ...], list[tuple[Figure, bool]]] = {}
    anchor = period.end if period else published
    phrases = {  # each sentence's period phrases, found once
        start: find_periods(sent.text, lang=lang, year=year, published=published, anchor=anchor, days=True)
        for start, sent in {c.sent.start: c.sent for c in cands}.items()
    }
    explicit = {id(c) for c in cands if c.period is None and any(f.kind != "relative" for f in phrases[c.sent.start])}
    headline = _headline_starts(doc)
    decided: dict[int, Period | None] = {}
    sections = _section_periods(doc, lang, year, published)
    for c in cands:
        decided[id(c)] = c.period or _figure_period(c, doc, period, year, published, lang, decided, sections, phrases)
    for c in sorted(cands, key=lambda c: (c.sent.start_char in headline, c.number.start)):
        sent_text = c.sent.text.strip()
        if c.metric is None:
            warnings.append(f"left out {c.count} ({c.reason}): {_short(sent_text)}")
            continue
        evidence = Evidence(
            text=sent_text,
            start=c.sent.start_char,
            end=c.sent.end_char,
            page=text.page_at(c.sent.start_char) if text is not None else None,
        )
        fig_period = decided[id(c)]
        for perp in c.perpetrators or [None]:
            try:
                fig = Figure(
                    metric=c.metric,
                    group=c.group if c.metric in PEOPLE else None,
                    count=c.count,
                    qualifier=c.qualifier,
                    perpetrator=perp,
                    target=c.target if c.metric not in PEOPLE else None,
                    period=fig_period,
                    location=c.location,
                    evidence=evidence,
                )
            except ValueError as err:
                warnings.append(f"left out {c.count} ({err}): {_short(sent_text)}")
                continue
            key = (fig.metric, fig.group, fig.perpetrator, fig.count, fig.location)
            stated = [
                (f, own)
                for f, own in seen.get(key, [])
                if f.evidence and f.evidence.start != c.sent.start_char
                and (f.target == fig.target or None in (f.target, fig.target))  # "3 attacks on schools" ≠ "… on markets"
            ]
            mine = id(c) in explicit
            if any(not (own and mine and f.period != fig.period) for f, own in stated):
                continue  # the same figure restated (headline and body, text and table)
            seen.setdefault(key, []).append((fig, mine))
            figures.append(fig)
    figures = _drop_headline_restatements(doc, figures)
    return sorted(figures, key=lambda f: f.evidence.start if f.evidence else 0), warnings


def _headline_starts(doc: Doc) -> set[int]:
    """Where the title and standfirst lines start: the lines before the body, without a full stop."""
    heads: set[int] = set()
    for n, sent in enumerate(doc.sents):  # up to the first sentence of the body (one ending in a full stop)
        if n >= 8 or not (_is_heading(sent) or sent.text.strip()[-1:] not in {".", "!", "?", ":"}):
            break
        heads.add(sent.start_char)
    return heads


def _drop_headline_restatements(doc: Doc, figures: list[Figure]) -> list[Figure]:
    """A headline's figure stated again in the body is the body's (its first full statement)."""
    heads = _headline_starts(doc)
    out = []
    for fig in figures:
        ev = fig.evidence
        if ev is not None and ev.start in heads and any(
            o is not fig and o.evidence is not None and o.evidence.start not in heads
            and (o.group, o.count) == (fig.group, fig.count)
            for o in figures
        ):
            continue
        out.append(fig)
    return out


def _short(text: str, width: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"

