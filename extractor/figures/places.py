"""Where each count happened: the place named after it, its total's, the sentence's one place, or each of several."""

from __future__ import annotations

import dataclasses

from spacy.tokens import Doc

from extractor.arabic import normalize_ar
from extractor.figures.candidate import Candidate
from extractor.figures.layout import is_heading, layout_of
from extractor.lexicon import Mark, Marks

_ONE = {"واحدة", "واحد", "واحدا"}
_COMMAS = {",", "،", ";", "؛"}


def locate(doc: Doc, marks: Marks, cands: list[Candidate]) -> list[Candidate]:
    """Set ``location`` on every candidate; a count given to "each of" several places becomes one per place.

    A place right after the count is its own ("12 civilians in Idlib"), unless a cue of the next item opens it
    ("…, followed by Aleppo with 9", "تلتها حلب بـ 9"); in a ranking the place comes first and the count after
    "with" / "بـ" / a colon ("Idlib came first with 40", "إدلب بـ 40", "Idlib: 40"), so there the place before the
    count, back to the last count, is its own. Else its total's place, else the one place its sentence names that
    no other count takes, else (a sentence naming none) the place of its paragraph, heading or title."""
    afters = [_places_after(doc, marks, cands, j) for j in range(len(cands))]
    taken = {p.start for places in afters for p in places}
    around = context_places(doc, marks)
    for j, c in enumerate(cands):
        if c.location:
            continue
        same = c.sent.start
        prv = cands[j - 1].end if j > 0 and cands[j - 1].sent.start == same and cands[j - 1].end <= c.start else c.sent.start
        after = [p for p in afters[j] if not _opens_next_item(marks, p)]
        before = marks.within("place", prv, c.start)
        if before and _ranked(doc, marks, c):
            c.location = before[-1].value
        elif after:
            c.location = after[0].value
        elif c.head is not None:
            c.location, c.place_from_context = c.head.location, c.head.place_from_context
        else:
            named = marks.within("place", c.sent.start, c.sent.end)
            in_sent = {m.value for m in named if m.start not in taken}
            if len(in_sent) == 1:
                c.location = in_sent.pop()
            elif not named:
                c.location = around.get(c.sent.start)
                c.place_from_context = c.location is not None
    return [one for c in cands for one in _each_place(doc, marks, c)]


def _places_after(doc: Doc, marks: Marks, cands: list[Candidate], j: int) -> list[Mark]:
    """The places right after count ``j``, before the next count and with no comma between ("64 civilians, 40 of
    them in Idlib": Idlib is the 40's, not the 64's; not "…، وتصدرت إدلب بـ")."""
    c = cands[j]
    nxt = cands[j + 1].start if j + 1 < len(cands) and cands[j + 1].sent.start == c.sent.start else c.sent.end
    return [p for p in marks.within("place", c.end, nxt)
            if p.start - c.end <= 6 and not any(doc[k].text in _COMMAS for k in range(c.end, p.start))]


def _all_syria(doc: Doc, marks: Marks, start: int, end: int) -> bool:
    """Does the stretch name Syria as a whole ("across Syria", "في سوريا"), outside any place's name?"""
    return any(normalize_ar(t.text).lstrip("و") in _SYRIA and marks.at("place", t.i) is None for t in doc[start:end])


_SYRIA = {"syria", "Syria", "سوريا", "سورية", "بسوريا", "بسورية"}


def context_places(doc: Doc, marks: Marks) -> dict[int, str | None]:
    """Per sentence start, the place of what it stands in, for a count whose sentence names none: the one place
    named earlier in its paragraph, else the one its heading names, else the one the title names; none for a
    sentence on all of Syria."""
    layout = layout_of(doc)
    sents = layout.sents
    if not sents:
        return {}

    def one(start: int, end: int) -> str | None:
        found = {m.value for m in marks.within("place", start, end)}
        return found.pop() if len(found) == 1 and not _all_syria(doc, marks, start, end) else None

    title = one(sents[0].start, sents[0].end) if is_heading(sents[0]) or sents[0].text.strip()[-1:] not in ".!?" else None
    out: dict[int, str | None] = {}
    heading: str | None = None
    block, earlier = -1, set[str]()
    for n, sent in enumerate(sents):
        b = layout.block_index(sent.start_char)
        if b != block:
            block, earlier = b, set[str]()
        if n and is_heading(sent):
            heading = one(sent.start, sent.end)  # a new section: its own place, or none
        all_syria = _all_syria(doc, marks, sent.start, sent.end)
        out[sent.start] = None if all_syria else (next(iter(earlier)) if len(earlier) == 1 else None) or heading or title
        if all_syria:
            earlier.add("")  # a sentence on all of Syria: the paragraph names more than one place
        earlier |= {m.value for m in marks.within("place", sent.start, sent.end)}
    return {k: v or None for k, v in out.items()}


def _ranked(doc: Doc, marks: Marks, c: Candidate) -> bool:
    """Is the count a ranking's or a label's ("… with 40", "بـ 40", "Idlib: 40", "accounted for 88")?"""
    k = c.start - 1
    while k >= c.sent.start and marks.at("cue:qualifier", k) is not None:
        k -= 1
    if k < c.sent.start:
        return False
    joined = doc.lang_ == "ar" and doc[c.start].text.startswith("و")  # "في إدلب و5 في حماة": a new item
    label = marks.ending("place", k) is not None and not joined  # "Idlib 51, Hama 19"
    return doc[k].text in {":", "بـ"} or marks.ending("cue:ranked", k) is not None or label or (
        doc.lang_ == "ar" and doc[c.start].text.startswith("ب") and not doc[c.start].text[:2].isdigit()
    )


def _opens_next_item(marks: Marks, place: Mark) -> bool:
    """"followed by Aleppo", "تلتها حلب", "ثم حمص": a place that opens the next item of a ranking."""
    return any(marks.ending("cue:next_item", k) is not None for k in (place.start - 1, place.start - 2))


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
    if k < c.sent.end and normalize_ar(doc[k].text) in _ONE:
        k += 1
    return k < c.sent.end and marks.starting("cue:each", k) is not None


def _each_place_after(doc: Doc, marks: Marks, c: Candidate) -> list[str]:
    k = c.end
    if k < c.sent.end and normalize_ar(doc[k].text) in _ONE:
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
