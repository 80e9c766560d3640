"""Statements worded: counted nouns, breakdowns, spans, whole sentences and headlines, from the phrasebook."""

from __future__ import annotations

import datetime as dt
import re

from generator.numbers_dates import day_count, format_number, period_phrase
from generator.phrasebook import CASES, Phrasebook
from generator.tallies import Statement
from tally.model import PEOPLE_METRICS, Figure, Period
from tally.places import place_name

#: Words a title-cased English headline leaves in lower case (unless first).
_SMALL = frozenset("a an and as at but by for from in into of on or per the to under with".split())


def join_list(pb: Phrasebook, items: list[str]) -> str:
    """``a, b and c`` (or the language's own joiners)."""
    if len(items) < 2:
        return "".join(items)
    return pb.say("list.sep").join(items[:-1]) + pb.say("list.last") + items[-1]


def counted(pb: Phrasebook, figure: Figure, digits: str, case: str = "") -> str:
    """``at least 56 civilians``, ``2 attacks on schools``: the count, its noun in the right plural form (and
    grammatical ``case``: Arabic ``مدنيان`` as a subject, ``مقتل مدنيين اثنين``, ``وثّقنا هجوماً واحداً``), and the
    qualifier the data gives it, which may govern its noun's case itself (``ما لا يقل عن {x_genitive}``)."""
    n = format_number(figure.count, pb.lang, digits)
    if figure.metric in PEOPLE_METRICS:
        key = f"noun.{figure.group}"
    else:
        bare = figure.metric == "attacks_on_vital_facilities" and figure.target is not None
        key = "noun.attacks" if bare else f"noun.{figure.metric}"
    target = pb.say(f"target.{figure.target}") if figure.target is not None else ""
    nouns = {c: pb.count(key, figure.count, c, n=n) + target for c in ("", *CASES)}
    return pb.say(f"qualifier.{figure.qualifier}", x=nouns[case], **{f"x_{c}": nouns[c] for c in CASES})


def _lists(pb: Phrasebook, statement: Statement, digits: str) -> dict[str, str]:
    """The breakdown as ``{list}`` (citation form) and ``{list_<case>}`` for the ``parts`` phrase."""
    lists = {c: join_list(pb, [counted(pb, part, digits, c) for part in statement.parts]) for c in ("", *CASES)}
    return {"list": lists[""], **{f"list_{c}": lists[c] for c in CASES}}


def what_phrase(pb: Phrasebook, statement: Statement, digits: str, case: str = "") -> str:
    """The head figure (in ``case``) with its breakdown: ``56 civilians, including 19 children and 6 women``."""
    head = counted(pb, statement.head, digits, case)
    return pb.say("parts", head=head, **_lists(pb, statement, digits)) if statement.parts else head


def what_values(pb: Phrasebook, statement: Statement, digits: str) -> dict[str, str]:
    """``{what}``, the figures in their citation form (a subject), ``{what_accusative}`` (an object) and
    ``{what_genitive}`` (after a noun or preposition); the same words in a language without cases. ``{head}``
    (``{head_genitive}``…) and ``{among}`` are the head figure and its breakdown apart, for a phrase that puts
    words between them (Arabic ``وفاة {head_genitive} بسبب التعذيب{among}``)."""
    values = {"what": what_phrase(pb, statement, digits), "head": counted(pb, statement.head, digits)}
    for case in CASES:
        values[f"what_{case}"] = what_phrase(pb, statement, digits, case)
        values[f"head_{case}"] = counted(pb, statement.head, digits, case)
    values["among"] = pb.say("parts", head="", **_lists(pb, statement, digits)) if statement.parts else ""
    return values


def place_and_period(pb: Phrasebook, location: str | None, period: Period | None, digits: str) -> str:
    """``in Idlib between 1 and 5 May 2019``: where and when, when they differ from the document's."""
    pieces = []
    if location:
        pieces.append(pb.say("place", place=place_name(location, pb.lang)))  # "في إدلب", not "في Idlib"
    if period is not None:
        pieces.append(period_phrase(period, pb, digits))
    return " ".join(piece for piece in pieces if piece)


