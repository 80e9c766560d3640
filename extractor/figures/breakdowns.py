"""Totals and their parts: which count is a breakdown of which (the links, not the metrics)."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from extractor.figures.candidates import Candidate
from extractor.figures.ellipsis import among_frame
from extractor.figures.layout import layout_of
from extractor.lexicon import Marks


_CIVILIAN_PARTS = {"children", "women", "men", "medical_personnel", "civil_defense_personnel", "media_workers"}
#: group -> groups that can be a part of it
PARTS: dict[str, set[str]] = {
    "persons": _CIVILIAN_PARTS | {"civilians", "fighters", "persons"},
    "civilians": _CIVILIAN_PARTS | {"civilians"},
    "fighters": {"fighters"},
}
_TOTAL_GROUPS = {"persons", "civilians", "media_workers", "medical_personnel", "civil_defense_personnel", "fighters"}
_BREAK_PUNCT = {":", "–", "—", "("}
ATTACKS = {"attacks", "attacks_on_vital_facilities", "cluster_munition_attacks", "incendiary_attacks", "chemical_attacks"}
_LIST_BLOCK_POS = {"VERB", "AUX"}
_LIST_BLOCK_WORDS = {"while", "whereas", "but", "although", "though", "meanwhile", ";"}
#: An actor's verb that does not describe the counted people's fate.
PEOPLE_EVENTS = {"killed", "arrested", "forcibly_disappeared", "died_under_torture", "detained", "still_disappeared"}


def is_part_of(head: Candidate, part: Candidate, strict: bool = True) -> bool:
    """Can ``part`` be a breakdown of ``head``? Same kind of thing, a subgroup, not larger."""
    if (strict and part.count > head.count) or part is head:
        return False
    if head.group is None and head.event in PEOPLE_EVENTS and part.group:
        head_group = "persons"  # "171 cases of arbitrary arrest, including 11 children"
        return part.group in PARTS[head_group] and part.count < head.count
    if head.group and part.group and not head.event == "facility":
        if part.event and part.event not in PEOPLE_EVENTS:
            return False
        parts = PARTS.get(head.group, set()) | {head.group, "children", "women", "men"}
        return part.group in parts and (part.group != head.group or part.count < head.count)
    if head.event and not head.group and not part.group:
        same = part.event == head.event or part.event == "facility" or part.elided
        facility = part.event is None and part.target is not None and head.event in ATTACKS
        return same or facility or (part.event == "attacks" and head.event in ATTACKS)
    return False


def _has_break(doc: Doc, marks: Marks, start: int, end: int) -> bool:
    def dash(k: int) -> bool:
        return doc[k].text == "-" and k > 0 and doc[k - 1].whitespace_ != ""

    return any(doc[k].text in _BREAK_PUNCT or dash(k) or marks.at("cue:breakdown", k) for k in range(start, end))


def _trailing_part_cue(doc: Doc, marks: Marks, start: int, end: int) -> bool:
    """``one child and two women among them``: the cue after the parts."""
    for k in range(start, end):
        if (m := marks.at("cue:breakdown", k)) is not None and doc[m.start : m.end].text.lower() in {
            "among them", "amongst them", "of them", "among whom"
        }:
            return True
        if doc[k].is_punct and doc[k].text != ",":
            return False
    return False


def is_list_gap(doc: Doc, start: int, end: int, semicolons: bool = False, marks: Marks | None = None) -> bool:
    """Do only list separators stand between two counts: no verb, and no word that opens another clause
    ("while", "فيما", "في حين")?"""
    blocked = _LIST_BLOCK_WORDS - {";"} if semicolons else _LIST_BLOCK_WORDS

    def stops(k: int) -> bool:
        if doc[k].lower_ == "followed" and k + 1 < len(doc) and doc[k + 1].lower_ == "by":
            return False  # "Rif Dimashq with 92, followed by Daraa with 68"
        if marks is not None and marks.at("cue:clause", k) is not None:
            return True
        return doc[k].pos_ in _LIST_BLOCK_POS or doc[k].lower_ in blocked

    return not any(stops(k) for k in range(start, end))


def opens_with_total(doc: Doc, c: Candidate) -> bool:
    """``Out of the 1,421 civilians killed by ISIS, 281 were children``."""
    lead = doc[c.sent.start : c.number.start].text.lower().strip()
    return lead in {"out of", "out of the", "of the", "among the", "of these", "of those"}


_OPENINGS = ("among them", "of them", "of these", "of those", "among those", "these included", "they included",
             "of whom", "including", "among the victims", "among the dead")


def _refers_back(doc: Doc, c: Candidate, marks: Marks | None = None) -> str | None:
    """How a sentence's first count points to a total stated before: by its opening, a partitive or a label."""
    if c.number.end + 1 < len(doc) and doc[c.number.end].lower_ == "of" and doc[c.number.end + 1].lower_ in {
        "them", "these", "those", "whom", "which", "the", "all"
    }:
        return "partitive"  # "83,574 of them", "Fifteen of the victims"
    if c.number.end < len(doc) and doc[c.number.end].norm_ in {"منهم", "منها", "منهن"} and c.elided:
        return "partitive"  # "إخفاء 83,574 منهم"
    before = c.number.start - 2
    if c.elided and before >= c.sent.start and doc[before + 1].text == "," and (
        doc[before].lower_ in {"them", "these", "those"}
        or (marks is not None and any(marks.ending(kind, before) for kind in ("event", "group", "target")))
    ):
        return "partitive"  # "of these attacks, 212, …", "the majority of them, 1,003, died"
    if c.elided and c.number.start > 0 and doc[c.number.start - 1].text == ":":
        return "label"  # "- ISIS: 8,143" under a lead-in
    if _under_lead_in(doc, c):
        return "label"  # "Among the facilities hit were:" then "- 6 medical facilities;"
    opening = c.sent[:5].text.lower().lstrip("-–•* ")
    if opening.startswith(_OPENINGS):
        return "opening"
    if marks is not None and marks.within("cue:opening", c.sent.start, c.number.start):
        return "opening"  # "وأوضحت الشبكة أن “بين القتلى 1417 طفلاً": a part of the total stated before
    if marks is not None and among_frame(doc, marks, c.sent.start, c.number.start):
        return "opening"  # "ومن بين المراكز التي تعرضت للاعتداء 19 مدرسة": among what was counted before
    lead = doc[c.sent.start : c.number.start]
    colon = [t.i for t in lead if t.text == ":"]
    follows = "as follows" in lead.text.lower() or (colon and c.number.start - colon[-1] <= 2)
    if colon and follows and not any(t.like_num for t in lead):
        return "label"  # "…distributes the barrel bombs by governorate as follows: 698 on Idlib, …"
    return None


