"""Who did it: the perpetrator of each candidate, from the agent, the subject or the context."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from extractor.figures.candidates import Candidate
from extractor.figures.agents import continued_party, event_party, frame_party, sole_party, topic_party
from extractor.figures.breakdowns import ATTACKS, opens_with_total
from extractor.lexicon import Mark, Marks
from extractor.figures.parties import combine, coordinated_after, its_forces, last_party_before, not_agent, verb_subject
from extractor.figures.scans import left_actor, pronoun_agent, right_actor


_SUBJECT_DEPS = {"nsubj", "csubj"}


#: Metrics a report's topic party is not taken to have done unless a sentence says so (people flee a whole war).
_NOT_ATTRIBUTED = {"displaced"}


def _anaphoric_event(doc: Doc, marks: Marks, subject: Token, earlier: list[Candidate]) -> list[str | None]:
    """``The incendiary attacks documented in this report killed…``: the parties of those counted before."""
    lo, hi = subject.left_edge.i, subject.right_edge.i + 1
    events = marks.within("event", lo, hi)
    attacks = [m for m in marks.within("trigger", lo, hi) if m.value == "attacks"]
    first = events[0] if events else (attacks[0] if attacks else None)
    if first is None or first.start == 0 or doc[first.start - 1].lower_ not in {"the", "these", "those", "such", "this", "that"}:
        return []
    if events:
        wanted = events[0].value
        same_kind = (lambda m: m in ATTACKS) if wanted == "attacks" else (lambda m: m == wanted)
        totals = [e for e in earlier if e.head is None and same_kind(e.metric or e.event) and any(e.perpetrators)]
        if totals:
            return list(totals[0].perpetrators)  # the first total of those attacks names their party
    told = marks.within("party_event", subject.sent.start, lo)
    if told:
        return [told[-1].value]  # "condemned the attack carried out by X …, which killed": told earlier in the sentence
    return last_party_before(doc, marks, subject.sent.start)


def _among_those(doc: Doc, marks: Marks, verb: Token, c: Candidate) -> list[str | None]:
    """``67 children were among the civilians killed by the coalition``: a copula's "among" phrase whose noun
    the agent's clause describes."""
    if verb.lemma_ != "be" or c.number.start > verb.i:
        return []
    for prep in (ch for ch in verb.children if ch.dep_ == "prep" and ch.lower_ in {"among", "amongst"}):
        for tok in prep.subtree:
            if tok.dep_ in {"agent"} or (tok.dep_ == "prep" and tok.lower_ == "by"):
                actors = marks.within("actor", tok.i, tok.right_edge.i + 1)
                if actors and not not_agent(doc, tok.i):
                    return [actors[0].value]
    return []


def _owns(doc: Doc, o: Candidate, phrase: Token) -> bool:
    """Does the agent ``phrase`` follow the count ``o`` directly, with no verb between (``11 of them by X``)?"""
    lo = phrase.left_edge.i
    between = doc[o.end : lo]
    return o.end <= lo and lo - o.end <= 4 and not any(t.pos_ in {"VERB", "AUX"} or t.is_punct for t in between)


def _pronoun(doc: Doc, marks: Marks, subject: Token) -> list[str | None]:
    """``it carried out 184 attacks``, ``its forces used…``: the party named just before."""
    words = {t.lower_ for t in subject.subtree}
    acts = marks.at("cue:act", subject.head.i) is not None  # "it carried out", not "it reports"
    if acts and (subject.lower_ in {"it", "they"} or words & {"its", "their"}):
        return last_party_before(doc, marks, subject.sent.start)
    return []


def _label_actor(doc: Doc, marks: Marks, sent: Span) -> list[str | None]:
    """``Armed opposition factions: the factions killed 12 civilians``: a label before a colon."""
    k = sent.start
    while k < sent.end and (doc[k].is_punct or doc[k].is_space) and doc[k].text != ":":
        k += 1
    actor = marks.starting("actor", k)
    if actor is None:
        return []
    actors = coordinated_after(doc, marks, actor, sent.end)
    k = actors[-1].end
    while k < sent.end and doc[k].text != ":" and (doc[k].is_punct or k - actors[-1].end < 14):
        if doc[k].like_num:
            return []
        k += 1
    return [combine([a.value for a in actors])] if k < sent.end and doc[k].text == ":" else []


