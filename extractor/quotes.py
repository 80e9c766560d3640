"""Quoted statements and who made them: “…” said X, role / X, role, said: “…” / He added: “…”."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from extractor.entities import entity_spans
from extractor.vocab import rows_for
from tally.model import Quote

#: Fewer words than this between quotation marks is a term or a scare quote, not a statement.
MIN_WORDS = 4
#: An attribution after a quotation is at most this many words ("said X, chairman of …").
MAX_ATTRIBUTION_WORDS = 30
_PAIRS = {"“": "”", "«": "»"}
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?(?=\s)|\n")
_VERB_COMPANIONS = frozenset({"AUX", "ADV", "PART"})
_INTRO_POS = frozenset({"ADP", "ADV", "SCONJ", "CCONJ"})
_RELATIVE = re.compile(r"^(who|which|that|whose)\b", re.IGNORECASE)


@dataclass(frozen=True)
class _Speaker:
    name: str
    role: str | None


@functools.lru_cache(maxsize=8)
def _cues(lang: str, kind: str) -> frozenset[str]:
    return frozenset(row["text"].lower() for row in rows_for("cues", lang) if row["kind"] == kind)


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """``(open, close)`` offsets of the quotation marks around each quotation, in order.

    Curly quotations may run over paragraphs (each new paragraph reopening the quote);
    straight double quotes pair up within a line.
    """
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    closing = ""
    for i, char in enumerate(text):
        if char in _PAIRS and (opened is None or "\n\n" not in text[opened:i]):
            opened, closing = i, _PAIRS[char]
        elif opened is not None and char == closing:
            spans.append((opened, i))
            opened = None
    for line in re.finditer(r"[^\n]+", text):
        for match in re.finditer(r'"([^"]+)"', line.group()):
            spans.append((line.start() + match.start(), line.start() + match.end() - 1))
    return sorted(spans)


def _clean(text: str) -> str:
    text = re.sub(r"\n\s*[“«]", " ", text)
    return " ".join(text.split()).strip().rstrip(",").strip()


def _is_speech_verb(token: Token) -> bool:
    return token.pos_ == "VERB" and token.lemma_.lower() in _cues(token.doc.lang_, "speech_verb")


def _is_verb(token: Token) -> bool:
    return token.pos_ in {"VERB", "AUX"}


def _span(doc: Doc, start: int, end: int) -> Span | None:
    if end <= start:
        return None
    return doc.char_span(start, end, alignment_mode="expand")


def _ends_sentence(text: str, match: re.Match[str], lang: str) -> bool:
    """False for the full stop of ``Dr.`` or an initial (``A. Hassan``)."""
    word = re.search(r"(\w+)\W*$", text[: match.start() + 1])
    if match.group() == "\n" or word is None:
        return True
    return len(word.group(1)) > 1 and f"{word.group(1).lower()}." not in _cues(lang, "honorific")


def _clause_start(text: str, end: int, lang: str) -> int:
    """Where the sentence (or the stretch after the last closing quotation mark) before ``end`` starts."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, end) if _ends_sentence(text, m, lang)]
    marks = [text.rfind(mark, 0, end) + 1 for mark in (*_PAIRS.values(), '"')]
    return max([*ends, *marks, 0])


def _before(doc: Doc, opening: int) -> tuple[Span, Token] | None:
    """The words before a quotation that attribute it: ``X, role, said:``; ``None`` without a speech verb."""
    text = doc.text
    start = _clause_start(text, opening, doc.lang_)
    if not text[start:opening].strip():
        # A quotation opening a paragraph: the paragraph before may end "… said:".
        previous = text[:opening].rstrip()
        if not previous.endswith(":"):
            return None
        opening = len(previous)
        start = _clause_start(text, opening - 1, doc.lang_)
    clause = _span(doc, start, opening)
    if clause is None:
        return None
    for token in reversed(clause):
        if _is_speech_verb(token):
            return clause, token
        if _is_verb(token):
            return None
    return None