def _under_lead_in(doc: Doc, c: Candidate) -> bool:
    """Is ``c`` the first count of a list item whose list is introduced by a sentence ending in ":"?"""
    if c.number.start != c.sent.start and not all(t.is_punct or t.is_space for t in doc[c.sent.start : c.number.start]):
        return False
    for line in layout_of(doc).lines_before(doc.text, c.sent.start_char):
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.endswith(":"):
            return True
        if not stripped[:1].isdigit() and not stripped.startswith(("-", "–", "•", "*")) and not stripped.endswith(
            (";", "؛", ",", "،")
        ):
            return False  # an item may open with a word ("مركزان للدفاع المدني؛") but ends like one
    return False


def _party_label(doc: Doc, marks: Marks, sent: Span) -> bool:
    """Does ``sent`` open with a party's name and a colon ("القوات الروسية: قتلت 36 مدنياً")?"""
    actor = marks.starting("actor", sent.start)
    return actor is not None and actor.end < sent.end and doc[actor.end].text == ":"


def _lead_in_total(doc: Doc, marks: Marks, c: Candidate, earlier: list[Candidate]) -> Candidate | None:
    """The total a list's lead-in names again: by its number ("the 79 attacks … were distributed as
    follows:") or by its group ("the civilian toll was distributed as follows:" under the civilians' total)."""
    found_line = layout_of(doc).lead_in_before(doc.text, c.sent.start_char)
    if found_line is None:
        return None
    start, end = found_line
    lead = doc.text[start:end]
    stated = {int(n.replace(",", "").replace("\u066c", "")) for n in re.findall(r"\d[\d,\u066c]*", lead)}
    found = next((h for h in reversed(earlier) if h.count in stated and is_part_of(h, c)), None)
    if found is not None or stated:
        return found
    span = doc.char_span(start, end, alignment_mode="expand")
    groups = {m.value for m in marks.within("group", span.start, span.end)} if span is not None else set()
    return next((h for h in reversed(earlier) if h.group in groups and is_part_of(h, c)), None)


