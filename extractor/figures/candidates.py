"""Numbers that count something: each number with its counted noun, qualifier and span."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from extractor.figures.candidate import Candidate
from extractor.figures.layout import layout_of
from extractor.figures.ellipsis import (
    NOT_COUNTS,
    counted_by_actor,
    among_frame,
    ranked_count,
    reached_count,
    after_label,
    appositive_noun,
    elidable,
    last_total,
    lead_in_noun,
    read_label,
    refers,
    restatement,
    target_after_verb,
)
from extractor.figures.filters import (
    EVERY,
    date_number,
    excluded,
    inside,
    is_share,
    negated,
    one_of_them_told,
    other_source,
    rate_after,
    self_quoted,
    threshold,
)
from extractor.lexicon import Mark, Marks
from extractor.figures.nouns import ATTACK_EVENTS, apply_noun, attack_on_target, counted_noun, of_them
from extractor.figures.numbers import (
    ONE_TWO_AFTER,
    Number,
    find_articles,
    find_noun_counts,
    find_numbers,
    looks_like_year,
    one_after_noun,
)
from extractor.arabic import normalize_ar, strip_marks
from extractor.quotation import quotation_spans
from tally.model import PEOPLE_METRICS


__all__ = ["Candidate", "find_all_candidates", "find_candidates_in"]


def _cue_before(marks: Marks, kind: str, i: int) -> Mark | None:
    return marks.ending(f"cue:{kind}", i - 1) if i > 0 else None


def _cue_after(marks: Marks, kind: str, i: int) -> Mark | None:
    return marks.starting(f"cue:{kind}", i)


def find_candidates_in(
    doc: Doc, sent: Span, marks: Marks, numbers: list[Number], earlier: list[Candidate]
) -> list[Candidate]:
    """Every number in ``sent`` that counts people or events, with its noun and qualifier."""
    out: list[Candidate] = []
    rate_at: int | None = None
    for n in numbers:
        if excluded(doc, marks, n) or (n.start > 0 and doc[n.start - 1].lower_ in EVERY) or is_share(doc, n):
            continue
        if any(o.start <= n.start < o.end for o in out):
            continue  # "of whom … one was a woman": the article is inside the count "one … a woman"
        if one_of_them_told(doc, n):
            continue  # "في ثلاث هجمات، أصابت إحداها حياً سكنياً": one of them described, not a part counted
        if threshold(doc, marks, n):
            continue  # "an attack that kills five or more people": a threshold, not a count
        if doc[n.start].lower_ == "one" and doc[n.end : n.end + 2].text.lower() in {"of the", "of which", "of whom"}:
            continue  # "one of the deadliest days"; "three attacks, one of which hit a school": one instance told
        limit = sent.end
        if n.kind == "other" and (one := _one_of_pair(doc, out)) is not None:
            c = Candidate(number=n, sent=sent, noun=None, elided=True)
            c.group, c.event, c.target = one.group, one.event, one.target
            c.qualifier = "exact"
            out.append(c)  # "مجزرتين، إحداهما في كفرزيتا … والثانية في اللطامنة": the second of the pair
            continue
        noun = counted_noun(doc, marks, n.end, limit) or of_them(doc, marks, n, limit)
        if noun is not None and doc.lang_ == "ar" and noun[1] < limit and strip_marks(doc[noun[1]].text) in ONE_TWO_AFTER:
            noun = (noun[0], noun[1] + 1, noun[2])  # "هجوماً واحداً على مدرسة": the number word is the noun's
        if noun is not None and doc.lang_ == "ar" and noun[1] + 1 < limit and doc[noun[1]].norm_ == "من" and all(
            m.kind == "group" and m.value in {"persons", "others"} for m in noun[2]
        ) and (group := marks.starting("group", noun[1] + 1)) is not None:
            noun = (noun[0], group.end, [group])  # "47 شخصاً من الكوادر الطبية": people of the medical staff
        before = earlier + out
        c = Candidate(number=n, sent=sent, noun=(noun[0], noun[1]) if noun else None)
        if noun:
            apply_noun(c, noun[2], before)
            if c.event == "attacks" and (t := attack_on_target(doc, marks, noun[1], limit)) is not None:
                c.event, c.target, c.noun = "attacks_on_vital_facilities", t.value or None, (noun[0], t.end)
            elif c.event in ATTACK_EVENTS and (t := attack_on_target(doc, marks, noun[1], limit)):
                c.target = t.value or None  # "9 incendiary attacks on residential areas"
        else:
            if n.is_article:
                continue
            k = n.end
            while k < limit and k < n.end + 3 and doc[k].pos_ in {"AUX", "ADV", "PART"} and not marks.at("trigger", k):
                k += 1  # "98,279 are still forcibly disappeared", "19 were killed"
            trig = marks.starting("trigger", k)
            ner = doc[n.start].ent_type_
            ent = "DATE" if date_number(doc, n) else ("" if ner == "DATE" else ner)
            countable = ent not in NOT_COUNTS and ent != "DATE"
            if _times_used(doc, marks, n, sent):
                c.event, c.noun = "attacks", (n.end, n.end + 1)  # "used incendiary weapons 40 times"
            elif trig is not None and trig.value not in {"attacks", "detained"} and ent not in NOT_COUNTS and ent != "DATE":
                c.group, c.noun = "persons", (trig.start, trig.end)  # "42 killed and 80 injured"
                c.predicate = trig.value
                source = last_total(out, earlier) if out and refers(doc, marks, n) else (out[-1] if out else None)
                if source is not None and source.group:
                    c.group, c.elided = source.group, True  # "27 members…, 19 killed by the regime"; "…, of whom 88 died"
            elif (told := _of_those_who(doc, marks, n, limit)) is not None:
                c.elided, c.group, c.predicate = True, "persons", told.value  # "412 ممن اعتُقلوا … تحولوا إلى مختفين"
            elif (verb := _verb_before(doc, marks, n)) is not None:
                c.elided, c.predicate = True, verb.value  # "قضى 92 في محافظة إدلب": verb first, no noun
                source = last_total(out, earlier) if (out or earlier) else None
                c.group = source.group if source is not None and source.group else "persons"
            elif after_label(doc, n, marks) and not out and ent not in NOT_COUNTS and (not earlier or (
                    lead_in_noun(doc, marks, sent, n.start)  # "…التالي: دير الزور 400": a label its lead-in explains
                    and not elidable(doc, n, earlier[-1:] if refers(doc, marks, n) else [], ent, marks))):
                c.elided, c.group = True, "persons"  # a list under a lead-in with no total before it
                lead = lead_in_noun(doc, marks, sent, n.start)
                if lead:
                    apply_noun(c, lead, [])
                read_label(doc, marks, c)
                if c.target and not (lead and c.group != "persons"):
                    c.group = None
                elif earlier:
                    _borrow_group(c, last_total(out, earlier), c.event)  # "the toll by governorate:" after a toll
            elif (counted := reached_count(doc, marks, n)) is not None:
                c.elided = True  # "the number of civilians killed reached 3,364"
                said = [m for m in counted if m.kind == "trigger"]
                if said:
                    c.predicate = said[0].value  # "the death toll due to torture reached 1,057"
                apply_noun(c, counted, out)
                c.group = c.group or ("persons" if c.event in {"killed", "arrested"} else None)
            elif not out and countable and (ranked := ranked_count(doc, marks, n)) is not None:
                c.elided = True  # "Idlib came first in the death toll with 63": the ranking's noun is in its lead
                source = last_total(out, earlier) if earlier else None
                if ranked and ranked[0].kind == "trigger":
                    c.group, c.predicate = "persons", ranked[0].value
                    _borrow_group(c, source, ranked[0].value)
                elif ranked:
                    apply_noun(c, ranked, earlier)
                    _borrow_group(c, source, c.event)  # "the death toll" ranks the civilians counted before
                elif source is not None:
                    c.group, c.event, c.target = source.group, source.event, source.target
                else:
                    c.group = "persons"
            elif not out and countable and (frame := among_frame(doc, marks, sent.start, n.start)):
                c.elided = True  # "ومن بين الاعتداءات التي نفذتها القوات الروسية 11 استهدفت مدارس": the frame's noun
                if frame[0].kind == "trigger":
                    c.group, c.predicate = "persons", frame[0].value
                else:
                    apply_noun(c, frame, earlier)
                target_after_verb(doc, marks, c, limit)
            elif (refers(doc, marks, n) and not out and not earlier or counted_by_actor(doc, marks, n)) and (
                ent not in NOT_COUNTS and ent != "DATE" and not looks_like_year(doc, n)
            ):
                c.elided, c.group = True, "persons"  # "Russian forces killed 42, including…" with nothing before
                if out or earlier:
                    source = last_total(out, earlier)
                    c.group, c.event, c.target = source.group, source.event, source.target
            elif not elidable(doc, n, out or (earlier[-1:] if refers(doc, marks, n) else []), ent, marks):
                continue
            else:
                c.elided = True
                source = last_total(out, earlier) if (refers(doc, marks, n) or not out) else out[-1]
                if out and source is out[-1] and _broken_down(marks, n):
                    source = out[0]  # "…, including two women, and 29, including one child": a total again, not a part
                people = _of_people(doc, n)  # "منهم": people; "171 حالة اعتقال … 138 منهم" are persons
                if people and source.group is None and source.event not in PEOPLE_METRICS:
                    source = next((o for o in reversed(earlier + out) if o.group), source)  # "8000 شخص، 3000 منهم"
                appositive = appositive_noun(doc, marks, n)
                if appositive is not None:
                    source = appositive
                c.parallel = _gapped(doc, marks, n, out)
                source = c.parallel or source
                c.group, c.event, c.target = source.group, source.event, source.target
                if people and c.group is None:
                    c.group = "persons"
                read_label(doc, marks, c)
                target_after_verb(doc, marks, c, limit)
        if c.noun and looks_like_year(doc, n) and not c.group:
            continue
        if rate_after(doc, marks, c) or negated(doc, n):
            rate_at = n.start
            continue
        if c.elided and rate_at is not None and not [o for o in out if o.start > rate_at]:
            continue  # "about 12 civilians a day, eight of them in Idlib": a share of the rate
        restatement(doc, c, earlier)
        if n.is_article and not (_in_count_list(doc, marks, n, out) or _object_of_trigger(doc, marks, c)
                                 or _opens_list(doc, n, numbers, c) or _among(doc, marks, sent, n)
                                 or marks.starting("cue:each", c.end) is not None):  # "مجزرة في كل منهما"
            continue  # "a massacre is an attack that…" defines, it does not count
        c.qualifier = _qualifier(doc, marks, c)
        out.append(c)
    return out


def _borrow_group(c: Candidate, source: Candidate | None, event: str | None) -> None:
    """People a lead-in names only as people ("the death toll", "the victims") are the group of the total of that
    event counted before it (the civilians of "the killing of 150 civilians")."""
    if c.group in {None, "persons"} and source is not None and source.group and source.event in {None, event}:
        c.group = source.group


_TIMES = {"times", "مرة", "مرات"}


def _times_used(doc: Doc, marks: Marks, n: Number, sent: Span) -> bool:
    """"Russian forces used incendiary weapons 40 times", "استخدمت الذخائر الحارقة نحو 40 مرة": a count of times a
    weapon named before it in the sentence was used is a count of attacks with it."""
    nxt = doc[n.end] if n.end < sent.end else None
    if nxt is None or normalize_ar(nxt.text) not in _TIMES and nxt.lower_ not in _TIMES:
        return False
    return bool(marks.within("weapon", max(sent.start, n.start - 8), n.start))


def _gapped(doc: Doc, marks: Marks, n: Number, out: list[Candidate]) -> Candidate | None:
    """A verb left out between a party and its count: "Syrian regime forces are responsible for 96,103 of them…;
    ISIS for 8,684" — the count after "party + preposition" stands where the first count after that preposition
    stood, and counts what it counts."""
    if n.start < 2 or doc[n.start - 1].lower_ not in {"for", "to", "with"} or marks.ending("actor", n.start - 2) is None:
        return None
    word = doc[n.start - 1].lower_
    return next((o for o in out if o.number.start > 0 and doc[o.number.start - 1].lower_ == word), None)


def _broken_down(marks: Marks, n: Number) -> bool:
    """Is the count followed by its own breakdown ("29, including one child")?"""
    return any(marks.starting("cue:breakdown", k) is not None for k in (n.end, n.end + 1))


def _of_people(doc: Doc, n: Number) -> bool:
    """Arabic "منهم", "منهن" (of them, people) refer back to people, not to massacres or attacks ("منها")."""
    return doc.lang_ == "ar" and n.end < len(doc) and normalize_ar(doc[n.end].text) in {"منهم", "منهن"}


def _one_of_pair(doc: Doc, out: list[Candidate]) -> Candidate | None:
    """The count "one of them" (أحدهما، إحداهما) that "the other" pairs with, in the same sentence."""
    for c in reversed(out):
        first = doc[c.number.start]
        if c.number.end - c.number.start == 1 and (normalize_ar(first.text).startswith("احد") or first.lower_ == "one"):
            return c
    return None


def _among(doc: Doc, marks: Marks, sent: Span, n: Number) -> bool:
    """"وكان من بين من قتلتهم قوات النظام ممرض، وعنصر…": Arabic singulars listed after "among";
    and what an act caused: "وتسبب بمجزرة" (it caused a massacre)."""
    if doc.lang_ != "ar":
        return False
    if n.start > 0 and marks.ending("cue:consequence", n.start - 1) is not None:
        return True
    cues = marks.within("cue:breakdown", sent.start, n.start)  # not "بينهم": that one hangs on a count before it
    return any(not normalize_ar(doc[m.end - 1].text).endswith(("هم", "ها", "هما")) for m in cues)


def _of_those_who(doc: Doc, marks: Marks, n: Number, limit: int) -> Mark | None:
    """Arabic "N ممن …" (N of those who …): the verb of the main clause, the last one in the sentence, says what."""
    if doc.lang_ != "ar" or n.end >= limit or normalize_ar(doc[n.end].text) != "ممن":
        return None
    said = [m for m in marks.within("trigger", n.end, limit) if m.value not in {"attacks"}]
    return said[-1] if said else None


def _verb_before(doc: Doc, marks: Marks, n: Number) -> Mark | None:
    """Arabic states the event first: "قضى 92 في إدلب", "قُتل 12 في حلب" (a people verb right before)."""
    if doc.lang_ != "ar" or n.start == 0:
        return None
    verb = marks.ending("trigger", n.start - 1)
    if verb is None or verb.value not in {"killed", "died_under_torture", "injured", "arrested"}:
        return None
    return verb if marks.at("cue:act", verb.start) or verb.end - verb.start == 1 else None


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
    if c.noun[0] > 0 and (m := marks.ending("trigger", c.noun[0] - 1)) is not None and m.value != "attacks":
        return True  # "مقتل طفل", "killing a child": the noun right after the verb or noun of the event
    if doc.lang_ == "ar" and c.noun[0] > 0 and (actor := marks.ending("actor", c.noun[0] - 1)) is not None:
        if any(marks.at("cue:act", k) for k in range(max(0, actor.start - 2), actor.start)):
            return True  # "ارتكبت القوات الروسية مجزرة": verb, party, then the one thing done
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


def _qualifier(doc: Doc, marks: Marks, c: Candidate) -> str:
    before = _cue_before(marks, "qualifier", c.number.start)
    if before is None and doc.lang_ == "ar" and c.number.start > 0 and doc[c.number.start - 1].norm_ in {"فرد", "عنصر"}:
        before = _cue_before(marks, "qualifier", c.number.start - 1)  # "ما يصل إلى فرد واحد من الكوادر الطبية"
    if before is not None:
        return before.value
    for k in (c.number.end, c.end):
        after = _cue_after(marks, "qualifier_after", k)
        if after is not None and not (after.end < len(doc) and doc[after.end].lower_ in {"than", "من"}):
            return after.value  # "173 women at least", but not "120 women and more than 1,480 …"
    return "exact"


def find_all_candidates(doc: Doc, marks: Marks, lang: str, skip: set[int]) -> list[Candidate]:
    """Candidates of every sentence, in order; tokens in ``skip`` (tables) are left out."""
    nouns = find_noun_counts(doc, marks, lang) if lang == "ar" else []
    written = [n for n in find_numbers(doc, lang) if not one_after_noun(doc, marks, n, lang)]
    numbers = sorted(written + find_articles(doc, marks, lang) + nouns, key=lambda n: n.start)
    quoted = [(a, b) for a, b in quotation_spans(doc.text) if len(doc.text[a:b].split()) > 6 and not self_quoted(doc, marks, a)]
    numbers = [n for n in numbers if n.start not in skip and not inside(doc[n.start].idx, quoted)]
    out: list[Candidate] = []
    by_sent: dict[int, list[Number]] = {}
    numbers = [n for n in numbers if not other_source(doc, marks, n)]
    for n in numbers:
        by_sent.setdefault(doc[n.start].sent.start, []).append(n)
    for sent in layout_of(doc).sents:
        if sent.start in by_sent:
            earlier = out[-12:]
            out.extend(find_candidates_in(doc, sent, marks, by_sent[sent.start], earlier))
    return out
