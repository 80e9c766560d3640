"""Actor mentions composed from their parts, so that no list has to hold every name a party goes by.

An actor mention is a head noun that can do something (forces, militias, warplanes, gunmen, factions, parties;
قوات، ميليشيات، طيران، فصائل، جهات: ``vocab/actor_heads.tsv``) with what says whose it is
(``vocab/actor_modifiers.tsv``), in the order each language puts them:

- English puts the modifiers first: "Iranian-backed militias", "the Kurdish-led forces", "regime and Russian
  warplanes", "a YPG sniper"; or after the head with "of": "the forces of the Assad regime";
- Arabic puts them after the head: "القوات الروسية", "الطيران الحربي الروسي", "عناصر تنظيم داعش" (a name in
  construct), "مسلحين مجهولين";
- in both, a link and a backer (``vocab/actor_backers.tsv``) say whose side the head is on: "factions backed
  by Turkey" and "فصائل مدعومة من تركيا" are the armed opposition, "militias loyal to Iran" Iran's militias;
- an "unknown" cue after the head, a few words on, makes it ``other_parties``: "parties the report could not
  identify", "explosions whose perpetrators are unknown", "landmines of unknown origin", "جهات لم يتمكن التقرير
  من تحديدها", "ألغام مجهولة المصدر". Causes (explosions, landmines, gunfire) are actors only so.

A name from ``vocab/actors.tsv`` inside the phrase decides over modifiers ("the ISIS extremist group" is
``isis``), strong modifiers over weak ones ("Syrian", "extremist"); two parties named together are combined
("regime and Russian forces" is the alliance). A head with nothing to say whose it is ("the forces") is no actor.
"""

from __future__ import annotations

import functools

from spacy.tokens import Doc

from extractor.arabic import normalize_ar
from extractor.marks import Mark, Marks
from extractor.vocab import rows_for
from tally.model import COALITIONS

#: Words that may stand between English modifiers and their head: "the armed Iranian-backed militias".
_BETWEEN_EN = {"the", "a", "an", "and", "or", ",", "/", "-", "armed", "military", "local", "allied", "foreign", "its",
               "their", "'s", "’s", "affiliated", "loyal", "paramilitary", "auxiliary"}
#: Adjectives Arabic puts between a head and what says whose it is: "الطيران الحربي الروسي".
_BETWEEN_AR = {normalize_ar(w) for w in {"الحربي", "الحربية", "حربي", "حربية", "المروحي", "المروحية", "مروحي", "مروحية", "الجوي", "الجوية",
               "جوي", "جوية", "العسكري", "العسكرية", "عسكري", "عسكرية", "المسلحة", "مسلحة", "المسلح", "ثابتة", "ثابت",
               "الجناح", "المسير", "المسيرة", "مسيرة", "مسير", "البرية", "الامنية", "امنية", "الخاصة", "الرديفة",
               "المحلية", "محلية", "الاجنبية", "اجنبية"}}
_COORDINATORS = {"and", "or", ",", "/", "&"}
ALLIANCE = {"syrian_regime", "russian_forces", "syrian_russian_alliance"}
_PAIRS = {frozenset(members): coalition for coalition, members in COALITIONS.items()}
#: How far an "unknown" cue may stand after its head: "parties [that the network] could not identify".
_UNKNOWN_GAP = 6


def combine(actors: list[str]) -> str | None:
    """Parties named together for one act: the alliance ids where the contract has one, else the first."""
    unique = list(dict.fromkeys(actors))
    if len(unique) == 1:
        return unique[0]
    if len(unique) > 1 and set(unique) <= ALLIANCE:
        return "syrian_russian_alliance"
    return _PAIRS.get(frozenset(unique), unique[0] if unique else None)


def compose_actors(doc: Doc, marks: Marks) -> list[Mark]:
    """The actor mentions of ``doc``: the names already marked and the phrases composed around each head,
    the longest where they overlap."""
    composed = [m for head in marks.by_kind.get("actor_head", []) if (m := _compose(doc, marks, head)) is not None]
    named = sorted([*composed, *marks.by_kind.get("actor", [])], key=lambda m: m.start)
    composed += [m for head in marks.by_kind.get("actor_head", []) if (m := _anaphor(doc, head, named)) is not None]
    # a name inside a wider strong modifier is the modifier's: "Russian" in "Syrian-Russian airstrikes"
    wider = [Mark(mod.start, mod.end, "actor", mod.value, "composed") for mod in marks.by_kind.get("actor_mod", [])
             if mod.extra == "strong" and any(a.end - a.start < mod.end - mod.start
                                              for a in marks.within("actor", mod.start, mod.end))]
    chosen: list[Mark] = []
    for mark in sorted([*composed, *wider, *marks.by_kind.get("actor", [])], key=lambda m: (m.start - m.end, m.start)):
        if not any(o.start < mark.end and mark.start < o.end for o in chosen):
            chosen.append(mark)
    if doc.lang_ == "ar":
        chosen = [_with_trailing_adjectives(doc, marks, m, chosen) for m in chosen]
    return sorted(chosen, key=lambda m: m.start)


