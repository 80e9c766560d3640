"""Agents written away from the count: the party of an event phrase in the count's clause, or of a fronted frame.

Three structures, the same in both languages, read from marks rather than from a parse (Arabic has none):

- **The event phrase of the clause.** "Nine civilians died in Russian airstrikes", "the attack carried out by
  regime forces on the camp killed nine civilians", "2,289 died in detention centres belonging to the regime",
  "قضى 40 مدنياً في قصف جوي ومدفعي للقوات التركية", "قضى 86 شخصاً تحت التعذيب في مراكز الاحتجاز التابعة للنظام":
  an event or detention noun that names its party (``party_event`` marks, extractor/actors.py) gives that
  party to a count of its clause. A clause ends at ";", ":", or a word that opens another ("while", "whereas",
  "فيما", "بينما", "في حين": ``cue:clause``), so "Russian forces killed 12, while regime shelling killed four"
  gives each count its own. Detention phrases count only for what happens in detention (deaths, torture,
  detention, disappearance, release).
- **A fronted topic.** "As for Russian forces, the report documents 23 deaths", "أما القوات الروسية، فقد …",
  "وفيما يتعلق بقوات النظام، فقد …": a sentence that opens with a topic cue ("as for", "regarding", "أما",
  "فيما يتعلق", "بالنسبة") and names one party before its comma (or the Arabic "ف" of the answer) gives that
  party to the counts of the clause after it.
- **A fronted frame.** "Of those arrested by regime forces, 4,980 are still disappeared", "Among those detained
  by the SDF, 31 were children", "ومن بين المعتقلين لدى قوات النظام 14 طبيباً": a sentence that opens with
  "of / among / من بين" and names an agent before its first comma (or, in Arabic, before the count) gives that
  agent to the counts after it.
"""

from __future__ import annotations

from spacy.tokens import Doc

from extractor.figures.candidate import Candidate
from extractor.figures.layout import layout_of
from extractor.actors import combine
from extractor.lexicon import Mark, Marks

_BREAKS = {";", "؛", ":"}
#: Dependencies that open a clause of its own: a phrase under one is not the count's.
_OTHER_CLAUSES = {"relcl", "advcl", "acl", "ccomp", "csubj", "pcomp"}
_COMMAS = {",", "،"}
#: What happens to people in detention: a detention phrase ("in regime prisons") names the party for these.
DETENTION_METRICS = {"killed", "died_under_torture", "detained", "still_disappeared", "released", "arrested",
                     "forcibly_disappeared"}


def clause_of(doc: Doc, marks: Marks, c: Candidate) -> tuple[int, int]:
    """The token span of the clause holding the count, within its sentence."""
    lo, hi = c.sent.start, c.sent.end
    for k in range(c.number.start - 1, c.sent.start - 1, -1):
        if _breaks(doc, marks, k):
            lo = k + 1
            break
    for k in range(c.end, c.sent.end):
        if _breaks(doc, marks, k):
            hi = k
            break
    return lo, hi


def _breaks(doc: Doc, marks: Marks, k: int) -> bool:
    if doc[k].text in _BREAKS:
        return True
    cue = marks.starting("cue:clause", k)
    if cue is None:
        return False
    return doc.lang_ == "ar" or cue.value == "always" or (k > 0 and doc[k - 1].text in _COMMAS)  # ", while"


def event_party(doc: Doc, marks: Marks, c: Candidate, before: int, after: int) -> list[str | None]:
    """The party of the event (or detention) phrase of the count's own stretch of its clause: after the count
    (up to ``after``, the next count) a phrase a preposition opens ("killed in Russian airstrikes", "قضوا في قصف
    لقوات النظام"); else before it (back to ``before``, the last count) one standing as the subject ("Russian
    airstrikes killed", "تسببت غارات روسية بمقتل")."""
    lo, hi = clause_of(doc, marks, c)
    said_total = bool(marks.within("cue:total", c.sent.start, c.end))
    fits = [m for m in marks.within("party_event", max(lo, before), min(hi, after))
            if m.extra == "event" or (m.extra == "intrinsic" and not said_total) or c.metric in DETENTION_METRICS]
    # a weapon only one party uses names it, unless the sentence gives a total over all parties ("A total of 401
    # barrel bombs were dropped", "وثّقنا إجمالاً إلقاء 401 برميل"): that says it is no one party's
    own = [m for m in fits if c.number.start <= m.start < c.end]
    if own:
        return [own[0].value]  # "182 of the regime's chemical attacks", "47 Russian airstrikes"
    fits = [m for m in fits if _in_the_counts_clause(doc, c, m)]
    later = [m for m in fits if m.start >= c.end and (_opened_by_preposition(doc, marks, m.start) or m.start - c.end <= 1)
             and not marks.within("cue:most", c.end, m.start)]  # "…, most of them in regime prisons": a share's party
    if later:
        return _one_party(fits[fits.index(later[0]) :])
    earlier = [m for m in fits if m.end <= c.number.start and not _opened_by_preposition(doc, marks, m.start)
               and (doc.lang_ != "ar" or _verb_between(marks, m.end, c.number.start))]
    return _one_party(earlier) if earlier else []


