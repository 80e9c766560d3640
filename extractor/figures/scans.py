"""The party written next to a count: word-order scans left and right of it ("Russian forces killed 12",
"56 civilians were killed by X", "قتلت قسد، التي …، 58 مدنياً", "وخمس كان التحالف الدولي مسؤولاً عنها")."""

from __future__ import annotations

from spacy.tokens import Doc

from extractor.arabic import normalize_ar
from extractor.figures.candidate import Candidate
from extractor.figures.ellipsis import attributing
from extractor.lexicon import Mark, Marks
from extractor.figures.parties import (
    RIGHT_FILLER_AR,
    actor_after,
    coordinated_after,
    coordinated_before,
    each_near,
    not_agent,
    one_of_them,
    split_parties,
    verb_with_object,
)

_LEFT_FILLER_POS = {"AUX", "VERB", "ADV", "PART", "DET", "ADP"}
_LEFT_FILLER_WORDS = {"responsible", "responsibility", "bears", "bear", "bore", "for", "of", "death", "deaths", "killing", "killings", "lives", "life", ":", "–",
                      "-", "another", "also", "total", "toll", "accounted", "behind", "the", "a", "with", "has", "have",
                      "each", "both", "together", "jointly", "(", ")", "عن", "على", "مسؤولية", "مسؤولة", "مسؤول",
                      "المسؤولية"}
_RIGHT_FILLER_POS = {"AUX", "VERB", "ADV", "PART", "ADJ", "NOUN", "DET", "PROPN", "ADP", "SCONJ", "PRON"}


def left_actor(doc: Doc, marks: Marks, c: Candidate, floor: int, earlier: list[Candidate]) -> list[str | None]:
    """``Russian forces killed 271``, ``the regime was responsible for the deaths of 853``."""
    k = c.number.start - 1
    if (q := marks.ending("cue:qualifier", k)) is not None:
        k = q.start - 1
    steps = 0
    while k >= floor and steps < 9:
        if (actor := marks.ending("actor", k)) is not None:
            actors = coordinated_before(doc, marks, actor, floor)
            each = each_near(doc, marks, actor.end, c.number.start) or each_near(doc, marks, c.end, c.end + 1)
            each = each or each_near(doc, marks, max(floor, actors[0].start - 2), actors[0].start)  # "كل من X وY"
            return split_parties(doc, marks, actors, each)
        event = marks.ending("event", k)
        if event is not None and event.start > 0 and doc[event.start - 1].lower_ in {"these", "those", "such"}:
            # "Those barrel bombs killed 8,136 civilians": the party of the bombs counted before
            for e in reversed(earlier):
                if e.event == event.value and any(e.perpetrators):
                    return list(e.perpetrators)
            return []
        if doc[k].text == ")" and (opened := _parenthesis_open(doc, k, floor)) is not None:
            k = opened - 1  # "قوات الإدارة الذاتية (بشكل أساسي قوات حزب الاتحاد الديمقراطي) 7 مدنيين": an aside on the name
            steps += 1
            continue
        if (opened := _relative_aside(doc, marks, k, floor)) is not None:
            k = opened - 1  # "قتلت قسد، التي تشكل الوحدات الكردية عمودها الفقري، 58 مدنياً": an aside on the party
            steps += 1
            continue
        tok = doc[k]
        verb = any(marks.at(kind, k) is not None for kind in ("trigger", "cue:act", "cue:filler"))
        pp = next((j for j in (k - 1, k - 2) if j >= floor and marks.at("cue:short_pp", j) is not None), None)
        if pp is not None and not verb and not any(t.like_num or marks.at("actor", t.i) for t in doc[pp + 1 : k + 1]):
            steps += k - pp + 1  # "قتلت قوات النظام في مجازرها 96 شخصاً", "… خلال الفترة ذاتها 40 شخصاً":
            k = pp - 1  # a short phrase of two or three words between the party and the count
            continue
        used = marks.ending("weapon", k - 1) if marks.at("cue:short_pp", k) is not None else None
        if used is not None and used.start > floor:
            k = used.start - 1  # "استخدمت قوات النظام الذخائر العنقودية في ثلاث هجمات": party, weapon, in N attacks
            steps += 2
            continue
        if not (verb or tok.pos_ in _LEFT_FILLER_POS or tok.lower_ in _LEFT_FILLER_WORDS) or tok.like_num:
            return []
        k -= 1
        steps += 1
    return []


