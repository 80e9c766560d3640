"""Legal instruments and their numbered parts: treaties, articles, resolutions, decrees (vocab/laws.tsv)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from extractor.vocab import rows_for

_NUMBER = r"^\d{1,5}[a-z]?$"
#: An article number and its subdivisions as the tokenizer leaves them: "8", "8(2)(b", "(", "xxv", ")".
_PROVISION_PART = r"^(?:[\d()]*\d[\w()]*|\(?[a-z]\)?|\(?[ivxl]{2,5}\)?|[()]+|,|and|to|-)$"
_YEAR = r"^(?:19|20)\d\d$"


def _kind(lang: str, kind: str) -> dict[str, str]:
    """``text -> id`` for one kind of row of laws.tsv."""
    return {row["text"]: row["id"] for row in rows_for("laws", lang) if row["kind"] == kind}


def _lower_words(lang: str, kind: str) -> list[str]:
    return sorted({text.lower() for text in _kind(lang, kind)})


def _phrase_matcher(vocab: Vocab, lang: str, kind: str, make_doc: Callable[[str], Doc]) -> PhraseMatcher:
    matcher = PhraseMatcher(vocab, attr="LOWER")
    for text, ident in _kind(lang, kind).items():
        # All-capital abbreviations (IHL, UNSC) match only as written.
        if text.isupper() and len(text) <= 6:
            continue
        matcher.add(ident, [make_doc(text)])
    return matcher


def _abbreviations(vocab: Vocab, lang: str, kind: str, make_doc: Callable[[str], Doc]) -> PhraseMatcher:
    matcher = PhraseMatcher(vocab, attr="ORTH")
    for text, ident in _kind(lang, kind).items():
        if text.isupper() and len(text) <= 6:
            matcher.add(ident, [make_doc(text)])
    return matcher


class LawFinder:
    """Finds LAW spans; each span's ``kb_id_`` is a canonical id such as ``rome_statute:art8(2)(b)``."""

    def __init__(self, vocab: Vocab, lang: str, make_doc: Callable[[str], Doc]) -> None:
        self.instruments = _phrase_matcher(vocab, lang, "instrument", make_doc)
        self.instrument_abbreviations = _abbreviations(vocab, lang, "instrument", make_doc)
        self.issuers = _phrase_matcher(vocab, lang, "issuer", make_doc)
        self.issuer_abbreviations = _abbreviations(vocab, lang, "issuer", make_doc)
        self.numbered = Matcher(vocab)
        number_sign: list[dict[str, Any]] = [
            {"LOWER": {"IN": _lower_words(lang, "number_sign")}, "OP": "?"},
            {"ORTH": ".", "OP": "?"},
        ]
        self.numbered.add(
            "provision",
            [
                [
                    {"LOWER": {"IN": _lower_words(lang, "article_prefix")}, "OP": "?"},
                    {"LOWER": {"IN": _lower_words(lang, "article")}},
                    {"TEXT": {"REGEX": r"^\d{1,4}[a-z]?(?:\(\w{1,5}\)?)*$"}},
                    {"LOWER": {"REGEX": _PROVISION_PART}, "OP": "*"},
                    {"LOWER": "of"},
                    {"LOWER": "the", "OP": "?"},
                ]
            ],
            greedy="LONGEST",
        )
        self.numbered.add(
            "resolution",
            [
                [
                    {"LOWER": {"IN": _lower_words(lang, "resolution")}},
                    *number_sign,
                    {"TEXT": {"REGEX": r"^\d{2,5}$"}},
                    {"LOWER": {"REGEX": r"^(?:,|and|&|\d{2,5})$"}, "OP": "*"},
                ],
                [
                    {"LOWER": {"IN": _lower_words(lang, "resolution")}},
                    *number_sign,
                    {"TEXT": {"REGEX": r"^\d{2,5}$"}},
                    {"ORTH": "("},
                    {"TEXT": {"REGEX": _YEAR}},
                    {"ORTH": ")"},
                ],
            ],
            greedy="LONGEST",
        )
        self.numbered.add(
            "statute",
            [
                [
                    {"LOWER": {"IN": _lower_words(lang, "statute_prefix")}, "OP": "?"},
                    {"LOWER": {"IN": _lower_words(lang, "statute")}},
                    {"LOWER": {"IN": _lower_words(lang, "number_sign")}},
                    {"ORTH": ".", "OP": "?"},
                    {"TEXT": {"REGEX": _NUMBER}},
                    {"LOWER": {"IN": ["of", "for", "/"]}, "OP": "?"},
                    {"TEXT": {"REGEX": _YEAR}, "OP": "?"},
                ]
            ],
            greedy="LONGEST",
        )

    def __call__(self, doc: Doc) -> list[Span]:
        """LAW spans in ``doc``, possibly overlapping (the caller keeps the longest)."""
        strings = doc.vocab.strings
        instruments: dict[int, tuple[int, str]] = {}
        for matcher in (self.instruments, self.instrument_abbreviations):
            for key, start, end in matcher(doc):
                if end > instruments.get(start, (0, ""))[0]:
                    instruments[start] = (end, strings[key])
        issuers: dict[int, tuple[int, str]] = {}
        for matcher in (self.issuers, self.issuer_abbreviations):
            for key, start, end in matcher(doc):
                if start < issuers.get(end, (end, ""))[0]:
                    issuers[end] = (start, strings[key])
        spans = [Span(doc, start, end, label="LAW", kb_id=ident) for start, (end, ident) in instruments.items()]
        for key, start, end in self.numbered(doc):
            kind = strings[key]
            if kind == "provision":
                spans.extend(_provision(doc, start, end, instruments))
            elif kind == "resolution":
                spans.append(_resolution(doc, start, end, issuers))
            else:
                spans.append(Span(doc, start, end, label="LAW", kb_id=_slug(doc[start:end].text)))
        return spans


def _slug(text: str) -> str:
    """``Article 8 (2) (b)`` -> ``article_8(2)(b)``."""
    compact = re.sub(r"\s+(?=\()|(?<=\()\s+|\s+(?=\))|\.", "", text.lower())
    return re.sub(r"[^0-9a-z()]+", "_", compact).strip("_")


def _provision(doc: Doc, start: int, end: int, instruments: dict[int, tuple[int, str]]) -> Iterable[Span]:
    """``Article 8 (2) (b) of the`` followed by an instrument, as one span; nothing without one."""
    if end not in instruments:
        return []
    instrument_end, ident = instruments[end]
    numbers = doc[start:end].text
    numbers = re.sub(r"\s+(of|of the)$", "", numbers, flags=re.IGNORECASE)
    return [Span(doc, start, instrument_end, label="LAW", kb_id=f"{ident}:{_slug(numbers)}")]


def _resolution(doc: Doc, start: int, end: int, issuers: dict[int, tuple[int, str]]) -> Span:
    """``Resolution 2139 (2014)``, widened to the issuing body written just before it."""
    while not doc[end - 1].text.isdigit() and doc[end - 1].text != ")":
        end -= 1  # "resolutions 2042 and" ends on its last number
    # The year of adoption stands in brackets: "2139 (2014)".
    numbers = [t.text for t in doc[start:end] if t.text.isdigit() and not (t.i > 0 and doc[t.i - 1].text == "(")]
    issuer_start, issuer = issuers.get(start, (start, ""))
    ident = "_".join([f"{issuer}_resolution" if issuer else "resolution", *numbers])
    return Span(doc, issuer_start, end, label="LAW", kb_id=ident)
