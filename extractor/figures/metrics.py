"""What a candidate counts: the metric of each count, its total's unless its own words differ."""

from __future__ import annotations

from spacy.tokens import Doc

from extractor.arabic import normalize_ar
from extractor.figures.breakdowns import ATTACKS, is_list_gap
from extractor.figures.candidates import Candidate
from extractor.figures.layout import Layout, layout_of
from extractor.lexicon import Marks
from tally.model import PEOPLE_METRICS

_PART_WORDS_AR = {"منهم", "منها", "منهن", "منهما", "الي", "ممن"}
#: (own, head): a part's own word that is a general form of its total's metric
_GENERAL_FORMS = {("killed", "died_under_torture"), ("forcibly_disappeared", "still_disappeared"), ("arrested", "detained")}


def _segment(cands: list[Candidate], j: int) -> tuple[int, int]:
    c = cands[j]
    left = cands[j - 1].end if j > 0 and cands[j - 1].sent.start == c.sent.start else c.sent.start
    right = cands[j + 1].start if j + 1 < len(cands) and cands[j + 1].sent.start == c.sent.start else c.sent.end
    return left, right


def _people_trigger(marks: Marks, i: int) -> tuple[str, int] | None:
    mark = marks.at("trigger", i)
    if mark is None or mark.value == "attacks":
        return None
    return mark.value, mark.start


def _tree_trigger(doc: Doc, marks: Marks, c: Candidate) -> tuple[str, int] | None:
    """A trigger that governs the number (its ancestors) or modifies its noun (acl, relcl)."""
    if not doc.has_annotation("DEP"):
        return None  # no parser (Arabic): the linear rules decide
    own = range(c.number.start, c.end)
    partitive = c.number.end < len(doc) and doc[c.number.end].lower_ == "of"
    head_tok = doc[c.noun[1] - 1] if c.noun else doc[c.number.end - 1]
    modifiers = [ch for ch in head_tok.children if ch.dep_ in {"acl", "relcl"} and ch.i >= c.number.end]
    if not partitive:  # "11 who died due to torture": the count's own clause comes first
        for child in modifiers:
            for tok in child.subtree:
                mark = marks.at("trigger", tok.i)
                if mark is not None and not mark.extra and (t := _people_trigger(marks, tok.i)) is not None:
                    return t
    for anc in doc[c.number.start].ancestors:
        if anc.i not in own and (t := _people_trigger(marks, anc.i)) is not None:
            return t
    for child in modifiers if partitive else []:  # "412 of the people arrested … had been disappeared"
        for tok in child.subtree:
            if (t := _people_trigger(marks, tok.i)) is not None:
                return t
    return None


def _after_parts(doc: Doc, marks: Marks, cands: list[Candidate], c: Candidate) -> tuple[str, int] | None:
    """Arabic "لا يزال 128,417 شخصاً بينهم 3,407 أطفال و7,613 سيدة قيد الاعتقال": the word for what happened
    comes after the total's parts."""
    parts = [o for o in cands if o.head is c and o.sent.start == c.sent.start and not o.elided]  # not "204 منهم"
    if doc.lang_ != "ar" or not parts:
        return None
    last = max(o.end for o in parts)
    if last < c.sent.end and doc[last].text in {"،", ","}:
        last += 1  # "3471 مدنياً، بينهم 1053 طفلاً و372 سيدة، قتلوا بانفجار ألغام": the parts set off by commas
    for k in range(last, min(_clause_end(doc, last, c.sent.end), last + 4)):
        if (t := _people_trigger(marks, k)) is not None:
            return t
    return None


def _nearest_trigger(marks: Marks, c: Candidate, start: int, end: int) -> tuple[str, int] | None:
    best: tuple[int, tuple[str, int]] | None = None
    verb_first = c.sent.doc.lang_ == "ar"  # Arabic states the event before its count: "أفرج النظام عن 63 معتقلاً"
    for k in range(start, end):
        if c.number.start <= k < c.end:
            continue
        if (t := _people_trigger(marks, k)) is not None:
            if verb_first and k >= c.end and k > c.sent.start and c.sent.doc[k].text.startswith("و") and \
                    c.sent.doc[k].norm_ != c.sent.doc[k].text and any(tok.like_num for tok in c.sent.doc[k : c.sent.end]):
                continue  # "قتل القصف 10 مدنيين وأصاب 25": a verb joined by "و" opens the next count's clause
            after = k - c.end + 1
            if verb_first and k >= c.end:  # "تحول 138 منهم إلى مختفين قسرياً": "of them" and "into" are the count's
                after -= sum(1 for t2 in c.sent.doc[c.end : k] if normalize_ar(t2.text) in _PART_WORDS_AR)
            dist = c.number.start - k if k < c.number.start else after + (100 if verb_first and after > 2 else 0)
            if best is None or dist < best[0]:
                best = (dist, t)
    return best[1] if best else None


