"""The discourse around a count: the party and metric of the heading, lead-in or title it stands under."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from extractor.figures.candidate import Candidate
from extractor.figures.layout import before_bullets, in_list, is_heading, layout_of
from extractor.figures.parties import ALLIANCE_MEMBERS
from extractor.lexicon import Marks

_ENDS = {".", "!", "?", ":"}


def heading_context(
    doc: Doc, marks: Marks, title_metric: str | None, cands: list[Candidate]
) -> tuple[dict[int, str | None], dict[int, str | None]]:
    """Per sentence start: the actor and the metric of the heading or lead-in it stands under."""
    topic = actor = topic_actor(doc, marks, cands)
    counted = {c.sent.start for c in cands}
    list_actor: str | None = None
    list_metric: str | None = None
    metric: str | None = title_metric
    actors: dict[int, str | None] = {}
    metrics: dict[int, str | None] = {}
    headline = True  # the title and standfirst lines: what they name is the topic's, not a section's
    for sent in layout_of(doc).sents:
        found = marks.within("actor", sent.start, sent.end)
        bullet = in_list(doc, sent)
        headline = headline and not bullet and not before_bullets(doc, sent) and (
            is_heading(sent) or sent.text.strip()[-1:] not in _ENDS
        )
        if headline and (topic is not None or len(sent) > 6):
            actor = topic  # a standfirst's party is for part of the count; a bare name ("Russian forces") heads a section
        elif is_heading(sent) and not bullet:
            subheading = not found and bool(marks.within("group", sent.start, sent.end)) and len(sent) <= 6
            actor = found[-1].value if found else (actor if subheading else topic)  # "B: Rebels" keeps its party
            metric = _what_happened(marks, sent) or metric
            list_actor = None
        elif bullet and found and sent.start not in counted and (is_heading(sent) or sent.text.rstrip().endswith(":")):
            list_actor = found[-1].value  # "أ- قوات النظام السوري:", or a party's name on the first line of a block
            list_metric = _what_happened(marks, sent)
        elif not bullet:
            counts = sent.start in counted
            lead_in = sent.text.rstrip().endswith(":") and not counts
            list_actor = found[-1].value if (lead_in or (not counts and before_bullets(doc, sent))) and found else None
            list_metric = _what_happened(marks, sent) if lead_in else None
        actors[sent.start] = list_actor if bullet and list_actor else actor
        metrics[sent.start] = list_metric if bullet and list_metric else metric
    return actors, metrics


def _what_happened(marks: Marks, sent: Span) -> str | None:
    """The first word of a heading or lead-in for what happened to people ("killed", "arrests"), if any."""
    return next((m.value for m in marks.within("trigger", sent.start, sent.end) if m.value != "attacks"), None)


def topic_actor(doc: Doc, marks: Marks, cands: list[Candidate]) -> str | None:
    """The one party a report is about: the only one its title and lead name."""
    sents = layout_of(doc).sents
    if not sents or not (is_heading(sents[0]) or sents[0].text.strip()[-1:] not in {".", "!", "?"}):
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
