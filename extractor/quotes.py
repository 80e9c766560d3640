"""Quoted statements and who made them: “…” said X, role / X, role, said: “…” / قال X، الصفة: «…»."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from extractor.entities import entity_spans
from extractor.forms import cue_words, key, phrase_at, token_form
from extractor.quotation import PAIRS as _PAIRS
from extractor.quotation import quotation_spans
from extractor.vocab import rows_for
from tally.model import Quote

#: Fewer words than this between quotation marks is a term or a scare quote, not a statement.
MIN_WORDS = 4
#: An attribution after a quotation is at most this many words ("said X, chairman of …").
MAX_ATTRIBUTION_WORDS = 30
_SENTENCE_END = re.compile(r"[.!?؟][\"”’»)]?(?=\s)|\n")
#: Commas, colons and brackets that part a speaker's name from the role.
_PART_BREAKS = frozenset({",", "،", ":", ";", "؛", "(", ")"})
_VERB_COMPANIONS = frozenset({"AUX", "ADV", "PART"})
_INTRO_POS = frozenset({"ADP", "ADV", "SCONJ", "CCONJ"})
_RELATIVE = re.compile(r"^(who|which|that|whose)\b", re.IGNORECASE)


@dataclass(frozen=True)
class _Speaker:
    name: str
    role: str | None


@functools.lru_cache(maxsize=16)
def _cues(lang: str, kind: str) -> frozenset[str]:
    return frozenset(key(row["text"]) for row in rows_for("cues", lang) if row["kind"] == kind)


@functools.lru_cache(maxsize=8)
def _complementizers(lang: str) -> frozenset[str]:
    """Every word of the phrases that lead into reported speech: "إن", "إلى أن"."""
    return cue_words(lang, "speech_complementizer") | frozenset(
        word for phrase in _cues(lang, "speech_complementizer") for word in phrase.split()
    )


def _tagged(doc: Doc) -> bool:
    """True when the pipeline tags parts of speech; without (Arabic), cue words stand in for them."""
    return doc.has_annotation("POS")


def _clean(text: str) -> str:
    text = re.sub(r"\n\s*[“«]", " ", text)
    return " ".join(text.split()).strip().rstrip(",").strip()


def _is_speech_verb(token: Token) -> bool:
    if not _tagged(token.doc):
        return token_form(token) in cue_words(token.doc.lang_, "speech_verb")
    return token.pos_ == "VERB" and token.lemma_.lower() in _cues(token.doc.lang_, "speech_verb")


def _is_verb(token: Token) -> bool:
    return token.pos_ in {"VERB", "AUX"}


def _leads_in(lead: str, body: str, lang: str) -> bool:
    """Without tags: the words before a quotation end "…:", "…،" or "… إن", or the quotation opens "إن …"."""
    words = lead.split()
    first = body.split()[:1]
    return (
        lead.rstrip().endswith((":", "،", ","))
        or (bool(words) and key(words[-1]) in _complementizers(lang))
        or (bool(first) and key(first[0]) in _complementizers(lang))
    )


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


def _before(doc: Doc, opening: int, body: str) -> tuple[Span, Token] | None:
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
    if not _tagged(doc):
        if not _leads_in(text[start:opening], body, doc.lang_):
            return None
        clause = clause[-MAX_ATTRIBUTION_WORDS:]
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
    if not _tagged(doc):
        # Without tags the verb comes first ("«…»، قال X"); a clause ending in ":" introduces the next quotation.
        ends_in_colon = text[closing + 1 : end].rstrip().endswith(":")
        return None if ends_in_colon else next(((clause, t) for t in words[:2] if _is_speech_verb(t)), None)
    for token in words:
        if _is_speech_verb(token):
            return clause, token
        if token.pos_ == "VERB":  # an auxiliary may come first: "… ,” he had said."
            return None
    return None


def _parts(span: Span, verb: Token) -> list[Span]:
    """The words naming the speaker (before or after the verb), cut at commas."""
    doc = span.doc
    after = doc[verb.i + 1 : span.end]
    if not _tagged(doc) and any(not t.is_punct for t in after):
        # Verb first: "قال X، الصفة:", "وأضاف التقرير أن"; the words leading into the quotation are no part.
        end = after.end
        while end > after.start and (doc[end - 1].is_punct or token_form(doc[end - 1]) in _complementizers(doc.lang_)):
            end -= 1
        words = doc[after.start : end]
    elif verb.i == span.start or all(t.is_punct for t in span.doc[span.start : verb.i]):
        words = span.doc[verb.i + 1 : span.end]
    else:
        end = verb.i
        while end > span.start and span.doc[end - 1].pos_ in _VERB_COMPANIONS:
            end -= 1  # "had", "also", "further" belong to the verb, not the speaker
        words = span.doc[span.start : end]
    parts: list[Span] = []
    begin = words.start
    for token in [*words, None]:
        if token is None or token.text in _PART_BREAKS:
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
        return previous[-1] if previous else None  # the verb alone, "وأضاف:", goes on with the last speaker
    # A part holding a person names the speaker, else one holding an organisation.
    holding = {
        label: {i for i, p in enumerate(parts) for e in names if e.label_ == label and p.start <= e.start and e.end <= p.end}
        for label in ("PERSON", "ORG")
    }
    named = holding["PERSON"] or holding["ORG"]
    index = min(named) if named else next((i for i, p in enumerate(parts) if p[0].pos_ not in _INTRO_POS), 0)
    part, title = _without_title(parts[index], names)
    name = _strip_determiner(_name_words(part).text.strip(" ."))
    roles = [title] if title is not None else []
    stops = cue_words(span.doc.lang_, "name_stop")  # "وهي منظمة حقوقية", "في تقرير لها": asides, not roles
    roles += [p for p in parts[index + 1 :] if not _RELATIVE.match(p.text.strip()) and token_form(p[0]) not in stops]
    role = _strip_determiner(_joined(roles)) or None
    if not name:
        return previous[-1] if previous else None
    lang = span.doc.lang_
    if name.lower() in _cues(lang, "speaker_pronoun"):
        return previous[-1] if previous else None
    short = _without_honorific(name, lang)
    for earlier in reversed(previous):
        if earlier.name != name and earlier.name.endswith(" " + short):
            return earlier
    return _Speaker(name=name, role=role)


def _without_title(part: Span, names: list[Span]) -> tuple[Span, Span | None]:
    """A title before the name goes to the role: "مدير الشبكة فضل عبد الغني" -> the name, and "مدير الشبكة"."""
    doc = part.doc
    if not phrase_at([token_form(t) for t in part], 0, doc.lang_, "title"):
        return part, None
    person = next((e for e in names if e.label_ == "PERSON" and part.start < e.start < part.end), None)
    if person is None:
        return part, None
    return doc[person.start : part.end], doc[part.start : person.start]


def _name_words(part: Span) -> Span:
    """The speaker's words up to one that no name holds: "الشبكة في بيان" -> "الشبكة"."""
    stops = cue_words(part.doc.lang_, "name_stop")
    end = next((t.i for t in part[1:] if token_form(t) in stops), part.end)
    return part.doc[part.start : end]


def _joined(parts: list[Span]) -> str:
    """Role parts joined by the comma the text uses: "، " after an Arabic one, ", " otherwise."""
    doc = parts[0].doc if parts else None
    arabic = doc is not None and any(p.start > 0 and doc[p.start - 1].text == "،" for p in parts)
    return ("، " if arabic else ", ").join(p.text.strip(" .") for p in parts)


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
        if _tagged(doc):
            attribution = _after(doc, closing) or _before(doc, opening, body)
        else:  # verb-first languages attribute before the quotation more often than after it
            attribution = _before(doc, opening, body) or _after(doc, closing)
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