#: What happens to people, by family: a lead-in naming one ("the disappearances") breaks down a total of it.
_FAMILIES = {"arrested": "arrest", "detained": "arrest", "forcibly_disappeared": "disappear",
             "still_disappeared": "disappear", "killed": "death", "died_under_torture": "death", "injured": "injury",
             "released": "release", "displaced": "displace"}


def _lead_in_event_total(doc: Doc, marks: Marks, c: Candidate, before: list[Candidate]) -> Candidate | None:
    """"… 154,817 are still detained, of whom 111,907 remain forcibly disappeared. The report attributes the
    disappearances to the parties as follows:": the list breaks down the count of what its lead-in names, the
    last one stated, a part or not."""
    found_line = layout_of(doc).lead_in_before(doc.text, c.sent.start_char)
    span = doc.char_span(*found_line, alignment_mode="expand") if found_line else None
    if span is None:
        return None
    named = {_FAMILIES.get(m.value) for m in marks.within("trigger", span.start, span.end)} - {None}
    if len(named) != 1:
        return None
    lead_in = layout_of(doc).sentence_index(doc[span.start].sent)
    for h in reversed(before):
        if h.end > span.start:
            continue
        if lead_in - layout_of(doc).sentence_index(h.sent) > 2:
            break  # only the sentences just before the lead-in
        if is_part_of(h, c) and _family_after(marks, h) in named:
            return h
    return None


def _family_after(marks: Marks, h: Candidate) -> str | None:
    """The family of what happened to a count: its own predicate, else the first word for it within a few words
    after it ("remain forcibly disappeared")."""
    if h.predicate in _FAMILIES:
        return _FAMILIES[h.predicate]
    for k in range(h.end, min(h.sent.end, h.end + 6)):
        if (m := marks.at("trigger", k)) is not None:
            return _FAMILIES.get(m.value)
    return None