def _with_trailing_adjectives(doc: Doc, marks: Marks, mark: Mark, chosen: list[Mark]) -> Mark:
    """Arabic adjectives after a party's name are the name's: "طيران النظام السوري المروحي وثابت الجناح",
    "قوات سوريا الديمقراطية ذات القيادة الكردية"."""
    end = mark.end
    while end < len(doc) and not any(o.start == end for o in chosen):
        word = normalize_ar(doc[end].text)
        mod = marks.starting("actor_mod", end)
        if word in _BETWEEN_AR or word.removeprefix("و") in _BETWEEN_AR:
            end += 1
        elif mod is not None and mod.extra in {"strong", "weak"} and mod.value == mark.value:
            end = mod.end
        else:
            break
    return mark if end == mark.end else Mark(mark.start, end, mark.kind, mark.value, mark.extra)


#: How far back a bare definite head looks for the party it names again ("the organisation", "التنظيم").
_ANAPHOR_REACH = 250


def _anaphor(doc: Doc, head: Mark, named: list[Mark]) -> Mark | None:
    """A bare definite head names again the last party it can stand for: "التنظيم" after "تنظيم داعش" is ISIS,
    "الهيئة" after "هيئة تحرير الشام" is HTS, "the militias" after "Iranian-backed militias" Iran's
    (``refers`` in vocab/actor_heads.tsv lists what each head can stand for)."""
    if not head.extra or not _definite(doc, head) or any(m.start <= head.start < m.end for m in named):
        return None
    if doc.lang_ != "ar" and head.end < len(doc) and doc[head.end].lemma_.lower() in _speech_verbs():
        return None  # "the group said": the monitor reporting, not a party named again
    refers = set(head.extra.split())
    earlier = [m for m in named if m.end <= head.start and head.start - m.end <= _ANAPHOR_REACH and m.value in refers]
    return Mark(head.start, head.end, "actor", earlier[-1].value, "anaphor") if earlier else None


@functools.lru_cache(maxsize=1)
def _speech_verbs() -> frozenset[str]:
    """English verbs of reporting (vocab/cues.tsv, ``speech_verb``), as lemmas."""
    return frozenset(r["text"].lower() for r in rows_for("cues", "en") if r["kind"] == "speech_verb")


def _definite(doc: Doc, head: Mark) -> bool:
    if doc.lang_ == "ar":
        word = normalize_ar(doc[head.start].text)
        return word.startswith(("ال", "وال", "فال")) and head.end == head.start + 1
    return head.start > 0 and doc[head.start - 1].lower_ in {"the", "these", "those", "this", "that"}


def _compose(doc: Doc, marks: Marks, head: Mark) -> Mark | None:
    parts: list[Mark] = []
    start, end = head.start, head.end
    if doc.lang_ != "ar":
        name = marks.at("actor", head.start)  # "the Kurdish-led Syrian Democratic Forces": a name ending in a head
        wider = marks.at("actor_mod", name.start) if name is not None else None
        if name is not None and wider is not None and wider.start < name.start < wider.end:
            parts.append(wider)  # "Syrian-Russian warplanes": a modifier the name ("Russian warplanes") cuts in two
            name = Mark(wider.start, head.end, "actor", wider.value, "")
        elif name is not None and name.end == head.end:
            parts.append(name)
        start = _left_parts(doc, marks, name.start if name is not None and name.end == head.end else head.start, parts)
        end = _of_phrase(doc, marks, end, parts)
    else:
        end = _right_parts(doc, marks, end, parts)
    end = _backed(doc, marks, end, parts)
    unknown = _unknown_after(doc, marks, end)
    value = _value(parts, unknown is not None, head.value == "cause")
    if value is None:
        return None
    if unknown is not None and not any(p.kind == "actor" or p.extra == "strong" for p in parts):
        end = max(end, unknown.end)
    return Mark(start, end, "actor", value, "composed")


