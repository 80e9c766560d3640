"""Recommendations and whom they address: the Recommendations section and "We call on X to …" sentences.

Arabic reads the same way from its own rows of the tables: "التوصيات", "إلى مجلس الأمن الدولي:", "ندعو X إلى …".
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc

from extractor.forms import key, normalized_offsets
from extractor.vocab import rows_for
from tally.model import Recommendation

#: A list marker: bullet, "1.", "(2)", "a)", "iv.".
_MARKER = re.compile(r"^(?:[•●▪■◦‣∙·\-–—*]|\(?\d{1,2}[.)]|\(?[a-z][.)]|\(?[ivx]{1,4}[.)]|\(?[أبجدهوزح][.)])\s+")
#: Numbering before a section heading: "VIII.", "7.", "C)".
_NUMBERING = re.compile(r"^(?:[IVXLC]{1,6}|\d{1,2}(?:\.\d{1,2})*|[A-Z])[.):-]\s+")
_TERMINAL = ".;!?؛؟"
MAX_HEADING_WORDS = 10
MIN_ITEM_WORDS = 3


@dataclass(frozen=True)
class _Line:
    start: int
    text: str


@functools.lru_cache(maxsize=32)
def _cues(lang: str, kind: str) -> tuple[str, ...]:
    texts = {key(row["text"]) for row in rows_for("cues", lang) if row["kind"] == kind}
    return tuple(sorted(texts, key=len, reverse=True))


@functools.lru_cache(maxsize=8)
def _addressees(lang: str) -> dict[str, str]:
    return {key(row["alias"]): row["name"] for row in rows_for("addressees", lang)}


@functools.lru_cache(maxsize=8)
def _alias_pattern(lang: str) -> re.Pattern[str]:
    """Any known addressee inside a text, also with a joined "و", "ف", "ب" or "ل" + article: "وللأمم المتحدة"."""
    aliases = sorted(_addressees(lang), key=len, reverse=True)
    forms = [
        rf"(?:[وف]?ب?{re.escape(a)}|[وف]?لل{re.escape(a[2:])})" if a.startswith("ال") else rf"[وف]?{re.escape(a)}"
        for a in aliases
    ]
    return re.compile(rf"(?<!\w)(?:{'|'.join(f'(?P<a{i}>{form})' for i, form in enumerate(forms))})(?!\w)")


def _words(text: str) -> str:
    return " ".join(text.split())


def addressee_name(text: str, lang: str = "en") -> str | None:
    """The display name of a known addressee named by ``text`` ("To the UN Security Council:"), else ``None``.

    A text naming two addressees ("the Security Council and the Human Rights Council") has none.
    """
    core = key(text).strip(" :,.،")
    for prefix in _cues(lang, "addressee_prefix"):
        if core.startswith(prefix + " ") and core[len(prefix) + 1 :] in _addressees(lang):
            core = core[len(prefix) + 1 :]
            break
    known = _addressees(lang)
    if core in known:
        return known[core]
    aliases = sorted(known, key=len, reverse=True)
    inside = {known[aliases[int(name[1:])]] for m in _alias_pattern(lang).finditer(core) for name, v in m.groupdict().items() if v}
    return inside.pop() if len(inside) == 1 else None


def _display(text: str, lang: str) -> str:
    """A heading as an addressee: its known name, else its own words without "To the" and the colon."""
    name = addressee_name(text, lang)
    if name:
        return name
    core = _words(text).strip(" :,.،")
    for prefix in _cues(lang, "addressee_prefix"):
        if key(core).startswith(prefix + " "):
            core = " ".join(core.split()[len(prefix.split()) :])
            break
    return core[:1].upper() + core[1:]


def _has_verb(doc: Doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(token.pos_ == "VERB" for token in span)


def _lines(text: str, lang: str) -> list[_Line]:
    """The text's lines; a heading that a flattened page ran onto an item ("… 2254. To X:") becomes its own."""
    lines: list[_Line] = []
    start = 0
    for line in text.split("\n"):
        tail = re.search(r"(?<=[.;!?؛؟])\s+(?P<head>[^.;!?؛؟:]+:)\s*$", line)
        if tail and _names_addressee(tail.group("head"), lang):
            lines += [_Line(start, line[: tail.start()]), _Line(start + tail.start("head"), tail.group("head"))]
        else:
            lines.append(_Line(start, line))
        start += len(line) + 1
    return lines


def _names_addressee(head: str, lang: str) -> bool:
    words = key(head).strip(" :")
    return addressee_name(head, lang) is not None or any(words.startswith(p + " ") for p in _prefixes(lang))


def _prefixes(lang: str) -> list[str]:
    """Words before an addressee that make a line a heading ("To", "إلى"), not "the"."""
    return [p for p in _cues(lang, "addressee_prefix") if p.split()[0] != "the"]


def _unnumbered(line: str, lang: str) -> str:
    """A heading without its numbering: "VIII. ", "7. ", "خامساً: "."""
    text = _NUMBERING.sub("", line.strip())
    words = [word for word in text.split() if key(word)]  # a mark a flattened page split off its word is none
    if words and _is_section_number(words[0], lang):
        return " ".join(words[1:]).lstrip(":.-–— ")
    return text


def _is_section_number(word: str, lang: str) -> bool:
    """An ordinal numbering a heading: "أولاً:", "ثانياً -"."""
    return key(word).strip(":.-–—") in _cues(lang, "section_number")


def _opens_section(line: str, lang: str) -> str | None:
    """The text after a Recommendations heading on its line ("" for none); ``None`` if no such heading."""
    text = _unnumbered(line, lang)
    head, _, rest = text.partition(":")
    # The whole heading must be the cue: a contents line ("Recommendations ..... 19") is not.
    if key(head) not in _cues(lang, "recommendations_heading"):
        return None
    return rest.strip()


