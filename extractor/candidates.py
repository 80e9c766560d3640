"""Numbers that count something: each number with its counted noun, qualifier and span."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from extractor.lexicon import Mark, Marks, sentences_before
from extractor.numbers import Number, find_articles, find_numbers, looks_like_year, month_names
from extractor.quotes import quotation_spans
from tally.model import Period

#: Words a counted noun phrase may carry between the number and its head noun.
_NP_FILLER = {"more", "other", "additional", "new", "further", "innocent", "unarmed", "displaced", "local"}
#: Entity labels under which a number is a date, time, sum or rank rather than a count.
_ATTACK_EVENTS = {"attacks_on_vital_facilities", "cluster_munition_attacks", "incendiary_attacks", "chemical_attacks",
                  "barrel_bombs"}
_NOT_COUNTS = {"TIME", "MONEY"}
#: Words after which a noun-less number may borrow the noun of the number before it.
_ELLIPSIS_NEXT = {"in", "at", "by", "were", "was", "are", "had", "have", "has", ",", ";", ".", "and", ")", "from",
                  "on", "during", "under", "across", "within", "inside", "while", "whereas", "others", "more", "who",
                  "whom", "of"}
_ELLIPSIS_PREV_BLOCK = {"in", "on", "of", "since", "to", "from", "until", "till", "between", "after", "before", "per",
                        "than", "article", "resolution", "no", "number", "page", "paragraph", "the", "this", "that"}


@dataclass
class Candidate:
    """A number that counts people or events, and what the rules decided about it."""

    number: Number
    sent: Span
    noun: tuple[int, int] | None  # token span of the counted noun phrase
    group: str | None = None
    event: str | None = None  # metric implied by the counted noun ("massacres", "arrested"…)
    target: str | None = None
    elided: bool = False
    qualifier: str = "exact"
    metric: str | None = None
    perpetrators: list[str | None] = field(default_factory=list)
    head: Candidate | None = None  # the total this one is a breakdown of
    location: str | None = None
    period: Period | None = None  # a span the candidate's own context fixes (a table's year row)
    restates: Candidate | None = None  # "the 79 attacks": a total stated before, named again
    predicate: str | None = None  # "98,279 are still forcibly disappeared": the number's own verb
    from_context: bool = False
    from_tree: bool = False  # the party came from the dependency tree, which a list of parts can outvote  # the party came from a heading or the report's topic, not the sentence
    generic: bool = False  # the metric came from a generic word ("victims", "deaths")
    reason: str = ""  # why it could not be resolved, for warnings

    @property
    def count(self) -> int:
        return self.number.value

    @property
    def end(self) -> int:
        """The token after the number and its counted noun."""
        return max(self.number.end, self.noun[1] if self.noun else 0)

    @property
    def start(self) -> int:
        return self.number.start


def _cue_before(marks: Marks, kind: str, i: int) -> Mark | None:
    return marks.ending(f"cue:{kind}", i - 1) if i > 0 else None


def _cue_after(marks: Marks, kind: str, i: int) -> Mark | None:
    return marks.starting(f"cue:{kind}", i)


def _counted_noun(doc: Doc, marks: Marks, start: int, limit: int) -> tuple[int, int, list[Mark]] | None:
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
            continue
        if found:
            break
        tok = doc[k]
        modifier = tok.pos_ in {"ADJ", "PROPN"} or tok.text == "-" or tok.lower_ in _NP_FILLER
        if modifier or (tok.pos_ == "NOUN" and tok.dep_ in {"compound", "amod", "nmod"}):
            k += 1
            continue
        break
    if not found:
        return None
    return found[0].start, found[-1].end, found


def _attack_on_target(doc: Doc, marks: Marks, end: int, limit: int) -> Mark | None:
    """``attacks on medical facilities``: the target after on / against / targeting."""
    if end < limit and doc[end].lower_ == "by":  # "attacks by Russian forces on schools"
        for k in range(end + 1, min(limit, end + 7)):
            if doc[k].is_punct or doc[k].like_num:
                break
            if doc[k].lower_ in {"on", "against"}:
                end = k
                break
    if end < limit and doc[end].lower_ in {"on", "against", "targeting", "that", "which"}:
        for k in range(end + 1, min(limit, end + 5)):
            if (m := marks.starting("target", k)) is not None:
                return m
            if doc[k].pos_ not in {"DET", "ADJ", "VERB", "AUX", "PROPN", "CCONJ"} and doc[k].text != ",":
                break
    return None


def _apply_noun(c: Candidate, found: list[Mark], before: list[Candidate]) -> None:
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


def _excluded(doc: Doc, marks: Marks, n: Number) -> bool:
    """Percentages, ages, article numbers and the like are not figures."""
    if _cue_after(marks, "percent", n.end) or _cue_after(marks, "label_after", n.end):
        return True
    if _cue_before(marks, "label_before", n.start) or _cue_before(marks, "age_before", n.start):
        return True
    if _cue_after(marks, "age_after", n.end) or (n.end < len(doc) and doc[n.end].text.startswith("-year")):
        return True
    return False


def _of_them(doc: Doc, marks: Marks, n: Number, limit: int) -> tuple[int, int, list[Mark]] | None:
    """``215 of them are civilians``, ``of whom 67 were children``: the group after a copula."""
    k = n.end
    if k + 2 < limit and doc[k].lower_ == "of" and doc[k + 1].lower_ in {"its", "their"}:
        owner = [m for m in marks.by_kind.get("group", []) if doc[n.start].sent.start <= m.start < n.start]
        if owner:  # "The Civil Defense lost 27 of its members": the owner names the group
            return n.end, k + 3, [owner[-1]]
    if k + 1 < limit and doc[k].lower_ in {"were", "are", "was", "is"}:
        start = k + 2 if doc[k + 1].lower_ in {"a", "an"} else k + 1  # "and one was a woman"
        found = _counted_noun(doc, marks, start, limit)
        return found if found and all(m.kind == "group" for m in found[2]) else None
    if k + 1 < limit and doc[k].lower_ == "of" and doc[k + 1].lower_ in {"them", "whom", "those", "these", "the"}:
        k += 2
        while k < limit and doc[k].pos_ in {"AUX", "ADV"}:
            k += 1
        return _counted_noun(doc, marks, k, limit)
    return None


def _date_number(doc: Doc, n: Number) -> bool:
    """A day of a month ("26 April", "April 26") or a year, by its neighbours, not by guesswork."""
    if looks_like_year(doc, n):
        return True
    months = month_names(doc.lang_)
    near = [doc[k].lower_.rstrip(".") for k in (n.start - 1, n.end) if 0 <= k < len(doc)]
    near += [doc[n.start - 2].lower_] if n.start >= 2 and doc[n.start - 1].text == "of" else []
    return any(w in months for w in near)


def find_candidates_in(
    doc: Doc, sent: Span, marks: Marks, numbers: list[Number], earlier: list[Candidate]
) -> list[Candidate]:
    """Every number in ``sent`` that counts people or events, with its noun and qualifier."""
    out: list[Candidate] = []
    for n in numbers:
        if _excluded(doc, marks, n) or (n.start > 0 and doc[n.start - 1].lower_ in {"every", "each"}):
            continue
        if doc[n.end : n.end + 2].text.lower() in {"or more", "or fewer", "or less"}:
            continue  # "an attack that kills five or more people": a threshold, not a count
        if doc[n.start].lower_ == "one" and doc[n.end : n.end + 2].text.lower() == "of the":
            continue  # "one of the deadliest days", "one of the most dangerous countries"
        limit = sent.end
        noun = _counted_noun(doc, marks, n.end, limit) or _of_them(doc, marks, n, limit)
        before = earlier + out
        c = Candidate(number=n, sent=sent, noun=(noun[0], noun[1]) if noun else None)
        if noun:
            _apply_noun(c, noun[2], before)
            if c.event == "attacks" and (t := _attack_on_target(doc, marks, noun[1], limit)) is not None:
                c.event, c.target, c.noun = "attacks_on_vital_facilities", t.value or None, (noun[0], t.end)
            elif c.event in _ATTACK_EVENTS and (t := _attack_on_target(doc, marks, noun[1], limit)):
                c.target = t.value or None  # "9 incendiary attacks on residential areas"
        else:
            if n.is_article:
                continue
            k = n.end
            while k < limit and k < n.end + 3 and doc[k].pos_ in {"AUX", "ADV", "PART"} and not marks.at("trigger", k):
                k += 1  # "98,279 are still forcibly disappeared", "19 were killed"
            trig = marks.starting("trigger", k)
            ner = doc[n.start].ent_type_
            ent = "DATE" if _date_number(doc, n) else ("" if ner == "DATE" else ner)
            if trig is not None and trig.value not in {"attacks", "detained"} and ent not in _NOT_COUNTS:
                c.group, c.noun = "persons", (trig.start, trig.end)  # "42 killed and 80 injured"
                c.predicate = trig.value
                if out and out[-1].group:
                    c.group, c.elided = out[-1].group, True  # "27 members…, 19 killed by the regime"
            elif _after_label(doc, n) and not out and not earlier and ent not in _NOT_COUNTS:
                c.elided, c.group = True, "persons"  # a list under a lead-in with no total before it
                lead = _lead_in_noun(doc, marks, sent)
                if lead:
                    _apply_noun(c, lead, [])
                _read_label(doc, marks, c)
                if c.target and not (lead and c.group != "persons"):
                    c.group = None
            elif _refers(doc, marks, n) and not out and not earlier and ent not in _NOT_COUNTS and ent != "DATE":
                c.elided, c.group = True, "persons"  # "Russian forces killed 42, including…" with nothing before
            elif not _elidable(doc, n, out or (earlier[-1:] if _refers(doc, marks, n) else []), ent):
                continue
            else:
                c.elided = True
                source = _last_total(out, earlier) if (_refers(doc, marks, n) or not out) else out[-1]
                appositive = _appositive_noun(doc, marks, n)
                if appositive is not None:
                    source = appositive
                c.group, c.event, c.target = source.group, source.event, source.target
                _read_label(doc, marks, c)
                _target_after_verb(doc, marks, c, limit)
        if c.noun and looks_like_year(doc, n) and not c.group:
            continue
        if _rate_after(doc, marks, c) or _negated(doc, n):
            continue
        _restatement(doc, c, earlier)
        if n.is_article and not (_in_count_list(doc, marks, n, out) or _object_of_trigger(doc, marks, c)
                                 or _opens_list(doc, n, numbers, c)):
            continue  # "a massacre is an attack that…" defines, it does not count
        c.qualifier = _qualifier(doc, marks, c)
        out.append(c)
    return out


def _restatement(doc: Doc, c: Candidate, earlier: list[Candidate]) -> None:
    """``the 79 attacks``, ``The 707 deaths documented``: a total named again with "the"."""
    n = c.number
    if n.is_article or n.start == 0 or doc[n.start - 1].lower_ not in {"the", "these", "those", "all"}:
        return
    for e in reversed(earlier):
        if e.count == c.count and e.restates is None:
            c.restates = e
            c.group, c.event, c.target = e.group, e.event, e.target
            return


def _read_label(doc: Doc, marks: Marks, c: Candidate) -> None:
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
        c.location = places[0].value


def _target_after_verb(doc: Doc, marks: Marks, c: Candidate, limit: int) -> None:
    """``five struck places of worship``, ``222 on schools``: what the elided attacks hit."""
    k = c.number.end
    if k + 1 < limit and doc[k].lower_ == "of" and doc[k + 1].lower_ in {"them", "these", "those"}:
        k += 2
    if c.event in {"attacks", "attacks_on_vital_facilities"} and (t := _attack_on_target(doc, marks, k, limit)):
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


def _lead_in_noun(doc: Doc, marks: Marks, sent: Span) -> list[Mark]:
    """The counted noun of the sentence that introduces a list: "Media workers killed, by party:"."""
    for lead in reversed(sentences_before(doc, sent.start, 3)):
        if lead.text.rstrip().endswith(":"):
            found = [m for kind in ("group", "event", "target") for m in marks.within(kind, lead.start, lead.end)]
            return sorted(found, key=lambda m: m.start)[:1]
    return []


def _last_total(out: list[Candidate], earlier: list[Candidate]) -> Candidate:
    """What a label or partitive refers back to: the first count of its sentence, else of the last one."""
    if out:
        return out[0]
    last = earlier[-1].sent.start
    return next(e for e in earlier if e.sent.start == last)


def _appositive_noun(doc: Doc, marks: Marks, n: Number) -> Candidate | None:
    """``the largest number of these attacks, 212, followed by…``: a count set off after its noun."""
    if n.start < 2 or doc[n.start - 1].text != ",":
        return None
    k = n.start - 2
    for kind in ("event", "target", "group"):
        if (m := marks.ending(kind, k)) is not None and not any(t.like_num for t in doc[max(0, m.start - 3) : m.start]):
            probe = Candidate(number=n, sent=doc[n.start].sent, noun=None)
            _apply_noun(probe, [m], [])
            return probe
    return None


def _refers(doc: Doc, marks: Marks, n: Number) -> bool:
    """A noun-less count that can only mean the people or events counted before it."""
    if _partitive(doc, n) or _after_label(doc, n) or _appositive_noun(doc, marks, n) is not None:
        return True
    if n.start >= 2 and doc[n.start - 1].text == "," and doc[n.start - 2].lower_ in {"them", "these", "those"}:
        return True  # "the overwhelming majority of them, 1,003, died…"
    trig = marks.ending("trigger", n.start - 1) if n.start > 0 else None
    return trig is not None and trig.value not in {"attacks"} and doc[trig.start].pos_ == "VERB"


def _after_label(doc: Doc, n: Number) -> bool:
    return n.start > 0 and doc[n.start - 1].text == ":"


def _partitive(doc: Doc, n: Number) -> bool:
    """``387 of them``, ``69 of these attacks``: a part of something counted before."""
    return n.end + 1 < len(doc) and doc[n.end].lower_ == "of" and doc[n.end + 1].lower_ in {
        "them", "these", "those", "whom", "the"
    }


def _elidable(doc: Doc, n: Number, before: list[Candidate], ent: str) -> bool:
    """A noun-less number in a list after a counted one borrows its noun: ``six in Raqqa``."""
    if not before or ent in _NOT_COUNTS or ent == "DATE" or looks_like_year(doc, n):
        return False
    nxt = doc[n.end].lower_ if n.end < len(doc) else "."
    prev = doc[n.start - 1].lower_ if n.start > 0 else ""
    if nxt == "of":
        return _partitive(doc, n)
    if prev == ":":
        return True  # "Syrian regime forces: 327"
    verb_next = n.end < len(doc) and (doc[n.end].pos_ in {"VERB", "AUX"} or doc[n.end].tag_ in {"VBD", "VBZ", "VBP"})
    if (nxt not in _ELLIPSIS_NEXT and not verb_next) or prev in _ELLIPSIS_PREV_BLOCK:
        return False
    return not (nxt == "." and n.end + 1 < len(doc) and doc[n.end + 1].like_num)


def _in_count_list(doc: Doc, marks: Marks, n: Number, before: list[Candidate]) -> bool:
    """``…, 9 women, and a media activist``: an article counts only as an item of a list of counts."""
    if not before:
        return False
    gap = doc[before[-1].end : n.start]
    if len(gap) > 8:
        return False
    listy = all(t.is_punct or t.pos_ in {"CCONJ", "ADV"} or marks.at("cue:breakdown", t.i) for t in gap)
    return listy or any(marks.at("cue:breakdown", t.i) for t in gap)


def _object_of_trigger(doc: Doc, marks: Marks, c: Candidate) -> bool:
    """``Russian forces also killed a member of the Civil Defense``."""
    if c.noun is None:
        return False
    head = doc[c.noun[0]].head if doc[c.noun[0]].dep_ != "ROOT" else doc[c.noun[0]]
    for tok in (doc[c.noun[0]], doc[c.noun[1] - 1]):
        if tok.dep_ in {"dobj", "nsubjpass", "nsubj"} and (m := marks.at("trigger", tok.head.i)) is not None:
            return m.value != "attacks"  # "killed a member of…", "A child died under torture…"
    return head.dep_ == "dobj" and marks.at("trigger", head.head.i) is not None


def _opens_list(doc: Doc, n: Number, numbers: list[Number], c: Candidate) -> bool:
    """``A medical worker, a member of the Civil Defense and a media worker were…``."""
    later = [m for m in numbers if m.start > n.start]
    if not later or c.noun is None:
        return False
    gap = doc[c.noun[1] : later[0].start]
    return 0 < len(gap) <= 2 and all(t.text == "," or t.lower_ == "and" for t in gap)


def _negated(doc: Doc, n: Number) -> bool:
    """``never recorded one arrest``, ``not a single child``: a number under a negation."""
    if n.start > 0 and doc[n.start - 1].lower_ in {"no", "not", "never", "without"}:
        return True
    for depth, anc in enumerate(doc[n.start].ancestors):
        if depth > 3:
            break
        if any(child.dep_ == "neg" for child in anc.children):
            return True
    return False


def _rate_after(doc: Doc, marks: Marks, c: Candidate) -> bool:
    """``eight children a day`` is a rate, not a figure."""
    k = c.end
    if k < len(doc) and doc[k].lower_ in {"each", "every"} and k + 1 < len(doc) and doc[k + 1].lower_ in {
        "day", "week", "month", "hour", "year"
    }:
        return True
    for j in range(k, min(len(doc), k + 8)):
        if doc[j].is_punct or doc[j].like_num:
            break
        if _cue_after(marks, "rate", j) is not None:
            return True  # "five people die under torture every day"
    return False


def _qualifier(doc: Doc, marks: Marks, c: Candidate) -> str:
    before = _cue_before(marks, "qualifier", c.number.start)
    if before is not None:
        return before.value
    for k in (c.number.end, c.end):
        after = _cue_after(marks, "qualifier_after", k)
        if after is not None:
            return after.value
    return "exact"


def _inside(at: int, spans: list[tuple[int, int]]) -> bool:
    """Is ``at`` inside a quotation? A figure a speaker cites restates the report's own."""
    return any(a < at < b for a, b in spans)