def _one_party(phrases: list[Mark]) -> list[str | None]:
    """The party of the first phrase, unless the phrases name several ("in coalition airstrikes and SDF shelling"):
    then the alliance where the parties form one, else none (the count is theirs together)."""
    parties: list[str] = list(dict.fromkeys(m.value for m in phrases))
    if len(parties) == 1:
        return [parties[0]]
    joint = combine(parties)
    return [joint] if joint not in parties else []


def _verb_between(marks: Marks, start: int, end: int) -> bool:
    """Arabic spells the verb and the noun of an act alike ("قصف التحالف" is "the coalition bombed" as often as
    "the coalition's bombing"): a phrase before the count is its subject only with a verb after it ("تسببت غارات
    روسية بمقتل" reads the verb before; "غارات روسية أسفرت عن مقتل" after)."""
    return any(marks.within(kind, start, end) for kind in ("trigger", "cue:act", "cue:consequence"))


def _in_the_counts_clause(doc: Doc, c: Candidate, phrase: Mark) -> bool:
    """With a parse (English), a phrase inside another clause (a relative, adverbial or reported one) between it
    and the count's verb is that clause's: "17 people who had returned, fleeing Israeli strikes"."""
    if not doc.has_annotation("DEP"):
        return True
    governor = next((t.i for t in doc[c.number.start].ancestors if t.pos_ in {"VERB", "AUX"}), None)
    for anc in doc[_event_token(doc, phrase)].ancestors:
        if anc.i in {governor, c.number.start} or c.number.start <= anc.i < c.end:
            return True
        if anc.pos_ in {"VERB", "AUX"} and anc.dep_ in _OTHER_CLAUSES:
            return False
    return True


def _event_token(doc: Doc, phrase: Mark) -> int:
    """The head token of an event phrase: the one whose head lies outside the phrase."""
    for k in range(phrase.start, phrase.end):
        if not phrase.start <= doc[k].head.i < phrase.end or doc[k].head.i == k:
            return k
    return phrase.end - 1


def _opened_by_preposition(doc: Doc, marks: Marks, k: int) -> bool:
    """Does a preposition stand right before token ``k`` (or joined to it: "بقصف", "لقوات")?"""
    if doc.lang_ == "ar" and doc[k].text[:1] in {"ب", "ل"} and doc[k].norm_ != doc[k].text:
        return True
    for j in (k - 1, k - 2):
        if j >= 0 and (prep := marks.ending("cue:event_prep", j)) is not None:
            return j == k - 1 or doc[k - 1].lower_ in {"the", "a", "an", "its", "their"}
    return False


def frame_party(doc: Doc, marks: Marks, c: Candidate) -> list[str | None]:
    """The agent a fronted "of / among" frame names, for the counts after it."""
    sent = c.sent
    opener = marks.starting("cue:frame", sent.start) or (
        marks.starting("cue:frame", sent.start + 1) if doc[sent.start].is_punct else None
    )
    if opener is None:
        return []
    end = next((t.i for t in doc[opener.end : c.number.start] if t.text in _COMMAS), c.number.start)
    if end >= c.number.start and doc.lang_ != "ar":
        return []  # English sets the frame off with a comma
    if clause_of(doc, marks, c)[0] > end + 1:
        return []  # "…, 281 were children whereas HTS killed two": a later clause has its own agent
    events = marks.within("party_event", opener.end, end)
    if events:
        return [events[0].value]
    for cue in marks.within("cue:agent", opener.end, end):
        actors = marks.within("actor", cue.end, min(end, cue.end + 3))
        if actors:
            return [actors[0].value]
    return []


