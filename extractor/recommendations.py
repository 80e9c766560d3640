"""Recommendations and whom they address: the Recommendations section and "We call on X to …" sentences."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc

from extractor.vocab import rows_for
from tally.model import Recommendation

#: A list marker: bullet, "1.", "(2)", "a)", "iv.".
_MARKER = re.compile(r"^(?:[•●▪■◦‣∙·\-–—*]|\(?\d{1,2}[.)]|\(?[a-z][.)]|\(?[ivx]{1,4}[.)])\s+")
#: Numbering before a section heading: "VIII.", "7.", "C)".
_NUMBERING = re.compile(r"^(?:[IVXLC]{1,6}|\d{1,2}(?:\.\d{1,2})*|[A-Z])[.):-]\s+")
_TERMINAL = ".;!?"
MAX_HEADING_WORDS = 10
MIN_ITEM_WORDS = 3


@dataclass(frozen=True)
class _Line:
    start: int
    text: str


@functools.lru_cache(maxsize=8)
def _cues(lang: str, kind: str) -> tuple[str, ...]:
    texts = {row["text"].lower() for row in rows_for("cues", lang) if row["kind"] == kind}
    return tuple(sorted(texts, key=len, reverse=True))


@functools.lru_cache(maxsize=8)
def _addressees(lang: str) -> dict[str, str]:
    return {row["alias"].lower(): row["name"] for row in rows_for("addressees", lang)}


def _words(text: str) -> str:
    return " ".join(text.split())


def addressee_name(text: str, lang: str = "en") -> str | None:
    """The display name of a known addressee named by ``text`` ("To the UN Security Council:"), else ``None``."""
    core = _words(text).strip(" :,.").lower()
    for prefix in _cues(lang, "addressee_prefix"):
        if core.startswith(prefix + " ") and core[len(prefix) + 1 :] in _addressees(lang):
            core = core[len(prefix) + 1 :]
            break
    known = _addressees(lang)
    if core in known:
        return known[core]
    inside = {name for alias, name in known.items() if re.search(rf"(?<!\w){re.escape(alias)}(?!\w)", core)}
    return inside.pop() if len(inside) == 1 else None


def _display(text: str, lang: str) -> str:
    """A heading as an addressee: its known name, else its own words without "To the" and the colon."""
    name = addressee_name(text, lang)
    if name:
        return name
    core = _words(text).strip(" :,.")
    for prefix in _cues(lang, "addressee_prefix"):
        if core.lower().startswith(prefix + " "):
            core = core[len(prefix) + 1 :]
            break
    return core[:1].upper() + core[1:]


def _has_verb(doc: Doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(token.pos_ == "VERB" for token in span)


def _lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    start = 0
    for line in text.split("\n"):
        lines.append(_Line(start, line))
        start += len(line) + 1
    return lines


def _opens_section(line: str, lang: str) -> str | None:
    """The text after a Recommendations heading on its line ("" for none); ``None`` if no such heading."""
    text = _NUMBERING.sub("", line.strip())
    head, _, rest = text.partition(":")
    # The whole heading must be the cue: a contents line ("Recommendations ..... 19") is not.
    if _words(head).lower() not in _cues(lang, "recommendations_heading"):
        return None
    return rest.strip()


def _addressee_heading(doc: Doc, line: _Line, body: str) -> tuple[str, str] | None:
    """``(addressee, rest of line)`` for "UN Security Council:", "To the Syrian regime", "Russian regime: Stop …"."""
    lang = doc.lang_
    offset = line.start + line.text.find(body)
    head, colon, rest = body.partition(":")
    if len(head.split()) > MAX_HEADING_WORDS or head.strip()[-1:] in _TERMINAL:
        return None
    has_verb = _has_verb(doc, offset, offset + len(head))
    if colon:
        # An unknown heading is taken only when it stands alone on its line ("Donor states:").
        known = addressee_name(head, lang) is not None
        if not has_verb and (known or (not rest.strip() and len(head.split()) <= MAX_HEADING_WORDS // 2)):
            return _display(head, lang), rest.strip()
        return None
    words = _words(head).lower()
    prefixed = any(words.startswith(p + " ") for p in _cues(lang, "addressee_prefix") if p.split()[0] != "the")
    if (prefixed and not has_verb) or words.strip(" .") in _addressees(lang):
        return _display(head, lang), ""
    return None


def _ends_section(doc: Doc, line: _Line, after_break: bool) -> bool:
    """A heading that is no addressee: short, no closing punctuation, title case or verbless."""
    text = line.text.strip()
    if re.match(r"^[IVXLC]+\.\s", text):
        return True
    words = text.split()
    if not after_break or not words or len(words) > MAX_HEADING_WORDS or text[-1] in _TERMINAL + ":,":
        return False
    long_words = [w for w in words if len(w) > 3]
    title_case = bool(long_words) and sum(w[0].isupper() for w in long_words) >= 0.6 * len(long_words)
    return text[0].isupper() and (title_case or not _has_verb(doc, line.start, line.start + len(line.text)))


def _section_items(doc: Doc, lines: list[_Line], first: str) -> Iterator[tuple[str | None, str]]:
    """``(addressee, item)`` for each item of a Recommendations section, to the next other heading."""
    addressee: str | None = None
    current: list[str] = [first] if first else []
    after_break = True
    for line in lines:
        body = line.text.strip()
        if not body:
            if current:
                yield addressee, " ".join(current)
            current, after_break = [], True
            continue
        marker = _MARKER.match(body)
        if marker:
            body = body[marker.end() :]
        heading = _addressee_heading(doc, line, body)
        if heading is not None:
            if current:
                yield addressee, " ".join(current)
            addressee, rest = heading
            current, after_break = ([rest] if rest else []), True
            continue
        if not marker and _ends_section(doc, line, after_break):
            break
        if marker or after_break or not current:
            if current:
                yield addressee, " ".join(current)
            current = []
        if body.endswith(":") and not current:
            after_break = True  # an introduction such as "We recommend the following:"
            continue
        current.append(body)
        after_break = body[-1] in _TERMINAL
    if current:
        yield addressee, " ".join(current)


@functools.lru_cache(maxsize=8)
def _call_pattern(lang: str) -> re.Pattern[str]:
    """"We (also) call on <addressee> to …": the document's own call to someone."""
    publishers = {row["alias"].lower() for row in rows_for("publishers", lang)}
    subjects = "|".join(re.escape(s) for s in sorted({*_cues(lang, "recommender"), *publishers}, key=len, reverse=True))
    calls = "|".join(re.escape(c) for c in _cues(lang, "call_phrase"))
    actions = "|".join(re.escape(a) for a in _cues(lang, "action_start"))
    return re.compile(
        rf"(?<!\w)(?:{subjects})(?:\s+\w+){{0,2}}?\s+(?:{calls})\s+(?P<who>[^.;:]+?)\s+(?:{actions})\s+\w",
        re.IGNORECASE,
    )


def _called(text: str, lang: str) -> str | None:
    match = _call_pattern(lang).search(text)
    return _display(match.group("who"), lang) if match else None


def find_recommendations(doc: Doc) -> list[Recommendation]:
    """The Recommendations section item by item with its addressee, then calls made elsewhere in the text."""
    lang = doc.lang_
    lines = _lines(doc.text)
    out: list[Recommendation] = []
    for i, line in enumerate(lines):
        first = _opens_section(line.text, lang)
        if first is None:
            continue
        for addressee, item in _section_items(doc, lines[i + 1 :], first):
            text = _words(item)
            if len(text.split()) >= MIN_ITEM_WORDS:
                out.append(Recommendation(addressee=addressee or _called(text, lang), text=text))
    within = "\n".join(rec.text for rec in out)
    for sent in doc.sents:
        text = _words(sent.text)
        if text in within:
            continue
        addressee = _called(text, lang)
        if addressee is not None:
            within += "\n" + text
            out.append(Recommendation(addressee=addressee, text=text))
    return out
