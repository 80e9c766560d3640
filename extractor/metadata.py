"""A document's title, publisher and publication date, from the reader's hints or the text itself."""

from __future__ import annotations

import datetime as dt
import functools
import logging
import re
from collections import Counter

from spacy.tokens import Doc, Span, Token

from extractor.dates import DateMention, find_dates, parse_date, parse_iso
from extractor.entities import entity_spans
from extractor.forms import cue_words, key, normalized_offsets, token_form
from extractor.text import Text
from extractor.vocab import rows_for

log = logging.getLogger(__name__)

#: How far into the text a title or a dateline may stand.
TOP_CHARS = 2500
TOP_LINES = 15
MAX_TITLE_WORDS = 30
_FURNITURE = re.compile(r"\S+@\S+|\[email[^\]]*\]|https?://\S+|www\.\S+", re.IGNORECASE)
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_ABBREVIATED = re.compile(r"((?:[A-Z][\w'’-]*\s+(?:(?:for|of|the|and|on|in)\s+)*){1,8})\(([A-Z]{2,8})\)")
#: What separates a byline's organisation from its date: "SNHR — 18 November 2019".
_BYLINE_MARKS = " \t-–—|·,،*_"
_QUOTES = "“”«»\"'()"


@functools.lru_cache(maxsize=16)
def _cues(lang: str, kind: str) -> tuple[str, ...]:
    texts = {key(row["text"]) for row in rows_for("cues", lang) if row["kind"] == kind}
    return tuple(sorted(texts, key=len, reverse=True))


def _words(text: str) -> str:
    return " ".join(text.split())


def _top_lines(text: str) -> list[str]:
    lines = [_words(line) for line in text[:TOP_CHARS].split("\n")]
    return [line for line in lines if line][:TOP_LINES]


def find_title(text: Text, doc: Doc) -> str | None:
    """The reader's title, else the first heading-like line at the top of the text."""
    if text.title and text.title.strip():
        return _words(text.title)
    for line in _top_lines(text.text):
        # Flattened PDF pages run the title into the dateline and contact details: cut there.
        cuts = [m.start() for m in _FURNITURE.finditer(line)]
        cuts += [d.start for d in find_dates(line, doc.lang_) if _stands_apart(line, d, doc.lang_)]
        head = line[: min(cuts)] if cuts else line
        head = head.strip(" -|,;·")
        if len(head.split()) < 2 or head.isdigit() or _dated(head, doc.lang_) is not None:
            continue
        if len(head.split()) <= MAX_TITLE_WORDS and head[-1] not in ".,;:،؛" and not head[0].islower():
            return head
        return None  # the text opens with body prose: no title to take
    return None


def _dated(line: str, lang: str) -> dt.date | None:
    """The date of a dateline: a line that is a date, a date with its weekday, or "Published on <date>"."""
    cues = {word for cue in _cues(lang, "dateline") for word in cue.split()}
    allowed = cues | set(_cues(lang, "dateline_filler"))
    for mention in find_dates(line, lang):
        day = mention.date()
        if day is None:
            continue
        before = [key(word) for word in re.findall(r"\w+", line[: mention.start])]
        after = [key(word) for word in re.findall(r"\w+", line[mention.end :])]
        announced = bool(cues.intersection(before)) and all(word in allowed for word in before)
        bylined = _is_publisher(line[: mention.start], lang) and all(word in allowed for word in after)
        if announced or bylined or all(word in allowed for word in before + after) or _stands_apart(line, mention, lang):
            return day
    return None


def _stands_apart(line: str, mention: DateMention, lang: str) -> bool:
    """A date with its weekday that no sentence leads into: after a heading word or a byline, not "on" or "since"."""
    previous = re.findall(r"[\w)]+", line[: mention.start])
    heading = not previous or previous[-1][:1].isupper() or _is_publisher(line[: mention.start], lang)
    return mention.weekday and heading


def _is_publisher(text: str, lang: str) -> bool:
    """True when ``text`` is only an organisation's name, as in a byline: "SNHR — "."""
    return key(text.strip(_BYLINE_MARKS + _QUOTES)) in _publisher_names(lang)


def find_published(text: Text, doc: Doc) -> dt.date | None:
    """The reader's publication date, else a dateline near the top ("18 November 2019"); never a guess."""
    lang = doc.lang_
    if text.published:
        hinted = parse_iso(text.published)
        mention = None if hinted else parse_date(text.published, lang)
        hinted = hinted or (mention.date() if mention else None)
        if hinted is not None:
            return hinted
        log.info("publication date %r from the reader is not a day; looking in the text", text.published)
    for line in _top_lines(text.text):
        day = _dated(line, lang)
        if day is not None:
            return day
    return None