def _other_source(doc: Doc, marks: Marks, n: Number) -> bool:
    """``According to UN estimates, nearly 950,000 people…``: another organisation's count, not the report's."""
    sent = doc[n.start].sent
    return any(m.start < n.start for m in marks.within("cue:other_source", sent.start, sent.end))


def find_all_candidates(doc: Doc, marks: Marks, lang: str, skip: set[int]) -> list[Candidate]:
    """Candidates of every sentence, in order; tokens in ``skip`` (tables) are left out."""
    numbers = sorted(find_numbers(doc, lang) + find_articles(doc, marks, lang), key=lambda n: n.start)
    quoted = [(a, b) for a, b in quotation_spans(doc.text) if len(doc.text[a:b].split()) > 6]
    numbers = [n for n in numbers if n.start not in skip and not _inside(doc[n.start].idx, quoted)]
    out: list[Candidate] = []
    by_sent: dict[int, list[Number]] = {}
    numbers = [n for n in numbers if not _other_source(doc, marks, n)]
    for n in numbers:
        by_sent.setdefault(doc[n.start].sent.start, []).append(n)
    for sent in doc.sents:
        if sent.start in by_sent:
            earlier = out[-12:]
            out.extend(find_candidates_in(doc, sent, marks, by_sent[sent.start], earlier))
    return out
