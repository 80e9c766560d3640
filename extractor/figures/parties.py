"""Parties in a sentence: names joined or each, alliances, and the word-order cues Arabic gives for an agent."""

from __future__ import annotations

import functools

from spacy.tokens import Doc, Token

from extractor.actors import ALLIANCE, combine
from extractor.arabic import normalize_ar
from extractor.figures.candidates import Candidate
from extractor.figures.layout import layout_of
from extractor.lexicon import Mark, Marks
from extractor.vocab import rows_for
from tally.model import COALITIONS


#: Arabic words that may stand between a count and its agent: "وقضى واحد أثناء احتجازه لدى هيئة تحرير الشام".
RIGHT_FILLER_AR = {"اثناء", "خلال", "بعد", "قبل", "احتجازه", "احتجازها", "اعتقاله", "اعتقالها", "قد", "كان", "كانت",
                    "واحد", "واحدة", "واحدا", "اثنان", "اثنين", "اثنتان", "اثنتين", "قسريا", "فرد"}


_AFFILIATION = {"affiliated", "backed", "supported", "loyal", "belonging", "allied",
                "تابعين", "تابعون", "تابع", "تابعة", "التابعين", "التابعة", "التابع", "موالين", "الموالين", "مقربين",
                "المقربين", "العاملين", "عاملين"}  # "إعلاميين تابعين للنظام": journalists of the regime's media


_CONTROL = {"control", "controlled", "held", "hold", "run", "administered", "governed", "besieged", "dominated", "operated"}


_AREAS = {"areas", "area", "territory", "territories", "regions", "region", "zones", "zone", "parts", "neighbourhoods",
          "neighborhoods", "villages", "towns", "cities", "city", "town", "village", "districts"}


def not_agent(doc: Doc, cue_at: int) -> bool:
    """``affiliated to ISIS``, ``areas controlled by the SDF``: a party named, but not as the one who did it."""
    before = doc[cue_at - 1].lower_ if cue_at > 0 else ""
    if before in _AFFILIATION or before == "followed":
        return True  # "affiliated to ISIS"; "…, followed by Russia with 455": the next item of a ranking
    return before in _CONTROL and any(doc[k].lower_ in _AREAS for k in range(max(0, cue_at - 5), cue_at))


_ACTOR_LEAD = {"the", "forces", "of", "troops", "militias", "members", "elements", "'s", "’s", "each", "both", "“", '"', "«", "all", "عناصر", "مقاتلي", "أفراد", "جميع", "من", "عنصر", "مسلحي", "طائرات", "طيران", "قناصة", "قناص", "قناصي", "مسلحين", "مقاتلين", "تابعين", "تابعة", "التابعين", "التابعة"}


_ALLY_WORDS = {"its", "their", "ally", "allies", "allied", "partner", "partners", "backer"}


def coordinated_before(doc: Doc, marks: Marks, actor: Mark, floor: int) -> list[Mark]:
    """Actors joined to ``actor`` on its left by "and", commas or a joined "و": "X, Y and Z", "X وY وZ"."""
    out = [actor]
    while True:
        first = out[0]
        if _joined_and(doc[first.start]):
            prev = marks.ending("actor", first.start - 1)
            if prev is not None and prev.start > floor:
                out.insert(0, prev)
                continue
        k = first.start - 1
        while k > floor and doc[k].lower_ in _ALLY_WORDS:
            k -= 1  # "the regime and its ally Russia"
        if not (k > floor and doc[k].lower_ in {"and", ",", "as well as", "or", "،"}):
            return out
        k -= 1
        while k > floor and doc[k].lower_ in {"the"}:
            k -= 1
        prev = marks.ending("actor", k)
        if prev is None or not_agent(doc, prev.start):
            return out
        out.insert(0, prev)


def _joined_and(token: Token) -> bool:
    """An Arabic word written with "و" (and) in front: "وقوات" in "قوات النظام وقوات روسيا"."""
    text = token.text
    return token.doc.lang_ == "ar" and text.startswith("و") and (token.norm_ != text or text.startswith("وال"))


def coordinated_after(doc: Doc, marks: Marks, actor: Mark, ceiling: int) -> list[Mark]:
    out = [actor]
    k = actor.end
    while k < ceiling and (nxt := marks.starting("actor", k)) is not None and _joined_and(doc[k]):
        out.append(nxt)
        k = nxt.end
    while k < ceiling and doc[k].lower_ in {"and", ",", "or", "،", "أو"}:
        k += 1
        while k < ceiling and doc[k].lower_ in _ACTOR_LEAD:
            k += 1
        nxt = marks.starting("actor", k)
        if nxt is None:
            break
        out.append(nxt)
        k = nxt.end
    return out


def actor_after(doc: Doc, marks: Marks, k: int, ceiling: int) -> Mark | None:
    for _ in range(4):
        if k >= ceiling:
            return None
        if (m := marks.at("actor", k)) is not None:
            return m
        if doc[k].lower_ not in _ACTOR_LEAD:
            return None
        k += 1
    return None


