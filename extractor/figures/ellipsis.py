"""Counts without their own noun: "six in Raqqa", "ISIS: 8,143", "83,574 of them", "these attacks, 212"."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from extractor.arabic import normalize_ar
from extractor.figures.candidate import Candidate
from extractor.figures.layout import layout_of
from extractor.lexicon import Mark, Marks
from extractor.figures.nouns import apply_noun, attack_on_target
from extractor.figures.numbers import Number, looks_like_year

#: Entity labels under which a number is a time or a sum rather than a count.
NOT_COUNTS = {"TIME", "MONEY"}

#: Words after which a noun-less number may borrow the noun of the number before it.
_ELLIPSIS_NEXT = {"in", "at", "by", "were", "was", "are", "had", "have", "has", ",", ";", ".", "and", ")", "from",
                  "on", "during", "under", "across", "within", "inside", "while", "whereas", "others", "more", "who",
                  "whom", "of"}


_ELLIPSIS_PREV_BLOCK = {"in", "on", "of", "since", "to", "from", "until", "till", "between", "after", "before", "per",
                        "than", "article", "resolution", "no", "number", "page", "paragraph", "the", "this", "that"}


def restatement(doc: Doc, c: Candidate, earlier: list[Candidate]) -> None:
    """``the 79 attacks``, ``The 707 deaths documented``: a total named again with "the"."""
    n = c.number
    if n.is_article or n.start == 0 or doc[n.start - 1].lower_ not in {"the", "these", "those", "all"}:
        return
    for e in reversed(earlier):
        if e.count == c.count and e.restates is None:
            c.restates = e
            c.group, c.event, c.target = e.group, e.event, e.target
            return


def read_label(doc: Doc, marks: Marks, c: Candidate) -> None:
    """``places of worship: 17``, ``Idlib: 25``: what the label before the colon names."""
    n = c.number
    if n.start == 0 or doc[n.start - 1].text != ":":
        return
    line_start = doc.text.rfind("\n", 0, doc[n.start].idx) + 1
    label = [t.i for t in doc[c.sent.start : n.start - 1] if t.idx >= line_start]
    targets = [m for i in label if (m := marks.starting("target", i)) is not None]
    places = [m for i in label if (m := marks.starting("place", i)) is not None]
    if targets:
        c.target = targets[0].value or None
        if c.event in {None, "attacks", "facility"}:
            c.event = "attacks_on_vital_facilities"
    if places:
        c.location = places[-1].value  # "… as follows: Idlib: 40, Aleppo: 22": the place nearest the colon


def target_after_verb(doc: Doc, marks: Marks, c: Candidate, limit: int) -> None:
    """``five struck places of worship``, ``222 on schools``: what the elided attacks hit."""
    k = c.number.end
    if k + 1 < limit and doc[k].lower_ == "of" and doc[k + 1].lower_ in {"them", "these", "those"}:
        k += 2
    if c.event in {"attacks", "attacks_on_vital_facilities"} and (t := attack_on_target(doc, marks, k, limit)):
        c.target, c.event = t.value or None, "attacks_on_vital_facilities"
        return
    trig = marks.starting("trigger", k)
    if trig is None or trig.value != "attacks":
        return
    for j in range(trig.end, min(limit, trig.end + 3)):
        if (m := marks.starting("target", j)) is not None:
            c.target = m.value or None
            if c.event is None or c.event == "attacks":
                c.event = "attacks_on_vital_facilities"
            return


_NOUNS = ("group", "event", "target")


def nouns_in(marks: Marks, start: int, end: int, kinds: tuple[str, ...] = _NOUNS) -> list[Mark]:
    """The marks of ``kinds`` (by default what a count can count: groups, events, targets) in tokens
    [start, end), in text order."""
    return sorted((m for kind in kinds for m in marks.within(kind, start, end)), key=lambda m: m.start)


def lead_in_noun(doc: Doc, marks: Marks, sent: Span, at: int | None = None) -> list[Mark]:
    """The counted noun of the words that introduce a list: a sentence ending in ":" ("Media workers killed, by
    party:"), or the clause before a colon in the count's own sentence ("وتوزعت الهجمات إلى: ثلاث على يد …")."""
    colon = next((k for k in range(at - 1, sent.start - 1, -1) if doc[k].text == ":"), None) if at is not None else None
    if colon is not None:
        found = nouns_in(marks, sent.start, colon)
        if found:
            return found[:1]
    for lead in reversed(layout_of(doc).sentences_before(sent.start, 3)):
        if lead.text.rstrip().endswith(":"):
            return nouns_in(marks, lead.start, lead.end)[:1]
    return []


def last_total(out: list[Candidate], earlier: list[Candidate]) -> Candidate:
    """What a label or partitive refers back to: the first count of its sentence, else of the last one."""
    if out:
        return out[0]
    last = earlier[-1].sent.start
    return next(e for e in earlier if e.sent.start == last)


def appositive_noun(doc: Doc, marks: Marks, n: Number) -> Candidate | None:
    """``the largest number of these attacks, 212, followed by…``: a count set off after its noun."""
    if n.start < 2 or doc[n.start - 1].text != ",":
        return None
    k = n.start - 2
    for kind in ("event", "target", "group"):
        if (m := marks.ending(kind, k)) is not None and not any(t.like_num for t in doc[max(0, m.start - 3) : m.start]):
            probe = Candidate(number=n, sent=doc[n.start].sent, noun=None)
            apply_noun(probe, [m], [])
            return probe
    return None


def refers(doc: Doc, marks: Marks, n: Number) -> bool:
    """A noun-less count that can only mean the people or events counted before it."""
    if partitive(doc, n) or after_label(doc, n) or appositive_noun(doc, marks, n) is not None:
        return True
    if n.start >= 2 and doc[n.start - 1].text == "," and doc[n.start - 2].lower_ in {"them", "these", "those"}:
        return True  # "the overwhelming majority of them, 1,003, died…"
    k = n.start - 1
    while k > 0 and marks.at("cue:qualifier", k) is not None:
        k -= 1
    if k > 0 and doc[k].lower_ in {"whom", "which"} and doc[k - 1].lower_ in {"of", "among", "amongst"}:
        return True  # "154,817 people …, of whom no fewer than 111,907 remain disappeared": the total's part
    trig = marks.ending("trigger", n.start - 1) if n.start > 0 else None
    return trig is not None and trig.value not in {"attacks"} and doc[trig.start].pos_ == "VERB"


def _listed_ar(doc: Doc, marks: Marks, n: Number) -> bool:
    """Arabic list items: "تلتها حماة بـ 92", "أربعة على يد قوات النظام", "13 منها"."""
    prev = n.start - 1
    if prev >= 0 and (doc[prev].text in {":", "،", "بـ"} or marks.at("cue:list_link", prev) or marks.ending("place", prev)):
        return True
    if actor_label(doc, marks, n):
        return True  # "قوات النظام السوري 100، تنظيم داعش 40"
    if prev >= 0 and (marks.ending("cue:breakdown", prev) or marks.ending("cue:list_link", prev)):
        return True  # "منها 19 على منشآت طبية"
    nxt = n.end
    if nxt >= len(doc) or doc[nxt].is_punct or doc[nxt].norm_ in _AR_PARTITIVE or partitive(doc, n):
        return True
    if attack_on_target(doc, marks, nxt, min(len(doc), nxt + 5)) is not None:
        return True  # "و14 على مدارس": attacks on a target
    return any(marks.starting(kind, nxt) for kind in ("cue:agent", "cue:agent_each", "place", "cue:breakdown"))


def reached_count(doc: Doc, marks: Marks, n: Number) -> list[Mark] | None:
    """``the number of civilians killed … reached 3,364``, ``فإن عدد القتلى المدنيين … بلغ 3364``: the counted
    noun named after "the number of", and the word for what happened to it where one follows ("the number of
    victims who died under torture … was 344")."""
    k = n.start - 1
    while k >= 0 and (doc[k].is_punct or marks.at("cue:qualifier", k)):
        k -= 1
    if k < 0 or marks.ending("cue:reached", k) is None:
        return None
    sent = doc[n.start].sent
    for cue in marks.within("cue:number_of", sent.start, k):
        nouns = nouns_in(marks, cue.end, min(k, cue.end + 4), (*_NOUNS, "trigger"))
        if nouns:
            first = sorted(nouns, key=lambda m: m.kind != "group")[0]
            said = [m for m in marks.within("trigger", cue.end, k)
                    if m.value != "attacks" and not first.start <= m.start < first.end]  # "detainees who died…": the verb
            return [first] + ([said[0]] if first.kind == "group" and said else [])
    if doc.lang_ == "ar" and doc[k].norm_ in {"هم", "هن"}:
        groups = marks.within("group", sent.start, k)  # "المدنيون الذين قتلوا خلال الأيام الأربعة هم 30 في حلب"
        return groups[-1:] if groups else None
    return None


def among_frame(doc: Doc, marks: Marks, start: int, at: int) -> list[Mark]:
    """The noun of a frame opening the sentence at ``start`` before its first number at ``at``: "among / من بين"
    and what is counted ("Among the facilities attacked were 19 schools", "ومن بين الاعتداءات التي نفذتها القوات
    الروسية 11 استهدفت مدارس"); empty when the sentence opens otherwise."""
    words = [t.norm_ if doc.lang_ == "ar" else t.lower_ for t in doc[start : min(start + 2, at)]]
    opens = words[:1] in (["among"], ["amongst"], ["بين"]) or words[:2] in (
        ["من", "بين"], ["ومن", "بين"], ["of", "the"], ["of", "those"], ["of", "these"])
    if not opens or any(t.like_num for t in doc[start:at]) or doc[at - 1].lower_ in {"الـ", "ال", "the"}:
        return []  # "ومن بين القتلى الـ 60": the frame restates a count, it frames none
    return nouns_in(marks, start + 1, at, (*_NOUNS, "trigger"))[:1]


def ranked_count(doc: Doc, marks: Marks, n: Number) -> list[Mark] | None:
    """The first item of a ranking whose noun is in its lead, not after the count: "Idlib came first in the death
    toll with 63", "وجاءت محافظة إدلب في المرتبة الأولى من حيث حصيلة الضحايا بـ 63". Returns the noun of what is
    ranked (the first group, event or trigger of the sentence before the count), empty when it is not named."""
    sent = doc[n.start].sent
    k = n.start - 1
    while k > sent.start and marks.at("cue:qualifier", k) is not None:
        k -= 1
    if k <= sent.start or doc[k].lower_ not in {"with", "بـ", "ب"} or looks_like_year(doc, n):
        return None
    if not marks.within("cue:ranks_first", sent.start, k):
        return None
    found = nouns_in(marks, sent.start, k, ("group", "event", "trigger"))
    return sorted(found, key=lambda m: (m.start, m.kind != "group"))[:1]


def counted_by_actor(doc: Doc, marks: Marks, n: Number) -> bool:
    """"اعتقل النظام السوري 53 بينهم طفل": an act, its party, then a bare count of what it did."""
    actor = marks.ending("actor", n.start - 1) if n.start > 0 else None
    if actor is None or doc.lang_ != "ar":
        return False
    return any(marks.at(kind, k) for k in range(max(0, actor.start - 2), actor.start) for kind in ("cue:act", "trigger"))


def after_label(doc: Doc, n: Number, marks: Marks | None = None) -> bool:
    """A count after its label: "ISIS: 8,143", or a party's name heading a list item with no colon
    ("…على النحو التالي: قوات النظام السوري 100، تنظيم داعش 40")."""
    return n.start > 0 and (doc[n.start - 1].text == ":" or (marks is not None and (
        actor_label(doc, marks, n) or place_label(doc, marks, n))))


_ITEM_OPENERS = {":", "،", ",", ";", "؛", "-", "–", "•", "\n"}


def attributing(doc: Doc, marks: Marks, at: int) -> bool:
    """Does a verb that gives counts to parties ("attributed", "نسب") stand before token ``at`` in its sentence,
    so that "to / إلى" after the count names the party?"""
    return bool(marks.within("cue:attribute", doc[at].sent.start, at))


def place_label(doc: Doc, marks: Marks, n: Number) -> bool:
    """Is the number right after a place's name that opens a list item ("حمص 21، دمشق 17", "Idlib 40")?"""
    place = marks.ending("place", n.start - 1)
    if place is None:
        return False
    before = doc[place.start - 1] if place.start > 0 else None
    return before is None or before.text.strip() in _ITEM_OPENERS or before.is_space or place.start == doc[place.start].sent.start


def actor_label(doc: Doc, marks: Marks, n: Number) -> bool:
    """Is the number right after a party's name that opens a list item ("ISIS 40", "ISIS (40)")?"""
    back = 2 if n.start > 1 and doc[n.start - 1].text == "(" else 1
    actor = marks.ending("actor", n.start - back)
    if actor is None:
        return False
    if actor.start == doc[actor.start].sent.start:
        return True
    before = doc[actor.start - 1]
    return before.text.strip() in _ITEM_OPENERS or before.is_space or (doc.lang_ == "ar" and doc[actor.start].text.startswith("و"))


def partitive(doc: Doc, n: Number) -> bool:
    if n.end < len(doc) and doc.lang_ == "ar" and doc[n.end].norm_ in _AR_PARTITIVE:
        return True  # "13 منها"
    if n.end + 1 < len(doc) and doc.lang_ == "ar" and doc[n.end].norm_ == "من" and normalize_ar(doc[n.end + 1].text) in {
        "هذه", "هؤلاء", "تلك", "هذا"
    }:
        return True  # "1257 من هذه الحالات": of these, counted before
    return _partitive_en(doc, n)


_AR_PARTITIVE = {"منها", "منهم", "منهن", "منهما"}


def _partitive_en(doc: Doc, n: Number) -> bool:
    """``387 of them``, ``69 of these attacks``: a part of something counted before."""
    return n.end + 1 < len(doc) and doc[n.end].lower_ == "of" and doc[n.end + 1].lower_ in {
        "them", "these", "those", "whom", "which", "the"
    }


def elidable(doc: Doc, n: Number, before: list[Candidate], ent: str, marks: Marks | None = None) -> bool:
    """A noun-less number in a list after a counted one borrows its noun: ``six in Raqqa``."""
    if not before or ent in NOT_COUNTS or ent == "DATE" or looks_like_year(doc, n):
        return False
    if doc.lang_ == "ar" and marks is not None:
        return _listed_ar(doc, marks, n)
    nxt = doc[n.end].lower_ if n.end < len(doc) else "."
    prev = doc[n.start - 1].lower_ if n.start > 0 else ""
    if nxt == "of":
        return partitive(doc, n)
    if prev == ":":
        return True  # "Syrian regime forces: 327"
    if nxt == "to" and marks is not None and attributing(doc, marks, n.start):
        return True  # "attributed 96 deaths to the regime and 12 to Russian forces"
    verb_next = n.end < len(doc) and (doc[n.end].pos_ in {"VERB", "AUX"} or doc[n.end].tag_ in {"VBD", "VBZ", "VBP"})
    if (nxt not in _ELLIPSIS_NEXT and not verb_next) or prev in _ELLIPSIS_PREV_BLOCK:
        return False
    return not (nxt == "." and n.end + 1 < len(doc) and doc[n.end + 1].like_num)