def _weapon_near(doc: Doc, marks: Marks, c: Candidate, left: int, right: int) -> str | None:
    """The weapon an attack was made with: in its clause before it, or "with / using X" after it."""
    joined = doc.lang_ == "ar"  # Arabic joins the preposition to the weapon: "بالأسلحة الكيميائية"
    if joined or (c.end < len(doc) and doc[c.end].lower_ in {"with", "using", "involving", "of"}):
        for k in range(c.end if joined else c.end + 1, min(right, c.end + 4)):
            if doc[k].is_punct:
                break  # "في 28 هجوماً، والأسلحة الحارقة في 24": the next weapon is the next count's
            if (m := marks.at("weapon", k)) is not None:
                return m.value
    for k in range(c.number.start - 1, left - 1, -1):
        if doc[k].text in {";", ".", ":"} or doc[k].lower_ in {"while", "whereas", "and"} and doc[k - 1].text == ",":
            break
        if (m := marks.at("weapon", k)) is not None:
            return m.value
    return None


def _is_stock(doc: Doc, marks: Marks, trigger_at: int) -> bool:
    reach = 12 if doc.lang_ == "ar" else 3  # "لا يزال ما لا يقل عن 98,279 شخصاً مختفين قسرياً"
    start = max(doc[trigger_at].sent.start, trigger_at - reach)
    return any(marks.at("cue:stock", k) for k in range(start, trigger_at))


def _attack_nearby(marks: Marks, start: int, end: int) -> bool:
    return any((m := marks.at("trigger", k)) is not None and m.value == "attacks" for k in range(start, end))


def _own_metric(doc: Doc, marks: Marks, cands: list[Candidate], j: int) -> tuple[str | None, bool]:
    """The metric a candidate's own words give, and whether it is strong (not sentence-wide)."""
    c = cands[j]
    left, right = _segment(cands, j)
    if c.predicate == "killed" and _torture_near(marks, left, _clause_end(doc, c.end, right)):
        return "died_under_torture", True  # "Among the victims of torture were 14,235 killed by the regime"
    if c.predicate is not None:
        return c.predicate, True  # "98,279 are still forcibly disappeared": the number's own predicate
    if c.event == "facility" or (c.target and not c.event):
        near = _attack_nearby(marks, left, right) or _attack_nearby(marks, c.sent.start, c.sent.end)
        return ("attacks_on_vital_facilities", True) if near else (None, False)
    if c.event == "attacks" and (w := _weapon_near(doc, marks, c, left, right)) is not None:
        return w, True  # "used cluster munitions in at least 28 attacks"
    if c.event and c.event not in PEOPLE_METRICS:
        return c.event, True
    right_limit = _clause_end(doc, c.end, right)
    if doc.lang_ == "ar":  # Arabic mostly states the event first; after the count only close by
        right_limit = min(right_limit, c.end + 4)
    found = _tree_trigger(doc, marks, c) or _nearest_trigger(marks, c, left, right_limit) or _after_parts(doc, marks, cands, c)
    strong = found is not None
    if found is None:  # the sentence's nearest word for the event (Arabic: only one stated before the count)
        found = _nearest_trigger(marks, c, c.sent.start, c.end if doc.lang_ == "ar" else c.sent.end)
    if found is None:
        return (c.event, True) if c.event else (None, False)
    metric, at = found
    trig = marks.at("trigger", at)
    c.generic = trig is not None and bool(trig.extra)
    if c.event in {"killed", "arrested", "forcibly_disappeared", "died_under_torture"} and metric != c.event and not (
        c.elided and doc.lang_ == "ar"  # "تحول 138 منهم إلى مختفين قسرياً": a part with its own verb
    ):
        if not (c.event == "killed" and metric == "died_under_torture"):
            metric = c.event if not _is_stock(doc, marks, at) else metric
    if metric in {"arrested", "forcibly_disappeared"} and _is_stock(doc, marks, at):
        metric = "detained" if metric == "arrested" else "still_disappeared"
    if metric == "killed" and _torture_near(marks, left, _clause_end(doc, c.end, right)):
        metric = "died_under_torture"
    return metric, strong