def each_near(doc: Doc, marks: Marks, start: int, end: int) -> bool:
    return any(marks.at("cue:each", k) or marks.at("cue:agent_each", k) for k in range(start, min(end, len(doc))))


_MEMBERS = {coalition: sorted(members) for coalition, members in COALITIONS.items()}


ALLIANCE_MEMBERS = _MEMBERS


def _named_pair(doc: Doc, mark: Mark) -> bool:
    """One phrase naming two parties joined by "and" ("قوات النظام السوري والقوات الروسية")."""
    return mark.value in _MEMBERS and any(
        t.lower_ in {"and", "or"} or t.text.startswith("وال") or (t.text.startswith("و") and t.norm_ != t.text)
        for t in doc[mark.start + 1 : mark.end]
    )


def split_parties(doc: Doc, marks: Marks, actors: list[Mark], each: bool) -> list[str | None]:
    if each and len(actors) == 1 and _named_pair(doc, actors[0]):
        return list(_MEMBERS[actors[0].value])  # "كل من قوات النظام والقوات الروسية ثلاث مجازر": three each
    ids = [m.value for m in actors]
    return list(dict.fromkeys(ids)) if each and len(set(ids)) > 1 else [combine(ids)]


def one_of_them(token: Token) -> bool:
    """"أحدهما", "إحداها", "منهم": a part that says it is one of the total's, and so has its own party."""
    word = normalize_ar(token.text)
    return word in {"منهم", "منها", "منهن"} or (word.startswith("احد") and word.endswith(("ها", "هما", "هم")))


def verb_subject(doc: Doc, marks: Marks, c: Candidate) -> list[str | None]:
    """Arabic verb-first clauses: "أطلقت قوات النظام صواريخ … في سبع هجمات", "من بين من قتلتهم قوات النظام ممرض".

    With no parse, the party is the subject right after the last verb of the sentence before the count,
    when no other party is named between it and the count.
    """
    actors = marks.within("actor", c.sent.start, c.number.start)
    if not actors or actors[-1].start == 0:
        return []
    actor = actors[-1]
    k = actor.start - 1
    verb = marks.at("trigger", k) or marks.at("cue:act", k)
    if verb is None and (agent := marks.at("cue:agent", k)) is not None and agent.end - agent.start == 1:
        verb = agent  # "الاعتقالات التي نفّذتها قوات النظام … بـ 92 حالة": a verb with its object pronoun
    if verb is None or not_agent(doc, actor.start):
        return []
    return [actor.value]


_ITS_FORCES = {"قواته", "قواتها", "طائراته", "طائراتها", "عناصره", "عناصرها", "مروحياته", "مروحياتها"}


def its_forces(doc: Doc, marks: Marks, c: Candidate) -> list[str | None]:
    """"إذ استخدمت قواته الذخائر العنقودية في 28 هجوماً": "its forces", the party named just before."""
    if not any(normalize_ar(t.text).lstrip("و") in _ITS_FORCES for t in doc[c.sent.start : c.number.start]):
        return []
    return last_party_before(doc, marks, c.sent.start)


_OBJECT_PRONOUNS = ("هما", "هم", "ها", "ه")


@functools.lru_cache(maxsize=1)
def _act_verbs() -> frozenset[str]:
    """The Arabic verbs of the act and attribution cues ("شنت", "ألقى", "نسب"), one word each, normalized."""
    rows = rows_for("figure_cues", "ar")
    return frozenset(normalize_ar(r["phrase"]) for r in rows if r["kind"] in {"act", "attribute"} and " " not in r["phrase"])


def verb_with_object(word: str) -> bool:
    """"شنّته", "ألقاها", "ارتكبتها": an act verb with its object pronoun, so its subject follows as the agent."""
    norm = normalize_ar(word)
    for pronoun in _OBJECT_PRONOUNS:
        stem = norm[: -len(pronoun)]
        if norm.endswith(pronoun) and len(stem) >= 2 and (stem in _act_verbs() or stem + "ي" in _act_verbs()
                                                          or stem.rstrip("ا") + "ي" in _act_verbs()):
            return True
    return False


def last_party_before(doc: Doc, marks: Marks, at: int) -> list[str | None]:
    """The party named last in the two sentences before ``at`` (and in its own sentence before it): what
    "the attack" was by."""
    sents = layout_of(doc).sentences_before(at, 2)
    start = sents[0].start if sents else doc[at].sent.start if at < len(doc) else at
    found = [m for m in marks.within("actor", start, at) if not not_agent(doc, m.start)]
    last = {m.value for m in found if m.start >= (sents[-1].start if sents else start)}
    if len(last) > 1 and last <= ALLIANCE:
        return ["syrian_russian_alliance"]  # "regime forces killed 96 …, Russian forces 42. The bombardment also…"
    return [found[-1].value] if found else []