def _addressee_heading(doc: Doc, line: _Line, body: str) -> tuple[str, str] | None:
    """``(addressee, rest of line)`` for "UN Security Council:", "To the Syrian regime", "Russian regime: Stop …"."""
    lang = doc.lang_
    offset = line.start + line.text.find(body)
    head, colon, rest = body.partition(":")
    words = key(head)
    prefixed = any(words.startswith(p + " ") for p in _prefixes(lang))
    # A heading naming several addressees may be longer: "To Hay'at Tahrir al-Sham, the SDF and the factions:".
    limit = 2 * MAX_HEADING_WORDS if colon and not rest.strip() and prefixed else MAX_HEADING_WORDS
    if len(head.split()) > limit or head.strip()[-1:] in _TERMINAL:
        return None
    has_verb = _has_verb(doc, offset, offset + len(head))
    if colon:
        # An unknown heading is taken only when it stands alone on its line ("Donor states:", "To the donors:"),
        # and a long one only when it names a known addressee ("The Security Council and the donors:").
        known = addressee_name(head, lang) is not None
        alone = not rest.strip() and (
            len(head.split()) <= MAX_HEADING_WORDS // 2 or prefixed or _alias_pattern(lang).search(words) is not None
        )
        if not has_verb and (known or alone):
            return _display(head, lang), rest.strip()
        return None
    if prefixed and not _tagged(doc):
        # Without tags "على النظام أن يتوقف" cannot be told from a heading unless the rest is an addressee.
        prefixed = any(words.startswith(p + " ") and words[len(p) + 1 :] in _addressees(lang) for p in _prefixes(lang))
    if (prefixed and not has_verb) or words.strip(" .") in _addressees(lang):
        return _display(head, lang), ""
    return None


def _tagged(doc: Doc) -> bool:
    """True when the pipeline tags parts of speech (English); Arabic has only tokens and the tables."""
    return doc.has_annotation("POS")


def _ends_section(doc: Doc, line: _Line, after_break: bool) -> bool:
    """A heading that is no addressee: short, no closing punctuation, title case or verbless."""
    text = line.text.strip()
    numbering = [word for word in text.split()[:2] if key(word)][:1]
    if re.match(r"^[IVXLC]+\.\s", text) or (numbering and _is_section_number(numbering[0], doc.lang_)):
        return True
    words = text.split()
    if not after_break or not words or len(words) > MAX_HEADING_WORDS or text[-1] in _TERMINAL + ":,،":
        return False
    if not _tagged(doc):
        return True  # a short line standing alone without closing punctuation: the next section's heading
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
def _call_patterns(lang: str) -> tuple[tuple[re.Pattern[str], bool], ...]:
    """The document's own calls on someone, each with whether the addressee must be a known one.

    "We (also) call on <addressee> to …"; verb first, "تدعو الشبكة <addressee> إلى …" and "ندعو <addressee> إلى …";
    an obligation, "يجب على <addressee> أن …", only for a known addressee.
    """
    publishers = {key(row["alias"]) for row in rows_for("publishers", lang)}
    subjects = _alternation([*_cues(lang, "recommender"), *publishers])
    who = r"\s+(?P<who>[^.;:،؛]+?)"
    # An action word stands alone ("to", "إلى") or is written onto the next word (a row ending in "ـ": "بـ").
    actions = [row["text"] for row in rows_for("cues", lang) if row["kind"] == "action_start"]
    separate = _alternation([key(a) for a in actions if not a.endswith("ـ")])
    joined = _alternation([key(a) for a in actions if a.endswith("ـ")])
    action = rf"(?:\s+(?:{separate})\s+\w" + (rf"|\s+(?:{joined})(?=\w))" if joined else ")")
    calls = _alternation(_cues(lang, "call_phrase"))
    patterns = [(rf"(?<!\w)(?:{subjects})(?:\s+\w+){{0,2}}?\s+(?:{calls}){who}{action}", False)]
    for kind, subject in (("call_verb", rf"\s+(?:{subjects})"), ("call_first_person", "")):
        if _cues(lang, kind):
            patterns.append((rf"(?<!\w)[وف]?(?:{_alternation(_cues(lang, kind))}){subject}{who}{action}", False))
    obligations = _cues(lang, "obligation")
    if obligations:
        # A bare preposition ("على X أن") is an obligation only where it opens the sentence.
        phrases = _alternation([o for o in obligations if " " in o])
        words = _alternation([o for o in obligations if " " not in o])
        leads = ([rf"(?<!\w)[وف]?(?:{phrases})"] if phrases else []) + ([rf"^[وف]?(?:{words})"] if words else [])
        patterns.append((rf"(?:{'|'.join(leads)}){who}{action}", True))
    return tuple((re.compile(pattern), known) for pattern, known in patterns)


def _alternation(words: list[str] | tuple[str, ...]) -> str:
    return "|".join(re.escape(word) for word in sorted(set(words), key=len, reverse=True))


def _called(text: str, lang: str) -> str | None:
    """The addressee of the first call the sentence makes, or ``None``; a heading ("… :") makes none."""
    if text.rstrip().endswith(":"):
        return None
    normalized, offsets = normalized_offsets(text)
    for pattern, known in _call_patterns(lang):
        match = pattern.search(normalized)
        if match is None:
            continue
        who = text[offsets[match.start("who")] : offsets[match.end("who") - 1] + 1]
        if not known or addressee_name(who, lang) is not None:
            return _display(who, lang)
    return None


def find_recommendations(doc: Doc) -> list[Recommendation]:
    """The Recommendations section item by item with its addressee, then calls made elsewhere in the text."""
    lang = doc.lang_
    lines = _lines(doc.text, lang)
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
