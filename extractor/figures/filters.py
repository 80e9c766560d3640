"""Numbers that are not counts, whatever noun follows: rates ("eight children a day"), thresholds ("five or
more"), negations, shares ("four in five"), dates, one instance told of several, another source's or a quoted
speaker's figure."""

from __future__ import annotations

from spacy.tokens import Doc

from extractor.arabic import normalize_ar
from extractor.figures.candidate import Candidate
from extractor.figures.numbers import Number, looks_like_year, month_names
from extractor.lexicon import Mark, Marks

EVERY = {"every", "each", "كل", "لكل"}
_THAT_ONE = {"الماضي", "المنصرم", "السابق", "ذاته", "نفسه", "الحالي", "الجاري", "الاول", "الاخير"}


def _cue_before(marks: Marks, kind: str, i: int) -> Mark | None:
    return marks.ending(f"cue:{kind}", i - 1) if i > 0 else None


def _cue_after(marks: Marks, kind: str, i: int) -> Mark | None:
    return marks.starting(f"cue:{kind}", i)


def excluded(doc: Doc, marks: Marks, n: Number) -> bool:
    """Percentages, ages, article numbers and the like are not figures."""
    if _cue_after(marks, "percent", n.end) or _cue_after(marks, "label_after", n.end):
        return True
    if _cue_after(marks, "vague", n.start):
        return True  # "آلاف الأشخاص", "thousands of people": no count was stated
    if any(marks.ending("cue:population", k) for k in range(max(0, n.start - 4), n.start)):
        return True  # "a city that was home to well over 100,000 people": how many live there
    if _cue_before(marks, "label_before", n.start) or _cue_before(marks, "age_before", n.start):
        return True
    if _cue_after(marks, "age_after", n.end) or (n.end < len(doc) and doc[n.end].text.startswith("-year")):
        return True
    return False


def is_share(doc: Doc, n: Number) -> bool:
    """``four in every five victims``, ``أربعة من كل خمسة``: a share, neither number a count."""
    after = [t.lower_ for t in doc[n.end : n.end + 3]]
    return bool(after) and after[0] in {"in", "of", "out", "من"} and bool(EVERY & set(after[1:]))


def date_number(doc: Doc, n: Number) -> bool:
    """A day of a month ("26 April", "April 26") or a year, by its neighbours, not by guesswork."""
    if looks_like_year(doc, n):
        return True
    months = month_names(doc.lang_)
    fold = (lambda t: normalize_ar(t.text).lstrip("و")) if doc.lang_ == "ar" else (lambda t: t.lower_.rstrip("."))
    near = [fold(doc[k]) for k in (n.start - 1, n.end) if 0 <= k < len(doc)]
    near += [doc[n.start - 2].lower_] if n.start >= 2 and doc[n.start - 1].text == "of" else []
    return any(w in months for w in near)


def one_of_them_told(doc: Doc, n: Number) -> bool:
    """Arabic "one of them" (أحدها، إحداهما) as the subject of a verb right before it tells of one instance."""
    if doc.lang_ != "ar" or n.end - n.start != 1 or n.start == 0:
        return False
    word = normalize_ar(doc[n.start].text)
    before = doc[n.start - 1]
    one_of = word.startswith(("احده", "احدا")) and len(word) > 4
    return one_of and not before.is_punct and before.norm_ not in {"بينهم", "بينها", "منهم", "منها", "و"}


def threshold(doc: Doc, marks: Marks, n: Number) -> bool:
    """``five or more``, ``خمسة أشخاص أو أكثر``: right after the number or after its noun."""
    for k in range(n.end, min(len(doc), n.end + 4)):
        if marks.starting("cue:threshold", k):
            return True
    return False


def negated(doc: Doc, n: Number) -> bool:
    """``never recorded one arrest``, ``not a single child``: a number under a negation."""
    if n.start > 0 and doc[n.start - 1].lower_ in {"no", "not", "never", "without"}:
        return True
    if not doc.has_annotation("DEP"):
        return False
    for depth, anc in enumerate(doc[n.start].ancestors):
        if depth > 3:
            break
        if any(child.dep_ == "neg" for child in anc.children):
            return True
    return False


def rate_after(doc: Doc, marks: Marks, c: Candidate) -> bool:
    """``eight children a day`` is a rate, not a figure."""
    k = c.end
    if k < len(doc) and doc[k].lower_ in {"each", "every"} and k + 1 < len(doc) and doc[k + 1].lower_ in {
        "day", "week", "month", "hour", "year"
    }:
        return True
    for j in range(k, min(len(doc), k + 8)):
        if doc[j].is_punct or doc[j].like_num:
            break
        if (rate := _cue_after(marks, "rate", j)) is not None:
            if rate.end < len(doc) and normalize_ar(doc[rate.end].text) in _THAT_ONE:
                return False  # "في الشهر الماضي": in last month, not each month
            if rate.end < len(doc) and normalize_ar(doc[rate.end].text).lstrip("و") in month_names(doc.lang_):
                return False  # "في شهر أيار": in the month of May, not each month
            return True  # "five people die under torture every day"
    return False


def self_quoted(doc: Doc, marks: Marks, at: int) -> bool:
    """``the network said: "the civilians killed … are 30 in Aleppo …"``: the report quoted, not a speaker."""
    span = doc.char_span(max(0, at - 200), at, alignment_mode="contract")
    if span is None:
        return False
    sent_start = doc[span.end - 1].sent.start if len(span) else span.start
    lo = max(span.start, sent_start)
    speaker = marks.within("cue:speaker_title", lo, span.end) or any(t.ent_type_ == "PERSON" for t in doc[lo : span.end])
    return bool(marks.within("cue:source_self", lo, span.end)) and not speaker


def inside(at: int, spans: list[tuple[int, int]]) -> bool:
    """Is ``at`` inside a quotation? A figure a speaker cites restates the report's own."""
    return any(a < at < b for a, b in spans)


def other_source(doc: Doc, marks: Marks, n: Number) -> bool:
    """``According to UN estimates, nearly 950,000 people…``: another organisation's count, not the report's."""
    sent = doc[n.start].sent
    return any(m.start < n.start for m in marks.within("cue:other_source", sent.start, sent.end))