def _left_parts(doc: Doc, marks: Marks, k: int, parts: list[Mark]) -> int:
    """English modifiers and names before the head: the start of the phrase. Modifiers joined by "and" are all
    strong ("Syrian and Russian warplanes" is the alliance, though "Syrian" alone says little)."""
    start, k = k, k - 1
    while k >= 0:
        found = marks.ending("actor", k) or _modifier_ending(marks, k)
        if found is not None:
            if found.extra == "weak" and parts and doc[found.end].lower_ in _COORDINATORS:
                found = Mark(found.start, found.end, found.kind, found.value, "strong")
            parts.insert(0, found)
            start = k = found.start
            k -= 1
        elif doc[k].lower_ in _COORDINATORS and k > 0 and marks.at("actor_head", k - 1) is not None:
            break  # "regime forces and Russian forces": two phrases, each with its head, not one
        elif doc[k].lower_ in _COORDINATORS and parts and k > 0 and _modifier_ending(marks, k - 1) is not None:
            parts[:] = [Mark(p.start, p.end, p.kind, p.value, "strong") if p.extra == "weak" else p for p in parts]
            k -= 1  # "Russian and Syrian warplanes": the modifier after "and" is as strong as the one before
        elif doc[k].lower_ in _BETWEEN_EN or (doc[k].pos_ == "ADJ" and doc[k].is_lower) or (
            doc[k].pos_ == "PROPN" and doc[k].is_title and not parts
        ):
            k -= 1  # "the Kurdish People's Protection Units": names between the modifier and the head
        else:
            break
    return start


def _modifier_ending(marks: Marks, k: int) -> Mark | None:
    mod = marks.ending("actor_mod", k)
    return mod if mod is not None and mod.extra in {"strong", "weak"} else None


def _of_phrase(doc: Doc, marks: Marks, k: int, parts: list[Mark]) -> int:
    """"the forces of the Assad regime", "the regime of Bashar al-Assad": whose, after "of"."""
    if k >= len(doc) or doc[k].lower_ != "of":
        return k
    for j in range(k + 1, min(len(doc), k + 6)):
        found = marks.starting("actor", j) or (m if (m := marks.starting("actor_mod", j)) and m.extra == "strong" else None)
        if found is not None:
            parts.append(found)
            return found.end
        if not (doc[j].lower_ in {"the", "al", "-"} or doc[j].pos_ == "PROPN"):
            return k
    return k


def _right_parts(doc: Doc, marks: Marks, k: int, parts: list[Mark]) -> int:
    """Arabic adjectives and names after the head: "القوات الجوية الروسية", "قوات النظام والقوات الروسية"."""
    end = k
    while k < len(doc):
        if marks.at("actor_head", k) is not None:
            break  # "قوات الأسد والقوات الروسية": a second head starts a second phrase
        found = marks.starting("actor", k) or (m if (m := marks.starting("actor_mod", k)) and m.extra in {"strong", "weak"} else None)
        if found is not None:
            parts.append(found)
            end = k = found.end
        elif (doc[k].norm_ in _BETWEEN_AR or normalize_ar(doc[k].text) in _BETWEEN_AR) and not parts:
            k += 1
        else:
            break
    return end


def _backed(doc: Doc, marks: Marks, k: int, parts: list[Mark]) -> int:
    """A link and whose side the head is on: "backed by Turkey", "الموالية لإيران", "المدعومة تركياً"."""
    link = marks.starting("actor_mod", k)
    at = link.end if link is not None and link.extra == "link" else k
    if at < len(doc) and doc[at].lower_ == "the":
        at += 1
    backer = marks.starting("actor_backer", at)
    if backer is not None and (at > k or doc.lang_ == "ar"):
        parts.append(Mark(backer.start, backer.end, "actor", backer.value))
        return backer.end
    return k


def _unknown_after(doc: Doc, marks: Marks, k: int) -> Mark | None:
    """An "unknown" cue within a few words after the head, with no punctuation or number between."""
    for j in range(k, min(len(doc), k + _UNKNOWN_GAP)):
        mod = marks.starting("actor_mod", j)
        if mod is not None and (mod.extra == "unknown_after" or mod.value == "other_parties"):
            return mod
        head = marks.at("actor_head", j)
        if doc[j].is_punct or doc[j].like_num or (head is not None and head.value == "agent"):
            return None  # "explosions whose perpetrators are unknown": a cause may stand between, a second actor not
    return None


def _value(parts: list[Mark], unknown: bool, cause: bool) -> str | None:
    names = [p.value for p in parts if p.kind == "actor"]
    strong = [p.value for p in parts if p.extra == "strong"]
    weak = [p.value for p in parts if p.extra == "weak"]
    if cause and (names or strong):
        return combine(names + strong)  # "ISIS landmines", "Russian cluster remnants": the maker's
    if cause:
        return "other_parties" if unknown else None
    if names:
        return combine(names + strong)  # "Assad’s and Russian forces"
    if unknown and all(v == "other_parties" for v in strong):
        return "other_parties"
    if strong:
        return combine(strong)
    return combine(weak) if weak else None