def _parenthesis_open(doc: Doc, k: int, floor: int) -> int | None:
    """Where the parenthesis closed at ``k`` opens, within the sentence and at most 40 words back."""
    for j in range(k - 1, max(floor, k - 40) - 1, -1):
        if doc[j].text == "(":
            return j
        if doc[j].text in {")", ".", "؛", ";"}:
            return None
    return None


_RELATIVES = {"which", "who", "whose", "التي", "الذي", "الذين", "اللتين", "اللذين"}


def _relative_aside(doc: Doc, marks: Marks, k: int, floor: int) -> int | None:
    """Where the aside ending at the comma ``k`` opens, if it is a relative clause on a party's name, set off by
    commas ("Russian forces, which entered the war in 2015, killed 12") or right after it ("ضحايا قوات النظام الذي
    تدافع عنه روسيا، 106 أشخاص"); else None."""
    if doc[k].text not in {",", "،"}:
        return None
    for j in range(k - 1, max(floor, k - 25) - 1, -1):
        if doc[j].lower_ in _RELATIVES and j > floor and marks.ending("actor", j - 1) is not None:
            return j
        if doc[j].text in {",", "،", ".", ":", ";", "؛"}:
            return j if doc[j].text in {",", "،"} and j + 1 < k and doc[j + 1].lower_ in _RELATIVES else None
    return None


def right_actor(doc: Doc, marks: Marks, c: Candidate, ceiling: int, parts: set[int] | None = None,
                 start: int | None = None) -> list[str | None]:
    """``56 civilians were killed by Russian forces``, ``two attacks at the hands of ISIS``; from ``start`` (the
    end of the count's parts) where given."""
    parts = parts or set()
    k = c.end if start is None else start
    if start is not None and k < ceiling and doc[k].text in {",", "،"}:
        k += 1  # "44 deaths, including one child and two women, to All Armed Opposition factions"
    if (q := marks.starting("cue:qualifier_after", k)) is not None:
        k = q.end
    if c.elided and k < ceiling and doc[k].text == "," and c.number.start > 0 and doc[c.number.start - 1].text == ",":
        k += 1  # "the majority of them, 1,003, died in the detention centres of the Syrian regime"
    elif k + 1 < ceiling and doc[k].text in {",", "،"} and marks.starting("cue:agent", k + 1):
        k += 1  # "مقتل 5233 مدنياً، على يد القوات الروسية"
    for _ in range(10 + len(parts) * 2):
        if k >= ceiling or marks.at("cue:most", k) is not None:
            return []  # "…, most of them in government shelling": a share's party, not the count's
        cue = marks.starting("cue:agent_each", k) or marks.starting("cue:agent", k)
        if cue is None and doc[k].lower_ in {"to", "إلى", "الى"} and attributing(doc, marks, c.number.start):
            cue = Mark(k, k + 1, "cue:agent", "", "")  # "attributed 96 deaths to the regime", "نسب التقرير 12 إلى"
        if cue is None and doc.lang_ == "ar" and verb_with_object(doc[k].text):
            cue = Mark(k, k + 1, "cue:agent", "", "")  # "هجوماً واحداً بذخائر عنقودية شنّته قوات النظام"
        if cue is None and (held := _held_responsible(doc, marks, k, ceiling)) is not None:
            return [held.value]  # "وخمس كان التحالف الدولي مسؤولاً عنها": five, the coalition responsible for them
        if cue is not None and not not_agent(doc, k):
            after_cue = cue.end
            if (source := marks.starting("cue:source_self", after_cue)) is not None and cue.end - cue.start == 1:
                after_cue = source.end  # "واثنتين نسبهما التقرير لفصائل المعارضة": the report attributes, the party follows
            actor = actor_after(doc, marks, after_cue, ceiling)
            if actor is not None:
                actors = coordinated_after(doc, marks, actor, ceiling)
                each = cue.kind == "cue:agent_each" or each_near(doc, marks, cue.start, actor.start) or (
                    actors[-1].end < len(doc) and doc[actors[-1].end].lower_ == "each"
                )
                return split_parties(doc, marks, actors, each)
            return []
        if doc[k].lower_ in {"in", "during"} and (actor := marks.starting("actor", k + 1)) is not None:
            after = actor.end
            if after < ceiling and (marks.at("event", after) or is_attack_word(marks, after)):
                return [actor.value]  # "three of them in regime attacks"
        tok = doc[k]
        if k in parts and k + 1 not in parts:
            after, own = k + 1, one_of_them(doc[k])
            while after < ceiling and (marks.at("cue:partitive", after) is not None
                                       or normalize_ar(doc[after].text) in {"كانت", "كان", "كانوا", "هي", "هم"}):
                own = own or marks.at("cue:partitive", after) is not None
                after += 1  # "85 منها كانت على يد قوات الحلف": still the part's party
            if own and marks.starting("cue:agent", after):
                return []  # "أحدهما على يد قوات النظام", "7 منهم في مراكز الاحتجاز التابعة لـ…": the part's party
            # but "بينهم 64 طفلاً و39 سيدة على يد قوات النظام": a list of parts, then the whole's party
        if k in parts or (parts and tok.text in {",", "،"}):
            k += 1  # "61 مدنياً بينهم 14 طفلاً و11 امرأة، قتلوا على يد …": the party after the parts is the total's
            continue
        verb = any(marks.at(kind, k) is not None for kind in ("trigger", "cue:act", "cue:filler", "cue:partitive"))
        verb = verb or bool(parts and (marks.at("cue:breakdown", k) or marks.at("cue:qualifier", k)))  # "بينهم قرابة 172 سيدة"
        verb = verb or (doc.lang_ == "ar" and marks.at("weapon", k) is not None)  # "… بذخائر عنقودية شنّته …"
        filler_ar = doc.lang_ == "ar" and (normalize_ar(tok.text) in RIGHT_FILLER_AR
                                           or normalize_ar(tok.text).startswith(("المتبقي", "الباقي")))
        verb = verb or filler_ar
        if (tok.pos_ not in _RIGHT_FILLER_POS and not verb) or (tok.like_num and not filler_ar) or marks.at("place", k):
            return []
        k += 1
    return []