def topic_party(doc: Doc, marks: Marks, c: Candidate) -> list[str | None]:
    """The one party a fronted topic names, for the counts of the clause after it: "As for Russian forces, the
    report documents 23 deaths", "أما القوات الروسية، فقد وثق التقرير مقتل 23 مدنياً", "وفيما يتعلق بقوات
    النظام، فقد سجل …". The topic ends at its comma, or in Arabic at the "ف" that opens the answer."""
    sent = c.sent
    opener = marks.starting("cue:topic", sent.start) or (
        marks.starting("cue:topic", sent.start + 1) if doc[sent.start].is_punct else None
    )
    if opener is None:
        return []
    end = next((t.i for t in doc[opener.end : c.number.start]
                if t.text in _COMMAS or (doc.lang_ == "ar" and t.i > opener.end + 1 and t.text.startswith("ف")
                                         and t.norm_ != t.text)), None)
    if end is None or clause_of(doc, marks, c)[0] > end + 1:
        return []  # no topic set off before the count, or the count is in a later clause with its own agent
    named = {m.value for m in marks.within("actor", opener.end, end)}
    return [named.pop()] if len(named) == 1 else []


def continued_party(doc: Doc, marks: Marks, c: Candidate, earlier: list[Candidate]) -> list[str | None]:
    """"… killing 1,144 people. Another 5,935 were injured", "قتل 91 مدنياً … وأصيب 200 آخرون": a count that
    adds to the one before ("another", "a further", "others", "آخرين") is the same act's, so it takes that count's
    party when its own sentence names none."""
    additive = (c.number.start > 0 and marks.ending("cue:additive", c.number.start - 1) is not None) or any(
        marks.starting("cue:additive", k) is not None for k in range(c.number.end, min(len(doc), c.end + 2))
    )
    if not additive or not earlier or marks.within("actor", c.sent.start, c.sent.end):
        return []
    prev = earlier[-1]
    if prev.sent.start != c.sent.start and layout_of(doc).block_index(prev.sent.start_char) != layout_of(doc).block_index(
        c.sent.start_char
    ):
        return []
    return list(prev.perpetrators) if any(prev.perpetrators) else []


#: What a report's one party is not taken to have done unless a sentence says so (people flee a whole war).
_NOT_THE_TOPICS = {"displaced"}


def sole_party(cands: list[Candidate], marks: Marks) -> None:
    """A report that gives its counts to one party only is about that party: its counts with no party of their own
    are that party's ("Among the victims were 12 children" in a report on the SDF's violations), unless their
    sentence speaks of all parties ("at the hands of the parties to the conflict", "في عموم سوريا")."""
    given = {p for c in cands for p in c.perpetrators if p}  # headings' parties too: "هيئة تحرير الشام" over a section
    lead = next((c for c in cands if c.metric is not None), None)
    if len(given) != 1 or lead is None or not any(p for c in cands if not c.from_context for p in c.perpetrators):
        return  # the one party must be named in a sentence too, not only by a heading
    party = next(iter(given))
    wholes = {id(c.head) for c in cands if c.head is not None}
    if id(lead) in wholes and lead.perpetrators in ([], [None]):
        return  # the lead is a toll over all parties, broken down by party: a periodic report, not one on a party
    sents = layout_of(lead.sent.doc).sents
    opening = sents[min(len(sents), 3) - 1].end if sents else 0
    if lead.perpetrators in ([], [None]) and any(
            c.metric == lead.metric and c.group == lead.group and c.count < 0.95 * lead.count and party in c.perpetrators
            for c in cands if not c.from_context and c.sent.end <= max(opening, lead.sent.end)):
        return  # the opening's own count for the party is well short of the lead (not a rounding): a toll over all
    if party not in {m.value for m in marks.within("actor", 0, max(opening, lead.sent.end))}:
        return  # neither the title nor the lead names the party (a toll over all parties): not a report on one
    for c in cands:
        if c.perpetrators not in ([], [None]) or c.metric in _NOT_THE_TOPICS or c.metric is None or id(c) in wholes:
            continue  # a total broken down by party stays the total over all parties
        if marks.within("cue:total", c.sent.start, c.sent.end):
            continue
        c.perpetrators, c.from_context = [party], True