#: Adjectives between an event noun and its party: "قصف جوي ومدفعي للقوات التركية", "air and ground attacks by".
_EVENT_BETWEEN_AR = {normalize_ar(w) for w in {"جوي", "الجوي", "مدفعي", "المدفعي", "صاروخي", "الصاروخي", "جوية", "الجوية",
                                               "مدفعية", "صاروخية", "بري", "البري", "بالطيران", "الحربي", "بغاز", "السارين",
                                               "الكلور", "كيميائي", "كيميائية", "الكيميائي", "بالبراميل", "المتفجرة",
                                               "العنقودية", "بالذخائر", "بأسلحة", "حارقة", "الحارقة", "عنقودية", "بصواريخ",
                                               "المسيرة", "مسيرة", "بطائرة", "بطائرات", "الاخير", "الاخيرة", "الامنية",
                                               "انتحاري", "الانتحاري", "انتحارية", "مفخخة", "المفخخة", "ناسفة", "ناسف"}}
#: How many words may stand between an event noun and the link or party after it.
_EVENT_GAP = 6


def compose_party_events(doc: Doc, marks: Marks) -> list[Mark]:
    """Event and detention phrases that name their party (``vocab/actor_events.tsv``): "Russian airstrikes",
    "the regime's shelling", "shelling by regime forces", "the attack carried out by X", "prisons of the SDF",
    "قصف لقوات النظام", "غارات روسية", "هجوم … شنته طائرات النظام", "مراكز الاحتجاز التابعة للنظام".

    Each mark spans the event noun and its party, with the party as ``value`` and ``event`` or ``detention``
    as ``extra`` (``intrinsic`` for a weapon only one party uses): a count in the same clause whose agent is not
    written elsewhere takes it (figures/agents.py)."""
    # A weapon only one party uses names it ("barrel bombs", "براميل متفجرة": SNHR gives every one to the regime)
    out = [Mark(m.start, m.end, "party_event", m.value, "intrinsic") for m in marks.by_kind.get("event_party", [])]
    for event in marks.by_kind.get("actor_event", []):
        if event.value not in {"event", "detention"}:
            continue
        actor = marks.at("actor", event.start)  # a name that holds its event: "غارات روسية", "Russian airstrikes"
        actor = actor or (_party_before(doc, marks, event.start) if doc.lang_ != "ar" else None)
        actor = actor or _party_after(doc, marks, event.end)
        if actor is not None:
            out.append(Mark(min(actor.start, event.start), max(actor.end, event.end), "party_event", actor.value, event.value))
    return out


def _party_before(doc: Doc, marks: Marks, k: int) -> Mark | None:
    """English puts the party first: "Russian airstrikes", "the regime's shelling", "Syrian regime detention centres"."""
    j = k - 1
    while j >= 0 and k - j <= 5 and (doc[j].lower_ in {"'s", "’s", "-", "and", ","} or doc[j].pos_ in {"ADJ", "NOUN"}) and not (
        marks.at("actor", j) or marks.at("actor_mod", j)
    ):  # "a Turkish aerial and artillery campaign"
        j -= 1  # "the regime's heavy artillery shelling"
    if j < 0:
        return None
    modifier = marks.ending("actor_mod", j)  # "coalition airstrikes", "Turkish shelling"
    return marks.ending("actor", j) or (modifier if modifier is not None and modifier.extra == "strong" else None)


def _party_after(doc: Doc, marks: Marks, k: int) -> Mark | None:
    """After the event noun: a link ("by", "carried out by", "التابعة ل", "شنته") or, in Arabic, the party in
    construct or with a joined "ل" ("قصف قوات النظام", "قصف لقوات النظام"), a few words on at most."""
    linked = False
    for j in range(k, min(len(doc), k + _EVENT_GAP)):
        modifier = marks.starting("actor_mod", j) if doc.lang_ == "ar" else None  # "قصف تركي"
        actor = marks.starting("actor", j) or (modifier if modifier is not None and modifier.extra == "strong" else None)
        if actor is not None:
            if linked or (doc.lang_ == "ar" and (j == k or _only_adjectives(doc, k, j))):
                return actor
            return None
        link = marks.starting("actor_event", j)
        if link is not None and link.value == "link":
            linked = True
            continue
        if linked and marks.at("actor_event", j) is not None:
            continue
        if doc[j].is_punct or doc[j].like_num or (doc[j].pos_ in {"VERB", "AUX"} and not linked):
            return None
    return None


def _only_adjectives(doc: Doc, start: int, end: int) -> bool:
    return all(normalize_ar(doc[i].text) in _EVENT_BETWEEN_AR or normalize_ar(doc[i].text).lstrip("و") in _EVENT_BETWEEN_AR
               for i in range(start, end))