def _after(doc: Doc, closing: int) -> tuple[Span, Token] | None:
    """The words after a quotation that attribute it: ``said X, role.`` or ``X said.``."""
    text = doc.text
    stop = _SENTENCE_END.search(text, closing + 1)
    end = stop.start() if stop else len(text)
    marks = [text.find(mark, closing + 1, end) for mark in (*_PAIRS, '"')]
    end = min([end, *(mark for mark in marks if mark >= 0)])
    clause = _span(doc, closing + 1, end)
    if clause is None or len(clause) > MAX_ATTRIBUTION_WORDS:
        return None
    words = [token for token in clause if not token.is_punct]
    if not words:
        return None
    for token in words:
        if _is_speech_verb(token):
            return clause, token
        if token.pos_ == "VERB":  # an auxiliary may come first: "… ,” he had said."
            return None
    return None


def _parts(span: Span, verb: Token) -> list[Span]:
    """The words naming the speaker (before or after the verb), cut at commas."""
    if verb.i == span.start or all(t.is_punct for t in span.doc[span.start : verb.i]):
        words = span.doc[verb.i + 1 : span.end]
    else:
        end = verb.i
        while end > span.start and span.doc[end - 1].pos_ in _VERB_COMPANIONS:
            end -= 1  # "had", "also", "further" belong to the verb, not the speaker
        words = span.doc[span.start : end]
    parts: list[Span] = []
    begin = words.start
    for token in [*words, None]:
        if token is None or token.text in {",", ":", ";", "(", ")"}:
            end = words.end if token is None else token.i
            if end > begin:
                parts.append(span.doc[begin:end])
            begin = end + 1
    return parts


def _speaker(span: Span, verb: Token, names: list[Span], previous: list[_Speaker]) -> _Speaker | None:
    """Speaker and role from an attribution; pronouns and short names refer back to earlier speakers.

    ``names`` are the document's PERSON and ORG entities: the first comma-part holding one names
    the speaker, the parts after it are the role. Without a name, the first part that is not an
    introductory phrase ("In this context") is the speaker.
    """
    parts = [part for part in _parts(span, verb) if part.text.strip(" .")]
    if not parts:
        return None
    named = {i for i, part in enumerate(parts) for ent in names if part.start <= ent.start and ent.end <= part.end}
    index = min(named) if named else next((i for i, p in enumerate(parts) if p[0].pos_ not in _INTRO_POS), 0)
    name = _strip_determiner(parts[index].text.strip(" ."))
    roles = [p.text.strip(" .") for p in parts[index + 1 :] if not _RELATIVE.match(p.text.strip())]
    role = _strip_determiner(", ".join(roles)) or None
    lang = span.doc.lang_
    if name.lower() in _cues(lang, "speaker_pronoun"):
        return previous[-1] if previous else None
    short = _without_honorific(name, lang)
    for earlier in reversed(previous):
        if earlier.name != name and earlier.name.endswith(" " + short):
            return earlier
    return _Speaker(name=name, role=role)


def _strip_determiner(text: str) -> str:
    return re.sub(r"^(the|The)\s+", "", text.strip())


def _without_honorific(name: str, lang: str) -> str:
    first, _, rest = name.partition(" ")
    return rest if rest and first.lower() in _cues(lang, "honorific") else name


def find_quotes(doc: Doc) -> list[Quote]:
    """Quoted statements attributed by a speech verb, with their speaker and the speaker's role."""
    quotes: list[Quote] = []
    speakers: list[_Speaker] = []
    seen: set[str] = set()
    names = [span for span in entity_spans(doc) if span.label_ in {"PERSON", "ORG"}]
    for opening, closing in quotation_spans(doc.text):
        body = _clean(doc.text[opening + 1 : closing])
        if len(body.split()) < MIN_WORDS or body in seen:
            continue
        attribution = _after(doc, closing) or _before(doc, opening)
        if attribution is None:
            continue
        speaker = _speaker(*attribution, names, speakers)
        if speaker is not None and (not speakers or speakers[-1] != speaker):
            speakers.append(speaker)
        seen.add(body)
        quotes.append(
            Quote(
                speaker=speaker.name if speaker else None,
                role=speaker.role if speaker else None,
                text=body,
            )
        )
    return quotes