def contract(pb: Phrasebook, text: str) -> str:
    """``text`` with the word pairs the language writes as one joined (``style.contractions``: ``a b>ab;…``):
    Arabic ``عن ما`` is ``عمّا`` ("إفراج … عمّا لا يقل عن 63 شخصاً")."""
    for rule in filter(None, pb.say("style.contractions").split(";")):
        words, joined = rule.split(">")
        text = re.sub(rf"(?<!\S){re.escape(words)}(?=\s)", joined, text)
    return text


def sentence_start(text: str) -> str:
    """The sentence with its first letter upper-cased (a no-op for scripts without case)."""
    return text[:1].upper() + text[1:]


def statement_sentence(pb: Phrasebook, statement: Statement, digits: str) -> str:
    """One sentence stating every figure of ``statement``: party, verb, count, breakdown, span."""
    span = place_and_period(pb, statement.location, statement.period, digits)
    values = {
        **what_values(pb, statement, digits),
        "close": pb.say("close") if statement.parts else "",
        "when": pb.say("when", x=span) if span else "",
        "after": pb.say("after", x=span) if span else "",
        "party": party_name(pb, statement.party),
    }
    if statement.party:  # a verb agrees with its party ("ISIS holds"); a total's with its count
        sentence = pb.form(f"say.{statement.metric}", pb.number_of(f"party.{statement.party}"), **values)
    else:
        sentence = pb.count(f"say.{statement.metric}.total", statement.head.count, **values)
    return sentence_start(contract(pb, sentence))


def party_name(pb: Phrasebook, party: str | None) -> str:
    """The party as prose names it; a total over all parties has none."""
    return pb.say(f"party.{party}") if party else ""


def table_party(pb: Phrasebook, party: str | None) -> str:
    """The party as a table row names it (``Total`` for all parties)."""
    return sentence_start(pb.say(f"party.{party}" if party else "party.total"))


def title_case(text: str) -> str:
    """English headline case: each word capitalised but the small ones; other words' case kept."""
    words = text.split(" ")
    out = []
    for i, word in enumerate(words):
        bare = re.sub(r"\W", "", word.lower())
        keep = (i > 0 and bare in _SMALL) or word.startswith("al-")
        out.append(word if keep else word[:1].upper() + word[1:])
    return " ".join(out)


def headline(pb: Phrasebook, statement: Statement | None, period: Period | None, digits: str) -> str:
    """The headline: the focal statement with its breakdown and the span of days it covers."""
    span = _span(pb, period, digits)
    if statement is None:
        text = pb.say("headline.none", span=span)
    else:
        values = {
            **what_values(pb, statement, digits),
            "close": pb.say("close") if statement.parts else "",
            "party": party_name(pb, statement.party),
            "span": span,
        }
        text = pb.say(f"headline.{statement.metric}" + ("" if statement.party else ".total"), **values)
    text = sentence_start(contract(pb, text))
    return title_case(text) if pb.say("style.title_case") == "yes" else text


def _span(pb: Phrasebook, period: Period | None, digits: str) -> str:
    """`` in 16 days`` for a run of days; `` in January 2020``/`` in 2019``/`` on 22 July 2019`` otherwise."""
    if period is None or period.start is None or period.end is None:
        return ""
    phrase = period_phrase(period, pb, digits)
    ranged = period.start != period.end and not _whole_month_or_year(period)
    days = day_count(period)
    if ranged and days is not None:
        return pb.count("span.days", days, n=format_number(days, pb.lang, digits))
    return pb.say("span.period", x=phrase)


def _whole_month_or_year(period: Period) -> bool:
    start, end = period.start, period.end
    assert start is not None and end is not None
    if start.day != 1:
        return False
    if (start.month, end.month, end.day) == (1, 12, 31) and start.year == end.year:
        return True
    return (start.year, start.month) == (end.year, end.month) and (end + dt.timedelta(days=1)).day == 1