def link_breakdowns(doc: Doc, marks: Marks, cands: list[Candidate]) -> None:
    """Set ``head`` on every candidate that is a part of a total stated before it."""
    for j, c in enumerate(cands):
        if c.head is not None:
            continue  # a part of counts that add up (link_sums)
        if c.parallel is not None and c.parallel.head is not None and is_part_of(c.parallel.head, c):
            c.head = c.parallel.head  # "…responsible for 96,103 of them; ISIS for 8,684": a part of the same total
            continue
        same = [o for o in cands[:j] if o.sent.start == c.sent.start]
        if _refers_back(doc, c, marks) == "partitive":
            totals = [h for h in cands[max(0, j - 12) : j] if not h.elided and h.restates is None]
            if c.group is None and c.event in PEOPLE_EVENTS:
                c.group = next((h.group for h in reversed(totals) if h.group and c.count <= h.count), None)
            c.head = next((h for h in reversed(totals) if is_part_of(h, c)), None)
            if c.head is None and (c.elided or c.group == "persons") and c.group:
                # "307 of the month's victims": victims, people, are the civilians counted before
                # what the elided count borrowed may be a part ("842 children"); try it as the total's kind
                probe = [h for h in reversed(totals) if h.group and c.count < h.count and h.group in _TOTAL_GROUPS]
                c.head = probe[0] if probe else None
            if c.head is not None:
                if (c.elided or c.group in {None, "persons"}) and c.head.group:
                    c.group = c.head.group
                continue
        if same:
            prev = same[0] if False else same[-1]
            first = same[0]
            if first is prev and opens_with_total(doc, first) and is_part_of(first, c):
                c.head = first
                continue
            if c.elided and prev.head is None and is_list_gap(doc, prev.end, c.start, semicolons=True):
                continue  # "six in Raqqa": a sibling of the one before, not its part
            gap_end = c.noun[0] if c.noun and c.noun[0] > c.start else c.start
            nxt = cands[j + 1].start if j + 1 < len(cands) and cands[j + 1].sent.start == c.sent.start else c.sent.end
            after = _trailing_part_cue(doc, marks, c.end, min(nxt, c.end + 8))
            if _has_break(doc, marks, prev.end, gap_end) or (after and is_list_gap(doc, prev.end, c.start)):
                before = list(reversed(same))
                h = next((h for h in before if is_part_of(h, c)), None) or next(
                    (h for h in before if is_part_of(h, c, strict=False)), None
                )
                if h is not None:
                    nxt_tok = doc[h.number.end] if h.number.end < len(doc) else None
                    bare = nxt_tok is None or nxt_tok.pos_ in {"ADP", "PUNCT", "CCONJ"}
                    sibling = h.head is not None and h.elided and bare and _refers_back(doc, h) is None and h.parallel is None
                    # "ارتكبت القوات الروسية مجزرتين …، وارتكبت قوات النظام مجزرة": a clause with its own party
                    sibling = sibling or (h.head is not None and doc.lang_ == "ar" and bool(marks.within("actor", h.end, c.start))
                                          and bool(marks.within("cue:act", h.end, c.start)))
                    c.head = h.head if sibling else h
                    continue
            own_party = bool(marks.within("actor", prev.end, c.start))  # "…, to the SNA, and 29, …": the next total
            if prev.head is not None and is_list_gap(doc, prev.end, c.start, c.elided, marks) and is_part_of(prev.head, c) \
                    and not (own_party and doc.lang_ != "ar" and c.elided):
                c.head = prev.head
            elif prev.head is not None and c.elided and prev.elided and is_part_of(prev.head, c):
                c.head = prev.head  # "three massacres: two committed by Russian forces, …, and one by regime forces"
            continue
        how = _refers_back(doc, c, marks)
        if how is None:
            continue
        earlier = [o for o in cands[:j] if o.head is None]
        if how == "opening":
            prev_sent = cands[j - 1].sent.start if j > 0 else -1
            earlier = [o for o in earlier if o.sent.start == prev_sent]
            if len({(o.metric or o.event, o.group) for o in earlier}) < len(earlier):
                continue  # "Among the victims…" after two parties' tolls: the parts belong to neither alone
            if earlier and _party_label(doc, marks, earlier[0].sent):
                continue  # after "Russian forces: 271 civilians…", the last of a list of parties' tolls
        restated = _lead_in_total(doc, marks, c, earlier) if how == "label" else None
        if how == "label" and restated is None:
            restated = _lead_in_event_total(doc, marks, c, cands[:j])
        if restated is not None:
            c.head = restated  # "توزّعت حوادث الاعتداء الـ 79 … على:" then "- المدارس: 19": parts of the 79
            continue
        order = earlier[-12:] if how == "opening" else list(reversed(earlier[-12:]))  # "Among the victims": the main toll
        if how == "label" and (summed := _list_total(doc, cands, j, order)) is not None:
            c.head = summed  # "The attacks were distributed by facility as follows:" then items adding up to 163
            continue
        for h in order:
            if how == "label" and _refers_back(doc, h) == "label":
                continue  # the items of one list are siblings
            if is_part_of(h, c):
                c.head = h
                if how == "partitive" and c.group in {None, "persons"} and h.group:
                    c.group = h.group  # "31 of these deaths": the civilians counted before
                break


def _list_total(doc: Doc, cands: list[Candidate], j: int, order: list[Candidate]) -> Candidate | None:
    """The earlier count that the whole list under one lead-in adds up to, when one does: of the counts before,
    the one equal to the sum of the list's items (every item under the same lead-in as the item ``j``)."""
    layout = layout_of(doc)
    lead = layout.lead_in_before(doc.text, cands[j].sent.start_char)
    if lead is None:
        return None
    first = j
    while first > 0 and j - first < 40 and _refers_back(doc, cands[first - 1]) == "label" and layout.lead_in_before(
            doc.text, cands[first - 1].sent.start_char) == lead:
        first -= 1
    total = 0
    for o in cands[first : first + 40]:
        if layout.lead_in_before(doc.text, o.sent.start_char) != lead or _refers_back(doc, o) != "label":
            break
        total += o.count
    return next((h for h in order if h.count == total and total > cands[j].count and is_part_of(h, cands[j])), None)


def link_sums(cands: list[Candidate]) -> None:
    """``27 members, 19 killed by the regime and eight by Russian forces``: counts that add up are parts."""
    for j, h in enumerate(cands):
        if h.head is not None or any(o.head is h for o in cands):
            continue
        run: list[Candidate] = []
        for o in cands[j + 1 :]:
            if o.sent.start != h.sent.start or o.head is not None or not o.elided:
                break
            run.append(o)
        if len(run) >= 2 and sum(o.count for o in run) == h.count:
            for o in run:
                o.head = h