def _held_responsible(doc: Doc, marks: Marks, k: int, ceiling: int) -> Mark | None:
    """Arabic "كان X مسؤولاً عنها" after a count: the party a relative clause holds responsible for it."""
    if doc.lang_ != "ar" or normalize_ar(doc[k].text) not in {"كان", "كانت", "كانوا"}:
        return None
    actor = marks.starting("actor", k + 1)
    if actor is None or actor.end >= ceiling:
        return None
    return actor if normalize_ar(doc[actor.end].text).startswith("مسؤول") else None


def is_attack_word(marks: Marks, k: int) -> bool:
    m = marks.at("trigger", k)
    return m is not None and m.value == "attacks"


_HANDS_EN = {("at", "their", "hands"), ("at", "its", "hands"), ("by", "them"), ("by", "it")}
_HANDS_AR = {"يدها", "يده", "ايديها", "ايديهم", "يديها", "يدهم", "بيدها", "بيده"}


def pronoun_agent(doc: Doc, marks: Marks, c: Candidate, ceiling: int) -> list[str | None]:
    """"… 45 civilian deaths at their hands", "مقتل 40 مدنياً على يدها": an agent written as a pronoun after the
    count stands for the one party named before the count in its sentence."""
    k = c.end
    if k >= ceiling:
        return []
    if doc.lang_ == "ar":
        at = k + 1 if normalize_ar(doc[k].text) in {"على", "علي"} and k + 1 < ceiling else k
        if normalize_ar(doc[at].text) not in _HANDS_AR:
            return []
    elif not any(tuple(t.lower_ for t in doc[k : k + len(words)]) == words for words in _HANDS_EN):
        return []
    named = {m.value for m in marks.within("actor", c.sent.start, c.number.start)}
    return [named.pop()] if len(named) == 1 else []