def _actors_in(marks: Marks, tok: Token, c: Candidate) -> list[Mark]:
    lo, hi = tok.left_edge.i, tok.right_edge.i + 1
    if lo <= c.number.start < hi:
        return []
    return marks.within("actor", lo, hi)


def _tree_actor(
    doc: Doc, marks: Marks, c: Candidate, others: set[int], earlier: list[Candidate], everyone: list[Candidate]
) -> list[str | None]:
    """The agent or subject of a verb that governs the number, from the dependency tree."""
    if not doc.has_annotation("DEP"):
        return []
    parts = {o.number.start for o in everyone if o.head is c}
    numbers = ({o.number.start for o in everyone if o.sent.start == c.sent.start and o is not c}) - parts
    for anc in doc[c.number.start].ancestors:
        if anc.i in others:
            return []
        heads = [anc] + ([anc.head] if anc.dep_ == "conj" and anc.pos_ in {"VERB", "AUX"} else [])
        # "… remain detained by Syrian regime forces": the agent hangs from the verb's complement
        heads += [ch for ch in anc.children if ch.dep_ in {"acomp", "xcomp", "oprd"} and ch.i > c.end]
        among = _among_those(doc, marks, anc, c)
        if among:
            return among
        for verb in heads:
            for child in verb.children:
                agent = child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by")
                subject = child.dep_ in _SUBJECT_DEPS and verb.pos_ in {"VERB", "AUX"}
                if any(child.left_edge.i <= k <= child.right_edge.i or c.end <= k < child.i for k in numbers):
                    continue  # "19 massacres, 11 of them by Syrian regime forces": that party is the part's
                if any(_owns(doc, o, child) for o in everyone if o is not c and o.number.start > c.number.start):
                    continue
                if agent and c.end <= child.i and marks.within("cue:most", c.end, child.i):
                    continue  # "7,185 were arrested, the great majority of them by the regime": a share's agent
                if subject and child.left_edge.i > c.end and marks.within("cue:most", child.left_edge.i, child.right_edge.i + 1):
                    continue  # the same share parsed as a subject ("the great majority of them by X")
                if (agent and not not_agent(doc, child.i)) or subject:
                    actors = _actors_in(marks, child, c)
                    if not actors and subject:
                        anaphor = _anaphoric_event(doc, marks, child, earlier) or _pronoun(doc, marks, child)
                        if anaphor:
                            return anaphor
                    if actors:
                        return [combine([a.value for a in actors[:2]] if len(actors) == 2 else [actors[0].value])]
        if anc.dep_ == "ROOT" or (anc.pos_ in {"VERB", "AUX"} and any(
            ch.dep_ == "nsubj" and not ch.left_edge.i <= c.number.start <= ch.right_edge.i for ch in anc.children
        )):
            break  # a clause with a subject of its own ("while coalition airstrikes killed 30") ends the climb
    return []