@functools.lru_cache(maxsize=8)
def _publisher_names(lang: str) -> dict[str, str]:
    return {key(row["alias"]): row["name"] for row in rows_for("publishers", lang)}


@functools.lru_cache(maxsize=8)
def _actor_ids(lang: str) -> frozenset[str]:
    return frozenset(row["id"] for row in rows_for("actors", lang))


def _normalised(name: str, doc: Doc) -> str:
    """A publisher's display name: the known name, or the full form the text gives an abbreviation."""
    name = re.sub(r"^(the|The)\s+", "", _words(name).strip(" .,:;©" + _QUOTES))
    known = _publisher_names(doc.lang_)
    if key(name) in known:
        return known[key(name)]
    for match in _ABBREVIATED.finditer(doc.text):
        if match.group(2) == name:
            return _normalised(match.group(1), doc)
    return name


def _issuer_line(doc: Doc) -> str | None:
    """An organisation named by a signature line: "Issued by …", "© 2019 …"."""
    cues = _cues(doc.lang_, "issuer_line")
    ends = "|".join(rf"(?<!\w){re.escape(cue)}(?!\w)" for cue in _cues(doc.lang_, "rights_reserved"))
    for line in doc.text.split("\n"):
        line = _words(line)
        normalized, offsets = normalized_offsets(line)
        for cue in cues:
            if normalized.startswith(cue) and len(normalized) > len(cue):
                rest = line[offsets[len(cue)] :]
                org = re.split(rf"[.|]|{ends}" if ends else r"[.|]", rest, flags=re.IGNORECASE)[0]
                org = re.sub(r"\b(?:19|20)\d\d\b|©", "", org).strip(" :,-")
                if 0 < len(org.split()) <= MAX_TITLE_WORDS // 3:
                    return org
    return None


def _issues(span: Span, verbs: tuple[str, ...]) -> bool:
    """True where the organisation is the subject of documenting: "SNHR documented", "was recorded by SNHR".

    Without a parse (Arabic) the verb must stand next to the name: "وثّقت الشبكة …", "الشبكة … تؤكد".
    """
    doc = span.doc
    if not doc.has_annotation("DEP"):
        forms = cue_words(doc.lang_, "issuer_verb")
        return any(token_form(token) in forms for token in _neighbours(span))
    root = span.root
    if root.dep_ in _SUBJECT_DEPS:
        return root.head.lemma_.lower() in verbs
    if root.dep_ == "pobj" and root.head.dep_ == "agent":
        return root.head.head.lemma_.lower() in verbs
    return False


def _neighbours(span: Span) -> list[Token]:
    """The words just before and just after a span, past quotation marks and brackets."""
    doc = span.doc
    found = []
    for start, step in ((span.start - 1, -1), (span.end, 1)):
        i = start
        while 0 <= i < len(doc) and (doc[i].is_punct or doc[i].is_space) and doc[i].text.strip() in _QUOTES:
            i += step
        if 0 <= i < len(doc):
            found.append(doc[i])
    return found


def _byline(doc: Doc) -> str | None:
    """An organisation that a line near the top names alone, or before the date: "SNHR — 18 November 2019"."""
    for line in _top_lines(doc.text):
        dates = find_dates(line, doc.lang_)
        head = line[: dates[0].start] if dates else line
        if _is_publisher(head, doc.lang_) and (not dates or _dated(line, doc.lang_) is not None):
            return _publisher_names(doc.lang_)[key(head.strip(_BYLINE_MARKS + _QUOTES))]
    return None


def find_publisher(doc: Doc) -> str | None:
    """The organisation that issued the document: a signature line or a byline, else the usual subject of "documented"."""
    signed = _issuer_line(doc)
    if signed:
        return _normalised(signed, doc)
    bylined = _byline(doc)
    if bylined:
        return bylined
    verbs = _cues(doc.lang_, "issuer_verb")
    actors = _actor_ids(doc.lang_)
    counts: Counter[str] = Counter()
    for span in entity_spans(doc):
        if span.label_ == "ORG" and span.kb_id_ not in actors and _issues(span, verbs):
            counts[_normalised(span.text, doc)] += 1
    return counts.most_common(1)[0][0] if counts else None