def _attacks_told(cands: list[Candidate], j: int, layout: Layout) -> str | None:
    """The kind of attack the text is counting: the specific attack metric of the counts in this sentence or the
    two before it, when they agree ("attacks on vital facilities", "cluster munition attacks")."""
    here = layout.sentence_index(cands[j].sent)
    kinds = {o.metric for o in cands[:j] if o.metric in ATTACKS and o.metric != "attacks"
             and here - layout.sentence_index(o.sent) <= 2}
    return kinds.pop() if len(kinds) == 1 else None


def _clause_end(doc: Doc, start: int, end: int) -> int:
    """Where the clause after a number ends: at a comma, a relative pronoun or a list cue."""
    for k in range(start, end):
        if doc[k].lower_ in {",", ";", "who", "which", "that", "including", "while", "whereas", "among", "،", "؛"}:
            return k
    return end


def _torture_near(marks: Marks, start: int, end: int) -> bool:
    return any((m := marks.at("trigger", k)) is not None and m.value == "died_under_torture" for k in range(start, end))


def resolve_metrics(
    doc: Doc,
    marks: Marks,
    cands: list[Candidate],
    title_metric: str | None,
    context: dict[int, str | None],
    title_event: str | None = None,
) -> None:
    """Decide each candidate's metric; parts follow their total unless their own words differ."""
    last: tuple[int, str] | None = None  # (sentence start, metric) of the last total
    layout = layout_of(doc)
    sent_starts = {s.start: n for n, s in enumerate(layout.sents)}
    topics: dict[int, str | None] = {}  # paragraph -> metric of its first total
    for j, c in enumerate(cands):
        if c.restates is not None:
            c.metric = c.restates.metric
            continue
        own, strong = _own_metric(doc, marks, cands, j)
        if own == "attacks" and (c.head is None or c.head.metric == "attacks") and title_event in ATTACKS:
            own = title_event  # "Idlib recorded 51 attacks" in a report on attacks on vital facilities
        prev = cands[j - 1] if j > 0 and cands[j - 1].sent.start == c.sent.start else None
        if own == "attacks" and c.head is None and prev is not None and prev.metric in ATTACKS:
            if is_list_gap(doc, prev.end, c.start):
                own = prev.metric  # "…, 20 attacks on schools, and one attack on a bakery"
        if own == "attacks" and c.head is None and not c.target:
            told = _attacks_told(cands, j, layout)  # "… 33 of these attacks …, while Turkish forces carried out 4"
            own = told or own
        here = sent_starts.get(c.sent.start, 0)
        if c.head is not None and c.head.metric:
            hm = c.head.metric
            general = (own, hm) in _GENERAL_FORMS or (own == "attacks" and hm in ATTACKS)
            c.metric = own if (strong and own and own != hm and not general) else hm
        else:
            recent = last[1] if last and here - last[0] <= 1 and c.group not in {None, "persons"} else None
            if recent and own and not strong:
                own = recent  # "The number is lower than the 426 civilians…": the count just discussed
            c.metric = own or recent or (context.get(c.sent.start) if c.group else None) or (title_metric if c.group else None)
        if c.metric is None:
            c.reason = "no verb or noun says what happened to them"
        elif c.metric in PEOPLE_METRICS and c.group is None:
            c.group = "persons"
        para = layout.block_index(c.sent.start_char)
        if c.head is None and para not in topics:
            topics[para] = c.metric
        if c.metric == "killed" and topics.get(para) == "died_under_torture":
            c.metric = "died_under_torture"  # a paragraph about deaths under torture
        if c.metric == "killed" and c.generic and title_metric == "died_under_torture":
            c.metric = "died_under_torture"  # "victims" in a report on deaths under torture
        if c.metric in PEOPLE_METRICS and c.head is None:
            last = (here, c.metric)