def attribute(doc: Doc, marks: Marks, cands: list[Candidate], context_actor: dict[int, str | None]) -> None:
    """Set ``perpetrators`` on every candidate (``[None]`` for a total over all parties)."""
    noun_tokens: dict[int, Candidate] = {}
    for c in cands:
        for k in range(c.number.start, c.end):
            noun_tokens[k] = c
    for j, c in enumerate(cands):
        if c.restates is not None:
            c.perpetrators = list(c.restates.perpetrators)
            continue
        same = [o for o in cands if o.sent.start == c.sent.start]
        idx = same.index(c)
        floor = same[idx - 1].end if idx > 0 else c.sent.start
        ceiling = same[idx + 1].start if idx + 1 < len(same) else c.sent.end
        others = {k for k, o in noun_tokens.items() if o is not c and o.sent.start == c.sent.start}
        # "three Russian attacks" names its party; "94 armed opposition fighters" only who the victims were
        inner = marks.within("actor", c.number.end, c.end) if not opens_with_total(doc, c) and c.group is None else []
        found = [combine([m.value for m in inner])] if inner else []  # "three Russian attacks", "attacks by X and Y on…"
        found = found or right_actor(doc, marks, c, ceiling) or left_actor(doc, marks, c, floor, cands[:j])
        mine = [o for o in same if o.head is c]
        listed = bool(mine) and _listed_parts(doc, marks, c, mine)
        beyond = next((o.start for o in same[idx + 1 :] if o.head is not c), c.sent.end) if listed else ceiling
        if not found and mine:  # read on past the total's own parts: "58 civilians, including 12 children, were killed by X"
            if doc.lang_ == "ar":  # no parse: the word order tells a part's agent from the whole's
                tokens = {k for o in mine for k in range(o.number.start, max(o.end, o.number.start + 1))}
                found = right_actor(doc, marks, c, next((o.start for o in same[idx + 1 :] if o.head is not c), c.sent.end),
                                     tokens)
            elif listed:  # English: only past a plain list of parts
                found = right_actor(doc, marks, c, beyond, start=max(o.end for o in mine))
        if not found:
            found = _label_actor(doc, marks, c.sent)  # "Drowning while crossing to Europe: 3", a part labelled too
        if not found and doc.lang_ == "ar":
            found = verb_subject(doc, marks, c) or its_forces(doc, marks, c)
        if not found and not opens_with_total(doc, c):
            found = _tree_actor(doc, marks, c, others, cands[:j], same)
            c.from_tree = bool(found)
        if not any(found):
            found = frame_party(doc, marks, c) or topic_party(doc, marks, c) or event_party(doc, marks, c, floor, beyond) or found
        if not any(found):
            found = pronoun_agent(doc, marks, c, ceiling) or continued_party(doc, marks, c, cands[:j]) or found
        if not any(found) and idx > 0 and (_participle_clause(doc, marks, c) or _consequence(marks, same[idx - 1], c)
                                           or _coordinated_verb(doc, marks, same[idx - 1], c)):
            found = list(same[idx - 1].perpetrators)  # "…by regime forces, killing nine civilians"
        elif not any(found) and idx == 0 and j > 0 and _opens_with_consequence(marks, c):
            found = list(cands[j - 1].perpetrators)  # "… ارتكبت قوات النظام مجزرتين. وراح ضحيتها ستة مدنيين"
        if not any(found) and c.head is None:
            found = _sentence_cause(marks, c) or found
        if not any(found) and c.head is not None:
            found = list(c.head.perpetrators)
        if not any(found) and idx > 0 and c.head is None and same[idx - 1].head is None and _sibling(doc, same[idx - 1], c):
            found = list(same[idx - 1].perpetrators)
        if not any(found) and not _said_total(doc, marks, c) and c.metric not in _NOT_ATTRIBUTED and not (
                marks.within("cue:ranks_first", c.sent.start, c.sent.end) and marks.within("place", c.sent.start, c.sent.end)):
            # a ranking of places ("Deir ez-Zor recorded the highest death toll") is over all parties, not the section's
            found = [context_actor.get(c.sent.start)]
            c.from_context = found != [None]
        c.perpetrators = found or [None]
    _share_back_along_lists(doc, cands)
    _totals_over_parties(cands)
    sole_party(cands, marks)


def _share_back_along_lists(doc: Doc, cands: list[Candidate]) -> None:
    """``A medical worker, a member of the Civil Defense and a media worker were killed by regime forces``."""
    for j in range(len(cands) - 2, -1, -1):
        c, nxt = cands[j], cands[j + 1]
        if any(c.perpetrators) or not any(nxt.perpetrators) or c.sent.start != nxt.sent.start or c.head is not nxt.head:
            continue
        if nxt.elided:
            continue  # "…, including 180 children and 92 women, 14,235 of whom died at the hands of X": its own clause
        gap = doc[c.end : nxt.start]
        if len(gap) <= 3 and all(t.text == "," or t.lower_ in {"and", "or"} for t in gap):
            c.perpetrators = list(nxt.perpetrators)


def _said_total(doc: Doc, marks: Marks, c: Candidate) -> bool:
    """``In total, 52 civilians were killed``: a total over all parties, not the topic party's."""
    return any(marks.at("cue:total", k) for k in range(c.sent.start, c.end))


