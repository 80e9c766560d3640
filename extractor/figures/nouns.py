"""The counted noun of a number: "56 civilians", "28 cluster munition attacks", "37 medical facilities"."""

from __future__ import annotations

from spacy.tokens import Doc

from extractor.arabic import normalize_ar
from extractor.figures.candidate import Candidate
from extractor.lexicon import Mark, Marks
from extractor.figures.numbers import Number

#: Words a counted noun phrase may carry between the number and its head noun.
NP_FILLER = {"more", "other", "additional", "new", "further", "innocent", "unarmed", "displaced", "local"}
_DEMONSTRATIVES_AR = {"هذه", "هؤلاء", "تلك", "اولئك", "هذا", "ذلك"}
#: Counted events that can name what they hit ("9 incendiary attacks on residential areas").
ATTACK_EVENTS = {"attacks_on_vital_facilities", "cluster_munition_attacks", "incendiary_attacks", "chemical_attacks",
                 "barrel_bombs"}


def counted_noun(doc: Doc, marks: Marks, start: int, limit: int) -> tuple[int, int, list[Mark]] | None:
    """The counted noun phrase starting within a few modifier tokens after ``start``."""
    k = start
    found: list[Mark] = []
    while k < limit and k < start + 6:
        best = max(
            (m for kind in ("target", "event", "group") if (m := marks.starting(kind, k))),
            key=lambda m: m.end - m.start,
            default=None,
        )
        if best is not None:
            found.append(best)
            k = best.end
            if doc.lang_ == "ar":
                break  # Arabic adjectives follow the noun; a second noun is a second item ("طفل وسيدتان")
            continue
        if found:
            break
        tok = doc[k]
        modifier = tok.pos_ in {"ADJ", "PROPN"} or tok.text == "-" or tok.lower_ in NP_FILLER or tok.lower_ in {"'s", "’s"}
        if modifier or (tok.pos_ == "NOUN" and tok.dep_ in {"compound", "amod", "nmod", "poss"}):  # "the month's attacks"
            k += 1
            continue
        break
    if not found:
        return None
    return found[0].start, found[-1].end, found


def attack_on_target(doc: Doc, marks: Marks, end: int, limit: int) -> Mark | None:
    """``attacks on medical facilities``: the target after on / against / targeting."""
    if end < limit and doc[end].lower_ == "by":  # "attacks by Russian forces on schools"
        for k in range(end + 1, min(limit, end + 7)):
            if doc[k].is_punct or doc[k].like_num:
                break
            if doc[k].lower_ in {"on", "against"}:
                end = k
                break
    if end < limit and doc[end].lower_ in {"on", "against", "targeting", "that", "which", "على", "ضد"}:
        for k in range(end + 1, min(limit, end + 5)):
            if (m := marks.starting("target", k)) is not None:
                return m
            if doc[k].pos_ not in {"DET", "ADJ", "VERB", "AUX", "PROPN", "CCONJ"} and doc[k].text != ",":
                break
    return None


def apply_noun(c: Candidate, found: list[Mark], before: list[Candidate]) -> None:
    for mark in found:
        if mark.kind == "group" and mark.value == "others":
            groups = [b.group for b in before if b.group and b.sent.start == c.sent.start]
            c.group = groups[0] if groups else next((b.group for b in reversed(before) if b.group), "persons")
        elif mark.kind == "group":
            c.group = mark.value
        elif mark.kind == "event":
            c.event = mark.value
            c.target = c.target or None
        elif mark.kind == "target":
            c.target = mark.value or c.target
            if not mark.value:
                c.event = c.event or "facility"


def of_them(doc: Doc, marks: Marks, n: Number, limit: int) -> tuple[int, int, list[Mark]] | None:
    if doc.lang_ == "ar" and n.end + 1 < limit and doc[n.end].norm_ in {"من", "منهم"}:
        start = n.end + 1
        if start < limit and normalize_ar(doc[start].text) in _DEMONSTRATIVES_AR:
            start += 1  # "1257 من هذه الحالات": of these cases
        found = counted_noun(doc, marks, start, limit)  # "سبعة من الكوادر الطبية"
        if found and all(m.kind == "group" and m.value == "persons" for m in found[2]) and doc[n.end].norm_ == "من":
            return None  # "307 من ضحايا الشهر": a share of the victims already counted, like "307 of the victims"
        return found
    return _of_them_en(doc, marks, n, limit)


def _of_them_en(doc: Doc, marks: Marks, n: Number, limit: int) -> tuple[int, int, list[Mark]] | None:
    """``215 of them are civilians``, ``of whom 67 were children``: the group after a copula."""
    k = n.end
    if k + 2 < limit and doc[k].lower_ == "of" and doc[k + 1].lower_ in {"its", "their"}:
        owner = [m for m in marks.by_kind.get("group", []) if doc[n.start].sent.start <= m.start < n.start]
        if owner:  # "The Civil Defense lost 27 of its members": the owner names the group
            return n.end, k + 3, [owner[-1]]
    if k + 1 < limit and doc[k].lower_ in {"were", "are", "was", "is"}:
        start = k + 2 if doc[k + 1].lower_ in {"a", "an"} else k + 1  # "and one was a woman"
        found = counted_noun(doc, marks, start, limit)
        return found if found and all(m.kind == "group" for m in found[2]) else None
    if k + 1 < limit and doc[k].lower_ == "of" and doc[k + 1].lower_ in {"them", "whom", "which", "those", "these", "the"}:
        k += 2
        while k < limit and doc[k].pos_ in {"AUX", "ADV"}:
            k += 1
        return counted_noun(doc, marks, k, limit)
    return None