def _totals_over_parties(cands: list[Candidate]) -> None:
    """A total given only the topic's party, whose parts name different parties, is over all parties."""
    for c in cands:
        if (c.from_context or c.from_tree) and c.head is None:
            parts = {p for o in cands if o.head is c and not o.from_context for p in o.perpetrators if p}
            if len(parts) > 1:
                c.perpetrators = [None]
                for o in cands:
                    if o.head is c and o.from_context:
                        o.perpetrators = [None]


def _consequence(marks: Marks, prev: Candidate, c: Candidate) -> bool:
    """``… committed a massacre, which led to the killing of 15 civilians``: the deaths are that party's."""
    return bool(marks.within("cue:consequence", prev.end, c.start))


def _sentence_cause(marks: Marks, c: Candidate) -> list[str | None]:
    """"أطلق عناصر من قسد النار …، ما أدى إلى مقتل خمسة مدنيين": the one party of the act the deaths followed."""
    cues = marks.within("cue:consequence", c.sent.start, c.number.start)
    if not cues:
        return []
    named = {m.value for m in marks.within("actor", c.sent.start, cues[-1].start)}
    return [named.pop()] if len(named) == 1 else []


def _opens_with_consequence(marks: Marks, c: Candidate) -> bool:
    return any(m.start - c.sent.start <= 1 for m in marks.within("cue:consequence", c.sent.start, c.start))


def _participle_clause(doc: Doc, marks: Marks, c: Candidate) -> bool:
    k = c.number.start - 1
    if (q := marks.ending("cue:qualifier", k)) is not None:
        k = q.start - 1
    trig = marks.ending("trigger", k)
    return trig is not None and doc[trig.start].tag_ == "VBG" and trig.start > 0 and doc[trig.start - 1].text == ","


def _listed_parts(doc: Doc, marks: Marks, c: Candidate, parts: list[Candidate]) -> bool:
    """Are the parts a plain list after the count ("…, including 12 children and six women,"), with no verb or
    agent of their own between them ("19 killed by the regime and eight by Russian forces" has)?"""
    if any(o.elided or o.predicate for o in parts):
        return False  # "347 died, 339 of whom in the regime's prisons": a part with its own clause
    last = max(o.end for o in parts)
    between = [t for t in doc[c.end : last] if not any(o.number.start <= t.i < o.end for o in parts)]
    return not any(t.pos_ in {"VERB", "AUX"} and not marks.at("cue:breakdown", t.i) or marks.at("cue:agent", t.i)
                   for t in between)


def _coordinated_verb(doc: Doc, marks: Marks, prev: Candidate, c: Candidate) -> bool:
    """Arabic "ارتكب التنظيم 50 مجزرة، واعتقل 8000 شخص": a verb joined by "و" to the one before, with no subject
    of its own, shares that verb's subject."""
    if doc.lang_ != "ar":
        return False
    k = c.number.start - 1
    if (q := marks.ending("cue:qualifier", k)) is not None:
        k = q.start - 1
    verb = marks.ending("trigger", k) or marks.ending("cue:act", k)
    if verb is None or verb.end - verb.start != 1 or not doc[verb.start].text.startswith(("و", "ف")):
        return False
    return not marks.within("actor", prev.end, c.number.start) and any(
        marks.within(kind, c.sent.start, prev.number.start) for kind in ("trigger", "cue:act")
    )


def _sibling(doc: Doc, prev: Candidate, c: Candidate) -> bool:
    """Items of one list: same kind of count, nothing but places and commas between them."""
    if (prev.event or "") != (c.event or "") or (prev.group is None) != (c.group is None):
        return False
    gap = doc[prev.end : c.start]
    followed = [t.i for t in gap if t.lower_ == "followed" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "by"]
    if followed:  # "with 1,875 civilians killed by Russian forces, followed by Aleppo with 1,589": a ranking
        gap = doc[followed[-1] + 2 : c.start]
    return not any(t.pos_ in {"VERB", "AUX"} or t.lower_ in {"while", "whereas", "but", ";"} for t in gap)
